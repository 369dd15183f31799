"""An article from a stranger cannot run code, read the machine's files, crash or vanish.

Each case is one hostile file dropped beside the test publication's four
articles: the build ends, a warning names the file and the problem, and the
good articles are still everywhere they belong.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docutils import nodes
from test_incremental_and_parallel import feeds

from sphinx_article_indexes.records.frontmatter import read_article
from util import article_body, build, copy_project, page, sitemap_urls, titles, warnings

GOOD = {"Первая статья", "Вторая: про автокодировщики", "Третья", "Четвёртая"}
SECRET = "secret-of-the-build-machine-8d1f"


def _front(**keys: str) -> str:
    lines = [f"{key}: {value}" for key, value in {"date": "2025-01-02", **keys}.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\nТекст.\n"


@pytest.mark.parametrize(
    ("front_matter", "problem"),
    [
        # A 432-byte alias bomb expands to 9**9 items.
        (
            "".join(
                f"{n}: &{n} [{', '.join([f'*{p}'] * 9) if p else 'x, x, x, x, x, x, x, x, x'}]\n"
                for n, p in zip("abcdefghi", ["", *"abcdefgh"], strict=True)
            ),
            "uses a YAML alias",
        ),
        ("categories: " + "[" * 500 + "]" * 500, "nests deeper than 16 levels"),
        ("[a]: b", "a key must be text, got list"),
        ("!!timestamp 2025-01-01: b", "a key must be text, got date"),
        ("title: T\n" + "x: " + "y" * 70_000, "front matter is longer than 65536 characters"),
        ("date: 0001-01-01T00:00:00+05:00", "is out of range"),
    ],
)
def test_front_matter_that_could_take_the_machine_is_refused(front_matter, problem):
    text = f"---\ntitle: T\ndate: 2025-01-02\n{front_matter}\n---\n"
    if front_matter.startswith("date"):
        text = f"---\ntitle: T\n{front_matter}\n---\n"
    reading = read_article("articles/x", text)
    assert any(problem in p for p in reading.problems), reading.problems
    assert all(len(p) < 400 for p in reading.problems)  # nothing expanded into a message


def test_text_is_kept_as_the_author_wrote_it():
    reading = read_article(
        "articles/x", _front(title="10:30", categories="[yes, on, 1_000, 0o17]", tags="no")
    )
    assert reading.problems == []
    assert reading.article.title == "10:30"
    assert reading.article.categories == ("yes", "on", "1_000", "0o17")
    assert reading.article.tags == ("no",)
    # Other keys keep YAML's types: a flag is still a flag.
    assert read_article("a", _front(title="T", draft="yes")).article.draft is True


def test_a_long_run_of_spaces_is_read_in_linear_time():
    text = "---\ntitle: a: b" + " " * 60_000 + "c\ndate: 2025-01-02\n---\n"
    assert read_article("articles/x", text).article.title == "a: b c"


def test_limits_shorten_and_say_so():
    many = ", ".join(f"c{i}" for i in range(2000))
    reading = read_article("a", _front(title="я" * 5000, categories=f"[{many}]"))
    assert len(reading.article.title) == 300
    assert reading.article.categories == tuple(f"c{i}" for i in range(20))
    assert "'title' is longer than 300 characters; it was shortened" in reading.problems
    assert "'categories' holds more than 20 names; the first 20 are kept" in reading.problems


def test_control_characters_are_left_out_with_a_warning():
    reading = read_article("a", _front(title='"a\\x01b\\ec\\uFFFE"', categories='["x\\x02y"]'))
    assert reading.article.title == "abc"
    assert reading.article.categories == ("xy",)
    assert "'title' holds control characters, which were left out" in reading.problems


def _publication(rootdir: Path, tmp_path: Path) -> Path:
    return copy_project(rootdir / "test-publication", tmp_path / "src")


def _everywhere(app) -> None:
    """The four good articles on the home page, in the archive, feed, sitemap and search."""
    assert set(titles(article_body(app, "index"))) >= GOOD
    years = ("2024", "2025")
    archived = [t for year in years for t in titles(article_body(app, f"archive/{year}"))]
    assert set(archived) >= GOOD
    feed = feeds(app)["feed.atom"]
    assert all(title in feed for title in GOOD)
    urls = sitemap_urls(app)
    for name in ("first", "second", "third", "fourth"):
        assert f"https://example.org/journal/ru/latest/articles/{name}.html" in urls
    index = (Path(app.outdir) / "searchindex.js").read_text("utf-8")
    searchable = json.loads(index.removeprefix("Search.setIndex(").removesuffix(")"))["titles"]
    assert set(searchable) >= GOOD


def _no_secret(outdir: Path) -> None:
    for path in outdir.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


HOSTILE_BODY = """
{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}

```{include} ../../secret.txt
```

```{literalinclude} /../secret.txt
```

![picture](../../secret.txt)

{download}`the secret <../../secret.txt>`

```{raw} latex
\\input{../secret.txt}
```

```{eval-rst}
.. raw:: html
   :file: ../../secret.txt

.. csv-table::
   :url: http://127.0.0.1:PORT/x.csv
```
"""


def test_an_article_cannot_run_code_or_read_outside_files(make_app, rootdir, tmp_path):
    src = _publication(rootdir, tmp_path)
    (tmp_path / "secret.txt").write_text(SECRET, "utf-8")
    with socket.socket() as listener:  # a csv-table :url: would connect here
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.setblocking(False)
        port = listener.getsockname()[1]
        og_key = "'og:x\"><script>alert(1)</script><meta x=\"'"
        front = _front(
            title="Атака",
            myst="{enable_extensions: [substitution], heading_slug_func: os.system}",
            **{og_key: "1", "og:image": "javascript:alert(1)"},
        )
        body = HOSTILE_BODY.replace("PWNED", str(tmp_path / "PWNED")).replace("PORT", str(port))
        (src / "articles" / "attack.md").write_text(front + body, "utf-8")
        app = build(make_app, src)
        with pytest.raises(BlockingIOError):
            listener.accept()
    assert not (tmp_path / "PWNED").exists()
    _no_secret(Path(app.outdir))
    head = str(page(app, "articles/attack").head)
    assert "<script>alert(1)" not in head and "javascript:" not in head
    said = warnings(app)
    for problem in (
        "the MyST extension 'substitution' cannot be enabled by an article",
        "the MyST setting 'heading_slug_func' cannot be set by an article",
        "is not an OpenGraph property",
        "'og:image' must be an http(s) address or a path",
        'Directive "include" disabled',
        "File insertion disabled",
        "raw latex is not allowed in an article",
        "the image '../../secret.txt' is outside the source folder",
        "the download '../../secret.txt' is outside the source folder",
    ):
        assert problem in said
    assert all("attack.md" in line for line in said.splitlines() if "WARNING" in line)
    _everywhere(app)
    assert "Атака" in titles(article_body(app, "index"))


def _hostile_files(articles: Path, tmp_path: Path) -> list[str]:
    """Files and links a pull request could add; returns their names."""
    (tmp_path / "outside.md").write_text(_front(title=SECRET), "utf-8")
    (articles / "env.md").symlink_to(tmp_path / "outside.md")
    (articles / "zero.md").symlink_to("/dev/zero")
    (articles / "loop").symlink_to("..")
    (articles / "away").symlink_to(tmp_path)
    os.mkfifo(articles / "pipe.md")
    latin = _front(title="Été").replace("Текст", "Texte")
    (articles / "latin.md").write_bytes(latin.encode("latin-1"))
    (articles / "utf16.md").write_text(_front(title="U"), "utf-16")
    (articles / "png.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    (articles / ("x" * 200 + ".md")).write_text(_front(title="Long"), "utf-8")
    (articles / "a<b.md").write_text(_front(title="Angle"), "utf-8")
    (articles / "new\nline.md").write_text(_front(title="Newline"), "utf-8")
    (articles / "big.md").write_text(_front(title="Big") + "слово " * 200_000, "utf-8")
    return ["env.md", "zero.md", "loop", "away", "pipe.md", "latin.md", "utf16.md", "png.md",
            "x" * 200 + ".md", "a<b.md", "new\nline.md", "big.md"]  # fmt: skip


def test_files_sphinx_cannot_read_safely_are_left_out_by_name(make_app, rootdir, tmp_path):
    src = _publication(rootdir, tmp_path)
    names = _hostile_files(src / "articles", tmp_path)
    app = build(make_app, src)
    said = warnings(app)
    for name in names:
        assert f"{src / 'articles' / name}: left out of the build" in said, name
    assert said.count("left out of the build") == len(names)
    _everywhere(app)
    _no_secret(Path(app.outdir))
    # The same files give the same configuration: a rebuild reads nothing again.
    again = build(make_app, src)
    assert "0 added, 0 changed, 0 removed" in again.status.getvalue()


def test_a_date_without_offset_is_in_the_configured_time_zone(make_app, rootdir, tmp_path):
    src = _publication(rootdir, tmp_path)
    moscow = dt.datetime.now(ZoneInfo("Europe/Moscow")) - dt.timedelta(hours=1)
    # An hour ago in Moscow; read as UTC it would be two hours in the future.
    written = moscow.strftime("%Y-%m-%d %H:%M")
    (src / "articles" / "msk.md").write_text(_front(title="По Москве", date=written), "utf-8")
    app = build(make_app, src, confoverrides={"articles_timezone": "Europe/Moscow"})
    assert titles(article_body(app, "index"))[0] == "По Москве"
    assert moscow.strftime("%H:%M:00+03:00") in feeds(app)["feed.atom"]


def test_articles_are_ordered_by_instant_across_offsets(make_app, rootdir, tmp_path):
    src = _publication(rootdir, tmp_path)
    articles = src / "articles"
    # 08:00 UTC is later than 10:00 +03:00 (07:00 UTC), though earlier on the clock.
    (articles / "utc.md").write_text(_front(title="UTC", date="2030-01-01 08:00"), "utf-8")
    (articles / "msk.md").write_text(_front(title="MSK", date="2030-01-01T10:00:00+03:00"), "utf-8")
    app = build(make_app, src, confoverrides={"articles_include_drafts": True})
    assert titles(article_body(app, "index"))[:2] == ["UTC", "MSK"]


def test_ancient_years_get_their_year_page(make_app, rootdir, tmp_path):
    src = _publication(rootdir, tmp_path)
    (src / "articles" / "old.md").write_text(_front(title="Древность", date="0999-03-01"), "utf-8")
    app = build(make_app, src)
    assert "ERROR" not in warnings(app) and "WARNING" not in warnings(app)
    assert titles(article_body(app, "archive/999")) == ["Древность"]
    _everywhere(app)


def test_categories_that_look_alike_keep_their_own_page_and_feed(make_app, rootdir, tmp_path):
    src = _publication(rootdir, tmp_path)
    for number, name in enumerate(["AI!", "ai", "ai-c90c83"]):
        (src / "articles" / f"c{number}.md").write_text(
            _front(title=f"Статья {name}", categories=f'["{name}"]'), "utf-8"
        )
    app = build(make_app, src)
    pages = sorted(p.name for p in (Path(app.outdir) / "categories").glob("ai*.html"))
    assert len(pages) == 3
    for html in pages:
        listed = titles(article_body(app, f"categories/{html.removesuffix('.html')}"))
        assert len(listed) == 1
        feed = feeds(app)[f"categories/{html.removesuffix('.html')}.atom"]
        assert listed[0] in feed


def test_hostile_tag_names_are_text_on_pages_made_for_them(make_app, rootdir, tmp_path):
    src = _publication(rootdir, tmp_path)
    names = ["<script>alert(1)</script>", 'a & "b"', "../../../etc/passwd", "index"]
    tags = ", ".join(json.dumps(name, ensure_ascii=False) for name in names)
    (src / "articles" / "hostile.md").write_text(_front(title="Теги", tags=f"[{tags}]"), "utf-8")
    app = build(make_app, src)
    assert warnings(app) == ""
    out = Path(app.outdir)
    links = page(app, "articles/hostile").select(".article-tags a")
    assert [a.get_text() for a in links] == names
    for link in links:
        target = (out / "articles" / link["href"]).resolve()
        # Each its own page, inside the tags' folder; none the tags' index.
        assert target.parent == out / "tags" and target.is_file() and target.name != "index.html"
        soup = page(app, f"tags/{target.stem}")
        # Text, never markup: no element of the name's, the heading and title show it as written.
        assert not [tag for tag in soup.select("script") if "alert" in tag.get_text()]
        assert soup.select_one("article h1").get_text().rstrip("¶") == link.get_text()
        assert soup.title.get_text().startswith(link.get_text())
        assert titles(article_body(app, f"tags/{target.stem}")) == ["Теги"]
    assert not (tmp_path / "etc").exists() and not (out.parent / "etc").exists()
    assert len({link["href"] for link in links}) == len(names)


@pytest.mark.parametrize(("choice", "shown"), [("allow", True), ("escape", False), ("drop", False)])
def test_raw_html_in_articles_follows_the_setting(make_app, rootdir, tmp_path, choice, shown):
    src = _publication(rootdir, tmp_path)
    body = '<div class="embed"><script>alert(1)</script></div>\n\nТекст.\n'
    (src / "articles" / "raw.md").write_text(_front(title="Сырой HTML") + body, "utf-8")
    app = build(make_app, src, confoverrides={"articles_raw_html": choice})
    main = article_body(app, "articles/raw")
    assert (main.select_one("div.embed") is not None) is shown
    assert ("<script>alert(1)</script>" in main.get_text()) is (choice == "escape")
    assert ("raw HTML is" in warnings(app)) is not shown


def test_a_file_that_turns_unreadable_is_left_out_at_the_next_build(make_app, rootdir, tmp_path):
    src = _publication(rootdir, tmp_path)
    article = src / "articles" / "later.md"
    article.write_text(_front(title="Later"), "utf-8")
    assert "left out" not in warnings(build(make_app, src))
    article.write_bytes(_front(title="Été").replace("Текст", "Texte").encode("latin-1"))
    app = build(make_app, src)
    assert f"{article}: left out of the build: it is not UTF-8 text" in warnings(app)
    assert "Later" not in titles(article_body(app, "index"))
    _everywhere(app)


def test_hard_line_breaks_are_kept_whatever_the_raw_html_setting(make_app, rootdir, tmp_path):
    src = _publication(rootdir, tmp_path)
    body = "Строка стиха,  \nследующая строка.\n"
    (src / "articles" / "verse.md").write_text(_front(title="Стих") + body, "utf-8")
    app = build(make_app, src, confoverrides={"articles_raw_html": "escape"})
    assert "raw" not in warnings(app)
    assert article_body(app, "articles/verse").select_one("p br") is not None
    # MyST's line break for the PDF, kept: it is MyST's own markup, not the author's.
    breaks = [n.astext() for n in app.env.get_doctree("articles/verse").findall(nodes.raw)]
    assert "\\\\" in [b.strip() for b in breaks]


@pytest.mark.parametrize("buildername", ["html", "epub"])
def test_a_contents_directive_in_embedded_rst_is_written_not_crashing(
    make_app, rootdir, tmp_path, buildername
):
    """MyST-Parser#318: ``.. contents::`` in ``{eval-rst}`` stopped the whole build."""
    src = _publication(rootdir, tmp_path)
    rst = "```{eval-rst}\n.. contents:: Содержание\n   :local:\n```\n"
    sections = "\n## Начало\n\nТекст.\n\n## Конец\n\nЕщё текст.\n"
    text = f"---\ntitle: Импорт из ABlog\ndate: 2025-01-02\n---\n\n{rst}{sections}"
    (src / "articles" / "imported.md").write_text(text, "utf-8")
    app = build(make_app, src, buildername)
    if buildername == "html":
        body = article_body(app, "articles/imported")
        links = body.select_one("nav.contents").select("a")
        assert [a.get_text() for a in links] == ["Начало", "Конец"]
        sections = [f"#{s['id']}" for s in body.select("section section")]
        assert [a["href"] for a in links] == sections
        _everywhere(app)
    assert "pending" not in warnings(app)
    # Furo draws it as an error box beside its own «On this page»: the build says so.
    said = [line for line in warnings(app).splitlines() if "[articles.contents]" in line]
    assert len(said) == 1 and "articles/imported.md:" in said[0], warnings(app)


def test_a_contents_list_furo_is_told_is_wanted_builds_silently(make_app, rootdir, tmp_path):
    """Furo's class for a contents list wanted anyway: no warning, the list is there."""
    src = _publication(rootdir, tmp_path)
    wanted = "this-will-duplicate-information-and-it-is-still-useful-here"
    rst = f"```{{contents}} Содержание\n:local:\n:class: {wanted}\n```\n"
    text = f"---\ntitle: С оглавлением\ndate: 2025-01-02\n---\n\n{rst}\n## Начало\n\nТекст.\n"
    (src / "articles" / "listed.md").write_text(text, "utf-8")
    app = build(make_app, src)
    assert "contents" not in warnings(app)
    links = article_body(app, "articles/listed").select(f"nav.contents.{wanted} a")
    assert [a.get_text() for a in links] == ["Начало"]


@pytest.mark.parametrize("buildername", ["html", "epub"])
def test_footnotes_links_and_substitutions_across_embedded_rst_blocks(
    make_app, rootdir, tmp_path, buildername
):
    """An ``{eval-rst}`` footnote defined in a later block crashed the build (KeyError 'refid')."""
    src = _publication(rootdir, tmp_path)
    first = "Сноска [1]_, автосноска [#]_, ссылка Sphinx_ и |знак|.\n"
    last = (
        "Ещё [#]_.\n\n.. [1] Первая сноска.\n.. [#] Автосноска.\n.. [#] Вторая.\n"
        ".. _Sphinx: https://www.sphinx-doc.org/\n.. |знак| replace:: ЗНАК\n"
    )
    # Untitled sections: docutils gives them numbered ids, as the blocks give their footnotes.
    blocks = f"```{{eval-rst}}\n{first}```\n\n## 2.3.0\n\n```{{eval-rst}}\n{last}```\n\n## 2.3.0\n"
    text = f"---\ntitle: Сноски\ndate: 2025-01-02\n---\n\n{blocks}\nКонец.\n"
    (src / "articles" / "notes.md").write_text(text, "utf-8")
    app = build(make_app, src, buildername)
    assert "notes.md" not in warnings(app)
    if buildername != "html":
        return
    body = article_body(app, "articles/notes")
    ids = [node["id"] for node in body.select("[id]")]
    assert len(ids) == len(set(ids)), ids
    notes = {
        a.get_text(): body.select_one(a["href"]).get_text()
        for a in body.select("a.footnote-reference")
    }
    assert [(n, t.split("]")[-1].strip()) for n, t in notes.items()] == [
        ("[1]", "Первая сноска."),
        ("[2]", "Автосноска."),
        ("[3]", "Вторая."),
    ]
    assert body.select_one('a[href="https://www.sphinx-doc.org/"]').get_text() == "Sphinx"
    assert "ЗНАК" in body.get_text()
    _everywhere(app)
