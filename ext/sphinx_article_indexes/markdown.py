"""Write MyST Markdown safely from untrusted text."""

from __future__ import annotations

import datetime as dt
import json
import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape(text: str) -> str:
    """Backslash-escape ASCII punctuation so MyST reads ``text`` as plain text, not markup."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


def heading(title: str, level: int = 1) -> str:
    """A Markdown heading whose text is exactly ``title``, markup and HTML included."""
    return f"{'#' * level} {escape(title)}"


def _plain(value: object) -> object:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def front_matter(data: dict) -> str:
    """Front matter as one line of JSON between fences (JSON is valid YAML).

    ASCII only: YAML refuses some characters JSON writes as they are (C1 controls).
    """
    body = json.dumps(data, default=_plain) if data else "{}"
    return f"---\n{body}\n---"
