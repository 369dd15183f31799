"""Raw markup in an article: HTML as the maintainer chooses, no other format at all.

Raw HTML is an author's feature (an embedded player, a table), so it is
published by default; a maintainer accepting guest articles sets
``articles_raw_html`` to ``"escape"`` (shown as text) or ``"drop"``. Raw markup
for another output (``{raw} latex``) could make TeX read the build machine's
files (``\\input``), so an article's is always left out, with a warning.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ..records.reading import is_article

logger = logging.getLogger(__name__)
CHOICES = ("allow", "escape", "drop")
# MyST writes a hard line break (two spaces at a line's end) as raw markup of its own.
_LINE_BREAK = {("html",): "<br />", ("latex",): "\\\\"}


def _as_text(node: nodes.raw) -> nodes.Element:
    text = node.astext()
    if isinstance(node.parent, nodes.TextElement):  # inline HTML, within a paragraph
        return nodes.literal(text, text)
    return nodes.literal_block(text, text)


class ArticleRawContent(SphinxTransform):
    """Escape or drop an article's raw HTML as configured; drop raw markup of other formats."""

    default_priority = 700
    _WHAT: ClassVar = {"escape": "shown as text", "drop": "left out"}

    def apply(self, **kwargs: object) -> None:
        if not is_article(self.env, self.env.docname):
            return
        choice = self.config.articles_raw_html
        for node in list(self.document.findall(nodes.raw)):
            formats = node.get("format", "").split()
            if _LINE_BREAK.get(tuple(formats)) == node.astext().strip():
                continue
            if formats != ["html"]:
                what = " ".join(formats) or "markup"
                self._warn(node, f"raw {what} is not allowed in an article; it was left out")
                node.parent.remove(node)
            elif choice != "allow":
                self._warn(node, f"raw HTML is {self._WHAT[choice]} (articles_raw_html)")
                if choice == "escape":
                    node.replace_self(_as_text(node))
                else:
                    node.parent.remove(node)

    @staticmethod
    def _warn(node: nodes.raw, message: str) -> None:
        logger.warning(message, location=node, type="articles", subtype="raw")
