"""``nox -s new``: a new article file, with front matter, never overwriting."""

from __future__ import annotations

import datetime as dt

import pytest

from sphinx_article_indexes.frontmatter import read_article
from sphinx_article_indexes.new import create, main


def test_new_article_has_valid_front_matter(tmp_path):
    path = create("Как работают: трансформеры", tmp_path, dt.date(2026, 1, 2))
    assert path.name == "kak-rabotaiut-transformery.md"
    reading = read_article("articles/x", path.read_text("utf-8"))
    assert reading.problems == []
    assert reading.article.title == "Как работают: трансформеры"
    assert reading.article.published == dt.datetime(2026, 1, 2)
    assert reading.article.categories == ()


def test_new_article_refuses_to_overwrite(tmp_path, capsys):
    path = create("Заголовок", tmp_path)
    path.write_text("своё", "utf-8")
    assert main(["Заголовок", str(tmp_path)]) == 1
    assert "exists already" in capsys.readouterr().err
    assert path.read_text("utf-8") == "своё"


@pytest.mark.parametrize("argv", [[], ["   "]])
def test_new_article_needs_a_title(argv, tmp_path):
    assert main([*argv, str(tmp_path)] if argv else argv) == 2
