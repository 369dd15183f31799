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
    assert data["dateModified"] == data["datePublished"]  # no 'updated:' key
    assert data["author"] == {"@type": "Organization", "name": app.config.author, "url": BASE}
    assert data["articleSection"] == ["Генеративный ИИ"]
    assert "keywords" not in data and "image" not in data  # nothing empty: no tags, no image
    assert doc.select_one("link[rel=canonical]")["href"] == f"{BASE}articles/second.html"
    # Index pages are not articles.
    archive = page(app, "archive/index")
    assert meta(archive, "og:type") == ["website"]
    assert not archive.select('script[type="application/ld+json"]')


def test_a_link_s_query_keeps_its_ampersands(make_app, rootdir, tmp_path):
    """MyST-Parser 5.0 wrote ?a=1&b=2 as ?a=1&amp;amp;b=2 (its #760): the lowest allowed is 5.1."""
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    first = src / "articles" / "first.md"
    link = "\n\n[Видео](https://vkvideo.ru/video_ext.php?oid=-1&id=2&hd=2)\n"
    first.write_text(first.read_text("utf-8") + link, "utf-8")
    app = build(make_app, src)
    href = page(app, "articles/first").find("a", string="Видео")["href"]
    assert href == "https://vkvideo.ru/video_ext.php?oid=-1&id=2&hd=2"


def test_an_article_without_text_is_described_by_its_title(make_app, rootdir, tmp_path):
    """Not by the byline and links around it, nor twice (sphinxext-opengraph's own)."""
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    (src / "articles" / "empty.md").write_text(
        "---\ntitle: Только заголовок\ndate: 2025-01-02\n---\n", "utf-8"
    )
    app = build(make_app, src)
    assert warnings(app) == ""
    doc = page(app, "articles/empty")
    assert meta(doc, "description") == meta(doc, "og:description") == ["Только заголовок"]
    data = json.loads(doc.select_one('script[type="application/ld+json"]').string)
    assert data["description"] == "Только заголовок"


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


def test_author_update_and_image_reach_previews_and_json_ld(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    first = src / "articles" / "first.md"
    extra = "author: Анна\nupdated: 2025-01-10 12:00\nimage: covers/first.png\n"
    first.write_text(first.read_text("utf-8").replace("---\n\n", extra + "---\n\n", 1), "utf-8")
    urls = {"articles_author_urls": {"Анна": "https://example.org/anna"}}
    app = build(make_app, src, confoverrides=urls | {"ogp_image": "_static/site.png"})
    assert warnings(app) == ""
    doc = page(app, "articles/first")
    image = f"{BASE}articles/covers/first.png"
    assert meta(doc, "og:image") == [image]
    assert meta(doc, "article:modified_time") == ["2025-01-10T12:00:00+00:00"]
    data = json.loads(doc.select_one('script[type="application/ld+json"]').string)
    assert data["author"] == {"@type": "Person", "name": "Анна", "url": "https://example.org/anna"}
    assert data["dateModified"] == "2025-01-10T12:00:00+00:00" and data["image"] == image
    # Another article has the site's image.
    other = json.loads(
        page(app, "articles/second").select_one('script[type="application/ld+json"]').string
    )
    assert other["image"] == f"{BASE}_static/site.png"
    assert meta(page(app, "articles/second"), "og:image") == [f"{BASE}_static/site.png"]
    assert meta(page(app, "articles/second"), "twitter:card") == ["summary_large_image"]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("image: javascript:alert(1)", "'image' must be an http(s) address or a path"),
        ("updated: вчера", "'updated' must be a date such as"),
    ],
)
def test_bad_image_or_update_is_named(make_app, rootdir, tmp_path, line, problem):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    first = src / "articles" / "first.md"
    first.write_text(first.read_text("utf-8").replace("---\n\n", line + "\n---\n\n", 1), "utf-8")
    app = build(make_app, src)
    assert problem in warnings(app) and "first.md" in warnings(app)
    assert "javascript:" not in (Path(app.outdir) / "articles" / "first.html").read_text("utf-8")


def test_a_numbered_equation_and_a_named_table_have_their_ids_once(make_app, rootdir, tmp_path):
    """internals/wrapper_ids.py: Furo copied them onto the wrapper it puts around each."""
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    body = (
        "\nmyst:\n  enable_extensions: [amsmath]\n---\n\n"
        "\\begin{equation}\na = b\n\\end{equation}\n\n"
        "```{list-table} Таблица\n:name: tablitsa\n\n* - а\n  - б\n```\n\n"
    )
    text = (src / "articles/first.md").read_text("utf-8")
    (src / "articles/first.md").write_text(text.replace("\n---\n", body, 1), "utf-8")
    app = build(make_app, src)
    assert warnings(app) == ""
    doc = page(app, "articles/first")
    ids = [tag["id"] for tag in doc.select("[id]")]
    assert len(ids) == len(set(ids))
    for link in doc.select("div.math a.headerlink, table a.headerlink"):
        assert len(doc.select(f'[id="{link["href"][1:]}"]')) == 1
    assert doc.select_one("table#tablitsa") and doc.select_one(".table-wrapper:not([id])")
    # The site's formulas are MathJax's TeX (editions/epub_math.py is the EPUB's alone).
    assert "\\begin{equation}" in doc.select_one("div.math").get_text()
