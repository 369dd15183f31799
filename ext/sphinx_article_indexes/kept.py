"""Small JSON records kept in the doctree folder between builds (Sphinx's cache of a build)."""

from __future__ import annotations

import json
from pathlib import Path


def load(path: Path) -> dict:
    """The record at ``path``; empty if it is missing, unreadable or not a mapping."""
    try:
        record = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def save(path: Path, record: dict) -> None:
    """Write the record, making the folder if the build has not yet."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, sort_keys=True), "utf-8")
