"""MyST reads front matter with LibYAML's parser, as the articles' records are read.

MyST parses every page's front matter twice (``read_topmatter`` for the page's own
settings, then ``render_front_matter`` for its metadata), each with
``yaml.safe_load``: PyYAML's pure Python parser, about 0.3 ms for a few lines and
0.6 ms with a list of tags, so a second a build at 1000 articles. While a page is
parsed, ``yaml.safe_load`` loads with ``CSafeLoader`` (LibYAML's parser, the same
safe constructor: plain data only), where PyYAML was built with it (its wheels
are), as ``records.frontmatter`` already does: MyST then judges a page's front
matter with the same parser as our records. Sphinx parses one page at a time per
process, so the swap is seen by nothing else.

Relies on: MyST calling ``yaml.safe_load`` through the ``yaml`` module
(``myst_parser.config.main.read_topmatter``,
``myst_parser.mdit_to_docutils.base.render_front_matter``, directive options).
Tested with MyST-Parser 5.1.0 and 5.2.0.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from collections.abc import Iterator

_C_LOADER = getattr(yaml, "CSafeLoader", None)


def _safe_load(stream: Any) -> Any:
    """``yaml.safe_load`` with LibYAML's parser."""
    return yaml.load(stream, Loader=_C_LOADER)  # a safe loader: plain data only


@contextmanager
def while_parsing() -> Iterator[None]:
    """Within: ``yaml.safe_load`` parses with LibYAML, where PyYAML has it."""
    if _C_LOADER is None or yaml.safe_load is _safe_load:
        yield
        return
    original, yaml.safe_load = yaml.safe_load, _safe_load
    try:
        yield
    finally:
        yaml.safe_load = original
