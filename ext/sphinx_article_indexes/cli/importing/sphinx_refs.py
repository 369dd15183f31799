"""Sphinx's links between posts, and the old site's link roles, made for the new site.

A post of a Sphinx blog (ABlog) links another with ``:ref:`label``` (the label
above that post's title) or ``:doc:`/posts/other``` (its old document name): on
the new site neither names anything, so each becomes ``:doc:`` to the article.
A role the old site defined with ``sphinx.ext.extlinks`` (``:issue:`12```)
becomes the link it made. In reST and in MyST (``{ref}`label```) alike.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from .markup import outside_code

if TYPE_CHECKING:
    from .links import Targets
    from .markup import Conversion

_ROLE = re.compile(r"(?::(?P<rst>[\w-]+(?::[\w-]+)?):|\{(?P<myst>[\w:-]+)\})`(?P<content>[^`\n]+)`")
_EXPLICIT = re.compile(r"(?P<text>.*?)\s*<(?P<target>[^<>]+)>", re.S)
_SUFFIXES = (".rst", ".md", ".ipynb", ".txt")


def label_key(label: str) -> str:
    """A label as Sphinx compares them: case and spacing ignored."""
    return " ".join(label.split()).casefold()


class _Roles:
    def __init__(self, targets: Targets, source: Path, conversion: Conversion) -> None:
        self.targets, self.source, self.done = targets, source, conversion.done
        extlinks = targets.site.settings.get("extlinks")
        self.extlinks = extlinks if isinstance(extlinks, dict) else {}

    def __call__(self, match: re.Match[str]) -> str:
        name = (match["rst"] or match["myst"]).removeprefix("std:")
        explicit = _EXPLICIT.fullmatch(match["content"])
        text, target = (
            (explicit["text"], explicit["target"]) if explicit else ("", match["content"])
        )
        if name in ("ref", "doc"):
            article = self._article(name, target.strip())
            if article is None:
                return match.group(0)
            self.done["references between posts"] += 1
            role = ":doc:" if match["rst"] else "{doc}"
            return f"{role}`{text} <{article}>`" if text else f"{role}`{article}`"
        link = self._extlink(name, text, target)
        if link is None:
            return match.group(0)
        self.done["link roles"] += 1
        caption, url = link
        return f"`{caption} <{url}>`__" if match["rst"] else f"[{caption}](<{url}>)"

    def _article(self, role: str, target: str) -> str | None:
        """The new article's document name for a label or an old document name, if imported."""
        if role == "ref":
            found = self.targets.page_labels.get(label_key(target))
        else:
            base = self.targets.site.root if target.startswith("/") else self.source.parent
            stem = (base / target.lstrip("/")).resolve()
            found = next(
                (
                    f
                    for s in _SUFFIXES
                    if (f := self.targets.by_source.get(stem.with_name(stem.name + s)))
                ),
                None,
            )
        if found is None:
            return None
        return "/" + found.relative_to(self.targets.docs).with_suffix("").as_posix()

    def _extlink(self, name: str, text: str, target: str) -> tuple[str, str] | None:
        """An extlinks role's link: its caption and address, as Sphinx makes them."""
        pattern = self.extlinks.get(name)
        if not isinstance(pattern, list | tuple) or len(pattern) != 2:
            return None
        base, caption = pattern
        if not isinstance(base, str) or not isinstance(caption, str | None):
            return None
        try:  # as Sphinx fills them in: one %s (older settings: a prefix), %% for a %
            url = base % target if "%s" in base else base + target
            if text:
                caption = text
            elif caption is None:
                caption = url
            else:
                caption = caption % target if "%s" in caption else caption + target
        except (TypeError, ValueError):  # a pattern Sphinx could not fill in either
            return None
        if any(c in caption for c in "`<>[]") or any(c in url for c in "<> \n"):
            return None  # left for an editor rather than written as broken markup
        return caption, url


def rewrite(conversion: Conversion, targets: Targets, source: Path) -> None:
    """Point a post's Sphinx references at the articles; write its link roles as links."""
    roles = _Roles(targets, source, conversion)
    conversion.text = outside_code(conversion.text, lambda part: _ROLE.sub(roles, part))
