"""Every routine task of the publication: ``nox -s docs``, ``tests``, ``lint``, ``serve``, …"""

from __future__ import annotations

import shutil

import nox

nox.options.sessions = ["lint", "tests", "docs"]
nox.options.reuse_existing_virtualenvs = True

DOCS = "docs"
BUILD = "docs/_build"
PYTHON_FILES = ["ext", "tests", "benchmarks", "noxfile.py", "docs/conf.py"]
STRICT = ["-W", "--keep-going"]
BROWSER_TESTS = "tests/browser"


def _sphinx(session: nox.Session, target: str, *checks: str) -> None:
    """Install the project, run the checks, build ``target`` warning-free."""
    session.install("-e", ".")
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


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (real Sphinx builds of the test roots, and the browser tests)."""
    session.install("-e", ".[test]")
    # axe-core for the accessibility checks; without npm those tests skip (outside CI).
    if shutil.which("npm"):
        npm = ["npm", "ci", "--prefix", BROWSER_TESTS, "--no-audit", "--no-fund"]
        session.run(*npm, external=True)
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style with ruff."""
    session.install("ruff")
    session.run("ruff", "check", *PYTHON_FILES)
    session.run("ruff", "format", "--check", *PYTHON_FILES)


@nox.session
def serve(session: nox.Session) -> None:
    """Preview with live reload at http://127.0.0.1:8000."""
    session.install("-e", ".", "sphinx-autobuild")
    # Not watching the pages the build generates itself (see the module's docstring).
    session.run("sphinx-articles", "serve", DOCS, f"{BUILD}/html", *session.posargs)


@nox.session
def i18n(session: nox.Session) -> None:
    """Recompile the extension's message catalogs after editing a .po file."""
    session.install("babel")
    for domain in ("sphinx_article_indexes", "sphinx"):
        session.run("pybabel", "compile", "-d", "ext/sphinx_article_indexes/locale", "-D", domain)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark against plain Sphinx and ABlog; writes benchmarks/RESULTS.md."""
    session.install("-e", ".", "ablog")
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session
def new(session: nox.Session) -> None:
    """Start an article: nox -s new -- "Заголовок статьи" (never overwrites a file)."""
    session.install("-e", ".")
    session.run("sphinx-articles", "new", *session.posargs)
