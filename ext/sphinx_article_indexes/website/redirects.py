"""Redirect pages at an article's former addresses (``aliases:``), so old links keep working.

A blog moved here keeps being linked from elsewhere at its old addresses
(``/blog/2009/01/13/moores-law.html``, ``/2019/05/old-post/``). For each of an
article's ``aliases`` the HTML builders write a small page there that sends the
reader on (``<meta http-equiv="refresh">``) and tells search engines where the
article now is (``rel="canonical"``). The addresses are checked when the front
matter is read (``records.untrusted.old_addresses``): a path inside the output
folder, never ``..``. A redirect never replaces a page of the build, and the
redirects an article no longer asks for are deleted, as a clean build would have none.
"""

from __future__ import annotations

import os
import posixpath
from html import escape
from pathlib import Path, PurePath
from typing import TYPE_CHECKING
from urllib.parse import unquote

from sphinx.util import logging

from .. import kept
from . import tag_pages
from .feeds import site_base

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)
RECORD = "redirects.json"
_BUILDERS = ("html", "dirhtml")


def output_file(alias: str) -> str:
    """The file, relative to the output folder, that serves ``alias`` (``%20`` is a space)."""
    path = unquote(alias).strip("/")
    if not path or alias.endswith("/") or "." not in path.rsplit("/", 1)[-1]:
        return posixpath.join(path, "index.html")
    return path


def _page(app: Sphinx, target: str, relative: str, title: str) -> str:
    absolute = site_base(app.config) + target if app.config.html_baseurl else relative
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(app.config.language or "en")}">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{escape(title)}</title>\n'
        f'<link rel="canonical" href="{escape(absolute)}">\n'
        f'<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={escape(relative)}">\n</head>\n'
        f'<body><p><a href="{escape(relative)}">{escape(title)}</a></p></body>\n</html>\n'
    )


def _wanted(app: Sphinx) -> dict[str, tuple[str, str]]:
    """Each redirect file and the article it sends to, the first claim winning."""
    wanted: dict[str, tuple[str, str]] = {}
    domain = app.env.domains["articles"]
    for docname in sorted(domain.articles):
        article = domain.articles[docname]
        for alias in article.aliases:
            file = output_file(alias)
            if file in wanted and wanted[file][0] != docname:
                logger.warning(
                    "the old address %s is claimed by %s too; it redirects to %s",
                    alias, wanted[file][0], wanted[file][0],
                    location=docname, type="articles", subtype="redirect",
                )  # fmt: skip
                continue
            wanted[file] = (docname, article.title)
    return wanted


def _page_file(app: Sphinx, docname: str) -> PurePath:
    """The file a document's page is written to, relative to the output folder."""
    return PurePath(os.path.relpath(app.builder.get_outfilename(docname), app.outdir))


def write_redirects(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write the redirect pages; delete those no longer wanted."""
    if exception is not None or app.builder.name not in _BUILDERS:
        return
    outdir = Path(app.outdir).resolve()
    record_path = Path(app.doctreedir) / RECORD
    record = kept.load(record_path)
    key = f"{app.builder.name} {outdir}"
    previous = set(record.get(key, []))
    wanted = _wanted(app)
    if not wanted and not previous:
        return
    pages = {_page_file(app, name) for name in app.env.found_docs | tag_pages.pagenames(app)}
    written = set()
    for file, (docname, title) in sorted(wanted.items()):
        path = (outdir / file).resolve()
        if (
            not path.is_relative_to(outdir)
            or PurePath(path.relative_to(outdir)) in pages
            or path.is_dir()
        ):
            logger.warning(
                "the old address of this article is a page of the site (%s); no redirect written",
                file, location=docname, type="articles", subtype="redirect",
            )  # fmt: skip
            continue
        if path.exists() and file not in previous:
            logger.warning(
                "%s exists in the output and is not a redirect written here; left as it is",
                file, location=docname, type="articles", subtype="redirect",
            )  # fmt: skip
            continue
        target = app.builder.get_target_uri(docname)
        relative = posixpath.relpath(target or "index.html", posixpath.dirname(file) or ".")
        text = _page(app, target, relative, title)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
        written.add(file)
    for gone in previous - written:
        path = (outdir / gone).resolve()
        if path.is_relative_to(outdir) and path.suffix in (".html", ".htm"):
            path.unlink(missing_ok=True)
    if sorted(written) != sorted(previous):
        record[key] = sorted(written)
        kept.save(record_path, record)
