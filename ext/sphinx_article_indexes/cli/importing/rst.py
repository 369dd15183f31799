"""A reST post kept as reST: its text in ``eval-rst`` blocks, its section titles as headings.

MyST parses an ``eval-rst`` block on its own, so a section title inside one would
get an id that clashes with the page's (docutils numbers ``id1`` in each parse).
The titles are taken out as Markdown headings, at the depth their adornment
gives; the text between them stays reST, as the author wrote it.

Since each block is parsed alone, what one part of the post defines for the rest
goes to each block that uses it: a substitution's definition (``.. |logo|
image::``) is copied there; a named link (``Sphinx_``) becomes a link with its
target's address (`` `Sphinx <https://…>`__ ``), the post's own targets
(``.. _Sphinx: https://…``) and those the old site added to every page (Sphinx's
``rst_epilog`` and ``rst_prolog``): a target left in a block would give its id
to one element of that block and another of the page alike. A label just above
a section title (``.. _install:``) names its heading, as MyST's ``(install)=``.
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
# A named link's target and its address (``.. _Read the Docs: https://…``), its lines.
_TARGET = re.compile(
    r"^\.\. _(?!_:)(`[^`\n]+`|[^:`\n][^:\n]*):[ \t]+(\S[^\n]*\n(?:[ \t]+\S[^\n]*\n)*)", re.M
)
# A reference to a named target: `text <name_>`_, `a phrase`_, word_ (not anonymous: __).
_REFERENCE = re.compile(
    r"`(?P<text>[^`<]+?)\s*<(?P<alias>[^`<>]+)_>`_(?!_)"
    r"|`(?P<phrase>[^`<]+)`_(?!_)"
    r"|(?<![\w`])(?P<word>\w+(?:[-.+:]\w+)*)_(?!\w)"
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


def _addresses(text: str) -> dict[str, str]:
    """The named targets ``text`` defines, by name: their addresses (not indirect targets)."""
    found = {_name(m[1]): "".join(m[2].split()) for m in _TARGET.finditer(text)}
    return {name: address for name, address in found.items() if not address.endswith("_")}


def _with_addresses(text: str, addresses: dict[str, str]) -> str:
    """References to these targets as links with their address: `` `Name <https://…>`__ ``."""

    def link(match: re.Match[str]) -> str:
        shown = match["text"] or match["phrase"] or match["word"]
        address = addresses.get(_name(match["alias"] or shown))
        return f"`{shown} <{address}>`__" if address else match.group(0)

    return _REFERENCE.sub(link, text)


def to_myst(body: str, epilog: str = "") -> str:
    """The reST body as MyST: headings for its section titles, ``eval-rst`` for the rest.

    ``epilog``: what the old site added to every page (``rst_prolog`` and ``rst_epilog``).
    """
    body += "\n"
    definitions = {m[1]: m.group(0) for m in _SUBSTITUTION.finditer(epilog + "\n")}
    definitions |= {m[1]: m.group(0) for m in _SUBSTITUTION.finditer(body)}
    addresses = _addresses(epilog + "\n") | _addresses(body)
    lines = _TARGET.sub("", _SUBSTITUTION.sub("", body)).split("\n")
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
        out.append(_rst_block(chunk, definitions, addresses))
        out.append("".join(f"({label})=\n" for label in labels))
        out[-1] += heading(text, min(styles.index(style) + 2, 6))
        chunk, number = [], number + size
    out.append(_rst_block(chunk, definitions, addresses))
    return "\n\n".join(part for part in out if part) + "\n"


def _labels_above(chunk: list[str]) -> list[str]:
    """Take the labels (and blank lines) at the end of ``chunk``: they name the next title."""
    labels: list[str] = []
    while chunk and (not chunk[-1].strip() or LABEL.fullmatch(chunk[-1])):
        if match := LABEL.fullmatch(chunk.pop()):
            labels.insert(0, match[1].strip("`"))
    return labels


def _rst_block(lines: list[str], definitions: dict[str, str], addresses: dict[str, str]) -> str:
    text = "\n".join(lines).strip("\n")
    text = _with_addresses(text, addresses)
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
