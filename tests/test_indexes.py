"""The archive, the category pages, the byline and the home page, on a real build."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from util import article_body, page, titles, warnings

pytestmark = pytest.mark.sphinx("html", testroot="publication")


@pytest.fixture
def built(app):
    app.build()
    assert warnings(app) == ""
    return app


def test_archive_groups_by_year_then_month_newest_first(built):
    body = article_body(built, "archive/index")
    years = [li.find("p").get_text(" ", strip=True) for li in body.select(".article-archive > li")]
    assert years == ["2025 (3)", "2024 (1)"]
    months = [p.get_text(" ", strip=True) for p in body.select(".article-archive li li p")]
    assert months == ["Декабрь 2025 (2)", "Ноябрь 2025 (1)", "Март 2024 (1)"]
    # Months link to their section of the year page.
    hrefs = [a["href"] for a in body.select(".article-archive li li a")]
    assert hrefs[0] == "2025.html#archive-2025-12"


def test_year_page_lists_articles_by_month_with_stable_ties(built):
    body = article_body(built, "archive/2025")
    sections = body.select("section section")
    assert [s.find("h2").get_text(strip=True).rstrip("¶") for s in sections] == [
        "Декабрь 2025",
        "Ноябрь 2025",
    ]
    # Same day: by title.
    assert titles(sections[0]) == ["Вторая: про автокодировщики", "Третья"]
    assert titles(sections[1]) == ["Четвёртая"]
    link = sections[0].select_one(".article-title a")
    assert link["href"] == "../articles/second.html"


def test_category_index_merges_case_variants_and_counts(built):
    body = article_body(built, "categories/index")
    entries = [li.get_text(" ", strip=True) for li in body.select(".category-index li")]
    assert entries == ["Python (1)", "Генеративный ИИ (3)"]
    hrefs = [a["href"] for a in body.select(".category-index a")]
    assert hrefs == ["python.html", "generativnyi-ii.html"]


def test_category_page_lists_its_articles_newest_first(built):
    doc = page(built, "categories/generativnyi-ii")
    assert doc.select_one("h1").get_text(strip=True).rstrip("¶") == "Генеративный ИИ"
    assert titles(article_body(built, "categories/generativnyi-ii")) == [
        "Вторая: про автокодировщики",
        "Третья",
        "Первая статья",
    ]
    assert titles(article_body(built, "categories/python")) == ["Первая статья"]


def test_article_has_title_once_and_a_localized_byline(built):
    doc = page(built, "articles/second")
    assert [h.get_text(strip=True).rstrip("¶") for h in doc.select("h1")] == [
        "Вторая: про автокодировщики"
    ]
    assert doc.title.get_text().startswith("Вторая: про автокодировщики")
    meta = doc.select_one("article .article-meta")
    assert meta.select_one(".article-date").get_text() == "27 декабря 2025\u202fг."
    # Machines read the date: <time datetime>, in bylines on pages and in lists.
    assert meta.select_one("time.article-date")["datetime"] == "2025-12-27T00:00:00+00:00"
    listed = article_body(built, "archive/2025").select("time.article-date[datetime]")
    assert "2025-12-27T00:00:00+00:00" in [t["datetime"] for t in listed]
    links = meta.select("a")
    assert [a.get_text() for a in links] == ["Генеративный ИИ"]
    assert links[0]["href"] == "../categories/generativnyi-ii.html"
    # The author's heading stays a section below the title.
    assert doc.select_one("article h2").get_text(strip=True).rstrip("¶") == "Введение"


def test_article_text_is_published_as_written(built, app):
    body = article_body(built, "articles/third").get_text(" ", strip=True)
    assert "Текст третьей статьи." in body


def test_home_page_cards_newest_first_with_summaries(built):
    body = article_body(built, "index")
    cards = body.select(".article-cards .sd-card")
    assert titles(body) == ["Вторая: про автокодировщики", "Третья", "Четвёртая", "Первая статья"]
    assert "Автокодировщики сжимают" in cards[0].get_text()
    # A paragraph that only repeats the title is not the summary.
    assert cards[1].select("p")[-1].get_text() == "Текст третьей статьи."
    assert cards[0].select_one(".article-date").get_text() == "27 декабря 2025\u202fг."
    more = [a["href"] for a in body.select(".article-more a")]
    assert more == ["archive/index.html", "categories/index.html"]


def test_sidebar_lists_sections_not_articles(built):
    nav = page(built, "articles/first").select_one(".sidebar-tree")
    texts = [a.get_text(strip=True) for a in nav.select("a")]
    assert texts == ["Архив", "2025", "2024", "Категории", "Python", "Генеративный ИИ"]
    # The article's own section is marked current, so Furo opens it.
    current = [a.get_text(strip=True) for a in nav.select("li.current > a")]
    assert current == ["Архив", "2024"]


@pytest.mark.sphinx(
    "html", testroot="publication", confoverrides={"articles_navigation_max_items": 1}
)
def test_a_section_too_long_to_list_shows_its_index_only(app):
    app.build()
    assert warnings(app) == ""
    nav = page(app, "articles/first").select_one(".sidebar-tree")
    # Two years and two categories, past one: the sections alone, whatever their number.
    assert [a.get_text(strip=True) for a in nav.select("a")] == ["Архив", "Категории"]
    assert nav.select_one("li.current > a").get_text(strip=True) == "Архив"


@pytest.mark.sphinx("html", testroot="publication", confoverrides={"language": "en"})
def test_an_english_publication_gets_english_words(app):
    app.build()
    assert article_body(app, "archive/index").select_one("h1").get_text(strip=True) == "Archive¶"
    months = [
        p.get_text(" ", strip=True) for p in article_body(app, "archive/index").select("li li p")
    ]
    assert months[0] == "December 2025 (2)"
    meta = page(app, "articles/second").select_one("article .article-meta .article-date")
    assert meta.get_text() == "December 27, 2025"


def test_authors_can_link_a_category_in_text(built):
    link = article_body(built, "articles/fourth").select_one("p a[href$='python.html']")
    assert link.get_text() == "Python"
    assert link["href"] == "../categories/python.html"


def test_listing_pages_describe_themselves(built):
    def description(docname: str) -> str:
        return page(built, docname).select_one('meta[name="description"]')["content"]

    project = built.config.project
    assert description("archive/index") == f"Архив «{project}»: все статьи по годам и месяцам."
    assert description("archive/2025") == f"Статьи «{project}» за 2025 год, по месяцам."
    assert description("categories/index").startswith(f"Категории «{project}»")
    category = description("categories/generativnyi-ii")
    assert category == f"Статьи «{project}» в категории «Генеративный ИИ», сначала новые."
    og = page(built, "categories/generativnyi-ii").select_one('meta[property="og:description"]')
    assert og["content"] == category


def _footer(app, docname: str) -> dict[str, str | None]:
    """Where the theme's previous/next footer leads from a page, as document names."""
    doc = page(app, docname)
    here = (Path(app.outdir) / f"{docname}.html").parent
    found = {}
    for key in ("prev", "next"):
        link = doc.select_one(f"a.{key}-page")
        target = (here / link["href"]).resolve() if link else None
        found[key] = target.relative_to(Path(app.outdir).resolve()).as_posix() if target else None
    return found


def test_one_navigation_order(built):
    # An article shows its own previous/next by date, not the theme's by toctree.
    assert _footer(built, "articles/second") == {"prev": None, "next": None}
    assert page(built, "articles/second").select_one(".article-neighbours") is not None
    # Index pages lead to index pages, never into an article.
    for docname in ("index", "archive/index", "archive/2024", "archive/2025", "categories/index"):
        for target in _footer(built, docname).values():
            assert target is None or not target.startswith("articles/"), (docname, target)
    assert _footer(built, "categories/index")["prev"] == "archive/2024.html"


def test_sphinx_design_styles_only_where_its_components_are(built):
    def styles(docname: str) -> list[str]:
        return [link["href"] for link in page(built, docname).select('link[rel="stylesheet"]')]

    assert any("sphinx-design" in href for href in styles("index"))  # the cards
    for docname in ("articles/second", "archive/index", "categories/index", "search"):
        assert not any("sphinx-design" in href for href in styles(docname)), docname


@pytest.mark.sphinx("html", testroot="publication", confoverrides={"articles_page_size": 2})
def test_long_listings_are_split_into_numbered_pages(app):
    app.build()
    assert warnings(app) == ""
    first = article_body(app, "categories/generativnyi-ii")
    second = article_body(app, "categories/generativnyi-ii/2")
    listed = titles(first) + titles(second)
    assert len(titles(first)) == 2 and len(titles(second)) == 1
    assert sorted(listed) == sorted(set(listed))  # each article once
    assert [a.get_text() for a in first.select(".article-pages a")] == ["2"]
    assert first.select_one(".article-pages strong").get_text() == "1"
    head = page(app, "categories/generativnyi-ii/2").select_one('link[rel="prev"]')
    assert head["href"] == "../generativnyi-ii.html"
    assert page(app, "categories/generativnyi-ii").select_one('link[rel="next"]')["href"] == (
        "generativnyi-ii/2.html"
    )
    assert _footer(app, "categories/generativnyi-ii/2")["prev"] == "categories/generativnyi-ii.html"
    # The feed still has every article of the category.
    feed = (Path(app.outdir) / "categories" / "generativnyi-ii.atom").read_text("utf-8")
    assert all(title in feed for title in listed)


@pytest.mark.sphinx("html", testroot="publication", confoverrides={"articles_page_size": 1})
def test_long_years_are_split_into_numbered_pages_by_month(app):
    app.build()
    assert warnings(app) == ""
    out = Path(app.outdir)
    more = (out / "archive" / "2025").glob("*.html")
    pages = ["archive/2025", *sorted(p.relative_to(out).with_suffix("").as_posix() for p in more)]
    listed = [t for docname in pages for t in titles(article_body(app, docname))]
    in_year = [a for a in app.env.domains["articles"].newest() if a.published.year == 2025]
    assert listed == [a.title for a in in_year]  # every article once, newest first
    assert len(pages) == len(in_year) > 1
    # Each month's link in the archive's index leads to the page where the month begins.
    for link in article_body(app, "archive/index").select("li li a"):
        target, anchor = link["href"].split("#")
        assert page(app, f"archive/{target.removesuffix('.html')}").select_one(f'[id="{anchor}"]')
    assert _footer(app, pages[1])["prev"] == "archive/2025.html"
    numbers = article_body(app, pages[1]).get_text()
    assert "Страницы:" in numbers


def test_an_article_re_read_in_its_place_is_shown_anew_without_sorting_again(built, monkeypatch):
    """The live preview's re-read of one article: its new text shows, the orders are kept."""
    from sphinx_article_indexes.records import domain as records

    domain = built.env.domains["articles"]
    domain.rank_all()
    sorted_again = []
    categories_of = records.categories_of
    monkeypatch.setattr(
        records, "categories_of", lambda *a: sorted_again.append(a) or categories_of(*a)
    )

    def re_read(**changes):
        record = domain.articles["articles/first"]
        domain.clear_doc("articles/first")
        domain.add_article(dataclasses.replace(record, **changes))
        assert domain.newest() == records.newest_first(domain.articles.values())
        assert domain.categories() == categories_of(domain.articles.values())
        assert domain.tags() == categories_of(domain.articles.values(), records._tags)
        return domain.around("articles/first")

    re_read(summary="Новое начало.")
    python = domain.category_by_slug("python")
    shown = [a.summary for a in python.articles if a.docname == "articles/first"]
    assert shown == ["Новое начало."]
    assert sorted_again == []
    # Moved to the newest place: sorted and ranked again.
    older, newer, _ = re_read(published=dt.datetime(2026, 1, 1))
    assert (older.docname, newer) == (domain.newest()[1].docname, None)
    assert sorted_again


def _main_contents(app) -> dict[str, str]:
    """Every page's main content, by file."""
    from bs4 import BeautifulSoup

    out = Path(app.outdir)
    return {
        path.relative_to(out).as_posix(): str(
            BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("article[role=main]")
        )
        for path in out.rglob("*.html")
    }


@pytest.mark.parametrize("size", [50, 1])  # 1: every list split into numbered pages
def test_lists_of_kept_entries_are_the_lists_the_translator_writes(
    make_app, rootdir, tmp_path, monkeypatch, size
):
    from sphinx_article_indexes.indexes import rendered_entries
    from util import build, copy_project

    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    # An author's own list, two folders down, in names the translator escapes in links.
    own = src / "notes" / "o'neil@home" / "a&b"
    own.mkdir(parents=True)
    listing = "```{article-list}\n:category: python\n```\n"
    (own / "list.md").write_text(f"---\norphan: true\n---\n# Свой список\n\n{listing}", "utf-8")
    settings = {"articles_page_size": size}
    rendered = []
    render = rendered_entries._render

    def counted(builder, articles, refdoc):
        rendered.extend((a.docname, refdoc) for a in articles)
        return render(builder, articles, refdoc)

    monkeypatch.setattr(rendered_entries, "_render", counted)
    kept = _main_contents(build(make_app, src, confoverrides=settings))
    # Each entry rendered once for the pages at a depth, as for a page that no document can be:
    # the archive's, the categories' and the tags' pages share it (numbered pages: one deeper).
    assert len(rendered) == len(set(rendered)) >= 4
    depths = {"\0/\0", "\0/\0/\0/\0"} | ({"\0/\0/\0"} if size == 1 else set())
    assert {refdoc for _docname, refdoc in rendered} == depths
    monkeypatch.setattr(rendered_entries, "builder_keeping_entries", lambda env: None)
    plain = _main_contents(
        build(make_app, copy_project(src, tmp_path / "plain"), confoverrides=settings)
    )
    assert kept == plain
    assert "../../../articles/" in kept["notes/o'neil@home/a&b/list.html"]
    # A category's page links to itself as Sphinx does: "#".
    assert 'href="#"' in kept["categories/python.html"]
