"""A contents list inside a page: Furo shows the page's contents beside it, and flags this one.

Furo draws a ``contents`` list in the page as a red «ERROR: Adding a table of
contents in Furo-based documentation is unnecessary…» box: its «On this page»
column (a menu on a phone) shows the same, and the PDF and EPUB have their own.
The build says so, naming the file, instead of a reader finding it. Furo's escape
hatch, the class ``this-will-duplicate-information-and-it-is-still-useful-here``,
keeps a list wanted anyway, silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)
_WANTED = "this-will-duplicate-information-and-it-is-still-useful-here"  # Furo's own class


def warn_contents_lists(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: warn at each contents list Furo would draw as an error."""
    if app.config.html_theme != "furo":
        return
    for topic in doctree.findall(nodes.topic):
        if "contents" in topic["classes"] and _WANTED not in topic["classes"]:
            logger.warning(
                "a contents list in the page: Furo shows the page's contents beside it "
                "(«On this page») and draws this one as an error; take it out, or give "
                "it the class %s",
                _WANTED, location=topic, type="articles", subtype="contents",
            )  # fmt: skip
