"""A Hugo site's own embed shortcodes (RuTube, VK Video…) as links to what they embed.

Hugo has shortcodes for YouTube and Vimeo (``shortcodes``); a site embeds other
players with shortcodes of its own, ``layouts/shortcodes/rutube.html`` holding an
``<iframe src="https://rutube.ru/play/embed/{{ .Get 0 }}">``. Such a template is read,
never run: its ``src`` with the call's arguments put in for ``.Get 0``,
``index .Params 0`` and ``.Get "name"`` is the address a link goes to, as for
YouTube (a link works in every edition and loads nothing from elsewhere). A
template whose address needs more than that is left, and the call reported.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import quote

from .markup import Conversion
from .shortcodes import arguments

# An iframe's address; Hugo's actions in it may hold quotes: src="…{{ .Get "id" }}…".
_SRC = re.compile(r"<iframe\b[^>]*?\bsrc=\"((?:\{\{.*?\}\}|[^\"{])+)\"", re.I | re.S)
# What the template puts in the address: a positional or named argument.
_ARGUMENT = re.compile(
    r"\{\{-?\s*(?:\.Get\s+(?:(\d+)|\"([\w-]+)\"|`([\w-]+)`)|index\s+\.Params\s+(\d+))\s*-?\}\}"
)
_SHORTCODE_FOLDERS = ("layouts/shortcodes", "layouts/_shortcodes")  # _shortcodes: Hugo 0.146+


@functools.cache
def embeds(root: Path) -> dict[str, tuple[str, ...]]:
    """The site's (and its themes') shortcodes that embed a player: name → its addresses."""
    found: dict[str, tuple[str, ...]] = {}
    layouts = [root, *sorted((root / "themes").glob("*/"))]
    for base in reversed(layouts):  # the site's own template wins over a theme's
        for folder in _SHORTCODE_FOLDERS:
            for template in sorted((base / folder).glob("*.html")):
                sources = _SRC.findall(template.read_text("utf-8", errors="replace"))
                if sources and template.stem.isidentifier():
                    found[template.stem] = tuple(sources)
    return found


def _address(template: str, positional: list[str], named: dict[str, str]) -> str | None:
    """The template's address with the call's arguments, or None if one is missing."""
    missing = False

    def argument(match: re.Match[str]) -> str:
        nonlocal missing
        index, name = match[1] or match[4], match[2] or match[3]
        value = named.get(name) if name else (
            positional[int(index)] if int(index) < len(positional) else None
        )  # fmt: skip
        missing = missing or value is None
        return quote(value or "", safe="")

    address = _ARGUMENT.sub(argument, template)
    address = "https:" + address if address.startswith("//") else address
    if missing or "{{" in address or not re.match(r"https?://", address):
        return None
    return quote(address, safe=":/?#@!$&'*+,;=%~-._")


def _link(name: str, sources: tuple[str, ...], match: re.Match[str]) -> str:
    positional, named = arguments(match[2])
    for template in sources:
        if (address := _address(template, positional, named)) is not None:
            shown = positional[0] if positional else next(iter(named.values()), "")
            return f"[▶ {name}: {shown}]({address})" if shown else f"[▶ {name}]({address})"
    return match[0]


def convert(conversion: Conversion, root: Path) -> None:
    """Each call of one of the site's embed shortcodes as a link to what it embeds."""
    if not (found := embeds(root)):
        return
    names = "|".join(map(re.escape, found))
    call = re.compile(r"\{\{[<%]\s*(" + names + r")\b([^}]*?)\s*/?[>%]\}\}")
    conversion.sub(call, "{{< the site's own embeds >}}", lambda m: _link(m[1], found[m[1]], m))
