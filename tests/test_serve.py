"""``sphinx-articles serve``: every save reaches the pages, as a clean build would write them."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from util import EDITS, build, copy_project, edit, save

SINCE = re.compile(r"/_preview/events\?since=(\d+)")
NEW_TITLE = '\nhtml_title = "Новое имя"\n'


def _get(url: str, timeout: float = 10) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


class Preview:
    """A running ``sphinx-articles serve`` and what it has said."""

    def __init__(self, server: subprocess.Popen, log: Path) -> None:
        self.server, self.log = server, log
        self.site = ""

    def fail(self, what: str) -> None:
        pytest.fail(f"{what}; sphinx-articles serve said:\n{self.log.read_text()}")

    def wait_for_site(self) -> None:
        deadline = time.monotonic() + 180
        while not (found := re.search(r"Serving on (http://\S+/)", self.log.read_text())):
            if self.server.poll() is not None or time.monotonic() > deadline:
                self.fail("the server did not start")
            time.sleep(0.2)
        self.site = found[1]

    def builds(self) -> int:
        """How many builds the server has finished, as the reload script of a page says."""
        page = _get(self.site + "index.html")
        if not (found := SINCE.search(page)):
            self.fail("the home page has no reload script")
        return int(found[1])

    def reloaded_after(self, change) -> int:
        """Make ``change``; return once an open page is told to reload (the build is done)."""
        since = self.builds()
        change()
        events = f"{self.site}_preview/events?since={since}"
        with urllib.request.urlopen(events, timeout=180) as stream:
            line = stream.readline()
            while line.startswith(b":") or line == b"\n":  # keep-alive comments
                line = stream.readline()
        if line != b"data: reload\n":
            self.fail(f"the page was not told to reload ({line!r})")
        return since + 1

    def settled(self) -> int:
        """The number of builds once none has started for 3 s (the watcher's echoes included)."""
        count = self.builds()
        while True:
            time.sleep(3)
            if (now := self.builds()) == count:
                return count
            count = now


@contextmanager
def serving(src: Path, out: Path, log: Path) -> Iterator[Preview]:
    command = [sys.executable, "-m", "sphinx_article_indexes.cli", "serve", src, out]
    command += ["--port", "0"]
    with log.open("w") as output:
        server = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    preview = Preview(server, log)
    try:
        preview.wait_for_site()
        yield preview
    finally:
        server.terminate()
        server.wait(timeout=30)


def pages(out: Path) -> dict[str, str]:
    """Every page's main content, sidebar and neighbours, normalised, by path."""
    found = {}
    for file in sorted(out.rglob("*.html")):
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        parts = [soup.select_one(s) for s in ("main", ".sidebar-tree", ".related-pages")]
        found[file.relative_to(out).as_posix()] = " ".join(" ".join(str(p).split()) for p in parts)
    return found


@pytest.fixture
def preview(rootdir, tmp_path):
    pytest.importorskip("watchfiles")
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    with serving(src, tmp_path / "out", tmp_path / "serve.log") as running:
        running.src, running.out = src, tmp_path / "out"
        yield running


def test_every_kind_of_edit_gives_the_pages_of_a_clean_build(preview, make_app, tmp_path):
    """Dates, titles, categories, tags, new and deleted articles: one build each, no loop."""
    src = preview.src
    count = preview.settled()
    edits = {
        **EDITS,
        "body": lambda src: edit(src / "articles/third.md", "\n---\n", "\n---\n\nНовое начало.\n"),
    }
    for name in ("body", "title", "date", "categories", "tags", "add", "delete"):
        count = preview.reloaded_after(lambda name=name: edits[name](src))
        # The build wrote index pages into the source folder; they must not start another.
        assert preview.settled() == count, f"after the {name} edit"
    clean = build(make_app, copy_project(src, tmp_path / "clean"))
    assert pages(preview.out) == pages(Path(clean.outdir))
    log = preview.log.read_text()
    assert "WARNING" not in log and "Traceback" not in log, log


def test_an_open_page_reloads_and_shows_theedit(preview):
    article = preview.site + "articles/first.html"
    assert "Первая статья" in _get(article)
    preview.reloaded_after(
        lambda: edit(preview.src / "articles/first.md", "Первая статья о", "Статья о")
    )
    text = _get(article)
    assert "Статья о генеративных" in text and "Первая статья о" not in text
    # The script is added as the page is sent: the file is the site a clean build gives.
    assert "_preview" not in (preview.out / "articles" / "first.html").read_text("utf-8")


def test_a_change_to_conf_py_is_built_with_the_new_settings(preview):
    conf = preview.src / "conf.py"
    preview.reloaded_after(lambda: save(conf, conf.read_text("utf-8") + NEW_TITLE))
    assert "Новое имя" in _get(preview.site + "articles/first.html")


def test_a_file_saved_in_two_steps_is_built_whole_in_the_end(preview):
    """An editor that empties a file, then writes it: a build may read the empty file."""
    conf = preview.src / "conf.py"
    text = conf.read_text("utf-8") + NEW_TITLE

    def empty_then_write() -> None:
        with conf.open("w", encoding="utf-8") as file:
            file.flush()
            time.sleep(0.5)  # longer than the watcher waits for a save to end
            file.write(text)

    preview.reloaded_after(empty_then_write)  # the build of the empty file
    deadline = time.monotonic() + 180  # then the one of the whole file
    while "Новое имя" not in _get(preview.site + "articles/first.html"):
        if time.monotonic() > deadline:
            preview.fail("the whole file was never built")
        time.sleep(0.2)


def test_a_broken_article_is_reported_and_the_server_goes_on(preview):
    broken = preview.src / "articles" / "broken.md"
    preview.reloaded_after(lambda: save(broken, "---\ntitle: [unclosed\n---\n\nТекст.\n"))
    assert "broken" in preview.log.read_text()
    preview.reloaded_after(
        lambda: edit(preview.src / "articles/first.md", "Первая статья о", "Статья о")
    )
    assert "Статья о генеративных" in _get(preview.site + "articles/first.html")


def test_a_taken_port_is_said_plainly(preview, tmp_path):
    port = preview.site.rsplit(":", 1)[1].strip("/")
    command = [sys.executable, "-m", "sphinx_article_indexes.cli", "serve", preview.src]
    command += [tmp_path / "other", "--port", port]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 1
    assert "sphinx-articles serve:" in result.stderr and "Traceback" not in result.stderr
