"""sitemap.xml at absolute URLs, complete after incremental builds; Russian search stemming."""

from __future__ import annotations

import gzip
import json
import multiprocessing
import runpy
from pathlib import Path

import pytest
import sphinx_sitemap

from sphinx_article_indexes.website import tag_pages
from util import build, copy_project, sitemap_urls

BASE = "https://example.org/journal/ru/latest/"
PAGES = {
    "index",
    "archive/index",
    "archive/2024",
    "archive/2025",
    "categories/index",
    "categories/python",
    "categories/generativnyi-ii",
    "articles/first",
    "articles/second",
    "articles/third",
    "articles/fourth",
    # Tag pages are no documents (website.tag_pages), but pages of the site all the same.
    "tags/index",
    "tags/modeli",
    "tags/odin",
    "tags/proshchanie",
}


@pytest.mark.sphinx("html", testroot="publication")
def test_sitemap_lists_every_page_at_absolute_urls(app):
    app.build()
    assert sitemap_urls(app) == {f"{BASE}{page}.html" for page in PAGES}


def test_sitemap_links_are_collected_without_a_manager_process(
    make_app, rootdir, tmp_path, monkeypatch
):
    # sphinx-sitemap would start a multiprocessing manager at builder-inited (30 ms a build).
    started = []

    def manager():
        started.append(True)
        return multiprocessing.Manager()

    monkeypatch.setattr(sphinx_sitemap, "Manager", manager)
    app = build(make_app, copy_project(rootdir / "test-publication", tmp_path / "src"))
    assert started == []
    assert sitemap_urls(app) == {f"{BASE}{page}.html" for page in PAGES}


@pytest.mark.sphinx("dirhtml", testroot="publication")
def test_sitemap_for_directory_urls(app):
    app.build()
    expected = {BASE + (p.removesuffix("index") if p.endswith("index") else p + "/") for p in PAGES}
    assert sitemap_urls(app) == expected


def test_sitemap_stays_complete_after_an_incremental_build(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    build(make_app, src)
    article = src / "articles" / "fourth.md"
    article.write_text(article.read_text("utf-8") + "\nЕщё абзац.\n", "utf-8")
    app = build(make_app, src)
    assert "articles/fourth" in app.env.all_docs
    assert sitemap_urls(app) == {f"{BASE}{page}.html" for page in PAGES}


def test_docs_take_the_canonical_url_from_read_the_docs(monkeypatch):
    conf = Path(__file__).parents[1] / "docs" / "conf.py"
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://example.readthedocs.io/ru/latest/")
    assert runpy.run_path(str(conf))["html_baseurl"] == "https://example.readthedocs.io/ru/latest/"
    monkeypatch.delenv("READTHEDOCS_CANONICAL_URL")
    settings = runpy.run_path(str(conf))
    assert settings["html_baseurl"].startswith("https://")
    assert settings["html_baseurl"].endswith("/")
    # The base URL holds language and version; the sitemap must not add them again.
    assert settings["sitemap_url_scheme"] == "{link}"


@pytest.mark.sphinx("html", testroot="publication")
def test_search_index_stems_russian(app):
    from sphinx.search.ru import SearchRussian

    app.build()
    text = (Path(app.outdir) / "searchindex.js").read_text("utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    language = SearchRussian(None)
    stem = language.stem
    # snowballstemmer hands out PyStemmer's C stemmer when it is installed (a dependency).
    assert type(language.stemmer).__module__ == "Stemmer"
    # The query and the text's plural form meet on one stem.
    assert stem("автокодировщик") == stem("автокодировщики")
    found = set()
    for mapping in (index["terms"], index["titleterms"]):
        docs = mapping.get(stem("автокодировщик"), [])
        found.update(index["docnames"][d] for d in (docs if isinstance(docs, list) else [docs]))
    # In the body of one article and the title of another; not on the listing pages.
    assert found == {"articles/second", "articles/fourth"}
    # Titles are searchable too, as text.
    assert "Вторая: про автокодировщики" in index["titles"]


def _pagefind_index(app) -> tuple[int, set[str]]:
    """When Pagefind last wrote its entry file, and its index files (named by their content)."""
    bundle = Path(app.outdir) / "_pagefind"
    files = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*.pf_*")}
    return (bundle / "pagefind-entry.json").stat().st_mtime_ns, files


def test_pagefind_indexes_article_text_and_runs_again_only_when_a_page_changed(
    make_app, rootdir, tmp_path
):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    first = build(make_app, src)
    entry = json.loads((Path(first.outdir) / "_pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["ru"]  # Russian word forms
    # Articles and pages; not the search page, nor drafts and other ``nosearch`` documents.
    searched = [d for d in first.env.found_docs if not first.env.metadata[d].get("nosearch")]
    assert "edition" not in searched and len(searched) < len(first.env.found_docs)
    # And the tag pages (their titles), which are no documents.
    assert len(tag_pages.pagenames(first)) == 4
    assert entry["languages"]["ru"]["page_count"] == len(searched) + 4
    fragments = [
        json.loads(gzip.decompress(f.read_bytes()).removeprefix(b"pagefind_dcd"))
        for f in (Path(first.outdir) / "_pagefind" / "fragment").iterdir()
    ]
    third = next(f["content"] for f in fragments if f["url"] == "/articles/third.html")
    # The text, not the byline: an excerpt starts with what the article says.
    assert "Текст третьей статьи" in third and "декабря" not in third and "мин" not in third
    before = _pagefind_index(first)
    assert before == _pagefind_index(build(make_app, src))  # nothing changed: not run again
    article = src / "articles" / "first.md"
    article.write_text(article.read_text("utf-8") + "\nСовсем новое слово.\n", "utf-8")
    after = _pagefind_index(build(make_app, src))
    assert after[0] != before[0] and after[1] != before[1]  # run again, on the new text
