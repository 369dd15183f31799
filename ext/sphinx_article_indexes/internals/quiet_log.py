"""Keep Sphinx's log free of a notice that the publication's layout raises by design.

Every article sits in two toctrees: its year page's and the editions' contents.
Sphinx notes each page referenced from more than one toctree, at a level that
``suppress_warnings`` does not reach, so a publication of thousands of articles
printed thousands of such lines at every build, and a real warning was lost
among them. The notice is dropped only for pages in exactly two toctrees, one
of them the editions' contents; any other page listed twice is still reported.

Dropping the records one by one still made them (20 ms at 1000 articles, in every
build and every live-preview save), so the environment's notices are switched off
for its consistency check alone, from ``env-updated`` (reading is done) to
``env-check-consistency`` (the check is done), and this module gives the notice
for the pages that deserve it, in Sphinx's words.

Relies on: the logger name ``sphinx.sphinx.environment``, Sphinx's consistency check
running between those two events and logging nothing else below a warning, and the
notice's text, ``type`` and ``subtype`` (``BuildEnvironment.check_consistency``).
Tested with Sphinx 8.2.3, 9.0.4 and 9.2.0.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sphinx.locale import __
from sphinx.util import logging as sphinx_logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

# The logger Sphinx's environment writes its consistency notices to.
_ENVIRONMENT_LOG = logging.getLogger("sphinx.sphinx.environment")
_LEVEL_KEPT = "_articles_environment_log_level"
logger = sphinx_logging.getLogger(__name__)


def mute(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: the environment's notices off until its consistency check is done."""
    if app.config.articles_edition_doc and not hasattr(app, _LEVEL_KEPT):
        setattr(app, _LEVEL_KEPT, _ENVIRONMENT_LOG.level)
        _ENVIRONMENT_LOG.setLevel(logging.WARNING)


def unmute(app: Sphinx, *args: object) -> None:
    """Give the environment's logger back its level (``build-finished`` too, after a failure)."""
    if hasattr(app, _LEVEL_KEPT):
        _ENVIRONMENT_LOG.setLevel(getattr(app, _LEVEL_KEPT))
        delattr(app, _LEVEL_KEPT)


def note_double_entries(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: note the pages in several toctrees, not by the layout's doing."""
    if not hasattr(app, _LEVEL_KEPT):
        return  # Sphinx gave the notices itself
    unmute(app)
    edition = app.config.articles_edition_doc
    parents: dict[str, list[str]] = {}
    for parent, children in env.toctree_includes.items():
        for child in children:
            parents.setdefault(child, []).append(parent)
    for doc, found in sorted(parents.items()):
        if len(found) > 1 and not (len(found) == 2 and edition in found):
            logger.info(
                __("document is referenced in multiple toctrees: %s, selecting: %s <- %s"),
                found, max(found), doc,
                location=doc, type="toc", subtype="multiple_toc_parents",
            )  # fmt: skip


def setup(app: Sphinx) -> None:
    """Register this module's handlers."""
    app.connect("env-updated", mute)
    app.connect("env-check-consistency", note_double_entries)
    app.connect("build-finished", unmute)
