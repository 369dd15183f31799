"""Front matter reading and slugs, on their own."""

from __future__ import annotations

import datetime as dt

import pytest

from sphinx_article_indexes.markdown import escape
from sphinx_article_indexes.records.frontmatter import read_article
from sphinx_article_indexes.records.slugs import assign_slugs, slugify


def test_plain_key_value_lines_with_colons_in_the_title():
    reading = read_article("a", "---\ntitle: Итоги: 2025\ndate: 2025-12-27\ncategories: ai\n---\n")
    assert reading.problems == []
    article = reading.article
    assert article.title == "Итоги: 2025"
    assert article.published == dt.datetime(2025, 12, 27)
    assert article.categories == ("ai",)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-27", dt.datetime(2025, 12, 27)),
        ('"2025-12-27"', dt.datetime(2025, 12, 27)),
        ("2025-12-27 10:30", dt.datetime(2025, 12, 27, 10, 30)),
        ("2025-12-27T10:30:00+03:00", dt.datetime.fromisoformat("2025-12-27T10:30:00+03:00")),
        ("2025-12-27 10:30:00 +0300", dt.datetime.fromisoformat("2025-12-27T10:30:00+03:00")),
        ("2019-04-25 9:00:00", dt.datetime(2019, 4, 25, 9)),  # Jekyll's, an hour of one digit
        ("2019-04-25 9:05", dt.datetime(2019, 4, 25, 9, 5)),
    ],
)
def test_date_spellings(value, expected):
    reading = read_article("a", f"---\ntitle: T\ndate: {value}\n---\n")
    assert reading.article.published == expected


@pytest.mark.parametrize(
    ("categories", "expected"),
    [
        ("ai", ("ai",)),
        ("ai, Наука", ("ai", "Наука")),
        ("[ai, Наука]", ("ai", "Наука")),
        ("\n  - ai\n  - '  Наука  '", ("ai", "Наука")),
        ("[ai, AI]", ("ai",)),
        ("[елки, Ёлки, ЕЛКИ]", ("елки",)),
    ],
)
def test_category_spellings(categories, expected):
    reading = read_article("a", f"---\ntitle: T\ndate: 2025-01-01\ncategories: {categories}\n---\n")
    assert reading.problems == []
    assert reading.article.categories == expected


@pytest.mark.parametrize(
    ("front_matter", "problem"),
    [
        ("title: T\ndate: 2025-02-30", "'2025-02-30' is not a real date"),
        ("title: T\ndate: вчера", "got 'вчера'"),
        ("title: T\ndate: 2025-01-01\ncategories: {a: b}", "got dict"),
        ("title: T\ndate: 2025-01-01\ncategories: [a, {b: c}]", "must hold only strings, got dict"),
        ("title: T\ndate: 2025-01-01\ncategories: [a, '']", "holds an empty name"),
        ("title: T\ndtae: 2025-01-01", "did you mean 'date'?"),
        ("title: T\ntitle: U\ndate: 2025-01-01", "duplicated key 'title'"),
        ("title: [unclosed\ndate: 2025-01-01", "not valid YAML at line"),
        ("- a\n- b", "must be a mapping"),
    ],
)
def test_problems_are_named(front_matter, problem):
    reading = read_article("a", f"---\n{front_matter}\n---\nText\n")
    assert any(problem in p for p in reading.problems), reading.problems


def test_slugs_are_readable_ascii():
    assert slugify("генеративный ИИ") == "generativnyi-ii"
    assert slugify("Щёлочь и Юг") == "shcheloch-i-iug"
    assert slugify("Machine Learning") == "machine-learning"


@pytest.mark.parametrize("name", ["../../etc", "/abs", "con", "index", "!!!", "я" * 300, "a/b\\c"])
def test_slugs_stay_inside_their_folder(name):
    slug = slugify(name)
    assert slug
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert slug not in {"con", "index"}
    assert len(slug) <= 60


def test_distinct_categories_never_share_a_slug():
    slugs = assign_slugs(["ИИ", "ii", "Ии", "И.И."])
    assert len(slugs) == 3  # "ИИ" and "Ии" are one category
    assert len(set(slugs.values())) == 3
    assert slugs["ii"] == "ii"  # the first in order keeps the plain slug


def test_markdown_escape_keeps_text_literal():
    assert escape("<b>*x*</b> `y`") == r"\<b\>\*x\*\<\/b\> \`y\`"


def test_plain_lines_may_mix_with_yaml_values():
    text = '---\ntitle: Итоги: 2025\ndate: "2025-12-27"\ncategories: [ai, "Наука"]\n---\n'
    reading = read_article("a", text)
    assert reading.problems == []
    assert reading.article.categories == ("ai", "Наука")


def test_plain_lines_do_not_hide_broken_yaml():
    reading = read_article("a", "---\ntitle: Итоги: 2025\ncategories: [ai\n---\n")
    assert reading.article is None
    assert "not valid YAML" in reading.problems[0]


def test_a_category_is_named_in_its_most_used_spelling_then_its_first():
    from sphinx_article_indexes.records.domain import categories_of
    from sphinx_article_indexes.records.frontmatter import Article

    def article(name: str, day: int, *categories: str) -> Article:
        return Article(name, name, dt.datetime(2025, 1, day), categories)

    tie = categories_of([article("b", 2, "ai"), article("a", 1, "AI")])
    assert tie["ai"].name == "AI"
    most = categories_of([article("a", 1, "AI"), article("b", 2, "ai"), article("c", 3, "ai")])
    assert most["ai"].name == "ai"
    assert [a.docname for a in most["ai"].articles] == ["c", "b", "a"]
