"""Write a page that is not a source document through the HTML builder's own ``write_doc``.

The tag pages (``website.tag_pages``) are doctrees made in memory, not documents
of the environment; Sphinx's ``get_doc_context`` looks each page up there (its
title, source, table of contents). For the moment of one ``write_doc`` call the
builder is given the page's context instead, so the page goes through the same
translator, templates and ``html-page-context`` handlers as any document's.

Relies on: ``StandaloneHTMLBuilder.write_doc`` taking its page context from
``self.get_doc_context(docname, body, metatags)``. Tested with Sphinx 8.2.3, 9.0.4 and 9.2.0.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.builders.html import StandaloneHTMLBuilder


def write_page(
    builder: StandaloneHTMLBuilder,
    pagename: str,
    doctree: nodes.document,
    title: str,
    meta: dict[str, str],
) -> None:
    """Write ``doctree`` as the page ``pagename``: no source link, contents nor neighbours."""

    def page_context(docname: str, body: str, metatags: str) -> dict[str, Any]:
        return {
            "parents": [],
            "prev": None,
            "next": None,
            "title": escape(title),
            "meta": dict(meta),
            "body": body,
            "metatags": metatags,
            "rellinks": builder.globalcontext["rellinks"][:],
            "sourcename": "",
            "toc": "",
            "display_toc": False,
            "page_source_suffix": "",
        }

    builder.get_doc_context = page_context  # type: ignore[method-assign]
    try:
        builder.write_doc(pagename, doctree)
    finally:
        del builder.get_doc_context
