"""The live preview saves the environment in a process of its own while it writes the pages.

Sphinx saves ("pickles") the environment between reading and writing
(``Builder.build``: ``pickle.dump(self.env, f, ...)``): about 0.2 s at 1000
articles, on every save in the live preview, before the page the author waits for
is written. Inside :func:`saved_aside`, that dump forks: the new process writes
the file from the environment as it was at that moment (a fork's memory is a
snapshot of its parent's) while the build goes on writing the pages. Leaving the
context waits for it, so that whoever loads the file next finds it whole; a
process that failed leaves no file, and the next build starts from a fresh
environment, as Sphinx does with a file it cannot load.

Only for a build that runs in a process of its own (the preview's forks): the
file is written by a child of that process.

Relies on: ``Builder.build`` saving through ``pickle.dump`` of ``sphinx.builders``'
own ``pickle`` name, into a file it opened. Tested with Sphinx 8.2.3 and 9.0.4.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import sphinx.builders

if TYPE_CHECKING:
    from collections.abc import Iterator


class _ForkingPickle:
    """The ``pickle`` module, with a ``dump`` done by a forked process."""

    def __init__(self) -> None:
        self.children: list[tuple[int, str]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(pickle, name)

    def dump(self, obj: Any, file: IO[bytes], *args: Any, **kwargs: Any) -> None:
        """Write ``obj`` into ``file`` from a fork of this process; :meth:`wait` for it."""
        file.flush()
        child = os.fork()
        if child == 0:  # pragma: no cover (a forked process)
            status = 1
            try:
                pickle.dump(obj, file, *args, **kwargs)
                file.flush()
                status = 0
            finally:
                os._exit(status)
        self.children.append((child, file.name))

    def wait(self) -> None:
        """Wait for every dump; remove the files of those that failed."""
        for child, name in self.children:
            if os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]) != 0:
                Path(name).unlink(missing_ok=True)
        self.children.clear()


@contextlib.contextmanager
def saved_aside() -> Iterator[None]:
    """Within: Sphinx's builders save the environment from a forked process."""
    if not hasattr(os, "fork"):
        yield
        return
    forking = _ForkingPickle()
    sphinx.builders.pickle = forking  # type: ignore[assignment]
    try:
        yield
    finally:
        sphinx.builders.pickle = pickle
        forking.wait()
