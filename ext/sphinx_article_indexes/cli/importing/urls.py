"""Each post's address on the old site, as its engine's settings made it."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from .engines import Site, hugo_content, hugo_languages, hugo_name, jekyll_name

_JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_TOKEN = re.compile(r":(\w+)")
_FORMAT_FIELD = re.compile(r"\{(\w+)(?::([^{}]*))?\}")


def key(url: str, base: str = "") -> str | None:
    """The part of an address that names a page, the same for every spelling of it.

    ``/blog/a.html``, ``blog/a/``, ``https://site/blog/a/index.html`` are one key;
    None for an address on another site.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        host = urlsplit(base).netloc.removeprefix("www.")
        if not host or parts.netloc.removeprefix("www.") != host:
            return None
    path = unquote(parts.path).strip("/")
    path = re.sub(r"(?:^|/)index\.html?$", "", path)
    return re.sub(r"\.html?$", "", path).strip("/")


def slugify(text: str) -> str:
    """Pelican's and Hugo's slug of a title: lower case words joined by hyphens."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[^\w]+", "-", text).strip("-")


def _jekyll(site: Site, path: Path, meta: dict, day: dt.datetime | None, slug: str) -> str:
    template = str(meta.get("permalink") or site.settings.get("permalink") or "date")
    template = _JEKYLL_STYLES.get(template, template)
    categories = meta.get("categories") or meta.get("category") or []
    if isinstance(categories, str):
        categories = categories.split()
    # Folders above _posts are categories too (blog/_posts/… → /blog/…).
    above = path.relative_to(site.root).parts
    above = above[: above.index("_posts")] if "_posts" in above else ()
    values = {
        "categories": "/".join([*above, *(str(c).lower() for c in categories)]),
        "title": str(meta.get("slug") or slug),
        "slug": str(meta.get("slug") or slug),
        "output_ext": ".html",
    }
    if day:
        values |= {
            "year": f"{day.year:04}", "month": f"{day.month:02}", "day": f"{day.day:02}",
            "i_month": str(day.month), "i_day": str(day.day), "short_year": f"{day.year % 100:02}",
            "y_day": f"{day.timetuple().tm_yday:03}",
        }  # fmt: skip
    url = _TOKEN.sub(lambda m: values.get(m.group(1), m.group(0)), template)
    return re.sub(r"/{2,}", "/", url)


def _hugo(site: Site, path: Path, meta: dict, day: dt.datetime | None, slug: str) -> str:
    if meta.get("url"):
        return str(meta["url"])
    relative = path.relative_to(hugo_content(site, path))
    stem, language = hugo_name(site, path)
    bundle = stem in ("index", "_index")
    name = relative.parent.name if bundle else stem
    return _in_language(site, language, _hugo_path(site, meta, day, relative, bundle, name))


def _in_language(site: Site, language: str, url: str) -> str:
    """A multilingual site's address in a language: ``/ru/…``, but the default's (by default)."""
    default = str(site.settings.get("defaultContentLanguage", "en")).lower()
    in_subdir = site.settings.get("defaultContentLanguageInSubdir") is True
    if len(hugo_languages(site)) < 2 or (language == default and not in_subdir):
        return url
    return f"/{language}/{url.lstrip('/')}"


def _hugo_path(
    site: Site, meta: dict, day: dt.datetime | None, relative: Path, bundle: bool, name: str
) -> str:
    section_path = relative.parent.parent if bundle else relative.parent
    section = section_path.parts[0] if section_path.parts else ""
    permalinks = site.settings.get("permalinks") or {}
    template = permalinks.get(section) if isinstance(permalinks, dict) else None
    final = str(meta.get("slug") or name)
    if not isinstance(template, str):
        # "/".join: a page at the content folder's root has no section ("." as a path).
        return f"/{'/'.join(section_path.parts)}/{final}/".replace("//", "/")
    values = {
        "section": section, "slug": final, "filename": name, "contentbasename": name,
        "title": slugify(str(meta.get("title", name))),
    }  # fmt: skip
    if day:
        values |= {"year": f"{day.year:04}", "month": f"{day.month:02}", "day": f"{day.day:02}"}
    return _TOKEN.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _pelican(site: Site, path: Path, meta: dict, day: dt.datetime | None, slug: str) -> str:
    if meta.get("url") or meta.get("save_as"):
        return "/" + str(meta.get("url") or meta.get("save_as")).lstrip("/")
    template = str(site.settings.get("ARTICLE_URL", "{slug}.html"))
    category = str(meta.get("category") or site.settings.get("DEFAULT_CATEGORY", "misc"))
    values = {
        "slug": str(meta.get("slug") or slugify(str(meta.get("title", path.stem)))),
        "category": slugify(category), "lang": str(site.settings.get("DEFAULT_LANG", "en")),
    }  # fmt: skip

    def field(match: re.Match[str]) -> str:
        # Only plain fields and date formats: no attribute access in a template we did not write.
        name, spec = match.groups()
        if name == "date" and day and spec:
            return day.strftime(spec)
        return values.get(name, match.group(0))

    return "/" + _FORMAT_FIELD.sub(field, template).lstrip("/")


def _ablog(site: Site, path: Path, meta: dict, day: dt.datetime | None, slug: str) -> str:
    return "/" + path.relative_to(site.root).with_suffix(".html").as_posix()


_BY_ENGINE = {"jekyll": _jekyll, "hugo": _hugo, "pelican": _pelican, "ablog": _ablog}


_UNSAFE = re.compile(r"[\s\"<>\\^`{|}%]")


def old_url(site: Site, path: Path, meta: dict, day: dt.datetime | None) -> str:
    """The address the post had on its old site, from its engine's settings, URL-encoded."""
    _, slug = jekyll_name(path)
    url = _BY_ENGINE[site.engine](site, path, meta, day, slug)
    return _UNSAFE.sub(lambda m: quote(m.group(0)), url)
