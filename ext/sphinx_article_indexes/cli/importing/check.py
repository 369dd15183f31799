"""After an import, build the project once and put each warning in the report with what to do.

A ``dummy`` build (read and resolve, write nothing) in a temporary folder, in a
separate process: its warnings are the ones ``sphinx-build -W`` would stop at.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

_WARNING = re.compile(r"(?P<path>[^\n]*?\.md):(?P<line>\d*): (?:WARNING|ERROR): (?P<text>.*)")
# What to do, by the warning's type (its [type.subtype]) or its words.
_HINTS = (
    ("image.not_readable", "the image is not in the old site: add the file or take the image out"),
    ("myst.xref_missing", "a link to a page or anchor that does not exist here: fix or unlink it"),
    ("myst.iref_missing", "a reference to another Sphinx project: add it to intersphinx_mapping"),
    ("ref.ref", "a reference to a label nowhere in this project: fix it, or intersphinx_mapping"),
    ("ref.footnote", "a footnote defined but never referenced: reference or remove it"),
    ("Unknown target name", "a footnote or link reference without its definition: add it"),
    ("transition", "a horizontal rule right after a heading: remove the rule"),
    ("duplicate label", "two posts define the same anchor name: rename one"),
    ("myst.header", "a heading skips a level: use the next level down"),
    ("front_matter", "fix the front matter as the message says"),
)


def _hint(text: str) -> str:
    return next((hint for key, hint in _HINTS if key in text), "see the message")


def warnings(docs: Path) -> dict[Path, list[tuple[int, str]]]:
    """The warnings a build of ``docs`` gives, by source file: (line, message: what to do)."""
    with tempfile.TemporaryDirectory() as out:
        log = Path(out) / "warnings.txt"
        command = [sys.executable, "-m", "sphinx", "-b", "dummy", "-q", "-w", str(log)]
        subprocess.run([*command, str(docs), out], capture_output=True, check=False)
        text = log.read_text("utf-8", errors="replace") if log.is_file() else ""
    found: dict[Path, list[tuple[int, str]]] = {}
    for match in _WARNING.finditer(text):
        path = Path(match["path"]).resolve()
        message = re.sub(r"\x1b\[[0-9;]*m", "", match["text"]).strip()
        found.setdefault(path, []).append(
            (int(match["line"] or 0), f"{message} — {_hint(message)}")
        )
    return {path: list(dict.fromkeys(said)) for path, said in found.items()}
