"""What a reader downloads for one search: Sphinx's search page against Pagefind's index.

Measured in Chromium (Playwright, the tests' browser): the reader is on an
article page and searches for a word; every byte the browser then fetches counts
(the page, scripts, the index, the pages Sphinx fetches to show each result's
summary), except what it has cached from the article page. Sphinx's search page
is asked with ``search.html?q=``; Pagefind (``pagefind[bin]``, run on a copy of
the same output) through its JavaScript API, loading the first five results as
its default interface does.
"""

from __future__ import annotations

import functools
import gzip
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

_SPHINX_DONE = (
    "() => { const s = document.querySelector('#search-results .search-summary');"
    " return s && s.textContent.length > 0 && !document.querySelector('.search-pulse'); }"
)
_PAGEFIND_QUERY = """async (word) => {
  const pagefind = await import("/pagefind/pagefind.js");
  const search = await pagefind.search(word);
  await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
  return search.results.length;
}"""
_BYTES = """() => performance.getEntriesByType("navigation").concat(
  performance.getEntriesByType("resource")).reduce((n, e) => n + e.transferSize, 0)"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _serving(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def index_with_pagefind(out: Path, target: Path) -> Path:
    """A copy of the output folder with Pagefind's index in ``pagefind/``."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(out, target)
    command = [sys.executable, "-m", "pagefind", "--site", str(target), "--quiet"]
    subprocess.run(command, check=True, capture_output=True, timeout=3600)
    return target


def _browser(playwright):
    return playwright.chromium.launch(
        executable_path=shutil.which("chromium") or "/usr/bin/chromium",
        args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
    )


def bytes_per_query(out: Path, pagefind_out: Path | None, article: str, words: list[str]) -> dict:
    """Bytes fetched for each word: ``{"sphinx": [...], "pagefind": [...], "results": [...]}``."""
    from playwright.sync_api import sync_playwright

    found: dict[str, list[int]] = {"sphinx": [], "pagefind": [], "results": []}
    servers = [_serving(out)] + ([_serving(pagefind_out)] if pagefind_out else [])
    with sync_playwright() as playwright:
        browser = _browser(playwright)
        try:
            for word in words:
                page = browser.new_context().new_page()
                page.goto(servers[0][1] + article)
                page.goto(f"{servers[0][1]}search.html?q={word}")
                page.wait_for_function(_SPHINX_DONE, timeout=600_000)
                page.wait_for_load_state("networkidle")
                found["sphinx"].append(page.evaluate(_BYTES))
                found["results"].append(page.locator("#search-results li").count())
                page.context.close()
                if pagefind_out:
                    page = browser.new_context().new_page()
                    page.goto(servers[1][1] + article)
                    page.evaluate(_PAGEFIND_QUERY, word)
                    found["pagefind"].append(page.evaluate(_BYTES) - _page_bytes(page))
                    page.context.close()
        finally:
            browser.close()
            for server, _ in servers:
                server.shutdown()
    return found


def _page_bytes(page) -> int:
    """What the article page itself cost (the Pagefind query is counted without it)."""
    return page.evaluate(
        """() => performance.getEntriesByType("navigation").concat(
          performance.getEntriesByType("resource")).filter(
          (e) => !e.name.includes("/pagefind/")).reduce((n, e) => n + e.transferSize, 0)"""
    )


def gzipped_index(out: Path) -> int:
    """Sphinx's ``searchindex.js`` as a server that compresses would send it."""
    return len(gzip.compress((out / "searchindex.js").read_bytes(), 6))
