"""Search by Pagefind where the site is served, by Sphinx's own index where it is not.

Sphinx's search page downloads the whole ``searchindex.js`` for any query, and
then every result's page to show its summary: about 9 MB for a frequent word at
1000 articles of real vocabulary (``benchmarks/RESULTS.md``). Pagefind (PyPI
``pagefind[bin]``, its official binary) splits its index into chunks and
fragments, so a query downloads the chunks holding its words and the first ten
results' excerpts; it stems Russian. It is run on the output at the end of an
HTML build, into ``_pagefind/``.

What it indexes follows Sphinx's search: each document's body, not documents
marked ``nosearch`` nor the listings marked ``no-search`` (an article is found
on its own page, not on every list showing it), nor the pilcrows of headings nor
an article's byline (so that a result's excerpt is its text).
Sphinx's index is still written: the search page falls back to it where
Pagefind's module cannot load (a copy opened from disk, where browsers load no
modules), so search works offline too. ``articles_pagefind = False`` (the live
preview sets it) leaves Pagefind out and deletes an older bundle, so the search
page falls back.

Pagefind indexes the whole site each time (about 3 s and 250 MB at 1000
articles), so it is run only when a document's page was written, added or
removed since it last ran: a rebuild that changed nothing keeps the index.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.errors import ExtensionError
from sphinx.util import logging

from .. import kept
from . import tag_pages

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)
BUNDLE = "_pagefind"
RECORD = "pagefind.json"  # in the doctree folder: the pages' state Pagefind last indexed
TEMPLATES = Path(__file__).parent / "templates"
_BUILDERS = ("html", "dirhtml")
# Not text a reader searches for: the pilcrows of headings, lists of other pages, and an
# article's byline (its date and reading time would open every result's excerpt).
_IGNORED = (".headerlink", ".no-search", ".article-meta")


def mark_body(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document
) -> None:
    """``html-page-context``: mark the text Pagefind indexes, on documents Sphinx indexes."""
    context["articles_pagefind_bundle"] = BUNDLE
    if app.builder.name not in _BUILDERS or doctree is None:
        return
    if app.env.metadata.get(pagename, {}).get("nosearch"):
        return
    context["body"] = f'<div data-pagefind-body="">{context.get("body", "")}</div>'  # XHTML too


def _command(outdir: Path) -> list[str]:
    command = [sys.executable, "-m", "pagefind", "--site", str(outdir), "--output-subdir", BUNDLE]
    for selector in _IGNORED:
        command += ["--exclude-selectors", selector]
    return command  # its report is captured: only a failure is shown


def _pages_state(app: Sphinx) -> str:
    """A digest of the pages as they are in the output: names, sizes and times."""
    digest = hashlib.blake2b(digest_size=16)
    for docname in sorted(app.env.found_docs | tag_pages.pagenames(app)):
        try:
            stat = Path(app.builder.get_outfilename(docname)).stat()
        except OSError:
            continue
        digest.update(f"{docname}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def write_index(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: index the output with Pagefind, or delete a bundle left unwanted."""
    if exception is not None or app.builder.name not in _BUILDERS:
        return
    outdir = Path(app.outdir)
    bundle = outdir / BUNDLE
    if not app.config.articles_pagefind:
        shutil.rmtree(bundle, ignore_errors=True)
        return
    record_path, key = Path(app.doctreedir) / RECORD, str(outdir.resolve())
    record, state = kept.load(record_path), _pages_state(app)
    if record.get(key) == state and (bundle / "pagefind-entry.json").is_file():
        return  # no page changed since Pagefind last indexed them
    _run(outdir)
    record[key] = state
    kept.save(record_path, record)


def _run(outdir: Path) -> None:
    """Index ``outdir`` with Pagefind, failing the build if it cannot."""
    try:
        done = subprocess.run(_command(outdir), capture_output=True, text=True, check=False)
    except OSError as err:
        raise ExtensionError(f"Pagefind could not run: {err}") from err
    if done.returncode:
        message = (done.stderr or done.stdout).strip() or f"exit status {done.returncode}"
        raise ExtensionError(f"Pagefind could not index the site: {message}")
