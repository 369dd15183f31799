"""Front matter as Hugo, Jekyll, Pelican and ABlog authors write it, on a real build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sphinx_article_indexes.records.frontmatter import read_article
from util import article_body, page, titles, warnings

ACCEPTED = {
    "Тома: заметки", "Заглавные ключи", "Из JSON", "Jekyll: дата из имени файла",
    "Пост из ABlog", "Описание без разметки",
}  # fmt: skip


pytestmark = pytest.mark.sphinx("html", testroot="engine-dialects", freshenv=True)


@pytest.fixture
def built(app):
    app.build()
    return app


def test_every_dialect_is_listed(built):
    years = ("archive/2009", "archive/2024")
    assert {t for y in years for t in titles(article_body(built, y))} == ACCEPTED
    assert set(titles(article_body(built, "categories/zametki"))) == {
        "Тома: заметки", "Заглавные ключи", "Из JSON", "Jekyll: дата из имени файла",
    }  # fmt: skip
    assert set(titles(article_body(built, "categories/arkhiv"))) == {
        "Jekyll: дата из имени файла", "Пост из ABlog",
    }  # fmt: skip


def test_dates_from_file_names_and_english(built):
    assert titles(article_body(built, "archive/2009")) == ["Jekyll: дата из имени файла"]
    january = article_body(built, "archive/2024").get_text()
    assert "Пост из ABlog" in january


def test_space_separated_tags(built):
    meta = page(built, "articles/_posts/2009-01-27-jekyll-file-date").select_one(".article-tags")
    assert meta.get_text() == "php, kohana"


def _description(app, docname: str) -> str:
    return page(app, docname).select_one('meta[name="description"]')["content"]


def test_summaries_the_author_chose(built):
    assert _description(built, "articles/hugo-toml") == "Своё краткое описание из Hugo."
    jekyll = _description(built, "articles/_posts/2009-01-27-jekyll-file-date")
    assert jekyll == "Начало. Это краткое описание до отметки."
    assert _description(built, "articles/excerpt-with-html") == "Текст со ссылкой и жирным."


def test_what_is_left_out_is_named_and_counted(built):
    said = warnings(built)
    assert "pelican-no-fences.md" in said and "are Pelican's; put them between '---'" in said
    status = built.status.getvalue()
    assert "2 of 8 left out of the indexes: 1 without readable front matter, 1 drafts" in status
    assert not (Path(built.outdir) / "archive" / "2010.html").exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 6, 2025", dt.datetime(2025, 6, 6)),
        ("Jan 8th, 2024", dt.datetime(2024, 1, 8)),
        ("8 Sept 2024", dt.datetime(2024, 9, 8)),
        ("Mar 3, 2024, 14:05", dt.datetime(2024, 3, 3, 14, 5)),
    ],
)
def test_english_dates(text, expected):
    assert read_article("a", f"---\ntitle: T\ndate: {text}\n---\n").article.published == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('+++\ntitle = "T"\ndate = \n+++\n', "front matter is not valid TOML"),
        ("+++\ntitle = 'T'\n", "opened with '+++' is never closed"),
        ("+++\n" + "a = " + "[" * 40 + "]" * 40 + "\n+++\n", "nests deeper than 16"),
        ("---\ntitle: T\ntitle2: x\nTitle: U\ndate: 2024-01-01\n---\n", "repeats the key 'title'"),
        ("---\ntitle: T\ndate: February 30, 2024\n---\n", "is not a real date"),
        ("---\ntitle: T\ndate: Smarch 3, 2024\n---\n", "'date' must be a date such as"),
        ("---\ntitle: T\n---\n", "'date' is missing"),
    ],
)
def test_dialect_mistakes_are_named(text, problem):
    assert any(problem in p for p in read_article("articles/x", text).problems)


def test_json_body_that_is_not_front_matter():
    reading = read_article("a", '{"a": 1} trailing text\n')
    assert reading.article is None
    assert reading.problems == ["no front matter: start the file with '---', title and date"]
