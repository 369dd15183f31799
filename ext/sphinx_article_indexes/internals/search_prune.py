"""Sphinx's search index pruned against a set of documents, not a dict of them.

Before writing its search index, Sphinx's HTML builder drops the documents that
no longer exist: ``IndexBuilder.prune(self.env.all_docs)``. ``all_docs`` is a
dict, and ``set.intersection_update`` with anything but a set walks all of it:
every document, for every word of the index. At 1000 articles of real
vocabulary that is 20,000 words × 1,070 documents, 0.36 s of every build (and of
every save in the live preview), growing with both. Given a set, each word's few
documents are looked up instead. The result is the same.

Relies on: ``IndexBuilder.prune(docnames)`` calling ``intersection_update(docnames)``
on each word's set of documents. Tested with Sphinx 8.2.3 and 9.0.4.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from sphinx.search import IndexBuilder

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sphinx.application import Sphinx


def with_a_set(original: Callable[[IndexBuilder, Iterable[str]], None]) -> Callable:
    """``IndexBuilder.prune`` given its documents as a set."""

    @functools.wraps(original)
    def prune(self: IndexBuilder, docnames: Iterable[str]) -> None:
        """Remove data for all docnames not in ``docnames`` (made a set once)."""
        original(self, docnames if isinstance(docnames, set) else set(docnames))

    prune.articles_set = True  # type: ignore[attr-defined]
    return prune


def setup(app: Sphinx) -> None:
    """Prune with a set (once per process)."""
    if not getattr(IndexBuilder.prune, "articles_set", False):
        IndexBuilder.prune = with_a_set(IndexBuilder.prune)  # type: ignore[method-assign]
