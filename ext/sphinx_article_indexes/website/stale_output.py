"""Delete the pages of documents that are gone, so a rebuild's output equals a clean build's.

Sphinx writes a page for each document but never deletes one: after an
article or a category is removed, an incremental build leaves its page and its
``_sources`` copy in the output, still served with the old text. The files
each document's page was written to are recorded (in the doctree folder, by
output folder); at the end of a build, those of documents no longer in the
project are deleted, if they are pages inside this output folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .. import kept
from . import tag_pages
from .output_files import delete_page_file

if TYPE_CHECKING:
    from sphinx.application import Sphinx

RECORD = "pages.json"
_BUILDERS = ("html", "dirhtml", "epub")


def _pages(app: Sphinx, docname: str) -> list[str]:
    """The files, relative to the output folder, written for one document."""
    builder, config = app.builder, app.config
    pages = [Path(builder.get_outfilename(docname)).relative_to(app.outdir).as_posix()]
    if builder.name != "epub" and config.html_copy_source:
        suffix = app.env.doc2path(docname).suffix + config.html_sourcelink_suffix
        pages.append(f"_sources/{docname}{suffix}")
    return pages


def _key(app: Sphinx, outdir: Path) -> str:
    """The record's key: the builder, the folder and the settings that name the pages."""
    config = app.config
    sources = f"{config.html_copy_source} {config.html_sourcelink_suffix}"
    return f"{app.builder.name} {outdir} {app.builder.out_suffix} {sources}"


def delete_gone_pages(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: delete the pages of removed documents; record the current ones."""
    if exception is not None or app.builder.name not in _BUILDERS:
        return
    record_path = Path(app.doctreedir) / RECORD
    record = kept.load(record_path)
    outdir = Path(app.outdir).resolve()
    key = _key(app, outdir)
    previous = record.get(key, {})
    if previous.keys() == app.env.found_docs:
        return  # no document gone or new: the record is right (the key holds what names pages)
    current = {docname: _pages(app, docname) for docname in sorted(app.env.found_docs)}
    published = tag_pages.page_files(app)  # a tag's page where its document was (0.1.0)
    for docname in previous.keys() - current.keys():
        for page in previous[docname]:
            if page not in published:
                delete_page_file(outdir, page)
    if previous != current:
        record[key] = current
        kept.save(record_path, record)
