"""Re-write the pages around a changed page in the toctree, and only those.

A page shows two things of its neighbours in the toctree: a toctree shows its
entries' titles and sections, and Furo's footer links the previous and next
page by title. Sphinx re-writes every parent of a page it writes, which is
both too much and too little here: an edit to an article's body re-writes its
year page (a hundred cards) and the editions' contents (every article), while
the page before a removed article keeps a "next" link to it.

So the parents of a page are re-written only when it was re-read with a new
title or new sections (a page written for any other reason, such as a listing
re-filled by this extension, was not re-read and its entry is unchanged), and
every page whose parent, previous or next page or their titles changed is
re-written as well.

The builder reads ``env.files_to_rebuild`` once, between ``write-started`` and
the first page, when the environment is already saved: this module hides the
other pages' entries for that moment and puts them back at ``build-finished``,
so in-process rebuilds see the full map.

Relies on: the builder reading ``env.files_to_rebuild`` once, after ``write-started``
(``Builder.write``), and on ``env.collect_relations``. Tested with Sphinx 9.0.4.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

_BEFORE = "_articles_tocs_before_reading"
_SAVED = "_articles_files_to_rebuild"
_INCLUDES = "_articles_toctrees_before_reading"


def _shown(env: BuildEnvironment, docname: str) -> tuple[str, str] | None:
    """What a toctree entry shows of a page: its title and its table of contents."""
    if docname not in env.titles:
        return None
    toc = env.tocs.get(docname)
    return env.titles[docname].astext(), toc.pformat() if toc is not None else ""


def remember_tocs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: note what the pages about to be re-read showed and listed."""
    setattr(app.builder, _BEFORE, {d: _shown(env, d) for d in docnames})
    setattr(app.builder, _INCLUDES, {d: list(env.toctree_includes.get(d, ())) for d in docnames})


def skip_unchanged_entries(app: Sphinx, builder: Builder) -> None:
    """``write-started``: keep only the parents of pages whose entry changed."""
    env, before = app.env, getattr(builder, _BEFORE, {})
    if hasattr(builder, _SAVED) or not hasattr(env, "files_to_rebuild"):
        return  # done already; or a Sphinx without the map: it re-writes what it decides
    # A page new to the environment has no entry to compare: it counts as changed.
    changed = {d for d, shown in before.items() if shown is None or _shown(env, d) != shown}
    setattr(builder, _SAVED, env.files_to_rebuild)
    env.files_to_rebuild = {d: p for d, p in env.files_to_rebuild.items() if d in changed}


def restore(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: give the environment back its full map of toctree parents."""
    builder = app.builder
    saved = getattr(builder, _SAVED, None)
    if saved is not None:
        app.env.files_to_rebuild = saved
        delattr(builder, _SAVED)
    for noted in (_BEFORE, _INCLUDES):
        if hasattr(builder, noted):
            delattr(builder, noted)


def _title_key(title: nodes.title) -> str:
    """A title as compared: its text if it is plain text (most are), else its whole tree."""
    if len(title.children) == 1 and isinstance(title[0], nodes.Text):
        return "text:" + title[0]
    return "tree:" + title.pformat()


def neighbours(env: BuildEnvironment) -> dict[str, bytes]:
    """A digest, per page, of its parent, previous and next page and their titles."""
    titles = {d: _title_key(title) for d, title in env.titles.items()}
    return {
        doc: hashlib.blake2b(
            repr([(d, titles.get(d)) for d in related]).encode(), digest_size=8
        ).digest()
        for doc, related in env.collect_relations().items()
    }


def _same_places(app: Sphinx, env: BuildEnvironment, cleared: set[str]) -> bool:
    """Whether every page re-read kept its title and toctree, and none was added or removed."""
    shown, listed = getattr(app.builder, _BEFORE, None), getattr(app.builder, _INCLUDES, None)
    if shown is None or listed is None or not cleared <= shown.keys():
        return False  # a page removed, or read without notice: compare them all
    return all(
        shown[d] is not None
        and _shown(env, d) == shown[d]
        and env.toctree_includes.get(d, []) == listed[d]
        for d in shown
    )


def outdated_neighbours(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: pages whose parent, previous or next page, or their titles, changed.

    The previous and next pages follow from the toctrees alone: when no page was
    added or removed and every page re-read kept its title and toctree (most
    edits), no page's neighbours changed and they are not compared.
    """
    domain = env.domains["articles"]
    if not domain.was_anything_read() or _same_places(app, env, domain.cleared()):
        return []
    return sorted(domain.changed_values("neighbours", neighbours(env)))


def setup(app: Sphinx) -> None:
    """Register this module's handlers."""
    app.connect("env-before-read-docs", remember_tocs)
    app.connect("write-started", skip_unchanged_entries)
    app.connect("env-get-updated", outdated_neighbours)
    app.connect("build-finished", restore)
