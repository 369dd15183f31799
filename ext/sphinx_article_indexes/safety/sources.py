"""Leave out source files Sphinx cannot read safely, before it looks for documents.

Sphinx follows every link under the source folder and reads each document
whole, as UTF-8, failing the build on the first file it cannot decode. So a
pull request could publish the build machine's files (a link to
``/proc/self/environ``), multiply the site (a link to a parent folder), hang the
build (a link to ``/dev/zero``, a named pipe), or stop it for everyone (a
Latin-1 file, a name too long for the doctree's file). Such files and folders
are added to ``exclude_patterns``, each with a warning naming it, at
``config-inited``, before the environment is compared with the last build's,
so the same files give the same configuration and no needless full rebuild.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging
from sphinx.util.matching import Matcher

from .. import kept

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

CHECKED = "sources.json"  # in the doctree folder: the files found readable, by time and size
MAX_SOURCE_BYTES = 1024 * 1024
MAX_NAME_BYTES = 150  # the doctree's file adds ".doctree"; file systems allow 255 bytes
# Characters that break a toctree entry (``<``), a URL (``#``, ``?``, ``%``), a glob
# (``*``, ``[``) or a line of a log or page (controls).
_BAD_NAME = re.compile(r'[\x00-\x1f\x7f<>"\\#?%*\[\]|]')
_GLOB = re.compile(r"([*?\[])")


def _name_problem(name: str) -> str | None:
    if _BAD_NAME.search(name):
        return 'its name holds a character that breaks links (control, <>"\\#?%*[]|)'
    if len(os.fsencode(name)) > MAX_NAME_BYTES:
        return f"its name is longer than {MAX_NAME_BYTES} bytes"
    return None


def _link_problem(root: Path, path: Path) -> str | None:
    target = Path(os.path.realpath(path))
    if not target.is_relative_to(root):
        return "it is a link to something outside the source folder"
    if path.parent.is_relative_to(target):
        return "it is a link to a folder that holds it (a loop)"
    if not target.exists():
        return "it is a link that leads nowhere"
    return None


def _file_problem(path: Path, relative: str, checked: dict[str, list[int]]) -> str | None:
    """Why Sphinx cannot read this file; ``checked``: the stamps of files read fine before."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file"
    if info.st_size > MAX_SOURCE_BYTES:
        return f"it is larger than {MAX_SOURCE_BYTES // 1024} KB"
    stamp = [info.st_mtime_ns, info.st_size]
    if checked.get(relative) != stamp:
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as err:
            return f"it is not UTF-8 text (byte {err.start}); save it as UTF-8"
        checked[relative] = stamp
    return None


def unsafe_sources(
    srcdir: Path,
    suffixes: tuple[str, ...],
    excluded: Matcher,
    checked: dict[str, list[int]] | None = None,
) -> dict[str, str]:
    """Each source file or folder below ``srcdir`` that must be left out, and why.

    ``checked`` maps files already found readable to their time and size; it is
    brought up to date, so that only new or changed files are read.
    """
    checked = {} if checked is None else checked
    root = srcdir.resolve()
    found: dict[str, str] = {}
    folders = [""]
    while folders:
        folder = folders.pop()
        with os.scandir(root / folder) as entries:
            for entry in entries:
                relative = f"{folder}/{entry.name}" if folder else entry.name
                is_source = entry.name.endswith(suffixes)
                is_folder = entry.is_dir()  # through a link, too
                if excluded(relative) or not (is_source or is_folder):
                    continue
                path = root / relative
                problem = _name_problem(entry.name)
                if problem is None and entry.is_symlink():
                    problem = _link_problem(root, path)
                if problem is None and is_source and not is_folder:
                    problem = _file_problem(path, relative, checked)
                if problem is not None:
                    found[relative] = problem
                elif is_folder and not entry.is_symlink():
                    folders.append(relative)
    return found


def leave_out_unsafe_sources(app: Sphinx, config: Config) -> None:
    """``config-inited``: exclude what Sphinx cannot read safely, saying why."""
    suffixes = tuple({".md", ".rst", *config.source_suffix})
    excluded = Matcher([*config.exclude_patterns, "_build", ".*"])
    record = Path(app.doctreedir) / CHECKED
    checked = kept.load(record)
    found = unsafe_sources(Path(app.srcdir), suffixes, excluded, now := dict(checked))
    if now != checked:
        kept.save(record, now)
    for relative, problem in sorted(found.items()):
        # No location: there is no environment yet to turn a path into a document.
        logger.warning(
            "%s: left out of the build: %s", Path(app.srcdir, relative), problem,
            type="articles", subtype="source",
        )  # fmt: skip
    config.exclude_patterns = [*config.exclude_patterns, *(_GLOB.sub(r"[\1]", r) for r in found)]


def setup(app: Sphinx) -> None:
    """Register the check; after Sphinx has settled ``source_suffix`` (priority 800)."""
    app.connect("config-inited", leave_out_unsafe_sources, priority=850)
