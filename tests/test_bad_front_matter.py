"""Bad front matter: a warning naming the file and the problem; the rest still builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from util import article_body, titles, warnings

pytestmark = pytest.mark.sphinx("html", testroot="bad-front-matter", freshenv=True)

EXPECTED = {
    "no-date.md": "'date' is missing",
    "bad-date.md": "'date' '2025-02-30' is not a real date",
    "no-title.md": "'title' is missing or empty",
    "bad-categories.md": "'categories' must be a string or a list of strings, got dict",
    "typo.md": "unknown key 'categroies'; did you mean 'categories'?",
    "broken-yaml.md": "front matter is not valid YAML at line",
    "no-front-matter.md": "no front matter",
    "python-tag.md": "uses the YAML tag '!!python/object/apply:os.system'",
}


@pytest.fixture
def built(app):
    app.build()
    return app


@pytest.mark.parametrize(("filename", "problem"), sorted(EXPECTED.items()))
def test_each_problem_is_a_warning_naming_the_file(built, filename, problem):
    lines = [line for line in warnings(built).splitlines() if f"articles/{filename}" in line]
    assert any(problem in line and "WARNING" in line for line in lines), lines


def test_only_the_reported_problems_are_warned_about(built):
    lines = [line for line in warnings(built).splitlines() if "WARNING" in line]
    assert len(lines) == len(EXPECTED), lines
    assert all(re.search(r"articles/[\w-]+\.md", line) for line in lines)


def test_valid_articles_still_appear_everywhere(built):
    # An unknown key or unusable categories do not cost an article its place.
    expected = ["Опечатка", "Плохие категории", "Хорошая"]
    assert titles(article_body(built, "archive/2025")) == expected
    assert titles(article_body(built, "index")) == expected
    assert titles(article_body(built, "categories/ok")) == ["Хорошая"]


def test_unusable_articles_are_still_pages_but_in_no_index(built):
    out = Path(built.outdir)
    assert (out / "articles" / "no-date.html").is_file()
    archive = article_body(built, "archive/2025").get_text()
    for title in ("Без даты", "Плохая дата", "Тег"):
        assert title not in archive


def test_yaml_tags_construct_nothing(built):
    assert not (Path(built.srcdir) / "pwned").exists()
    assert not Path("pwned").exists()
