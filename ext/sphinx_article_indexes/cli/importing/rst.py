"""A reST post kept as reST: its text in ``eval-rst`` blocks, its section titles as headings.

A section title inside an ``eval-rst`` block would be a section of that block, out
of the page's headings; the titles are taken out as Markdown headings, at the
depth their adornment gives, and a label just above one (``.. _install:``) names
its heading, as MyST's ``(install)=``. The text between them stays reST, as the
author wrote it: the page's blocks are parsed as one reST document
(``internals.eval_rst_blocks``), so footnotes, named links and substitutions
resolve across them. What the old site's Sphinx added to every page
(``rst_epilog``, ``rst_prolog``) and the post uses goes at its end.
"""

from __future__ import annotations

import re

from ...markdown import heading
from .markup import fence

_ADORNMENT = re.compile(r"([=\-~`#*^\"'+:.,_])\1{2,}[ \t]*")
# ``.. |name| image:: path`` and its indented options.
_SUBSTITUTION = re.compile(
    r"^\.\. \|([^|\n]+)\|[^\n]*\n(?:[ \t]+[^\n]*\n|[ \t]*\n(?=[ \t]+\S))*", re.M
)
# A named link's target and its address (``.. _Read the Docs: https://…``), its lines.
_TARGET = re.compile(
    r"^\.\. _(?!_:)(`[^`\n]+`|[^:`\n][^:\n]*):[ \t]+\S[^\n]*\n(?:[ \t]+\S[^\n]*\n)*", re.M
)
# A label: a target with no address, naming what follows it.
LABEL = re.compile(r"\.\. _(?!_:)(`[^`\n]+`|[^:`\n][^:\n]*):[ \t]*")


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


def _name(name: str) -> str:
    """A target's name as docutils compares them: case and spacing ignored."""
    return " ".join(name.strip("`").split()).casefold()


def _refers_to(text: str, name: str) -> bool:
    """Whether reST ``text`` refers to the named target: ``Name_``, `` `A name`_ ``, ``<name_>``."""
    words = r"\s+".join(map(re.escape, name.split()))
    found = rf"(?i)`{words}`_(?!_)|<{words}_>|(?<![\w`]){words}_(?!\w)"
    return re.search(found, text) is not None


def _from_epilog(body: str, epilog: str) -> list[str]:
    """The epilog's named links and substitutions that ``body`` uses and does not define."""
    epilog += "\n"
    defined = {_name(m[1]) for m in _TARGET.finditer(body)}
    needed = [
        m.group(0) for m in _TARGET.finditer(epilog)
        if _name(m[1]) not in defined and _refers_to(body, _name(m[1]))
    ]  # fmt: skip
    substitutions = {m[1] for m in _SUBSTITUTION.finditer(body)}
    needed += [
        m.group(0) for m in _SUBSTITUTION.finditer(epilog)
        if m[1] not in substitutions and f"|{m[1]}|" in body
    ]  # fmt: skip
    return ["", *(definition.rstrip("\n") for definition in needed)] if needed else []


def to_myst(body: str, epilog: str = "") -> str:
    """The reST body as MyST: headings for its section titles, ``eval-rst`` for the rest.

    ``epilog``: what the old site added to every page (``rst_prolog`` and ``rst_epilog``).
    """
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
        labels = _labels_above(chunk)
        out.append(_rst_block(chunk))
        out.append("".join(f"({label})=\n" for label in labels))
        out[-1] += heading(text, min(styles.index(style) + 2, 6))
        chunk, number = [], number + size
    out.append(_rst_block(chunk + _from_epilog(body, epilog)))
    return "\n\n".join(part for part in out if part) + "\n"


def _labels_above(chunk: list[str]) -> list[str]:
    """Take the labels (and blank lines) at the end of ``chunk``: they name the next title."""
    labels: list[str] = []
    while chunk and (not chunk[-1].strip() or LABEL.fullmatch(chunk[-1])):
        if match := LABEL.fullmatch(chunk.pop()):
            labels.insert(0, match[1].strip("`"))
    return labels


def _rst_block(lines: list[str]) -> str:
    text = "\n".join(lines).strip("\n")
    return fence(text, "{eval-rst}").strip("\n") if text.strip() else ""
