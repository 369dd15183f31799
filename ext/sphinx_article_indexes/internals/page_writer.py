"""Resolve and write a page that is not a source document, as the HTML builder writes documents.

The tag pages (``website.tag_pages``) are doctrees made in memory, not documents
of the environment. :func:`new_page` starts one with the builder's settings;
:func:`resolve` applies the post-transforms a page's content needs (not all of
them: a tag page is a listing, and each of the two dozen others walks the doctree)
as ``env.apply_post_transforms`` does, ``doctree-resolved`` included.
:func:`write_page` has the builder write it: Sphinx's ``get_doc_context`` looks
each page up in the environment (its title, source, table of contents), so for the
moment of one ``write_doc`` call the builder is given the page's context instead,
and the page goes through the same translator, templates and
``html-page-context`` handlers as any document's.

Relies on: ``env.current_document.docname`` naming the page being resolved, and
``StandaloneHTMLBuilder.write_doc`` taking its page context from
``self.get_doc_context(docname, body, metatags)``. Tested with Sphinx 8.2.3, 9.0.4 and 9.2.0.
"""

from __future__ import annotations

from copy import deepcopy
from html import escape
from typing import TYPE_CHECKING, Any

from sphinx.transforms import SphinxTransformer
from sphinx.util.docutils import new_document

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils import nodes
    from docutils.transforms import Transform
    from sphinx.builders import Builder
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment


def new_page(builder: Builder, pagename: str) -> nodes.document:
    """An empty doctree for ``pagename``, with the settings the builder's documents get."""
    settings = builder.docsettings.copy()  # type: ignore[attr-defined]
    settings.env = builder.env
    return new_document(pagename, settings)


def resolve(
    env: BuildEnvironment,
    doctree: nodes.document,
    pagename: str,
    transforms: Sequence[type[Transform]],
) -> None:
    """Apply ``transforms`` to the page ``pagename``, then emit ``doctree-resolved``."""
    backup = env.current_document
    current = deepcopy(backup)
    current.docname = pagename
    try:
        env.current_document = current
        transformer = SphinxTransformer(doctree)
        transformer.set_environment(env)
        transformer.add_transforms(transforms)
        transformer.apply_transforms()
    finally:
        env.current_document = backup
    env.events.emit("doctree-resolved", doctree, pagename)


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
