"""Let LaTeX break words too long for a line, instead of running them off the page.

TeX breaks a word only where its hyphenation patterns allow, and not at all
in a word that already holds a hyphen or mixes alphabets; a very long word
then overflows the margin and is cut off in the PDF. Words longer than
``_LONG`` characters get a discretionary hyphen (``\\-``) every ``_STEP``
characters: invisible unless the line breaks there. Math, literals, raw
markup and addresses are left whole.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

_LONG, _STEP = 30, 12
_WORD = re.compile(rf"\S{{{_LONG},}}")


def _pieces(text: str) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    position = 0
    for match in _WORD.finditer(text):
        result.append(nodes.Text(text[position : match.start()]))
        word = match.group()
        for start in range(0, len(word), _STEP):
            if start:
                result.append(nodes.raw("", r"\-", format="latex"))
            result.append(nodes.Text(word[start : start + _STEP]))
        position = match.end()
    result.append(nodes.Text(text[position:]))
    return result


class BreakLongWords(SphinxPostTransform):
    """Add break opportunities to overlong words in running text, for LaTeX only."""

    builders = ("latex",)
    default_priority = 800

    def run(self, **kwargs: object) -> None:
        for text in list(self.document.findall(nodes.Text)):
            if _WORD.search(text) and text.parent is not None and not _kept_whole(text):
                text.parent.replace(text, _pieces(str(text)))


# Text that is code, TeX or an address: a ``\-`` in it would change what it says.
_WHOLE = (nodes.FixedTextElement, nodes.literal, nodes.math, nodes.raw)


def _kept_whole(text: nodes.Text) -> bool:
    """Whether the text is math, a literal, raw markup or an address, at any depth."""
    if "://" in text:
        return True
    parent = text.parent
    while parent is not None:
        if isinstance(parent, _WHOLE):
            return True
        if isinstance(parent, nodes.reference) and parent.astext() == parent.get("refuri"):
            return True
        parent = parent.parent
    return False
