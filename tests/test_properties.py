"""Random publications: every valid article in its places exactly once, in every kind of build."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_incremental_and_parallel import rendered

from util import article_body, build, titles

CONF = (
    'extensions = ["myst_parser", "sphinx_design", "sphinx_article_indexes"]\n'
    'language = "ru"\nhtml_theme = "furo"\n'
)
INDEX = (
    "# Журнал\n\n```{latest-articles}\n:limit: 50\n```\n\n"
    "```{toctree}\n:hidden:\n\narchive/index\ncategories/index\n```\n"
)
NAMES = ["Ёлки", "елки", "  ЁЛКИ ", "Наука", "наука", "AI", "ai", "Генеративный ИИ", "Python"]
PROBLEMS = ["date: 2025-02-30", "categories: {a: b}", "title: ''", "date: вчера"]


def key(name: str) -> str:
    """What makes two category names one category, as the README promises."""
    return " ".join(name.lower().replace("ё", "е").split())


@st.composite
def publications(draw) -> list[dict]:
    count = draw(st.integers(min_value=1, max_value=7))
    articles = []
    for number in range(count):
        day = draw(st.dates(dt.date(2023, 1, 1), dt.date(2025, 12, 31)))
        articles.append(
            {
                "title": f"Статья {number}",
                "date": day,
                "categories": draw(st.lists(st.sampled_from(NAMES), max_size=3)),
                "draft": draw(st.booleans()) and draw(st.booleans()),
                "problem": draw(st.none() | st.none() | st.sampled_from(PROBLEMS)),
            }
        )
    return articles


def write(src: Path, articles: list[dict]) -> None:
    """Lay out a project with these articles (replacing any earlier ones)."""
    (src / "articles").mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(CONF, "utf-8")
    (src / "index.md").write_text(INDEX, "utf-8")
    for old in (src / "articles").glob("*.md"):
        old.unlink()
    for number, article in enumerate(articles):
        lines = [f"title: {article['title']}", f"date: {article['date']}"]
        names = ", ".join(f'"{name}"' for name in article["categories"])
        lines.append(f"categories: [{names}]")
        if article["draft"]:
            lines.append("draft: true")
        if article["problem"]:
            field = article["problem"].split(":")[0]
            lines = [line for line in lines if not line.startswith(field + ":")]
            lines.append(article["problem"])
        text = "---\n" + "\n".join(lines) + f"\n---\n\nТекст статьи {number}.\n"
        (src / "articles" / f"a{number}.md").write_text(text, "utf-8")


def listed(article: dict) -> bool:
    """Drafts and articles without a usable title or date are in no index."""
    problem = article["problem"] or ""
    return not article["draft"] and not problem.startswith(("date", "title"))


def categories(article: dict) -> set[str]:
    """Unusable categories leave a listed article without categories."""
    problem = article["problem"] or ""
    return set() if problem.startswith("categories") else {key(n) for n in article["categories"]}


def check_indexes(app, articles: list[dict]) -> None:
    """Each listed article once under its month and on each category page; nothing else."""
    expected = [a for a in articles if listed(a)]
    archived: list[str] = []
    for year in sorted({a["date"].year for a in expected}):
        body = article_body(app, f"archive/{year}")
        for section in body.select("section section"):
            ids = [section.get("id", ""), *(t["id"] for t in section.find_all(id=True))]
            anchor = next(i for i in ids if i.startswith("archive-"))  # archive-YYYY-MM
            month = anchor.split("-")[1:]
            for title in titles(section):
                article = next(a for a in expected if a["title"] == title)
                assert [str(article["date"].year), f"{article['date'].month:02d}"] == month
                archived.append(title)
    assert Counter(archived) == Counter(a["title"] for a in expected)

    index = article_body(app, "categories/index")
    counts = {}
    for item in index.select(".category-index li"):
        link = item.select_one("a")
        counts[key(link.get_text())] = (
            link["href"],
            int(item.select_one(".article-count").get_text()[1:-1]),
        )
    wanted: dict[str, Counter] = {}
    for article in expected:
        for name in categories(article):
            wanted.setdefault(name, Counter())[article["title"]] += 1
    assert set(counts) == set(wanted)
    for name, (href, count) in counts.items():
        assert count == sum(wanted[name].values())
        page = article_body(app, f"categories/{href.removesuffix('.html')}")
        assert Counter(titles(page)) == wanted[name]


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(before=publications(), after=publications())
def test_random_publications_agree_across_builds(make_app, tmp_path_factory, before, after):
    root = tmp_path_factory.mktemp("random")
    incremental = root / "incremental"
    write(incremental, before)
    build(make_app, incremental)
    write(incremental, after)
    changed = build(make_app, incremental)
    clean_src, parallel_src = root / "clean", root / "parallel"
    for src in (clean_src, parallel_src):
        write(src, after)
    clean = build(make_app, clean_src)
    parallel = build(make_app, parallel_src, parallel=2)

    check_indexes(clean, after)
    indexes = [d for d in clean.env.found_docs if not d.startswith("articles/")]
    for app in (changed, parallel):
        pages = rendered(app)
        assert {d: pages[d] for d in indexes} == {d: rendered(clean)[d] for d in indexes}
    shutil.rmtree(root)
