"""Images named from their path in the source folder, the same in every kind of build.

Sphinx copies every image into one folder (``_images/``) under its file name, and
numbers the second file of a name it meets (``1.png``, ``11.png``) in the order it
meets them (``FilenameUniqDict.add_file``): with ``-j``, the order the readers
finish; in an incremental build, the order the changed files are read. Blogs keep
each post's images beside it (``2019/trip/1.png``, ``2020/move/1.png``), so an image's
address changed with the build that made it, and a ``-j`` build was not the serial
one (a real Hugo blog of 256 posts: 59 files differ). Here an image from the source
folder is named by its file name and a digest of its path there (``1-3f2a9c1e.png``),
which depends on nothing else. Images Sphinx makes while writing (downloaded or
converted, with absolute paths under the build folder) keep Sphinx's names.

Relies on: ``BuildEnvironment.images`` being a ``FilenameUniqDict``
(``sphinx.util._files``) whose ``add_file`` gives each image its name in
``_images/``, for the collector (``ImageCollector``) and the merge of ``-j`` readers
(``merge_other``) alike. Tested with Sphinx 8.2.3 and 9.0.4.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import PurePath
from typing import TYPE_CHECKING

from sphinx.util._files import FilenameUniqDict

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def image_name(path: str, attempt: int = 0) -> str:
    """The name in ``_images/`` of the image at ``path`` (relative to the source folder).

    ``attempt`` > 0 gives another digest, for the rare path whose name is taken.
    """
    pure = PurePath(path)
    key = pure.as_posix() if attempt == 0 else f"{pure.as_posix()}\0{attempt}"
    digest = hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"{pure.stem}-{digest[:8]}{pure.suffix}"


class PathNamedImages(FilenameUniqDict):
    """The environment's images, each named by :func:`image_name`."""

    def add_file(self, docname: str, newfile: str | os.PathLike[str]) -> str:
        """Note that ``docname`` shows ``newfile``; its name in ``_images/``."""
        newfile = str(newfile)
        if newfile in self or os.path.isabs(newfile):
            return super().add_file(docname, newfile)
        attempt = 0
        unique_name = image_name(newfile)
        while unique_name in self._existing:  # two paths of one file name and one digest
            attempt += 1
            unique_name = image_name(newfile, attempt)
        self[newfile] = ({docname}, unique_name)
        self._existing.add(unique_name)
        return unique_name


def _name_by_path(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: before any reader is forked, name images by path."""
    if isinstance(env.images, PathNamedImages):
        return
    images = PathNamedImages()
    for path, (shown_in, _name) in env.images.items():
        for docname in sorted(shown_in):
            images.add_file(docname, path)
    env.images = images


def setup(app: Sphinx) -> None:
    """Register this module's handler."""
    app.connect("env-before-read-docs", _name_by_path)
