"""What each article file's front matter held, kept in the build environment.

Both the scan at the start of a build (for the index pages) and the reading of
an article need its front matter; each file's is parsed once and kept with the
file's size and time (for the scan, which need not open an unchanged file) and a
digest of its text (for the reader, which has the text).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .frontmatter import Reading, read_article

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


class _Entry(NamedTuple):
    stamp: tuple[int, int]
    digest: bytes
    reading: Reading


def _cache(env: BuildEnvironment) -> dict[str, _Entry]:
    data = env.domains["articles"].data
    if data.get("scanned_zone") != env.config.articles_timezone:  # the records hold the zone
        data["scanned"], data["scanned_zone"] = {}, env.config.articles_timezone
    return data["scanned"]


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _read(env: BuildEnvironment, docname: str, path: Path, text: str) -> Reading:
    stat = path.stat()
    reading = read_article(docname, text, env.config.articles_timezone)
    _cache(env)[docname] = _Entry((stat.st_mtime_ns, stat.st_size), _digest(text), reading)
    return reading


def reading_of_file(env: BuildEnvironment, docname: str) -> Reading:
    """The front matter of an article's file, parsed again only if the file changed."""
    path = Path(env.doc2path(docname))
    stat = path.stat()
    entry = _cache(env).get(docname)
    if entry is not None and entry.stamp == (stat.st_mtime_ns, stat.st_size):
        return entry.reading
    return _read(env, docname, path, path.read_text(encoding="utf-8-sig"))


def reading_of_text(env: BuildEnvironment, docname: str, text: str) -> Reading:
    """The front matter of an article's text as Sphinx read it, parsed once per text."""
    entry = _cache(env).get(docname)
    if entry is not None and entry.digest == _digest(text):
        return entry.reading
    return _read(env, docname, Path(env.doc2path(docname)), text)


def keep_only(env: BuildEnvironment, docnames: set[str]) -> None:
    """Forget the files that are no longer articles (deleted, renamed or excluded)."""
    cache = _cache(env)
    for gone in cache.keys() - docnames:
        del cache[gone]


def cached_reading(env: BuildEnvironment, docname: str) -> Reading | None:
    """The front matter last parsed for ``docname``, without looking at its file."""
    entry = _cache(env).get(docname)
    return None if entry is None else entry.reading
