"""Front matter as other blog engines' authors write it: fences, key names, file-name dates.

People who move a blog here keep their habits: Hugo's TOML (``+++``) and JSON
front matter and its case-insensitive keys (``Title:``), Jekyll's dates in the
file name (``2009-01-27-slug.md``) and space-separated ``tags``, Jekyll's
``published: false`` and Pelican's ``status: draft``, ``excerpt`` for the
summary. What is accepted is read as the engine reads it; the README lists it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from dataclasses import dataclass

from . import untrusted

_YAML = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_TOML = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?\r?\n)?\+\+\+[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_JSON_END = re.compile(r"[ \t]*(?:\r?\n|\Z)")
# Pelican's metadata: ``Title: …`` lines at the top of the file, without fences.
_PELICAN = re.compile(r"\A(?:[Tt]itle|[Dd]ate|[Cc]ategory|[Tt]ags|[Ss]lug|[Aa]uthors?):[ \t]")
_FILE_DATE = re.compile(r"(?:^|/)(\d{4})-(\d{1,2})-(\d{1,2})-[^/]+$")  # Jekyll: 2014-7-3 too

# Names other engines use for a key this project knows by another name.
ALIASES = {
    "excerpt": "summary", "lastmod": "updated", "modified": "updated",
    "redirect_from": "aliases",  # jekyll-redirect-from's name for Hugo's aliases
}  # fmt: skip


@dataclass(frozen=True)
class Found:
    """Where a file's front matter is: its raw text, its language and where the body starts."""

    raw: str
    kind: str  # "yaml", "toml" or "json"
    end: int


def find(text: str) -> Found | None:
    """The front matter at the start of ``text``: YAML ``---``, TOML ``+++`` or a JSON object."""
    for kind, fence in (("yaml", _YAML), ("toml", _TOML)):
        if match := fence.match(text):
            return Found(match.group(1) or "", kind, match.end())
    if text.startswith("{"):
        return _json_object(text)
    return None


def _json_object(text: str) -> Found | None:
    try:
        _, end = json.JSONDecoder().raw_decode(text[: untrusted.MAX_FRONT_MATTER + 1])
    except (ValueError, RecursionError):
        return None  # not JSON front matter: a body that starts with a brace
    after = _JSON_END.match(text, end)
    return Found(text[:end], "json", after.end()) if after else None


def unclosed_hint(text: str) -> str:
    """What to write instead, for a file whose front matter was not found."""
    if text.startswith(("---", "+++")):
        fence = text[:3]
        return f"front matter opened with {fence!r} is never closed: end it with a {fence!r} line"
    if _PELICAN.match(text):
        return (
            "no front matter: the 'Title: …' lines at the top are Pelican's; put them between "
            "'---' lines (or run 'sphinx-articles import')"
        )
    return "no front matter: start the file with '---', title and date"


def parse(found: Found) -> object:
    """TOML or JSON front matter as data; raise ``ValueError`` saying what is wrong."""
    if len(found.raw) > untrusted.MAX_FRONT_MATTER:
        raise ValueError(f"front matter is longer than {untrusted.MAX_FRONT_MATTER} characters")
    try:
        data = tomllib.loads(found.raw) if found.kind == "toml" else json.loads(found.raw)
    except (ValueError, RecursionError) as err:  # TOMLDecodeError and JSONDecodeError too
        language = found.kind.upper()
        raise ValueError(f"front matter is not valid {language}: {str(err)[:200]}") from None
    _check_size(data)
    return data


def _check_size(data: object) -> None:
    """The limits YAML front matter has: depth and number of values."""
    count, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        count += 1
        if depth > untrusted.MAX_YAML_DEPTH or count > untrusted.MAX_YAML_NODES:
            raise ValueError(
                f"front matter nests deeper than {untrusted.MAX_YAML_DEPTH} levels or holds "
                f"more than {untrusted.MAX_YAML_NODES} values"
            )
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for pair in value.items() for item in pair)
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)


def normalise_keys(data: dict, known: frozenset[str], problems: list[str]) -> dict:
    """Known keys in lower case (Hugo reads ``Title`` as ``title``) and under their own name."""
    kept: dict = {}
    for key, value in data.items():
        name = key.casefold() if isinstance(key, str) else key
        name = ALIASES.get(name, name)
        if name not in known:
            name = key  # someone else's key: kept as written (MyST or a theme may read it)
        if name in kept:
            problems.append(f"{key!r} repeats the key {name!r}; the first one is kept")
            continue
        kept[name] = value
    if "draft" not in kept:
        kept.update({"draft": True} if engine_draft(kept) else {})
    return kept


def engine_draft(data: dict) -> bool:
    """Jekyll's ``published: false`` and Pelican's ``status: draft`` (or ``hidden``)."""
    published = str(data.get("published", "")).casefold()
    status = str(data.get("status") or data.get("Status") or "").casefold()
    return (
        data.get("published") is False
        or published in ("false", "no")
        or status in ("draft", "hidden")
    )


def date_from_file_name(docname: str) -> dt.datetime | None:
    """Jekyll's date, the ``2009-01-27`` of ``_posts/2009-01-27-slug.md``, if a real day."""
    match = _FILE_DATE.search(docname)
    if not match:
        return None
    try:
        return dt.datetime(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def names_of_words(value: str) -> list[str]:
    """Jekyll's ``tags: php kohana``: a string without commas is space-separated words."""
    return value.split(",") if "," in value else value.split()
