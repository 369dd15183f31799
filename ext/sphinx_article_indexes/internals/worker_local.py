"""Caches kept in the environment that a parallel reader's process does not send back.

With ``-j N`` Sphinx reads documents in forked processes, each of which returns
its whole environment pickled to the main process, which merges only what each
domain's ``merge_domaindata`` takes. The front matter of every article, kept in
the environment so that a rebuild parses only changed files (``records.scanned``),
was pickled into every chunk's answer and thrown away: at 5000 articles, most of
the cost of ``-j 2``. A ``WorkerLocalDict`` pickles empty outside the process that
made (or loaded) it, so the main process saves it whole and the workers send nothing.

Relies on: ``Builder._read_parallel`` returning each worker's ``pickle.dumps(env)``
from a forked process. Tested with Sphinx 8.2 and 9.0.
"""

from __future__ import annotations

import os
from typing import Any


class WorkerLocalDict(dict):
    """A dict whose pickle is empty when made in another process than its owner's."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = os.getpid()

    def __reduce__(self) -> tuple:
        items = iter(self.items()) if os.getpid() == self.owner else iter(())
        return (type(self), (), None, None, items)
