"""An article reads no file but its own, and publishes only files inside the source folder.

Docutils, Sphinx and MyST let a document insert other files (``include``,
``literalinclude``, ``raw`` and ``csv-table`` with ``:file:`` or ``:url:``);
each honours docutils' ``file_insertion_enabled`` setting, which is turned off
while an article is parsed (an article is one self-contained file). Images and
downloads are copied into the output when pages are written, so those whose
path resolves outside the source folder (``../../etc``, a link) are taken out of
the environment once read, with a warning, before anything is copied.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from myst_parser.parsers.sphinx_ import MystParser
from sphinx import addnodes
from sphinx.util import logging

from ..internals import page_renderer
from ..internals.libyaml_front_matter import while_parsing
from ..records.reading import is_article

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


class ArticleParser(MystParser):
    """MyST's parser, with file insertion off while an article is parsed (and LibYAML on)."""

    def parse(self, inputstring: str, document: nodes.document) -> None:
        """Parse the text; an article's directives may not read other files."""
        env = document.settings.env
        if not is_article(env, env.docname):
            self._parse(inputstring, document)
            return
        settings = document.settings
        enabled, settings.file_insertion_enabled = settings.file_insertion_enabled, False
        try:
            self._parse(inputstring, document)
        finally:
            settings.file_insertion_enabled = enabled

    def _parse(self, inputstring: str, document: nodes.document) -> None:
        with while_parsing(), page_renderer.while_parsing():
            super().parse(inputstring, document)


def _outside(root: Path, path: str) -> bool:
    return not (root / path).resolve().is_relative_to(root)


def _refuse(node: nodes.Element, what: str, path: str) -> None:
    logger.warning(
        "%s %r is outside the source folder; it is not published", what, path,
        location=node, type="articles", subtype="file",
    )  # fmt: skip
    text = node.get("alt", "") if isinstance(node, nodes.image) else node.astext()
    node.replace_self(nodes.inline(text, text))


def _local_images(image: nodes.image) -> list[str]:
    return [p for p in image.get("candidates", {}).values() if "://" not in p]


def _downloaded(env: BuildEnvironment, node: addnodes.download_reference) -> str:
    return env.relfn2path(node["reftarget"], env.docname)[0]


def keep_files_inside(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``, after Sphinx noted the files: no image or download from outside."""
    env, docname = app.env, app.env.docname
    if not is_article(env, docname):
        return
    root = Path(env.srcdir).resolve()
    images = list(doctree.findall(nodes.image))
    downloads = [d for d in doctree.findall(addnodes.download_reference) if "filename" in d]
    refused_images = [i for i in images if any(_outside(root, p) for p in _local_images(i))]
    refused_downloads = [d for d in downloads if _outside(root, _downloaded(env, d))]
    if not refused_images and not refused_downloads:
        return
    # What Sphinx noted for this document, again without the refused files.
    env.images.purge_doc(docname)
    env.dlfiles.purge_doc(docname)
    for image in images:
        if image not in refused_images:
            for path in _local_images(image):
                if (root / path).is_file():
                    env.images.add_file(docname, path)
    for download in downloads:
        if download not in refused_downloads:
            env.dlfiles.add_file(docname, _downloaded(env, download))
    for image in refused_images:
        _refuse(image, "the image", image.get("original_uri", image["uri"]))
    for download in refused_downloads:
        _refuse(download, "the download", download["reftarget"])
