"""Start a new article: ``sphinx-articles new "Заголовок" [--into FOLDER]``.

Writes ``<folder>/<ascii-slug>.md`` (folder: ``docs/articles``) with its front
matter filled in: the title, today's date and empty categories. An existing
file is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..records.slugs import slugify


def article_text(title: str, today: dt.date) -> str:
    """The new article's text: front matter, then a line to replace."""
    return (
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndate: {today.isoformat()}\n"
        "categories: []\n---\n\nТекст статьи.\n"
    )


def create(title: str, folder: Path, today: dt.date | None = None) -> Path:
    """Create the article file and return its path; refuse to overwrite one."""
    if not title.strip():
        raise ValueError("the title is empty")
    path = folder / f"{slugify(title)}.md"
    folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": fail if it exists
        file.write(article_text(" ".join(title.split()), today or dt.date.today()))
    return path
