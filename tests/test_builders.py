"""html, dirhtml and singlehtml: warning-free, with the indexes present and links resolving."""

from __future__ import annotations

from pathlib import Path

import pytest

from util import warnings


def _internal_links(outdir: Path) -> list[tuple[Path, str]]:
    from bs4 import BeautifulSoup

    links = []
    for html in outdir.rglob("*.html"):
        soup = BeautifulSoup(html.read_text("utf-8"), "html.parser")
        for a in soup.select("article a.reference.internal, .sidebar-tree a"):
            links.append((html, a["href"]))
    return links


def _target_exists(page: Path, href: str, outdir: Path) -> bool:
    path = href.split("#", 1)[0]
    if not path:
        return True
    target = (page.parent / path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target.is_file() and target.resolve().is_relative_to(outdir.resolve())


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_every_internal_link_resolves(make_app, rootdir, tmp_path, buildername):
    from util import copy_project

    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    app = make_app(buildername, srcdir=src)
    app.build()
    assert warnings(app) == ""
    outdir = Path(app.outdir)
    links = _internal_links(outdir)
    assert len(links) > 40
    broken = [(p.relative_to(outdir), h) for p, h in links if not _target_exists(p, h, outdir)]
    assert broken == []
    if buildername == "dirhtml":
        assert not [h for _p, h in links if ".html" in h]
        assert (outdir / "categories" / "generativnyi-ii" / "index.html").is_file()
        assert (outdir / "archive" / "2025" / "index.html").is_file()


def _main(path: Path):
    """The main content of a built page."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("article[role=main]")


@pytest.mark.parametrize(("buildername", "suffix"), [("html", ".html"), ("dirhtml", "/index.html")])
def test_tag_pages_are_written_by_the_html_builders_and_are_no_documents(
    make_app, rootdir, tmp_path, buildername, suffix
):
    from util import build, copy_project, titles

    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    app = build(make_app, src, buildername)
    assert warnings(app) == ""
    assert not [d for d in app.env.found_docs if d.startswith("tags/")]
    assert not list(src.joinpath("tags").rglob("*.md"))
    outdir = Path(app.outdir)
    tag = _main(outdir / f"tags/modeli{suffix}")
    assert titles(tag) == ["Третья", "Четвёртая"]
    byline = _main(outdir / f"articles/third{suffix}").select(".article-tags a")
    assert [a.get_text() for a in byline] == ["модели", "Один"]


def test_the_epub_has_no_tag_pages_and_shows_tags_as_text(make_app, rootdir, tmp_path):
    from util import build, copy_project

    app = build(make_app, copy_project(rootdir / "test-publication", tmp_path / "src"), "epub")
    outdir = Path(app.outdir)
    assert not (outdir / "tags").exists()
    assert not (outdir / "sitemap.xml").exists()  # the website's, not the EPUB's
    byline = (outdir / "articles" / "third.xhtml").read_text("utf-8")
    assert "модели" in byline and "tags/" not in byline


@pytest.mark.sphinx("singlehtml", testroot="publication")
def test_singlehtml_holds_indexes_and_articles_with_in_page_links(app):
    app.build()
    assert warnings(app) == ""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((Path(app.outdir) / "index.html").read_text("utf-8"), "html.parser")
    body = soup.select_one("article[role=main]")
    text = body.get_text(" ", strip=True)
    for expected in ("Архив", "Декабрь 2025", "Генеративный ИИ (3)", "Текст третьей статьи."):
        assert expected in text
    ids = {tag["id"] for tag in body.select("[id]")}
    hrefs = [a["href"] for a in body.select("a.reference.internal")]
    assert hrefs
    for href in hrefs:
        assert href.startswith("#"), href
        assert href.count("#") == 1, href
        assert href[1:] in ids, href


def test_a_broken_in_page_link_gets_one_warning_naming_the_file(make_app, rootdir, tmp_path):
    from util import build, copy_project

    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    (src / "articles" / "broken.md").write_text(
        "---\ntitle: Битая ссылка\ndate: 2026-01-03\n---\n\nСм. [раздел](#net-takogo).\n", "utf-8"
    )
    lines = warnings(build(make_app, src)).splitlines()
    # MyST's own message, and not a complaint that our domain cannot resolve "any" links.
    assert len(lines) == 1, lines
    assert "broken.md" in lines[0] and "net-takogo" in lines[0]


def test_only_unexpected_double_toctree_entries_are_noted(make_app, rootdir, tmp_path):
    from util import build, copy_project

    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    index = src / "index.md"
    # An article in a third toctree: not the layout's doing, so still worth a notice.
    text = index.read_text("utf-8").replace(
        "categories/index\n", "categories/index\narticles/first\n"
    )
    index.write_text(text, "utf-8")
    app = build(make_app, src)
    notes = [line for line in app.status.getvalue().splitlines() if "multiple toctrees" in line]
    # Every article is in its year's toctree and the edition's: that alone is not noted.
    assert len(notes) == 1
    assert "articles/first" in notes[0]
