"""Load sphinx-design's stylesheet and script only on pages that use its components.

sphinx-design adds them to every page (55 KB of CSS), though here only the home
page's cards, and imported articles' dropdowns, use them: Lighthouse counted
about 100 KiB of unused CSS per page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_DESIGN_FILES = ("sphinx-design.min.css", "design-tabs.js")


def _uses_design(doctree: nodes.document | None) -> bool:
    if doctree is None:
        return False
    return any(
        any(str(name).startswith("sd-") for name in node["classes"])
        for node in doctree.findall(nodes.Element)
    )


def _name(asset: object) -> str:
    return str(getattr(asset, "filename", asset))


def trim_unused(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: drop sphinx-design's files from a page without its components."""
    if _uses_design(doctree):
        return
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [a for a in context[key] if not _name(a).endswith(_DESIGN_FILES)]
