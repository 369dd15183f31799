"""Redirect pages at articles' former addresses (``aliases:``), on real builds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from util import build, warnings

ROOT = Path(__file__).parent / "roots" / "test-import"
ARTICLE = """---
title: Перенесённая <статья>
date: 2020-01-01
aliases: {aliases}
---

Текст.
"""


def _project(tmp_path: Path, aliases: str) -> Path:
    src = shutil.copytree(ROOT, tmp_path / "src")
    (src / "articles").mkdir()
    (src / "articles" / "moved.md").write_text(ARTICLE.format(aliases=aliases), "utf-8")
    return src


def _target(out: Path, page: str) -> Path:
    soup = BeautifulSoup((out / page).read_text("utf-8"), "html.parser")
    url = soup.select_one('meta[http-equiv="refresh"]')["content"].split("url=", 1)[1]
    assert soup.select_one("a").get_text() == "Перенесённая <статья>"
    return (out / page).parent.joinpath(url).resolve()


def test_each_alias_redirects_to_the_article(make_app, tmp_path):
    aliases = '["/blog/2020/01/old.html", "/2020/old/", "/bare", "/блог/старая%20статья.html"]'
    app = build(make_app, _project(tmp_path, aliases))
    out = Path(app.outdir)
    article = (out / "articles" / "moved.html").resolve()
    pages = ("blog/2020/01/old.html", "2020/old/index.html", "bare/index.html")
    for page in (*pages, "блог/старая статья.html"):
        assert _target(out, page) == article
    assert warnings(app) == ""


def test_dirhtml_redirects_to_the_folder(make_app, tmp_path):
    app = build(make_app, _project(tmp_path, "/blog/old.html"), "dirhtml")
    out = Path(app.outdir)
    assert _target(out, "blog/old.html") == (out / "articles" / "moved").resolve()


def test_hostile_or_clashing_aliases_are_refused(make_app, tmp_path):
    hostile = ["/../../escape.html", "/%2e%2e/%2E%2E/escape.html", "/a?b=1", "/x.php", "rel.html"]
    aliases = json.dumps([*hostile, "/index.html", "/a%0Ab.html"])
    app = build(make_app, _project(tmp_path, aliases))
    said = warnings(app)
    for bad in (*hostile, "/a%0Ab.html"):
        assert f"'aliases' entry {bad!r} is not a page address" in said
    assert "is a page of the site (index.html); no redirect written" in said
    assert not (tmp_path / "escape.html").exists()
    assert "Журнал" in (Path(app.outdir) / "index.html").read_text("utf-8")


def test_a_dropped_alias_loses_its_page(make_app, tmp_path):
    src = _project(tmp_path, '["/old-one.html", "/old-two.html"]')
    out = Path(build(make_app, src).outdir)
    assert (out / "old-two.html").is_file()
    text = (src / "articles" / "moved.md").read_text("utf-8").replace(', "/old-two.html"', "")
    (src / "articles" / "moved.md").write_text(text, "utf-8")
    build(make_app, src)
    assert (out / "old-one.html").is_file()
    assert not (out / "old-two.html").exists()
