"""A reST post kept as reST: its text in ``eval-rst`` blocks, its section titles as headings.

MyST parses an ``eval-rst`` block on its own, so a section title inside one would
get an id that clashes with the page's (docutils numbers ``id1`` in each parse).
The titles are taken out as Markdown headings, at the depth their adornment
gives; the text between them stays reST, as the author wrote it.
"""

from __future__ import annotations

import re

from ...markdown import heading
from .markup import fence

# ``.. |name| image:: path`` and its indented options: each block needs the ones it uses.
_SUBSTITUTION = re.compile(
    r"^\.\. \|([^|\n]+)\|[^\n]*\n(?:[ \t]+[^\n]*\n|[ \t]*\n(?=[ \t]+\S))*", re.M
)
_ADORNMENT = re.compile(r"([=\-~`#*^\"'+:.,_])\1{2,}[ \t]*")


def _title_at(lines: list[str], number: int) -> tuple[str, tuple[str, bool], int] | None:
    """The section title starting at line ``number``: its text, its style, its line count."""
    over = bool(_ADORNMENT.fullmatch(lines[number]))
    text_at = number + 1 if over else number
    if text_at + 1 >= len(lines):
        return None
    text, under = lines[text_at], lines[text_at + 1]
    if not text.strip() or _ADORNMENT.fullmatch(text) or not _ADORNMENT.fullmatch(under):
        return None
    if len(under.rstrip()) < len(text.strip()) or text.startswith((" ", "\t")):
        return None
    if over and lines[number].rstrip()[0] != under[0]:
        return None
    return text.strip(), (under[0], over), (3 if over else 2)


def to_myst(body: str) -> str:
    """The reST body as MyST: headings for its section titles, ``eval-rst`` for the rest."""
    # MyST parses each block on its own: substitutions defined at the end of the post are
    # given to each block that uses them.
    definitions = {m[1]: m.group(0) for m in _SUBSTITUTION.finditer(body + "\n")}
    body = _SUBSTITUTION.sub("", body + "\n")
    lines = body.split("\n")
    styles: list[tuple[str, bool]] = []
    out: list[str] = []
    chunk: list[str] = []
    number = 0
    while number < len(lines):
        previous_blank = number == 0 or not lines[number - 1].strip()
        title = _title_at(lines, number) if previous_blank else None
        if title is None:
            chunk.append(lines[number])
            number += 1
            continue
        text, style, size = title
        if style not in styles:
            styles.append(style)
        out.append(_rst_block(chunk, definitions))
        out.append(heading(text, min(styles.index(style) + 2, 6)))
        chunk, number = [], number + size
    out.append(_rst_block(chunk, definitions))
    return "\n\n".join(part for part in out if part) + "\n"


def _rst_block(lines: list[str], definitions: dict[str, str]) -> str:
    text = "\n".join(lines).strip("\n")
    for name, definition in definitions.items():
        # MyST keeps no substitution of an eval-rst block: an image alone on its line
        # becomes the image directive itself.
        directive = re.sub(r"^\.\. \|[^|\n]+\| ", ".. ", definition).rstrip("\n")
        text = re.sub(
            rf"^([ \t]*)\|{re.escape(name)}\|[ \t]*$",
            lambda m, directive=directive: _indent(directive, m[1]),
            text,
            flags=re.M,
        )
        if f"|{name}|" in text:  # used within a line: the definition goes with it
            text += "\n\n" + definition.rstrip("\n")
    return fence(text, "{eval-rst}").strip("\n") if text.strip() else ""


def _indent(text: str, indent: str) -> str:
    return "\n".join(indent + line if line.strip() else line for line in text.split("\n"))
