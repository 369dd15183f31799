"""Measure an imported blog's build against #15's targets; prints one line of figures.

    python benchmarks/import_check.py OLD_SITE DOCS HTML

OLD_SITE is the blog as imported, DOCS the Sphinx project it was imported into, HTML the
built site. Counted over the imported articles' pages: how many posts are listed in the
archive, pages with template or shortcode text left, links between posts that lead nowhere,
and images whose file the old site has but the built page does not show.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote

from bs4 import BeautifulSoup

LEFTOVER = re.compile(
    r"\{%-?\s*\w+|\{\{[<%]|\{\{-?\s*[\w.]+\s*-?\}\}|\{:[^}\n]*\}|\{static\}|\{filename\}"
)


def _main(old_site: Path, docs: Path, html: Path) -> str:
    articles = sorted((docs / "articles").rglob("*.md"))
    pages = [html / a.relative_to(docs).with_suffix(".html") for a in articles]
    # Every archive page, numbered pages of long years included.
    listed_text = " ".join(p.read_text("utf-8") for p in (html / "archive").rglob("*.html"))
    listed = left = links = dead = images = broken = 0
    for page in pages:
        if not page.is_file():
            continue
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        body = soup.select_one("article[role=main]")
        name = page.relative_to(html).as_posix()
        listed += f'{name}"' in listed_text
        for code in body.select("pre, code"):  # code samples may show templates
            code.decompose()
        left += bool(LEFTOVER.search(body.get_text()))
        for link in body.select("a[href]"):
            href = unquote(link["href"].split("#")[0])
            if href.endswith(".html") and not re.match(r"[a-z]+:", href):
                links += 1
                dead += not (page.parent / href).resolve().is_file()
        for image in body.select("img"):
            src = unquote(image.get("src", ""))
            if re.match(r"[a-z]+:", src):
                continue
            images += 1
            broken += not (page.parent / src).resolve().is_file()
    drafts = sum("draft: true" in a.read_text("utf-8") for a in articles)
    public = len(articles) - drafts
    share = listed / max(public, 1)
    return (
        f"{old_site.name}: {listed}/{public} public articles listed ({share:.1%}); "
        f"{left} pages with template text; {dead}/{links} internal links dead; "
        f"{broken}/{images} local images broken"
    )


if __name__ == "__main__":
    print(_main(*(Path(arg) for arg in sys.argv[1:4])))
