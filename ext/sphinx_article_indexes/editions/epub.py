"""An EPUB that reading systems and assistive technology can rely on (EPUB Accessibility 1.1).

Sphinx's EPUB builder gives its pages no ``lang``, its table of contents no ARIA
role and the package no accessibility metadata, which Ace by DAISY reports as
serious. The language goes into each page's ``<html>`` (the builder's
``html_tag``); the table of contents and the package document, which Sphinx writes
from its own templates at the end, are mended and the book packed again.

Relies on: ``EpubBuilder.build_epub`` re-packing the output folder, and the
``html_tag`` context value of the EPUB 3 builder. Tested with Sphinx 8.2 and 9.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_NAV_TOC = '<nav epub:type="toc">'
_IMAGE = re.compile(r'media-type="image/')
_PAGE_ITEM = re.compile(
    r'(<item id="[^"]*" href="([^"]+\.xhtml)" media-type="application/xhtml\+xml")'
)
_MATHML = '<math xmlns="http://www.w3.org/1998/Math/MathML"'


def page_language(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``: the publication's language on each EPUB page's ``<html>``."""
    language = app.config.language
    if app.builder.name == "epub" and language and "html_tag" in context:
        attributes = f' lang="{escape(language)}" xml:lang="{escape(language)}">'
        context["html_tag"] = context["html_tag"].rstrip(">") + attributes


def _metadata(app: Sphinx, has_images: bool, has_math: bool) -> str:
    """schema.org's accessibility properties, as the book really is."""
    summary = app.config.articles_epub_accessibility_summary or str(
        _(
            "Text with a table of contents and headings for navigation, in reading order. "
            "Images carry the text alternatives their authors wrote."
        )
    )
    modes = ["textual", "visual"] if has_images else ["textual"]
    properties = [("schema:accessMode", mode) for mode in modes]
    properties.append(("schema:accessModeSufficient", ",".join(modes)))
    if not has_images:
        properties.append(("schema:accessModeSufficient", "textual"))
    features = ["tableOfContents", "structuralNavigation", "readingOrder"]
    features += ["MathML"] if has_math else []
    properties += [("schema:accessibilityFeature", feature) for feature in features]
    properties.append(("schema:accessibilityHazard", "none"))
    properties.append(("schema:accessibilitySummary", summary))
    return "".join(f'    <meta property="{p}">{escape(v)}</meta>\n' for p, v in properties)


def mend_package(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the ARIA role of the table of contents, the accessibility metadata."""
    if exception is not None or app.builder.name != "epub":
        return
    out = Path(app.outdir)
    nav, package = out / "nav.xhtml", out / "content.opf"
    text = nav.read_text("utf-8")
    if _NAV_TOC in text:
        nav.write_text(text.replace(_NAV_TOC, '<nav epub:type="toc" role="doc-toc">'), "utf-8")
    opf = package.read_text("utf-8")
    if "schema:accessMode" not in opf:
        opf, has_math = _mark_mathml(opf, out)
        metadata = _metadata(app, bool(_IMAGE.search(opf)), has_math)
        package.write_text(opf.replace("  </metadata>", metadata + "  </metadata>", 1), "utf-8")
    app.builder.build_epub()  # type: ignore[attr-defined]


def _mark_mathml(opf: str, out: Path) -> tuple[str, bool]:
    """The package with each page holding MathML (``epub_math``) marked so, as EPUB 3 asks."""
    found = False

    def marked(match: re.Match[str]) -> str:
        nonlocal found
        if _MATHML not in (out / match[2]).read_text("utf-8"):
            return match[1]
        found = True
        return match[1] + ' properties="mathml"'

    return _PAGE_ITEM.sub(marked, opf), found


def setup(app: Sphinx) -> None:
    """Register the EPUB's language, its table of contents' role and its metadata."""
    app.add_config_value("articles_epub_accessibility_summary", "", "epub", str)
    app.connect("html-page-context", page_language)
    app.connect("build-finished", mend_package)
