"""Finish the parts of listings that only the website has, once the builder is known.

Feed links point at files only the HTML builders write, and links to the
previous and next article make no sense in the printed book, where articles
follow each other. (The EPUB keeps the latter: it is read page by page.)
Dates in bylines become HTML's ``<time datetime>``, which machines read.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ..indexes.render import HTML_ONLY

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_SITE = ("html", "dirhtml", "singlehtml")


def finish(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: make feed links relative, drop what this builder cannot use."""
    builder = app.builder
    here = builder.get_target_uri(docname)
    if builder.format == "html":
        _times(doctree)
    for element in list(doctree.findall(nodes.Element)):
        if HTML_ONLY not in element["classes"]:
            continue
        feed = next(iter(element.findall(nodes.reference)), None)
        is_feed = feed is not None and "feed" in feed
        if builder.name in _SITE and is_feed:
            feed["refuri"] = relative_uri(here, feed["feed"])
        elif builder.format != "html" or is_feed:
            element.parent.remove(element)


def _times(doctree: nodes.document) -> None:
    """Each byline date as ``<time datetime="…">`` (the date's text is escaped)."""
    for date in list(doctree.findall(nodes.inline)):
        if "datetime" in date and "article-date" in date["classes"]:
            html = (
                f'<time class="article-date" datetime="{escape(date["datetime"])}">'
                f"{escape(date.astext())}</time>"
            )
            date.replace_self(nodes.raw("", html, format="html"))
