"""Reading built pages back for assertions."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

from bs4 import BeautifulSoup

INDEX_PAGES = ("index", "archive/index", "archive/2024", "archive/2025", "categories/index")


def page(app, docname: str) -> BeautifulSoup:
    """Parse one built HTML page."""
    return BeautifulSoup((Path(app.outdir) / f"{docname}.html").read_text("utf-8"), "html.parser")


def article_body(app, docname: str) -> BeautifulSoup:
    """The page's main content, without the theme around it."""
    return page(app, docname).select_one("article[role=main]")


def listing(app, docname: str) -> str:
    """The main content as a normalised string, for comparing two builds."""
    body = article_body(app, docname)
    return " ".join(str(body).split())


def titles(tag) -> list[str]:
    """The article titles linked in a list, in order."""
    return [a.get_text(strip=True) for a in tag.select(".article-title a, .sd-card-title a")]


def warnings(app) -> str:
    """Everything the build warned about, colour codes removed."""
    from sphinx.util.console import strip_colors

    return strip_colors(app.warning.getvalue())


def copy_project(src: Path, dest: Path) -> Path:
    """Copy a project's sources, without its build output, for a clean build."""
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("_build"))
    return dest


def build(make_app, srcdir: Path, buildername: str = "html", **kwargs):
    """Build a project once and release Sphinx's global state, so another app can follow."""
    app = make_app(buildername, srcdir=srcdir, **kwargs)
    app.build()
    app.cleanup()
    return app


def sitemap_urls(app) -> set[str]:
    """The page addresses listed in the built sitemap.xml."""
    tree = ElementTree.parse(Path(app.outdir) / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {loc.text for loc in tree.getroot().findall("s:url/s:loc", ns)}


def need(what: str, present: bool, required_by: str) -> None:
    """Skip a test whose tool is missing, but fail if ``required_by`` is set (CI sets it)."""
    import os

    import pytest

    if present:
        return
    if os.environ.get(required_by):
        pytest.fail(f"{what} is not installed, and {required_by} requires these tests")
    pytest.skip(f"{what} is not installed")


VNU = Path(__file__).parent / "browser" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(folder: Path) -> list[str]:
    """What the Nu HTML Checker (npm vnu-jar) calls an error in the HTML pages of ``folder``."""
    need(
        "the Nu HTML Checker (npm ci --prefix tests/browser) and Java",
        VNU.is_file() and shutil.which("java") is not None,
        "PUBLICATION_REQUIRE_BROWSER",
    )
    command = ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json"]
    result = subprocess.run([*command, str(folder)], capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{m.get('url', '')}: {m['message']}"
        for m in messages
        if not _old_furo(m["message"]) and m["message"] != _SPHINX_DESIGN_TABS
    ]


# sphinx-design's own markup for a tab set (0.8): each tab's <label for=…> also has an
# aria-controls, which the checker refuses; not markup the publication writes or can change.
_SPHINX_DESIGN_TABS = (
    "The “aria-controls” attribute must not be used on any “label” element that is associated "
    "with a labelable element."
)


def _old_furo(message: str) -> bool:
    """Furo before 2025 puts a <div> in the header's <label> and <button> (fixed since)."""
    import furo

    old = tuple(int(part) for part in furo.__version__.split(".")[:1]) < (2025,)
    theirs = ("not allowed as child of element “label”", "not allowed as child of element “button”")
    return old and message.startswith("Element “div”") and any(t in message for t in theirs)


def save(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` as most editors save: a watcher never sees it half-written."""
    temporary = path.with_name(path.name + ".tmp")  # a name the preview's watcher ignores
    temporary.write_text(text, "utf-8")
    temporary.replace(path)


# One edit of each kind to the test-publication project, by name.
def edit(path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) by ``new`` in a file."""
    text = path.read_text("utf-8")
    assert old in text
    save(path, text.replace(old, new))


EDITS = {
    "date": lambda src: edit(src / "articles/second.md", "2025-12-27", "2023-06-01"),
    "title": lambda src: edit(src / "articles/third.md", '"Третья"', "Третья, исправленная"),
    "categories": lambda src: edit(
        src / "articles/first.md", "[Генеративный ИИ, Python]", "[Наука]"
    ),
    "add": lambda src: save(
        src / "articles/fifth.md",
        "---\ntitle: Пятая\ndate: 2026-01-02\ncategories: [Python, Новое]\n---\n\nПятая.\n",
    ),
    "delete": lambda src: (src / "articles/fourth.md").unlink(),
    "tags": lambda src: edit(
        src / "articles/first.md", "categories:", "tags: [модели, Ёлка]\ncategories:"
    ),
}
