"""Pelican's placeholders and Python-Markdown's extensions, into MyST Markdown."""

from __future__ import annotations

import re

from .markup import Conversion

_PLACEHOLDER = re.compile(r"(?:\{|\|)(static|filename|attach)(?:\}|\|)([^\s)\"'>]+)")
_CODE_MARKER = re.compile(
    r"^(?P<indent>(?: {4}|\t))(?::::|#!)(?P<lang>[\w+#.-]+)[ \t]*\n"
    r"(?P<code>(?:(?P=indent).*\n|[ \t]*\n)*)",
    re.M,
)
_TOC = re.compile(r"^[ \t]*\[TOC\][ \t]*\n?", re.M)
_ATTR_LIST = re.compile(r"(?<=\S)[ \t]*\{:?[ \t]*[.#][\w-]+(?:[ \t]+[.#]?[\w-]+(?:=\S+)?)*[ \t]*\}")


def _placeholder(match: re.Match[str]) -> str:
    kind, target = match.groups()
    return (
        f"post_file:{target}"
        if kind == "filename" and target.split("#")[0].endswith((".md", ".rst", ".markdown"))
        else f"site_file:{target}"
    )


def _code(match: re.Match[str]) -> str:
    indent = match["indent"]
    lines = [
        line[len(indent) :] if line.startswith(indent) else ""
        for line in match["code"].splitlines()
    ]
    code = "\n".join(lines).rstrip("\n")
    return f"```{match['lang']}\n{code}\n```\n\n"


def placeholders(conversion: Conversion) -> None:
    """Pelican's ``{static}``, ``{filename}`` and ``{attach}``, in Markdown and reST alike."""
    conversion.sub(_PLACEHOLDER, "{static}/{filename}", _placeholder)


def convert(conversion: Conversion) -> None:
    """Convert Pelican's Markdown: ``:::lang`` code, ``[TOC]``, attribute lists."""
    c = conversion
    c.sub(_CODE_MARKER, ":::lang code", _code)
    c.sub(_TOC, "[TOC]", lambda m: "")
    c.sub(_ATTR_LIST, "{: attributes}", lambda m: "")
