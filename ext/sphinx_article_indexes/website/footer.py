"""One navigation order on every page: the theme's footer agrees with the articles' own links.

A long category or tag listing split into numbered pages links them in order
(the footer, and ``<link rel="prev/next">`` in the head).

An article's own «previous/next article» follow dates; the theme's footer (Furo's
«Назад/Далее», any theme's ``prev``/``next``) follows the toctree, where a year
lists its articles newest first, so both pointed at the same article in opposite
directions. An article shows only its own; an index page's footer stays among index
pages instead of leading into an article.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from ..indexes.pages import page_docnames, year_page_docnames
from . import tag_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _skip_articles(app: Sphinx, docname: str | None, step: int) -> str | None:
    """The nearest page in toctree order from ``docname`` on that is not an article."""
    relations, articles = app.builder.relations, app.env.domains["articles"]  # type: ignore[attr-defined]
    seen: set[str] = set()
    while docname is not None and articles.record(docname) is not None and docname not in seen:
        seen.add(docname)
        docname = relations.get(docname, (None, None, None))[step]
    return docname


def agree(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: no theme footer on articles; index pages lead to index pages."""
    if "prev" not in context:
        return
    _number_pages(app, pagename, context)
    relations = getattr(app.builder, "relations", {}).get(pagename)
    if relations is None:
        return
    if app.env.domains["articles"].record(pagename) is not None:
        context["prev"] = context["next"] = None
        return
    for key, step in (("prev", 1), ("next", 2)):
        neighbour = _skip_articles(app, relations[step], step)
        if neighbour != relations[step] and not context.get(f"{key}_page"):
            context[key] = _link(app, pagename, neighbour)


def _sequence(app: Sphinx, pagename: str) -> list[str]:
    """The numbered pages ``pagename`` belongs to (a year's, a category's, a tag's), if any."""
    config, domain = app.config, app.env.domains["articles"]
    size = config.articles_page_size
    first = pagename.split("/")[1] if pagename.count("/") >= 1 else ""
    if pagename.startswith(f"{config.articles_archive_dir}/") and first.isdigit():
        count = sum(a.published.year == int(first) for a in domain.articles.values())
        return year_page_docnames(config.articles_archive_dir, int(first), count, size)
    groups = [(config.articles_categories_dir, domain.category_by_slug)]
    groups += [(config.articles_tags_dir, domain.tag_by_slug)] if config.articles_tags_dir else []
    for folder, find in groups:
        if pagename.startswith(f"{folder}/") and (group := find(first)) is not None:
            return page_docnames(folder, group, size)
    return []


def _number_pages(app: Sphinx, pagename: str, context: dict[str, Any]) -> None:
    """On a numbered page of a listing: previous and next are the pages before and after."""
    docnames = _sequence(app, pagename)
    if len(docnames) < 2 or pagename not in docnames:
        return
    at = docnames.index(pagename)
    if at > 0:
        context["prev"], context["prev_page"] = _link(app, pagename, docnames[at - 1]), True
    if at + 1 < len(docnames):
        context["next"], context["next_page"] = _link(app, pagename, docnames[at + 1]), True


def _link(app: Sphinx, pagename: str, docname: str | None) -> dict[str, str] | None:
    """The footer's link to ``docname`` (a document or a tag page), as Sphinx gives ``prev``."""
    if docname is not None and docname in app.env.titles:
        title = app.builder.render_partial(app.env.titles[docname])["title"]  # type: ignore[attr-defined]
    elif docname is not None and docname in tag_pages.pagenames(app):
        title = escape(tag_pages.title_of(app, docname))
    else:
        return None
    return {"link": app.builder.get_relative_uri(pagename, docname), "title": title}
