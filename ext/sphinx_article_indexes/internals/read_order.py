"""Read the articles before the pages whose toctrees list them.

Before it reads a document, Sphinx takes it out of ``env.files_to_rebuild``
(which pages' toctrees include which page) by walking that whole map
(``TocTreeCollector.clear_doc``): one pass over every entry per document read.
In Sphinx's alphabetical order the year pages (``archive/...``) are read before
the articles and fill the map with every article, so each article's read walked
all of them: at 5000 articles 10 s of passes, and as much again for the cycle
collector to sweep the lists each pass made, a build growing as N².

Sphinx lets ``env-before-read-docs`` reorder the documents it will read: the
articles come first, while the map is still empty in a full build. When a saved
environment's map is full (a rebuild that reads everything again), the pages
about to be read are taken out of it in one pass first, as Sphinx itself does
before a parallel read.

Relies on: ``env.files_to_rebuild`` and the way ``TocTreeCollector.clear_doc`` walks it.
Tested with Sphinx 9.0.4.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records.reading import is_article

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def articles_first(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: articles first, and no stale toctree entries to walk."""
    docnames.sort(key=lambda docname: not is_article(env, docname))  # stable: otherwise as given
    _forget_parents(env, set(docnames))


def _forget_parents(env: BuildEnvironment, rereading: set[str]) -> None:
    """Take the pages about to be read out of the toctree map; reading puts them back."""
    # Without the map (a future Sphinx), there is nothing to walk: only the order helps.
    for child, parents in list(getattr(env, "files_to_rebuild", {}).items()):
        parents -= rereading
        if not parents:
            del env.files_to_rebuild[child]


def setup(app: Sphinx) -> None:
    """Register this module's handlers."""
    app.connect("env-before-read-docs", articles_first)
