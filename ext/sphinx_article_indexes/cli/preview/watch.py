"""Which saved files start a preview build: not the pages and output the build writes itself.

The archive, category, tag and edition pages are generated into the source
folder at the start of every build, and rewritten only when their text changes.
Watching them would cost a second build after every edit that changes an index;
not watching them costs nothing, since an edit to an article is what changes
them. The output and doctree folders (when inside the source folder), hidden
folders and editors' temporary files are not watched either.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sphinx.config import eval_config_file

# Editors' swap, backup and lock files: saving an article writes one of these too.
_EDITOR_FILES = ("~", ".swp", ".swx", ".tmp", ".kate-swp", "#")


def generated_paths(srcdir: Path) -> list[Path]:
    """The folders and page the extension writes into ``srcdir``, per its ``conf.py``."""
    conf = eval_config_file(srcdir / "conf.py", tags=None)
    archive = conf.get("articles_archive_dir", "archive")
    categories = conf.get("articles_categories_dir", "categories")
    tags = conf.get("articles_tags_dir", "tags")
    edition = conf.get("articles_edition_doc", "edition")
    found = [srcdir / archive, srcdir / categories, srcdir / f"{edition}.md"]
    return found + ([srcdir / tags] if tags else [])


class Watched:
    """The files of ``srcdir`` whose saving starts a build."""

    def __init__(self, srcdir: Path, output: Path) -> None:
        srcdir = srcdir.resolve()
        self.srcdir = srcdir
        self.ignored = [*generated_paths(srcdir), output.resolve(), srcdir / "_build"]

    def __call__(self, change: object, path: str) -> bool:
        """Whether a change to ``path`` starts a build (a ``watchfiles`` filter)."""
        file = Path(path)
        if not file.is_relative_to(self.srcdir):
            return False
        if file.name.endswith(_EDITOR_FILES) or file.name.startswith((".#", "#")):
            return False
        if any(part.startswith(".") for part in file.relative_to(self.srcdir).parts):
            return False
        return not any(file == ignored or file.is_relative_to(ignored) for ignored in self.ignored)


def changes(srcdir: Path, output: Path, stop: object = None) -> Iterator[list[Path]]:
    """Each group of saved files, as soon as the saving stops (20 ms without another)."""
    from watchfiles import watch

    watched = Watched(srcdir, output)
    # debounce: the longest a burst of saves is gathered; step: the quiet that ends one.
    for group in watch(watched.srcdir, watch_filter=watched, debounce=400, step=20,
                       stop_event=stop, yield_on_timeout=False):  # fmt: skip
        yield sorted({Path(path) for _, path in group})
