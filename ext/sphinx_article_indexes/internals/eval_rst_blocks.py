"""A page's ``{eval-rst}`` blocks are parsed as parts of that page, as one reST document.

MyST parses each ``{eval-rst}`` block into a document of its own and keeps its
nodes, not what that document noted while parsing (MyST-Parser#318). So each
block numbered its ids from ``id1`` again, and ids clashed with the page's (a
footnote's and an untitled section's: invalid HTML, a link to the wrong place);
a footnote, a named link or a substitution defined in one block was unknown in
the next; a ``.. contents::`` left a ``pending`` node that no translator can
write, and the whole build stopped. Imported reST posts are split into such
blocks at their section titles, so they had all of these.

While a page is parsed, MyST's renderer is ours (``page_renderer``): its
``{eval-rst}`` block is parsed into a document that shares the page's ids, names,
footnotes, citations, substitutions and pending transforms, so that the page's
transforms resolve and number them all as docutils does in one reST document.

Relies on: MyST's ``SphinxRenderer.render_restructuredtext`` (copied here but for
the shared registries, and without noting the block's names again: they are noted in
the page already). Tested with MyST-Parser 5.1.0 and 5.2.0, docutils 0.21 and 0.22.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from myst_parser.mdit_to_docutils.base import make_document, token_line
from myst_parser.mocking import MockRSTParser

if TYPE_CHECKING:
    from docutils import nodes
    from markdown_it.tree import SyntaxTreeNode
    from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer

# What a docutils document notes while it is parsed, for its transforms to resolve.
_REGISTRIES = (
    "ids", "id_counter", "nameids", "nametypes", "refnames", "refids", "indirect_targets",
    "substitution_defs", "substitution_names", "footnote_refs", "citation_refs",
    "autofootnotes", "autofootnote_refs", "symbol_footnotes", "symbol_footnote_refs",
    "footnotes", "citations", "anonymous_targets", "anonymous_refs", "transformer",
)  # fmt: skip


def _block_of(page: nodes.document) -> nodes.document:
    """A document for one block's reST, noting what it parses in ``page``'s registries."""
    block = make_document()
    block["source"] = page["source"]
    block.settings, block.reporter = page.settings, page.reporter
    for name in _REGISTRIES:
        if hasattr(page, name):
            setattr(block, name, getattr(page, name))
    return block


def render_restructuredtext(renderer: SphinxRenderer, token: SyntaxTreeNode) -> None:
    """Parse the block's reST into the page (MyST pads the lines to the fence's place)."""
    block = _block_of(renderer.document)
    MockRSTParser().parse("\n" * token_line(token) + token.content, block)
    renderer.current_node.extend(block.children)
