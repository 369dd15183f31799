"""A sidebar navigation that lists the publication's sections, not every article.

Furo asks Sphinx for the whole global toctree on every page; Sphinx resolves
it by deep-copying every document's table of contents, so with thousands of
articles each page costs time and size in proportion to the whole publication.
This module answers Furo's request with the toctree cut at
``articles_navigation_depth`` levels (home, archive, years, categories), in the
markup Sphinx itself produces, built from ``env.toctree_includes`` directly.

Relies on: Furo calling the context's ``toctree(...)`` for its sidebar, and the markup
of Sphinx's toctree (``toctree-l<N>``, ``current``) that Furo's script and styles expect.
Tested with Furo 2025.12.19 and Sphinx 9.0.4.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def lists_children(env: BuildEnvironment, doc: str) -> bool:
    """Whether the sidebar lists a section's entries: not past ``articles_navigation_max_items``.

    A publication with 300 categories shows «Категории» alone, so that every page's
    sidebar (and size) does not grow with the number of categories.
    """
    limit = env.config.articles_navigation_max_items
    return limit <= 0 or len(env.toctree_includes.get(doc, ())) <= limit


@dataclass
class _Sidebar:
    """What every page's sidebar is made of, computed once per build (per process)."""

    parents: dict[str, str]  # each document's parent on its way from the root
    shown: frozenset[str]  # the documents the sidebar lists
    rendered: dict[tuple, str] = field(default_factory=dict)


def _sidebar(app: Sphinx) -> _Sidebar:
    """The build's sidebar facts; walking from the root leaves out orphan toctrees (editions)."""
    sidebar = getattr(app.builder, "_articles_sidebar", None)
    if sidebar is None:
        includes, root = app.env.toctree_includes, app.config.root_doc
        parents: dict[str, str] = {}
        depth, queue = {root: 0}, [root]
        hidden: set[str] = set()  # entries of sections too long to list
        for parent in queue:  # breadth first, so each document gets its shallowest place
            for child in includes.get(parent, ()):
                if child not in depth:
                    parents[child] = parent
                    depth[child] = depth[parent] + 1
                    queue.append(child)
                    if parent in hidden or not lists_children(app.env, parent):
                        hidden.add(child)
        limit = app.config.articles_navigation_depth
        shown = frozenset(
            doc for doc, level in depth.items() if 0 < level <= limit and doc not in hidden
        )
        sidebar = app.builder._articles_sidebar = _Sidebar(parents, shown)
    return sidebar


def forget(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the next build (same process) may have another toctree."""
    app.builder.__dict__.pop("_articles_sidebar", None)


def _lineage(parents: dict[str, str], pagename: str) -> set[str]:
    lineage = {pagename}
    while pagename in parents and parents[pagename] not in lineage:
        pagename = parents[pagename]
        lineage.add(pagename)
    return lineage


def outline(env: BuildEnvironment, maxdepth: int) -> tuple:
    """The part of the toctree the sidebar shows: when it changes, every page must be re-written."""

    def level(parent: str, depth: int) -> tuple:
        return tuple(
            (
                doc,
                env.titles[doc].astext() if doc in env.titles else "",
                level(doc, depth + 1) if depth < maxdepth and lists_children(env, doc) else (),
            )
            for doc in env.toctree_includes.get(parent, ())
        )

    return level(env.config.root_doc, 1)


def outdated_outline(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: every page, when the sections its sidebar shows changed."""
    domain = env.domains["articles"]
    if not domain.was_anything_read():
        return []
    sections = outline(env, app.config.articles_navigation_depth)
    if domain.data.setdefault("outline", sections) == sections:
        return []
    domain.data["outline"] = sections
    return sorted(env.found_docs)


def _link(app: Sphinx, pagename: str) -> Callable[[str], str]:
    """How this page links to a document: relative, except on the 404 page.

    sphinx-notfound-page's 404 page is served at any URL depth, so its links
    are absolute paths under ``notfound_urls_prefix``.
    """
    builder = app.builder
    if pagename == getattr(app.config, "notfound_pagename", None):
        prefix = app.config.notfound_urls_prefix or "/"
        return lambda doc: prefix + builder.get_target_uri(doc)
    return lambda doc: builder.get_relative_uri(pagename, doc)


def navigation_html(app: Sphinx, pagename: str, maxdepth: int) -> str:
    """Render the toctree below the root document to ``maxdepth`` levels."""
    env = app.env
    lineage = _lineage(_sidebar(app).parents, pagename)
    link = _link(app, pagename)

    def level(parent: str, depth: int) -> str:
        items = []
        for doc in env.toctree_includes.get(parent, ()):
            if doc not in env.titles:
                continue
            current = " current" if doc in lineage else ""
            href = escape(link(doc))
            title = escape(env.titles[doc].astext())
            children = (
                level(doc, depth + 1) if depth < maxdepth and lists_children(env, doc) else ""
            )
            items.append(
                f'<li class="toctree-l{depth}{current}">'
                f'<a class="reference internal{current}" href="{href}">{title}</a>'
                f"{children}</li>"
            )
        css = ' class="current"' if parent in lineage and depth > 1 else ""
        return f"<ul{css}>{''.join(items)}</ul>" if items else ""

    return level(app.config.root_doc, 1)


def _kept_navigation(app: Sphinx, pagename: str, maxdepth: int) -> str:
    """The sidebar, rendered once for all pages that show it alike.

    Links are relative to the page's folder, and the page and its ancestors
    are marked current; the hundreds of articles of one year share all that.
    """
    if pagename == getattr(app.config, "notfound_pagename", None):
        return navigation_html(app, pagename, maxdepth)
    sidebar = _sidebar(app)
    folder = posixpath.dirname(app.builder.get_target_uri(pagename))
    key = (folder, maxdepth, frozenset(_lineage(sidebar.parents, pagename) & sidebar.shown))
    if key not in sidebar.rendered:
        sidebar.rendered[key] = navigation_html(app, pagename, maxdepth)
    return sidebar.rendered[key]


def install_navigation(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``, before Furo: answer the theme's toctree call cheaply."""
    depth = app.config.articles_navigation_depth
    if depth <= 0 or "toctree" not in context:
        return
    full: Callable[..., str] = context["toctree"]

    def toctree(**kwargs: Any) -> str:
        requested = int(kwargs.get("maxdepth", 0) or 0)
        if kwargs.get("collapse") or 0 < requested <= depth:
            return full(**kwargs)
        return _kept_navigation(app, pagename, depth)

    context["toctree"] = toctree


def setup(app: Sphinx) -> None:
    """Register this module's handlers."""
    app.add_config_value("articles_navigation_depth", 2, "html", int)
    app.add_config_value("articles_navigation_max_items", 30, "html", int)
    app.connect("html-page-context", install_navigation, priority=400)  # before Furo's
    app.connect("env-get-updated", outdated_outline)
    app.connect("build-finished", forget)
