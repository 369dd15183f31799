"""Around an article: social and search-engine metadata, reading time, neighbours, related."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from util import build, copy_project, page, warnings

BASE = "https://example.org/journal/ru/latest/"


def meta(doc, key: str) -> list[str]:
    return [m["content"] for m in doc.select(f'meta[property="{key}"], meta[name="{key}"]')]


@pytest.mark.sphinx("html", testroot="publication")
def test_articles_carry_opengraph_and_json_ld(app):
    app.build()
    doc = page(app, "articles/second")
    assert meta(doc, "og:type") == ["article"]
    assert meta(doc, "og:title") == ["Вторая: про автокодировщики"]
    assert meta(doc, "og:description")[0].startswith("Автокодировщики сжимают")
    # One snippet for search engines: the summary, not the byline opengraph would take.
    assert meta(doc, "description") == meta(doc, "og:description")
    assert meta(doc, "og:url") == [f"{BASE}articles/second.html"]
    assert meta(doc, "og:locale") == ["ru_RU"]
    assert meta(doc, "article:published_time") == ["2025-12-27T00:00:00+00:00"]
    assert meta(doc, "article:section") == ["Генеративный ИИ"]
    assert meta(doc, "twitter:card") == ["summary"]
    data = json.loads(doc.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Вторая: про автокодировщики"
    assert data["datePublished"] == "2025-12-27T00:00:00+00:00"
    assert data["url"] == f"{BASE}articles/second.html"
    assert doc.select_one("link[rel=canonical]")["href"] == f"{BASE}articles/second.html"
    # Index pages are not articles.
    archive = page(app, "archive/index")
    assert meta(archive, "og:type") == ["website"]
    assert not archive.select('script[type="application/ld+json"]')


def test_a_description_in_front_matter_is_kept(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    first = src / "articles" / "first.md"
    text = first.read_text("utf-8").replace(
        "---\n\n", 'og:description: "Своё <описание>"\n---\n\n', 1
    )
    first.write_text(text, "utf-8")
    app = build(make_app, src)
    assert warnings(app) == ""
    assert meta(page(app, "articles/first"), "og:description") == ["Своё <описание>"]
    assert meta(page(app, "articles/first"), "description") == ["Своё <описание>"]
    data = json.loads(
        page(app, "articles/first").select_one('script[type="application/ld+json"]').string
    )
    assert data["description"] == "Своё <описание>"
    assert meta(page(app, "articles/first"), "og:type") == ["article"]
    # The environment keeps the summary once, in the article's record.
    assert "og:description" not in app.env.metadata["articles/second"]


@pytest.mark.sphinx("html", testroot="publication")
def test_reading_time_neighbours_and_related(app):
    app.build()
    doc = page(app, "articles/third")
    assert "1 мин чтения" in doc.select_one("article .article-meta").get_text()
    around = doc.select_one(".article-around")
    steps = around.select_one(".article-neighbours")
    assert [a.get_text() for a in steps.select("a")] == ["Четвёртая", "Вторая: про автокодировщики"]
    assert steps.get_text().startswith("← Предыдущая статья:")
    related = [a.get_text() for a in around.select(".article-related a")]
    assert related == ["Вторая: про автокодировщики", "Первая статья"]
    # The newest article has no next one.
    newest = page(app, "articles/second").select_one(".article-neighbours").get_text()
    assert "Следующая" not in newest


@pytest.mark.sphinx("latex", testroot="publication")
def test_the_printed_book_has_no_site_navigation(app):
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert "Вторая: про автокодировщики" in tex
    assert "Предыдущая статья" not in tex
    assert "Подписаться" not in tex
