"""Start a new article: ``python -m sphinx_article_indexes.new "Заголовок" [folder]``.

Writes ``<folder>/<ascii-slug>.md`` (folder: ``docs/articles``) with its front
matter filled in: the title, today's date and empty categories. An existing
file is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from .slugs import slugify


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


def main(argv: list[str]) -> int:
    """Command line: the title, and optionally the folder."""
    if not argv or len(argv) > 2:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    folder = Path(argv[1] if len(argv) > 1 else "docs/articles")
    try:
        path = create(argv[0], folder)
    except FileExistsError as err:
        print(f"{err.filename} exists already; choose another title or edit it", file=sys.stderr)
        return 1
    except ValueError as err:
        print(err, file=sys.stderr)
        return 2
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
