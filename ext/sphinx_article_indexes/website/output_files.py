"""Delete a page from the output folder, and nothing outside it."""

from __future__ import annotations

from pathlib import Path

_PAGE_SUFFIXES = (".html", ".xhtml", ".txt")


def _remove_empty_folders(folder: Path, outdir: Path) -> None:
    """Remove ``folder`` and its parents below ``outdir`` while they are empty (``dirhtml``)."""
    while folder != outdir and folder.is_relative_to(outdir):
        try:
            folder.rmdir()
        except OSError:  # not empty
            return
        folder = folder.parent


def delete_page_file(outdir: Path, page: object) -> None:
    """Delete a page written to ``outdir`` (and the folders it leaves empty), nothing else."""
    # Only a page of this output folder: the records are files anyone could edit.
    path = (outdir / str(page)).resolve()
    if path.suffix in _PAGE_SUFFIXES and path.is_relative_to(outdir):
        path.unlink(missing_ok=True)
        _remove_empty_folders(path.parent, outdir)
