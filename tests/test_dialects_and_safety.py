"""Front matter dialects, drafts, hostile titles and category names, on a real build."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from util import article_body, page, sitemap_urls, titles, warnings

pytestmark = pytest.mark.sphinx("html", testroot="dialects", freshenv=True)


@pytest.fixture
def built(app):
    app.build()
    return app


def test_same_day_articles_by_time_then_title(built):
    december = article_body(built, "archive/2025").select_one("section section")
    # 10:30 without an offset (UTC here), then 10:30 +03:00, then 09:00 +03:00: by instant.
    assert titles(december) == ["Альфа", "Гамма", "Бета"]


def test_category_spellings_are_one_category(built):
    body = article_body(built, "categories/index")
    entries = [li.get_text(" ", strip=True) for li in body.select(".category-index li")]
    assert "Наука (3)" in entries  # "Наука" twice and "НАУКА" (through the `category:` alias)
    assert "Ёлки (3)" in entries  # "  Ёлки  ", "елки" and "Ёлки": the most used spelling
    assert titles(article_body(built, "categories/elki")) == ["Гамма", "Дельта", "Эпсилон"]


def test_tags_are_shown_on_the_article(built):
    meta = page(built, "articles/a").select_one("article .article-meta")
    assert meta.select_one(".article-tags").get_text() == "x, y"
    assert "Теги:" in meta.get_text()


def _everything(app, *, but: tuple[str, ...] = ()) -> str:
    """All HTML pages and the search index, except the documents named."""
    out = Path(app.outdir)
    skip = {out / f"{docname}.html" for docname in but}
    files = [*out.rglob("*.html"), out / "searchindex.js"]
    return "\n".join(p.read_text("utf-8") for p in files if p not in skip)


def test_drafts_and_future_articles_are_in_no_index(built):
    listed = _everything(built, but=("articles/draft", "articles/future"))
    for hidden in ("Черновик", "Будущее", "Черновой", "Запланированный"):
        assert hidden not in listed
    assert (Path(built.outdir) / "articles" / "draft.html").is_file()
    urls = sitemap_urls(built)
    assert not [u for u in urls if "draft" in u or "future" in u]
    said = "2 of 11 left out of the indexes: 1 drafts, 1 dated in the future"
    assert said in built.status.getvalue()


@pytest.mark.sphinx(
    "html", testroot="dialects", freshenv=True, confoverrides={"articles_include_drafts": True}
)
def test_drafts_can_be_previewed(app):
    app.build()
    assert "Черновик" in titles(article_body(app, "categories/nauka"))
    assert "Будущее" in titles(article_body(app, "archive/2999"))


def test_html_in_front_matter_is_text_everywhere(built):
    everything = "\n".join(p.read_text("utf-8") for p in Path(built.outdir).rglob("*.html"))
    assert "<script>alert(1)</script>" not in everything
    assert "<img src=x onerror" not in everything
    doc = page(built, "articles/xss")
    assert doc.select_one("h1").get_text(strip=True).rstrip("¶") == "<script>alert(1)</script>"
    assert doc.title.get_text().startswith("<script>alert(1)</script>")
    category = doc.select_one(".article-meta a")
    assert category.get_text() == '"><img src=x onerror=alert(1)>'
    assert "<script>alert(1)</script>" in titles(article_body(built, "archive/2025"))
    assert "<script>alert(1)</script>" in titles(article_body(built, "index"))
    # The search index holds the title as data; Sphinx's search page escapes it.
    index = (Path(built.outdir) / "searchindex.js").read_text("utf-8")
    data = json.loads(index[index.index("(") + 1 : index.rindex(")")])
    # (Sphinx 8 keeps it HTML-escaped, Sphinx 9 as text.)
    assert "<script>alert(1)</script>" in {html.unescape(t) for t in data["titles"]}
    sitemap = (Path(built.outdir) / "sitemap.xml").read_text("utf-8")
    assert "<script" not in sitemap and "<img" not in sitemap


def test_no_category_name_writes_outside_its_folder(built):
    src, out = Path(built.srcdir), Path(built.outdir)
    generated = sorted(p.name for p in (src / "categories").iterdir())
    assert all(re.fullmatch(r"[a-z0-9-]+\.md", name) for name in generated)
    assert all(len(name) <= 64 for name in generated)
    assert not (src.parent / "etc").exists() and not Path("/abs.md").exists()
    pages = sorted(p.name for p in (out / "categories").iterdir())
    assert all(re.fullmatch(r"[a-z0-9-]+\.(html|atom)", name) for name in pages)
    # Eight categories of hostile names, eight distinct pages, and the index page kept.
    links = article_body(built, "articles/traversal").select(".article-meta a")
    hrefs = {a["href"] for a in links}
    assert len(hrefs) == len(links) == 6
    assert "../categories/index.html" not in hrefs
    assert "../categories/con.html" not in hrefs


def test_two_categories_sharing_an_address_get_two_and_a_warning(built):
    first = page(built, "articles/collide1").select_one(".article-meta a")["href"]
    second = page(built, "articles/collide2").select_one(".article-meta a")["href"]
    assert first != second
    lines = [line for line in warnings(built).splitlines() if "share the address" in line]
    assert len(lines) == 1
    assert "collide" in lines[0]
    assert "'ii' and 'ИИ' would share the address categories/ii" in lines[0]


def test_tags_have_pages_feeds_and_links_from_bylines(built):
    link = page(built, "articles/a").select_one(".article-tags a")
    assert link.get_text() == "x" and link["href"] == "../tags/x.html"
    assert titles(article_body(built, "tags/x")) == ["Альфа"]
    assert "«x»" in page(built, "tags/x").select_one('meta[name="description"]')["content"]
    index = [li.get_text(" ", strip=True) for li in article_body(built, "tags/index").select("li")]
    assert index == ["x (1)", "y (1)"]
    feed = (Path(built.outdir) / "tags" / "x.atom").read_text("utf-8")
    assert "Альфа" in feed and "Бета" not in feed
    # Tags are not sections of the site: not in the sidebar.
    assert "tags/" not in str(page(built, "index").select_one(".sidebar-tree"))


def test_lists_show_an_article_s_date_and_categories_but_not_its_tags(built):
    for listing in ("tags/x", "archive/2025", "index"):
        item = next(
            li for li in article_body(built, listing).select(".article-list li, .sd-card")
            if "Альфа" in li.get_text()
        )  # fmt: skip
        meta = item.select_one(".article-meta")
        assert meta.select_one(".article-date") and meta.select_one(".article-category")
        assert meta.select_one(".article-tags") is None and "Теги" not in meta.get_text()
