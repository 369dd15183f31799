"""The built site in a real browser: search, navigation, phone width, themes, accessibility.

Playwright drives Debian's Chromium (``/usr/bin/chromium``) against the site
served on localhost. axe-core comes from npm (``tests/browser``). Screenshots
of the home page and an article, light and dark, are written to
``docs/_build/screenshots`` for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from util import copy_project, need, nu_errors

ROOT = Path(__file__).parents[1]
# CI installs the tools and sets this, so that these tests cannot quietly skip there.
REQUIRED = "PUBLICATION_REQUIRE_BROWSER"
CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "docs" / "_build" / "screenshots"
FIRST = "articles/top-5-sekretov-generativnogo-ii-revoliutsiia-2025-goda-kak"
SECOND = "articles/raskryvaem-sekrety-kak-generativnye-modeli-2025-startuiut"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Requests are not worth a line each in the test output."""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The publication built by ``sphinx-build``: its HTML folder."""
    root = tmp_path_factory.mktemp("browser")
    src, out = copy_project(ROOT / "docs", root / "docs"), root / "html"
    # A separate process: sphinx-sitemap forks a multiprocessing manager, and a fork
    # taken while Playwright runs would hold its driver's pipe open and hang its exit.
    command = [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", str(src), str(out)]
    subprocess.run(command, check=True)
    return out


@pytest.fixture(scope="module")
def site(built):
    """The built publication served on a free localhost port."""
    handler = functools.partial(_QuietHandler, directory=built)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(site):
    """Headless Chromium, started after the site is built (see ``site``)."""
    need("Chromium", CHROMIUM.is_file(), REQUIRED)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need("Playwright", False, REQUIRED)
    # The network is closed: background fetches would only fail, many at a time.
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    args += ["--disable-component-update", "--disable-quic", "--disable-sync", "--no-first-run"]
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=args
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page at desktop width, in a context of its own (no shared storage)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def _search(page, site: str, query: str) -> tuple[str, list[str]]:
    """Search from the home page's box; the summary line and the found pages."""
    page.goto(site + "index.html")
    page.fill("input.sidebar-search", query)
    page.press("input.sidebar-search", "Enter")
    # The summary is written when the search is done (empty if a catalog lacks it).
    page.wait_for_function("document.querySelector('#search-results .search-summary')?.textContent")
    summary = page.inner_text("#search-results .search-summary")
    hrefs = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.href)")
    return summary, [h.split("/", 3)[3].removesuffix(".html").split("?")[0] for h in hrefs]


def test_search_finds_russian_word_forms(page, site):
    summary, found = _search(page, site, "автокодировщик")
    assert found == [FIRST]
    assert summary == "Поиск завершён: найдена 1 страница."
    summary, found = _search(page, site, "генеративные модели")
    assert FIRST in found and SECOND in found
    assert summary == f"Поиск завершён: найдено {len(found)} страницы."
    # The index pages list articles but are not search results for their text.
    assert not [h for h in found if h.startswith(("archive/", "categories/"))]


def test_a_search_downloads_part_of_an_index_not_sphinx_s_whole_one(page, site):
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    assert _search(page, site, "автокодировщик")[1] == [FIRST]
    assert not [url for url in asked if "searchindex.js" in url or "/_sources/" in url]
    assert [url for url in asked if "/_pagefind/fragment/" in url]


def _results(page) -> list[str]:
    page.wait_for_function("document.querySelector('#search-results .search-summary')?.textContent")
    hrefs = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.href)")
    return [h.rsplit("/", 2)[-2] + "/" + h.rsplit("/", 1)[-1].split("?")[0] for h in hrefs]


def test_a_copy_opened_from_disk_searches_with_sphinx_s_index(page, built):
    """Browsers load no modules from file:// pages: the search page falls back, and finds."""
    page.goto((built / "search.html").as_uri() + "?q=автокодировщик")
    assert _results(page) == [FIRST + ".html"]
    assert "Поиск завершён" in page.inner_text("#search-results .search-summary")


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """A site of 24 articles sharing a word, one with a title and text that are markup."""
    root = tmp_path_factory.mktemp("many")
    src = copy_project(ROOT / "tests" / "roots" / "test-publication", root / "src")
    for number in range(23):
        text = f"---\ntitle: Заметка {number}\ndate: 2025-01-{number + 1:02d}\n---\n\n"
        (src / "articles" / f"note-{number}.md").write_text(text + "Общее слово.\n", "utf-8")
    hostile = '---\ntitle: "<img src=x onerror=window.hacked=1>"\ndate: 2025-02-01\n---\n\n'
    hostile += "Общее слово &lt;img src=x onerror=window.hacked=2&gt; рядом.\n"
    (src / "articles" / "hostile.md").write_text(hostile, "utf-8")
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-q",
        "-W",
        "-b",
        "html",
        str(src),
        str(root / "html"),
    ]
    subprocess.run(command, check=True)
    return root / "html"


def test_results_come_ten_at_a_time_as_text(page, many):
    handler = functools.partial(_QuietHandler, directory=many)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/search.html?q=общее")
        assert len(_results(page)) == 10
        assert "найдено 24 страницы" in page.inner_text("#search-results .search-summary")
        page.click("button.search-more >> text=Ещё результаты")
        page.wait_for_function("document.querySelectorAll('#search-results li').length === 20")
        page.click("button.search-more")
        page.wait_for_function("document.querySelectorAll('#search-results li').length === 24")
        assert page.locator("button.search-more").count() == 0
        titles = page.eval_on_selector_all("#search-results li a", "a => a.map(x => x.textContent)")
        assert "<img src=x onerror=window.hacked=1>" in titles
        assert page.evaluate("window.hacked") is None
        assert page.locator("#search-results img").count() == 0
        context = page.inner_text("#search-results li .context >> nth=0")
        assert "Общее слово" in context, context  # the words around a <mark> keep their space
    finally:
        server.shutdown()
        server.server_close()


def test_a_reader_clicks_from_home_to_article_category_and_archive(page, site):
    page.goto(site + "index.html")
    page.click(".article-cards .sd-card-title a >> text=Топ-5 секретов")
    assert page.url.endswith(FIRST + ".html")
    assert page.inner_text("h1").startswith("Топ-5 секретов Генеративного ИИ")
    page.click("article .article-meta a >> text=ai")
    assert page.url.endswith("categories/ai.html")
    assert "Топ-5 секретов" in page.inner_text("article")
    page.goto(site + "index.html")
    page.click(".article-more a >> text=Все статьи по датам")
    assert page.url.endswith("archive/index.html")
    page.click("article a >> text=Декабрь 2025")
    assert "archive/2025.html#archive-2025-12" in page.url


@pytest.mark.parametrize("width", [375, 1280])
def test_no_horizontal_scroll(page, site, width):
    page.set_viewport_size({"width": width, "height": 800})
    for path in ("index.html", "archive/2025.html", FIRST + ".html"):
        page.goto(site + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"article-{width}px.png"))


def _set_theme(page, site: str, theme: str) -> None:
    """Choose Furo's light or dark theme, as its toggle does (kept in localStorage)."""
    page.goto(site + "index.html")
    page.evaluate(f"localStorage.setItem('theme', '{theme}')")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_both_themes_render(page, site, theme):
    SHOTS.mkdir(parents=True, exist_ok=True)
    _set_theme(page, site, theme)
    for name, path in (("home", "index.html"), ("article", FIRST + ".html")):
        page.goto(site + path)
        assert page.get_attribute("body", "data-theme") == theme
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        dark = sum(int(c) for c in background[4:-1].split(",")[:3]) < 200
        assert dark == (theme == "dark"), background
        page.screenshot(path=str(SHOTS / f"{name}-{theme}.png"), full_page=False)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "archive/index.html",
        "categories/ai.html",
        FIRST + ".html",
        "search.html?q=генеративные",
        "404.html",
    ],
)
def test_no_serious_accessibility_violations(page, site, path, theme):
    need("axe-core (npm ci --prefix tests/browser)", AXE.is_file(), REQUIRED)
    _set_theme(page, site, theme)
    page.goto(site + path)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run()).violations")
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


ARTICLE = "articles/top-5-sekretov-generativnogo-ii-revoliutsiia-2025-goda-kak.html"


@pytest.mark.parametrize("path", ["index.html", "archive/index.html", ARTICLE])
def test_pages_load_without_failed_requests(page, site, path):
    """No 404s on a page (a missing favicon was one on every page) and no console errors."""
    failed, errors = [], []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(site + path)
    page.wait_for_load_state("networkidle")
    assert failed == [] and errors == []


def test_every_page_is_valid_html(built):
    assert nu_errors(built) == []
