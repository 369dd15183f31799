"""Builds for the preview, each started from a Sphinx that is already loaded.

A ``sphinx-build`` run spends most of a one-article rebuild before it reads a
file: importing Sphinx, the theme and the extensions, reading ``conf.py``,
loading the saved environment and the theme's templates (1.1 s of 1.7 s at
1000 articles). Here that is done once, ahead of the next save, in a process
of its own (:class:`WarmSphinx`). Each build runs in a fork of it, so every
build starts from the state a fresh ``sphinx-build`` would have and none can
leave anything behind for the next; the fork writes the output and the saved
environment exactly as ``sphinx-build`` does. Once the build is done, the
loaded Sphinx is made again from what it saved, ready for the next save, and looks
up what a build would look up first: the source files and those changed
(``internals.sources_ahead``, taken when a save changes only the text of known
documents), the pages whose output is out of date (``internals.outdated_ahead``)
and the search index it adds to (``internals.search_ahead``).
Within a build, the environment is saved by a fork while the pages are written
(``internals.environment_save``), and the open pages are told to reload once the
pages are written, before the search index, feeds and sitemap
(``internals.pages_written``).

The loaded Sphinx read ``conf.py``, the templates and the generated index pages
before the save. Articles and the files they include are checked by Sphinx
itself (it compares their times with the environment's); the index pages are
generated again in the fork; a change to anything else (``conf.py``, a
template, a static file) makes a new Sphinx before the build. Where there is no
``fork`` (Windows), each build makes a new Sphinx in this process: the imports
are still saved.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import signal
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from multiprocessing.connection import Connection

    from sphinx.application import Sphinx

_FAILED = 2
WRITTEN = "written"  # said by a build once its pages are written, before its status


def wait(connection: Connection, written: Callable[[], None]) -> int:
    """The status of the build just asked for; ``written()`` once its pages are (or it ended)."""
    said_written = False
    while (answer := connection.recv()) == WRITTEN:
        said_written = True
        written()
    if not said_written:  # it failed before writing: the pages show its state all the same
        written()
    return answer


class WarmSphinx:
    """A Sphinx application loaded ahead of the build that will use it."""

    def __init__(self, source: Path, output: Path, quiet: bool = False) -> None:
        self.source, self.output, self.quiet = source, output, quiet
        self.app: Sphinx | None = None
        self._namespace = contextlib.ExitStack()
        self._sources: Callable[[], None] | None = None  # the files found ahead, to take

    def load(self, warnings: bool = True) -> None:
        """Make the Sphinx application from ``conf.py`` and the saved environment.

        As ``sphinx-build`` does, inside docutils' patches and a namespace of its
        own, so the directives the last one registered are gone. Loading ahead of
        a save (``warnings=False``) keeps quiet: the build says it again.
        """
        from sphinx.application import Sphinx
        from sphinx.util.docutils import docutils_namespace, patch_docutils

        from ...internals import (  # noqa: F401  (a build's modules too: imported before the save)
            assets_kept,
            docutils_settings,
            environment_save,
            outdated_ahead,
            pages_written,
            sources_ahead,
        )
        from ...internals.search_ahead import load_ahead

        self.close()  # the last one's memory is free before the next is made
        self._namespace.enter_context(patch_docutils(self.source))
        self._namespace.enter_context(docutils_namespace())
        self.app = Sphinx(
            self.source, self.source, self.output, self.output / ".doctrees", "html",
            status=None, warning=sys.stderr if warnings else None, freshenv=False,
            # Search falls back to Sphinx's index: Pagefind's costs a second per 1000 articles.
            confoverrides={"articles_pagefind": False},
        )  # fmt: skip
        # What each build would look up first, looked up before the save instead.
        self._sources = sources_ahead.find_ahead(self.app)
        outdated_ahead.find_ahead(self.app)  # of the documents just found
        load_ahead(self.app)
        self.app.env.domains["articles"].rank_all()  # kept by a build that moves no article
        docutils_settings.make_ahead(self.app)

    def close(self) -> None:
        """Let the application go and leave its docutils namespace, as ``sphinx-build`` ends."""
        self.app = self._sources = None  # what was found ahead holds the environment too
        self._namespace.close()

    def is_source(self, path: Path) -> bool:
        """Whether Sphinx itself notices a change to ``path`` (a document of the project)."""
        if self.app is None:
            return False
        suffixes = tuple(self.app.config.source_suffix)
        return path.suffix in suffixes and path.is_relative_to(self.source)

    def build(self, changed: list[Path], written: Callable[[], None] | None = None) -> int:
        """Build the site for ``changed`` files: 0 done, 1 with warnings, 2 failed.

        ``written`` is called once the pages are written, before the search index.
        """
        if self.app is None or not all(self.is_source(path) for path in changed):
            try:
                self.load()
            except Exception:
                traceback.print_exc()
                return _FAILED
        if not hasattr(os, "fork"):
            status = _build(self.app, [], self.quiet, written)  # a new Sphinx: its scan is current
            self.app = None
            return status
        child = os.fork()
        if child == 0:  # pragma: no cover (a forked process)
            gc.disable()  # it exits after this build: its cycles need never be collected
            os._exit(_build(self.app, changed, self.quiet, written, self._sources))
        return os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])


def _build(
    app: Sphinx,
    changed: list[Path],
    quiet: bool = False,
    written: Callable[[], None] | None = None,
    sources: Callable[[], None] | None = None,
) -> int:
    """Bring the index pages up to date and build; the exit status ``sphinx-build`` gives.

    When ``changed`` are only known documents whose text changed, the build takes
    the source files found before the save (``sources``) and leaves the static
    files the last build copied.
    """
    from sphinx.util import logging

    from ...indexes.pages import generate_index_pages, pages_follow
    from ...internals.assets_kept import keep
    from ...internals.environment_save import saved_aside
    from ...internals.pages_written import call_when_written

    try:
        logging.setup(app, io.StringIO() if quiet else sys.stdout, sys.stderr)
        app._warncount = 0  # count this build's warnings, not the loading's
        docnames = [app.project.path2doc(path) for path in changed]
        if None in docnames or not pages_follow(app, docnames):
            generate_index_pages(app)  # from the articles as they are now, not as loaded
        elif changed:  # only the text of known documents changed since the Sphinx was loaded
            if sources is not None:
                sources()  # the same files as before the save, none added or removed
            keep(app)  # and the same static files
        if written is not None:
            call_when_written(app, written)
        with saved_aside():  # the pages are written while the environment is saved
            app.build()
    except Exception:
        traceback.print_exc()
        return _FAILED
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return 1 if app._warncount else 0


def run(connection: Connection, source: Path, output: Path, quiet: bool) -> None:
    """The builder process: build when told which files changed, reload while waiting."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C stops the server, which stops this
    warm = WarmSphinx(source, output, quiet)
    while True:
        try:
            changed = connection.recv()
        except EOFError:  # the server stopped
            return
        status = warm.build([Path(path) for path in changed], lambda: connection.send(WRITTEN))
        connection.send(status)
        if hasattr(os, "fork"):
            try:
                warm.load(warnings=False)
            except Exception:
                traceback.print_exc()
                warm.app = None
