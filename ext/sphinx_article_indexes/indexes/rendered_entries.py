"""A listed article's entry rendered to HTML once per build and depth, not on every list.

An article is listed on its year's page, each of its categories' and tags'
pages, and with a hundred others on each of them: every list made each entry's
nodes again, resolved its links, and every post-transform and the translator
walked them (a category page of 50 articles: about 55 ms; 40 ms with this). An
entry's HTML depends only on the article and on where the page showing it is:
its links are relative. So on the ``html`` builder each is rendered once for
each depth of folder, exactly as it would be on a page there (links resolved,
``doctree-resolved`` handled, the builder's translator), but as if for a page in
a folder that no document can be in, whose links all climb to the root
(``../categories/python.html``). A list holds the kept HTML of its entries, with
the links into its own page's folder written as Sphinx writes them from there
(``python.html``, and ``#`` for the page itself): the archive's, the categories'
and the tags' pages share one rendering.

Relies on: the HTML translator writing a list item's markup when the item is
walked (what its list adds is in the list's own visit and depart), on Sphinx's
``relative_uri`` dropping only the folders two pages share, and on ``resolve``
(``internals.page_writer``). Tested with Sphinx 8.2.3, 9.0.4 and 9.2.0.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from docutils import nodes
from docutils.writers._html_base import HTMLTranslator
from sphinx.transforms.post_transforms import ReferencesResolver

from ..internals.page_writer import new_page, resolve
from . import render

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from ..records.frontmatter import Article

_BUILDERS = ("html",)  # dirhtml: each page is a folder of its own, no entry is shared
_KEPT = "_articles_rendered_entries"
# The builder writing each environment: post-transforms see the environment only.
_builders: WeakKeyDictionary[BuildEnvironment, Builder] = WeakKeyDictionary()


def start(app: Sphinx, builder: Builder) -> None:
    """``write-started``: entries show records, which a new build may have changed."""
    builder.__dict__.pop(_KEPT, None)
    _builders[app.env] = builder


def builder_keeping_entries(env: BuildEnvironment) -> Builder | None:
    """The builder writing ``env``'s pages, if its lists are made of kept entries."""
    builder = _builders.get(env)
    return builder if builder is not None and builder.name in _BUILDERS else None


def _render(builder: Builder, articles: list[Article], refdoc: str) -> list[str] | None:
    """Each entry's ``<li>`` as the page ``refdoc`` would have it; None if the markup surprised."""
    env = builder.env
    document = new_page(builder, refdoc)
    document += render.article_list(articles, refdoc, env.config.language)
    resolve(env, document, refdoc, (ReferencesResolver,))
    items = document[0]
    if not isinstance(items, nodes.bullet_list) or len(items) != len(articles):
        return None
    # As ``items.walkabout`` would, keeping what each item adds to the body.
    translator = builder.create_translator(document, builder)
    translator.visit_bullet_list(items)
    entries = []
    for item in items:
        start = len(translator.body)
        item.walkabout(translator)
        entries.append("".join(translator.body[start:]))
    translator.depart_bullet_list(items)
    return entries


def _attribute(text: str) -> str:
    """``text`` as the HTML translator writes it in an attribute."""
    return text.translate(HTMLTranslator.special_characters)


def _from_folder(html: str, folder: str) -> str:
    """Entries rendered for a page nowhere at ``folder``'s depth, as a page in ``folder`` has them.

    A link climbs to the root and down again (``../../archive/2024/2.html``); from a
    page in ``archive/2024`` Sphinx drops the folders the two share (``2.html``, and
    ``../2023.html`` for the year before). The longest shared start is replaced first.
    """
    parts = folder.split("/") if folder else []
    up = "../" * len(parts)
    for shared in range(len(parts), 0, -1):
        climbed = _attribute(up + "/".join(parts[:shared]) + "/")
        html = html.replace(f'href="{climbed}', 'href="' + "../" * (len(parts) - shared))
    return html


def article_list(builder: Builder, articles: list[Article], refdoc: str) -> nodes.Element:
    """The bullet list of ``articles`` for the page ``refdoc``, of kept entries."""
    kept: dict[tuple[str, int], str] = builder.__dict__.setdefault(_KEPT, {})
    folder, own = posixpath.split(builder.get_target_uri(refdoc))
    depth = folder.count("/") + 1 if folder else 0
    missing = [a for a in articles if (a.docname, depth) not in kept]
    if missing:
        # For a page at that depth in folders that no document can be in: "\0/\0/\0".
        entries = _render(builder, missing, "/".join(["\0"] * (depth + 1)))
        if entries is None:
            return render.article_list(articles, refdoc, builder.config.language)
        kept.update(((a.docname, depth), entry) for a, entry in zip(missing, entries, strict=True))
    if not articles:
        return render.article_list(articles, refdoc, builder.config.language)
    html = _from_folder("".join(kept[a.docname, depth] for a in articles), folder)
    # A link to the page itself is "#" on it, as Sphinx writes it (a category's on its page).
    html = html.replace(f'href="{_attribute(own)}"', 'href="#"')
    items = nodes.bullet_list(classes=["article-list"])
    # One child, which the translator writes as it is, between the list's tags.
    items += nodes.raw("", html, format="html")
    return items
