r"""TeX written for the old site's MathJax, into MyST's math.

MathJax read the page the old engine's Markdown wrote: ``\\(x\\)`` and ``\\[x\\]`` in
the source (``\(x\)`` once Markdown took a backslash), ``$$x$$`` anywhere, environments
such as ``\begin{equation}`` standing alone. MyST reads none of these as it is
written: math is ``{math}`` or ``$…$`` (``dollarmath``), display math a ``$$`` paragraph,
environments ``amsmath``'s, as written, Markdown escapes included.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .markup import Conversion

# TeX for the old site's MathJax: ``\\(x\\)`` and ``\\[x\\]`` in the Markdown, which its
# Markdown made ``\(x\)`` and ``\[x\]`` (MyST reads neither); code spans matched to be kept.
_TEX_MATH = re.compile(
    r"(?P<code>(`+)(?:(?!\2).)+?\2)"
    r"|\\\\\((?P<inline>(?:(?!\n[ \t]*\n).)+?)\\\\\)"
    r"|\\\\\[(?P<display>(?:(?!\n[ \t]*\n).)+?)\\\\\]",
    re.S,
)
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# What a line's continuation repeats: its quotes' ``>``, its list item's indentation.
_CONTINUATION = re.compile(r"((?:[ \t]*>)*[ \t]*)((?:[-*+]|\d{1,9}[.)])[ \t]+)?")


def math_role(tex: str) -> str:
    """Inline math as MyST's role, on one line, fenced by more backticks than it holds."""
    tex = " ".join(tex.split())
    ticks = "`" * (max((len(r) for r in re.findall("`+", tex)), default=0) + 1)
    return f"{{math}}{ticks}{tex}{ticks}"


def _block(match: re.Match[str], tex: str) -> str:
    """Display math as a block of its own, blank lines around (a paragraph goes on over a
    line of $$), in the list item or quote the line is in."""
    line = match.string.rfind("\n", 0, match.start()) + 1
    quotes, marker = _CONTINUATION.match(match.string[line : match.start()]).groups()
    indent = quotes + " " * len(marker or "")
    return f"\n{indent.rstrip()}\n{indent}$${tex.strip()}$$\n{indent.rstrip()}\n{indent}"


def _tex(match: re.Match[str]) -> str:
    if match["code"]:
        return match[0]
    if match["inline"] is not None:
        return math_role(_MARKDOWN_ESCAPE.sub(r"\1", match["inline"]))
    return _block(match, _MARKDOWN_ESCAPE.sub(r"\1", match["display"]))


# $$…$$ (code spans matched to be kept): MyST's dollarmath reads it only as a paragraph.
DOLLARS = re.compile(
    r"(?P<code>(`+)(?:(?!\2).)+?\2)|\$\$(?P<tex>(?:(?!\n[ \t]*\n)[^$])+?)\$\$", re.S
)
# A line that starts a block of its own, not a paragraph's next line (or a blank line).
_BLOCK_START = re.compile(r"[ \t>]*(?:$|#|`{3}|~{3}|(?:[-*+]|\d{1,9}[.)])[ \t])")


def _line_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The lines before and after the lines from ``start`` to ``end``."""
    before = text[text.rfind("\n", 0, max(start - 1, 0)) + 1 : max(start - 1, 0)]
    after = text[end + 1 :].split("\n", 1)[0] if end < len(text) else ""
    return before, after


def in_text(match: re.Match[str]) -> bool:
    """Whether ``$$…$$`` is in a paragraph's text, not a paragraph of its own."""
    text = match.string
    start = text.rfind("\n", 0, match.start()) + 1
    end = len(text) if (end := text.find("\n", match.end())) < 0 else end
    prefix = _CONTINUATION.match(text, start)
    if text[prefix.end() : match.start()].strip() or text[match.end() : end].strip():
        return True
    before, after = _line_around(text, start, end)
    follows_text = bool(start) and not _BLOCK_START.match(before) and not prefix[2]
    return follows_text or not _BLOCK_START.match(after)


def _dollars(match: re.Match[str]) -> str:
    return _block(match, match["tex"]) if not match["code"] and in_text(match) else match[0]


# An amsmath environment at a line's start, which MyST's amsmath reads as it is written.
AMS_ENVIRONMENTS = "equation|multline|gather|align|alignat|flalign|[pbBvV]?matrix|eqnarray"
# One in $$…$$ (matched to be kept) is math to the old site's Markdown too: kept as written.
_AMS_BLOCK = re.compile(
    r"(?P<dollars>\$\$.*?\$\$)"
    rf"|^[ \t]*\\begin\{{({AMS_ENVIRONMENTS})(\*?)\}}.*?\\end\{{\2\3\}}",
    re.M | re.S,
)


def _environment(match: re.Match[str]) -> str:
    return match[0] if match["dollars"] else _MARKDOWN_ESCAPE.sub(r"\1", match[0])


def convert(conversion: Conversion) -> None:
    """TeX math written for MathJax, ``\\(x\\)`` and ``\\[x\\]``: MyST's inline and display math;
    in ``\\begin{equation}`` and its kind, the Markdown escapes the old site's Markdown undid."""
    conversion.sub(_TEX_MATH, "\\(…\\) and \\[…\\] math", _tex)
    conversion.sub(DOLLARS, "$$ math in a line of text", _dollars)
    conversion.sub(_AMS_BLOCK, "\\begin{…} math", _environment)
