"""``nox -s serve``: an edit to an article's categories reaches the category pages, once."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from util import copy_project

ROOT = Path(__file__).parents[1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait(server: subprocess.Popen, condition: Callable[[], bool], what: str, log: Path) -> None:
    """Poll until ``condition`` holds; if the server exits or never gets there, show its output."""
    deadline = time.monotonic() + 180
    while not condition():
        if server.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen; sphinx-autobuild said:\n{log.read_text()}")
        time.sleep(0.5)


def test_category_edit_shows_without_restart_or_rebuild_loop(rootdir, tmp_path):
    pytest.importorskip("sphinx_autobuild")
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    log, port = tmp_path / "serve.log", _free_port()
    site = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "sphinx_article_indexes.cli", "serve", src, tmp_path / "o"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--no-color", "-q"]
    with log.open("w") as output:
        server = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, cwd=tmp_path)
    try:
        first = site + "categories/python.html"
        _wait(server, lambda: "Первая статья" in _get(first), "the first build", log)
        assert _get(site + "categories/novaia-tema.html") == ""
        article = src / "articles" / "first.md"
        text = article.read_text("utf-8")
        article.write_text(text.replace("Python]", "Python, Новая тема]"), "utf-8")
        new_page = site + "categories/novaia-tema.html"
        _wait(server, lambda: "Первая статья" in _get(new_page), "the new category page", log)
        assert "Новая тема" in _get(site + "categories/index.html")
        # The rebuild wrote new category pages into the source folder; a watcher that
        # saw them would start another build within its debounce time (1.6 s).
        time.sleep(5)
        rebuilds = log.read_text().count("Rebuilding...")
        assert rebuilds == 1, log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
