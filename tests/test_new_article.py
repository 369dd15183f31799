"""``sphinx-articles new`` (``nox -s new``): a new article file, with front matter, never
overwriting; the command line's help and bad arguments create nothing."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_article_indexes.cli import main
from sphinx_article_indexes.cli.new import create
from sphinx_article_indexes.records.frontmatter import read_article


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
    assert main(["new", "Заголовок", "--into", str(tmp_path)]) == 1
    assert "exists already" in capsys.readouterr().err
    assert path.read_text("utf-8") == "своё"


@pytest.mark.parametrize("argv", [[], ["   "]])
def test_new_article_needs_a_title(argv, tmp_path):
    assert main(["new", *argv, "--into", str(tmp_path)]) == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "argv", [["--help"], ["-h"], ["new", "--help"], ["new", "-h"], ["serve", "--help"]]
)
def test_help_is_printed_and_creates_nothing(argv, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 0
    assert "usage: sphinx-articles" in capsys.readouterr().out
    assert list(tmp_path.rglob("*")) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "required"),
        (["publish"], "invalid choice: 'publish'"),
        (["new", "a", "b"], "unrecognized arguments: b"),
        (["serve", "docs"], "required: OUTPUT"),
        (["serve", "nowhere", "out"], "no conf.py in nowhere"),
    ],
)
def test_bad_arguments_are_explained_with_status_2(argv, message, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.rglob("*")) == []


def test_the_installed_console_script_writes_the_article(tmp_path):
    script = Path(sys.executable).with_name("sphinx-articles")  # installed with the package
    folder = tmp_path / "articles"
    done = subprocess.run(
        [script, "new", "Итоги: 2025", "--into", folder], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(folder / "itogi-2025.md")
    assert read_article("articles/x", (folder / "itogi-2025.md").read_text("utf-8")).problems == []
