"""What a reader downloads for one search: the publication's search page, with and without Pagefind.

Measured with Chromium (Playwright, the tests' browser) on a local server that
counts the bytes of every file it sends: the reader is on an article page and
opens the search page for a word; every file then fetched counts (the page,
scripts, index files, also those Pagefind's web worker fetches, which the page's
own resource timing does not see, and the pages Sphinx's search fetches to show
each result's summary). With Pagefind (the publication as built) the page loads
the index chunks the word needs and the first ten results; without it (the same
output, ``_pagefind/`` removed, as a copy opened from disk works) it falls back to
Sphinx's search: its whole ``searchindex.js``, then every result's page.
"""

from __future__ import annotations

import functools
import gzip
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

_DONE = (
    "() => { const s = document.querySelector('#search-results .search-summary');"
    " return s && s.textContent.length > 0; }"
)


class _Counting(SimpleHTTPRequestHandler):
    """Serves files and notes each one it sends with its bytes (``sent``, per server)."""

    sent: list[tuple[str, int]]

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        outputfile.write(data)
        self.sent.append((urlsplit(self.path).path, len(data)))

    def log_message(self, format: str, *args: object) -> None:
        pass


def _serving(folder: Path) -> tuple[ThreadingHTTPServer, str, list[tuple[str, int]]]:
    sent: list[tuple[str, int]] = []
    handler = functools.partial(
        type("Handler", (_Counting,), {"sent": sent}), directory=str(folder)
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/", sent


def without_pagefind(out: Path, target: Path) -> Path:
    """A copy of the output folder without Pagefind's bundle: Sphinx's search serves."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(out, target, ignore=shutil.ignore_patterns("_pagefind"))
    return target


def _browser(playwright):
    return playwright.chromium.launch(
        executable_path=shutil.which("chromium") or "/usr/bin/chromium",
        args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
    )


def _query(browser, served: tuple, article: str, word: str) -> tuple[int, int]:
    """Bytes sent for one search from an article page, and the results listed.

    The files the article page loaded count as cached (the styles, the theme's scripts):
    a browser keeps them, and this test server sends no caching headers to say so.
    """
    _, site, sent = served
    page = browser.new_context().new_page()
    try:
        sent.clear()
        page.goto(site + article)
        page.wait_for_load_state("networkidle")
        cached = {path for path, _ in sent}
        sent.clear()
        page.goto(f"{site}search.html?q={word}")
        page.wait_for_function(_DONE, timeout=600_000)
        page.wait_for_load_state("networkidle")
        fetched = sum(size for path, size in sent if path not in cached)
        return fetched, page.locator("#search-results li").count()
    finally:
        page.context.close()


def bytes_per_query(out: Path, sphinx_out: Path, article: str, words: list[str]) -> dict:
    """Per word: bytes with Pagefind, bytes with Sphinx's search, results each listed."""
    from playwright.sync_api import sync_playwright

    found: dict[str, list[int]] = {k: [] for k in ("pagefind", "sphinx", "shown", "results")}
    ours, theirs = _serving(out), _serving(sphinx_out)
    with sync_playwright() as playwright:
        browser = _browser(playwright)
        try:
            for word in words:
                sent, shown = _query(browser, ours, article, word)
                found["pagefind"].append(sent)
                found["shown"].append(shown)
                sent, listed = _query(browser, theirs, article, word)
                found["sphinx"].append(sent)
                found["results"].append(listed)
        finally:
            browser.close()
            for server, _, _ in (ours, theirs):
                server.shutdown()
    return found


def gzipped_index(out: Path) -> int:
    """Sphinx's ``searchindex.js`` as a server that compresses would send it."""
    return len(gzip.compress((out / "searchindex.js").read_bytes(), 6))
