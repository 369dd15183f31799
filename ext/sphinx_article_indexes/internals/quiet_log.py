"""Keep Sphinx's log free of a notice that the publication's layout raises by design.

Every article sits in two toctrees: its year page's and the editions' contents.
Sphinx notes each page referenced from more than one toctree, at a level that
``suppress_warnings`` does not reach, so a publication of thousands of articles
printed thousands of such lines at every build, and a real warning was lost
among them. The notice is dropped only for pages in exactly two toctrees, one
of them the editions' contents; any other page listed twice is still reported.

Relies on: the logger name ``sphinx.sphinx.environment``, the log record's ``subtype``
``multiple_toc_parents`` and its first argument, the list of parents
(``BuildEnvironment.check_consistency``). Tested with Sphinx 9.0.4.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# The logger Sphinx's environment writes its consistency notices to.
_ENVIRONMENT_LOG = logging.getLogger("sphinx.sphinx.environment")


class _EditionParentFilter(logging.Filter):
    """Drop "referenced in multiple toctrees" for a page whose second parent is the edition."""

    def __init__(self, edition: str) -> None:
        super().__init__()
        self.edition = edition

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "subtype", None) != "multiple_toc_parents" or not record.args:
            return True
        parents = record.args[0]
        return not (isinstance(parents, list) and len(parents) == 2 and self.edition in parents)


def install(app: Sphinx) -> None:
    """``builder-inited``: filter the notice for this build (the edition may be switched off)."""
    if app.config.articles_edition_doc:
        app._articles_log_filter = _EditionParentFilter(app.config.articles_edition_doc)
        _ENVIRONMENT_LOG.addFilter(app._articles_log_filter)


def remove(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: leave the logger as it was, for the next build in this process."""
    log_filter = getattr(app, "_articles_log_filter", None)
    if log_filter is not None:
        _ENVIRONMENT_LOG.removeFilter(log_filter)
        del app._articles_log_filter


def setup(app: Sphinx) -> None:
    """Register this module's handlers."""
    app.connect("builder-inited", install)
    app.connect("build-finished", remove)
