"""A parallel reader sends back the documents it read, not the whole environment.

With ``-j N`` Sphinx reads each chunk of documents in a forked process, which
returns ``pickle.dumps(env)``; the main process loads it and merges what concerns
that chunk (``merge_info_from``, each collector's ``merge_other``, each domain's
``merge_domaindata``). A worker is forked from the main process when its chunk
starts, so its environment already holds every chunk merged before it, and each
answer grew with the build: at 5000 articles, 33 chunks of up to 20 MB, pickled and
loaded one after the other in the main process. Here a worker's pickle keeps, of the
tables those merges read document by document, only the documents it read.

Relies on: ``Builder._read_parallel`` forking the workers after
``env-before-read-docs`` and pickling ``env`` (``BuildEnvironment.__getstate__``) to
answer; Sphinx's collectors merging ``_PER_DOCUMENT`` and ``files_to_rebuild``
document by document (``merge_info_from``, ``TitleCollector``, ``TocTreeCollector``,
``MetadataCollector``, ``DependenciesCollector``). Tested with Sphinx 8.2.3 and 9.0.4.
"""

from __future__ import annotations

import copy
import os
from typing import TYPE_CHECKING, Any

from sphinx.environment import BuildEnvironment

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from docutils import nodes
    from sphinx.application import Sphinx

# What the main process merges from a worker only for the documents that worker read.
_PER_DOCUMENT = (
    "all_docs", "included", "dependencies", "metadata", "titles", "longtitles",
    "tocs", "toc_num_entries", "toctree_includes",
)  # fmt: skip
_BUILDER_PID = "_articles_builder_pid"  # the process that builds: not a worker
_READ_HERE = "_articles_read_here"  # the documents a worker read


def _only(table: Mapping[str, Any], docnames: set[str]) -> Any:
    """``table`` (a dict or defaultdict, kept so) with the entries of ``docnames`` only."""
    kept = copy.copy(table)
    kept.clear()
    kept.update((name, table[name]) for name in docnames if name in table)
    return kept


def answer(state: dict[str, Any], read: set[str]) -> dict[str, Any]:
    """What of a worker's pickled environment ``state`` the main process merges."""
    for name in _PER_DOCUMENT:
        state[name] = _only(state[name], read)
    rebuild = {child: parents & read for child, parents in state["files_to_rebuild"].items()}
    state["files_to_rebuild"] = {child: parents for child, parents in rebuild.items() if parents}
    domaindata = dict(state["domaindata"])
    articles = domaindata.get("articles")
    if articles is not None:
        from ..records.domain import ArticlesDomain

        domaindata["articles"] = ArticlesDomain.data_of(articles, read)
    state["domaindata"] = domaindata
    return state


def _getstate(original: Callable[[BuildEnvironment], dict]) -> Callable:
    def __getstate__(self: BuildEnvironment) -> dict[str, Any]:
        state = original(self)
        builder_pid = state.pop(_BUILDER_PID, None)
        read = state.pop(_READ_HERE, None)
        if builder_pid is None or builder_pid == os.getpid() or read is None:
            return state  # the environment saved, or a reader that is not ours
        return answer(state, read)

    __getstate__.articles_answer = True  # type: ignore[attr-defined]
    return __getstate__


def _note_builder(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: this process builds; processes forked from it read."""
    setattr(env, _BUILDER_PID, os.getpid())
    env.__dict__.pop(_READ_HERE, None)


def _note_read(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: in a worker, remember the document it read."""
    env = app.env
    builder_pid = getattr(env, _BUILDER_PID, None)
    if builder_pid is not None and builder_pid != os.getpid():
        env.__dict__.setdefault(_READ_HERE, set()).add(env.docname)


def setup(app: Sphinx) -> None:
    """Register this module's handlers; answer with the documents read (once per process)."""
    if not getattr(BuildEnvironment.__getstate__, "articles_answer", False):
        BuildEnvironment.__getstate__ = _getstate(BuildEnvironment.__getstate__)  # type: ignore[method-assign]
    app.connect("env-before-read-docs", _note_builder)
    app.connect("doctree-read", _note_read)
