"""One post of the old site into one article: its front matter, its path, its body."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from ...records import dialects, frontmatter
from ...records.slugs import slugify
from . import engines, metadata, urls
from .engines import Site

_SAFE_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")
_MORE = re.compile(r"<!--\s*more\s*-->|^\.\. more::[ \t]*$", re.M | re.I)


@dataclass
class Post:
    """A post read from the old site, and where its article goes."""

    source: Path
    front: dict
    body: str
    markup: str
    output: Path  # relative to DOCS
    old_url: str
    problems: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # reST labels of its title


def _zone(site: Site) -> dt.tzinfo:
    name = (
        site.settings.get("timezone")
        or site.settings.get("timeZone")
        or site.settings.get("TIMEZONE")
    )
    try:
        return ZoneInfo(str(name)) if name else dt.UTC
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def _names(value: object, words: bool) -> list[str]:
    """Categories or tags, in any engine's spelling: a list, commas, or Jekyll's words."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value)
    return [
        n.strip()
        for n in (text.split(",") if "," in text or not words else text.split())
        if n.strip()
    ]


def _date(site: Site, path: Path, meta: dict, problems: list[str]) -> dt.datetime | None:
    """The post's date: its front matter's, else the one in its file's name (Jekyll's)."""
    day, _ = engines.jekyll_name(path)
    by_name = dt.datetime(day.year, day.month, day.day, tzinfo=_zone(site)) if day else None
    value = meta.get("date")
    if value in (None, ""):
        return by_name
    try:
        moment = frontmatter.parse_date(value)
    except ValueError as err:
        problems.append(f"{err}; dated by its file's name" if by_name else str(err))
        return by_name
    return moment if moment.tzinfo else moment.replace(tzinfo=_zone(site))


def _slug(site: Site, path: Path, meta: dict) -> str:
    stem = engines.hugo_name(site, path)[0] if site.engine == "hugo" else path.stem
    bundle = stem in ("index", "_index")
    name = path.parent.name if bundle else engines.jekyll_name(path.with_name(stem + ".md"))[1]
    slug = str(meta.get("slug") or name).strip().lower()
    return slug if _SAFE_SLUG.fullmatch(slug) else (slugify(slug)[:80] or "post")


def _is_draft(path: Path, meta: dict) -> bool:
    return (
        meta.get("draft") in (True, "true", "yes")
        or dialects.engine_draft(meta)
        or ("_drafts" in path.parts)
    )


def _front(site: Site, path: Path, source: metadata.Source, published: dt.datetime | None) -> dict:
    meta = source.meta
    words = site.engine == "jekyll"
    front: dict = {
        "title": str(meta.get("title") or frontmatter.first_heading(source.body) or path.stem)
    }
    if published is not None:
        front["date"] = published.isoformat()
    categories = _names(meta.get("categories") or meta.get("category"), words)
    tags = _names(meta.get("tags") or meta.get("keywords"), words)
    if categories:
        front["categories"] = categories
    if tags:
        front["tags"] = tags
    for key in ("author", "description", "summary"):
        if isinstance(meta.get(key), str | int | float) and str(meta[key]).strip():
            front[key] = str(meta[key]).strip()
    if _is_draft(path, meta):
        front["draft"] = True
    return front


def read_post(site: Site, path: Path) -> Post:
    """A post's metadata normalised and its article's path; its body as written."""
    source = metadata.read(path, site.engine)
    problems = list(source.problems)
    published = _date(site, path, source.meta, problems)
    # A draft has no date yet (Jekyll's _drafts; ABlog's post without one): Jekyll's
    # --drafts dates it by its file's time, which keeps the build free of warnings.
    undated_draft = (
        published is None
        and not problems
        and (_is_draft(path, source.meta) or site.engine == "ablog")
    )
    if undated_draft:
        published = dt.datetime.fromtimestamp(int(path.stat().st_mtime), _zone(site))
        problems.append("a draft without a date: dated by its file's time, as Jekyll's --drafts")
    front = _front(site, path, source, published)
    if undated_draft:
        front["draft"] = True
    if published is None and not problems:
        problems.append("no date: the article needs a 'date:' line to be listed")
    old = urls.old_url(site, path, source.meta, published)
    aliases = [
        old,
        *_names(source.meta.get("aliases"), False),
        *_names(source.meta.get("redirect_from"), False),
    ]
    front["aliases"] = list(dict.fromkeys(a for a in aliases if a.startswith("/")))
    year = f"{published.year:04}" if published else "undated"
    output = PurePosixPath("articles", year, _slug(site, path, source.meta) + ".md")
    labels = list(source.labels)
    if site.engine == "ablog":  # ABlog names each post for :ref: by its file (folder, for index)
        labels.append(path.parent.name if path.stem == "index" else path.stem)
    return Post(path, front, source.body, source.markup, Path(output), old, problems, labels)


def front_matter(front: dict) -> str:
    """The article's front matter, as YAML an author can read and edit."""
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{text}---\n"


def more_marker(body: str) -> str:
    """ABlog's ``.. more::`` and Jekyll's ``<!-- more -->`` as the ``<!--more-->`` we read."""
    return _MORE.sub("<!--more-->", body)
