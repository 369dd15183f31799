"""reST parsed in an ``{eval-rst}`` block keeps its pending transforms (MyST-Parser#318).

MyST parses an ``{eval-rst}`` block into a document of its own and keeps its
nodes, not its transforms: a ``.. contents::`` there (or ``.. sectnum::``,
``.. class::``) left a ``pending`` node that no translator can write, and the
whole build stopped (open since 2021; ABlog and Sphinx blogs imported as reST
have them). Once a page is parsed, such pending nodes are handed to the page's
own document, whose transforms then run them as reST would have.

Relies on: MyST keeping the ``pending`` nodes of the nested document in the page
(``myst_parser.mdit_to_docutils.base.render_restructuredtext``) and docutils'
``Transformer.add_pending``. Tested with MyST-Parser 5.0.0 and 5.2.0.
"""

from __future__ import annotations

from docutils import nodes


def keep_pending_transforms(document: nodes.document) -> None:
    """Hand ``document`` the transforms its pending nodes wait for and it does not know."""
    noted = {id(entry[2]) for entry in document.transformer.transforms}
    for pending in document.findall(nodes.pending):
        if id(pending) not in noted:
            document.transformer.add_pending(pending)
