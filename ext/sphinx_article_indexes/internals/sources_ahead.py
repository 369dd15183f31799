"""The live preview finds the source files, and which of them changed, before the save.

Before reading, Sphinx walks the source folder for documents (``find_files``:
55 ms of every save at 1000 articles) and compares each document's time with
the one it read (``get_outdated_files``: 40 ms). When a save changes only the
text of known documents (no article added, removed or moved to another date or
category: ``indexes.pages.pages_follow``), neither the files nor the index pages
generated from them change. So the loaded Sphinx that waits for the next save
does both ahead (:func:`find_ahead`) and notes each document's time; the build
takes them and adds the documents whose file, or a file they include, changed
since, with a ``stat`` call each.

A save that adds or removes a file, or changes what the index pages show, is
looked up by Sphinx itself, as is a save of anything but a document
(``conf.py``, an included snippet, an image: those make a new Sphinx).

Relies on: ``Builder.read`` calling ``self.env.find_files(self.config, self)``
and then ``self.env.get_outdated_files(updated)``, which returns the added,
changed and removed documents; on ``env.dependencies`` naming each document's
included files. Tested with Sphinx 8.2.3, 9.0.4 and 9.2.0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.environment import CONFIG_OK

from .outdated_ahead import modified_times

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def _read_from(env: BuildEnvironment, docname: str) -> tuple[str, ...]:
    """The files a document is read from: its own, then those it includes."""
    included = (str(env.srcdir / path) for path in env.dependencies.get(docname, ()))
    return (str(env.doc2path(docname)), *included)


def find_ahead(app: Sphinx) -> Callable[[], None] | None:
    """Find the documents and the outdated ones now; what makes the next build take them."""
    env = app.env
    if env.config_status != CONFIG_OK:
        return None  # the settings changed: every document is read again, Sphinx's way
    env.find_files(app.config, app.builder)
    added, changed, removed = env.get_outdated_files(False)
    paths = {docname: _read_from(env, docname) for docname in env.found_docs}
    times = {docname: modified_times(path) for docname, path in paths.items()}

    def get_outdated_files(config_changed: bool) -> tuple[set[str], set[str], set[str]]:
        del env.find_files, env.get_outdated_files  # the environment is saved after reading
        since = {d for d, path in paths.items() if modified_times(path) != times[d]}
        return added, (changed | since) - added, removed

    def take() -> None:
        """Have the next build of ``app`` read the documents found ahead."""
        env.find_files = lambda config, builder: None  # type: ignore[method-assign]
        env.get_outdated_files = get_outdated_files  # type: ignore[method-assign]

    return take
