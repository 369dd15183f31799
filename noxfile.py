"""Every routine task of the publication: ``nox -s docs``, ``tests``, ``lint``, ``serve``, …"""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

nox.options.sessions = ["lint", "tests", "docs"]
nox.options.reuse_existing_virtualenvs = True

DOCS = "docs"
BUILD = "docs/_build"
PYTHON_FILES = ["ext", "tests", "benchmarks", "noxfile.py", "docs/conf.py"]
STRICT = ["-W", "--keep-going"]
BROWSER_TESTS = "tests/browser"
# What CI tests and Read the Docs installs (refreshed by ``nox -s lock``), and the oldest
# versions pyproject.toml allows.
LOCKED = "tests/constraints/locked.txt"
OLDEST = "tests/constraints/oldest.txt"


def _python(version: str) -> str:
    """That Python: installed by pyenv, even where not enabled on PATH (CI), else by name."""
    found = sorted(Path.home().glob(f".pyenv/versions/{version}.*/bin/python{version}"))
    return str(found[-1]) if found else version


def _sphinx(session: nox.Session, target: str, *checks: str) -> None:
    """Install the project, run the checks, build ``target`` warning-free."""
    session.install("-c", LOCKED, "-e", ".")
    for check in checks:
        session.run("python", "-m", check)
    session.run("sphinx-build", "-M", target, DOCS, BUILD, *STRICT, *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the HTML site into docs/_build/html, failing on any warning."""
    _sphinx(session, "html")


@nox.session
def pdf(session: nox.Session) -> None:
    """Build the PDF edition into docs/_build/latex (needs TeX; says which packages if not)."""
    _sphinx(session, "latexpdf", "sphinx_article_indexes.editions.tex")


@nox.session
def epub(session: nox.Session) -> None:
    """Build the EPUB edition into docs/_build/epub."""
    _sphinx(session, "epub")


def _tests(session: nox.Session, *versions: str) -> None:
    """Install the project with ``versions`` (pip options) and run the whole suite."""
    session.install(*versions, "-e", ".[test]")
    # axe-core for the accessibility checks; without npm those tests skip (outside CI).
    if shutil.which("npm"):
        # --ignore-scripts: puppeteer (in Ace) would download a browser; Debian's Chromium serves.
        npm = ["npm", "ci", "--ignore-scripts", "--prefix", BROWSER_TESTS]
        npm += ["--no-audit", "--no-fund"]
        session.run(*npm, external=True)
    session.run("pytest", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (real Sphinx builds and the browser tests), with the locked versions."""
    _tests(session, "-c", LOCKED)


@nox.session(python=_python("3.11"))
def tests_oldest(session: nox.Session) -> None:
    """The test suite with the oldest versions pyproject.toml allows, on the oldest Python."""
    _tests(session, "-c", OLDEST)


@nox.session(python=_python("3.13"))
def tests_newest(session: nox.Session) -> None:
    """The test suite with the newest versions available, on the newest Python."""
    _tests(session, "--upgrade", "--upgrade-strategy", "eager")


@nox.session(python=_python("3.11"))  # the oldest Python: what it gets installs on every other
def lock(session: nox.Session) -> None:
    """Refresh the locked versions: the newest that install, as Read the Docs will install them."""
    session.install("--upgrade", ".")
    frozen = session.run("python", "-m", "pip", "freeze", silent=True)
    pins = [line for line in frozen.splitlines() if "sphinx-article-indexes" not in line]
    header = "# What CI tests and Read the Docs installs; refreshed by `nox -s lock`.\n"
    Path(LOCKED).write_text(header + "\n".join(pins) + "\n", "utf-8")


@nox.session
def lint(session: nox.Session) -> None:
    """Check style with ruff."""
    session.install("ruff")
    session.run("ruff", "check", *PYTHON_FILES)
    session.run("ruff", "format", "--check", *PYTHON_FILES)


@nox.session
def serve(session: nox.Session) -> None:
    """Preview with live reload at http://127.0.0.1:8000."""
    session.install("-e", ".[serve]")
    session.run("sphinx-articles", "serve", DOCS, f"{BUILD}/html", *session.posargs)


@nox.session
def i18n(session: nox.Session) -> None:
    """Recompile the extension's message catalogs after editing a .po file."""
    session.install("babel")
    for domain in ("sphinx_article_indexes", "sphinx"):
        session.run("pybabel", "compile", "-d", "ext/sphinx_article_indexes/locale", "-D", domain)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark against plain Sphinx, ABlog and Hugo; writes benchmarks/RESULTS.md."""
    # hugo: the peer; pagefind: the other search; wordfreq: the corpus's Russian words;
    # watchfiles: the preview; playwright: search bytes.
    peers = ["ablog", "hugo", "pagefind[bin]", "wordfreq", "playwright"]
    session.install("-e", ".[serve]", *peers)
    # matplotlib draws sphinxext-opengraph's cards; kept apart, on the cards build's path only,
    # since sphinxext-opengraph imports it in any build that can (not what a reader installs).
    cards = Path(session.virtualenv.location) / "cards-site"
    session.install("--target", str(cards), "--upgrade", "matplotlib")
    session.run("python", "benchmarks/run.py", "--cards-site", str(cards), *session.posargs)


@nox.session(name="import")
def import_blog(session: nox.Session) -> None:
    """Bring a Jekyll, Hugo, Pelican or ABlog blog: nox -s import -- ../old-blog [--dry-run]."""
    session.install("-e", ".")
    session.run("sphinx-articles", "import", "--into", DOCS, *session.posargs)


@nox.session
def new(session: nox.Session) -> None:
    """Start an article: nox -s new -- "Заголовок статьи" (never overwrites a file)."""
    session.install("-e", ".")
    session.run("sphinx-articles", "new", *session.posargs)
