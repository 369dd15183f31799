"""A numbered amsmath equation gets the same id in every build, not a random one.

MyST labels each numbered amsmath environment (``\\begin{equation}``) with a fresh
``uuid4`` so that no two clash, and its HTML id is ``equation-<label>``: every
clean build gave the page other ids than the last, and a parallel build other
ids than a serial one (2 pages of a real 1984-post blog differed, and Pagefind's
index with them). Here the label is a ``uuid5`` of the document's name and the
equation's place in it: as unique, and the same from build to build.

Relies on: MyST's ``SphinxRenderer._random_label`` drawing those labels, one call
per equation in the order of the page. Tested with MyST-Parser 5.1.0 and 5.2.0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import NAMESPACE_URL, uuid5

if TYPE_CHECKING:
    from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer

_COUNT = "_articles_equations"


def label(renderer: SphinxRenderer) -> str:
    """The next numbered equation's label on the page ``renderer`` renders."""
    number = getattr(renderer, _COUNT, 0) + 1  # MyST makes a renderer for each page it parses
    setattr(renderer, _COUNT, number)
    return str(uuid5(NAMESPACE_URL, f"{renderer.sphinx_env.docname}#equation-{number}"))
