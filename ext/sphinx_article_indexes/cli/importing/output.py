"""Writing the articles and files safely: re-runs give the same files, hand edits are kept.

The importer keeps, in ``DOCS/.sphinx-articles-import.json``, a digest of each file it
wrote. A file whose content no longer has that digest was edited by hand (or was never
ours): it is not overwritten without ``--force``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".sphinx-articles-import.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Writer:
    """Writes into DOCS unless it is a dry run; remembers what it wrote and what it kept."""

    docs: Path
    dry_run: bool = False
    force: bool = False
    kept: list[str] = field(default_factory=list)  # hand-edited files left alone
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        try:
            self.manifest: dict[str, str] = json.loads((self.docs / MANIFEST).read_text("utf-8"))
        except (OSError, ValueError):
            self.manifest = {}

    def write(self, relative: Path, data: bytes) -> None:
        """Write one file under DOCS, unless someone changed it since we wrote it."""
        name = relative.as_posix()
        if name in self.manifest and name in self.written:
            return  # a file two posts use, written once
        target = self.docs / relative
        if target.is_file():
            current = _digest(target.read_bytes())
            if current == _digest(data):
                self.unchanged.append(name)
                self.manifest[name] = current
                return
            if self.manifest.get(name) != current and not self.force:
                self.kept.append(name)
                return
        self.written.append(name)
        self.manifest[name] = _digest(data)
        if not self.dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    def copy(self, source: Path, relative: Path) -> None:
        """Copy a file the posts use (an image, a download)."""
        self.write(relative, source.read_bytes())

    def finish(self) -> None:
        """Keep the digests for the next run."""
        if not self.dry_run and (self.written or self.unchanged):
            text = json.dumps(dict(sorted(self.manifest.items())), indent=1, ensure_ascii=False)
            (self.docs / MANIFEST).write_text(text + "\n", "utf-8")
