"""While a page is parsed, MyST renders it with its own renderer and these parts of ours.

- ``eval_rst_blocks``: a page's ``{eval-rst}`` blocks parsed as one reST document;
- ``equation_labels``: numbered amsmath equations labelled the same in every build.

Relies on: MyST's parser building its renderer from
``myst_parser.parsers.sphinx_.SphinxRenderer`` at each parse. Tested with
MyST-Parser 5.1.0 and 5.2.0.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers import sphinx_

from . import equation_labels, eval_rst_blocks

if TYPE_CHECKING:
    from collections.abc import Iterator


class PageRenderer(SphinxRenderer):
    """MyST's renderer for Sphinx, with ``{eval-rst}`` blocks and equation labels of ours."""

    render_restructuredtext = eval_rst_blocks.render_restructuredtext
    _random_label = equation_labels.label


@contextmanager
def while_parsing() -> Iterator[None]:
    """Within: MyST renders a page with ``PageRenderer``."""
    original, sphinx_.SphinxRenderer = sphinx_.SphinxRenderer, PageRenderer
    try:
        yield
    finally:
        sphinx_.SphinxRenderer = original
