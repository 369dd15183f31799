"""What an article's front matter may hold: limits, characters, per-article settings.

An article may come from a stranger's pull request, so its front matter is
bounded (what one file may cost the build), cleaned (no character that breaks
an XML feed or an HTML page) and filtered (no per-article setting that could
run code or read files). Each limit is in the README's table of warnings.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

MAX_FRONT_MATTER = 64 * 1024  # characters between the fences
MAX_YAML_NODES = 10_000  # values, keys and items, counted as written (aliases are refused)
MAX_YAML_DEPTH = 16  # nesting of lists and mappings
MAX_TITLE = 300  # characters
MAX_SUMMARY = 1000  # characters of an author's own summary
MAX_NAME = 100  # characters of one category or tag
MAX_ALIASES = 20  # old addresses of one article
MAX_NAMES = {"categories": 20, "category": 20, "tags": 50}

# Characters XML 1.0 forbids (feeds fail on them) and the C1 controls and
# noncharacters HTML reports as errors; tab, line feed and return are allowed.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)

# MyST settings an article may change for itself: none of them runs code (a
# substitution renders Jinja; a slug function is imported by name) or reads files.
MYST_KEYS = frozenset(
    {
        "enable_extensions", "heading_anchors", "footnote_transition", "number_code_blocks",
        "dmath_allow_labels", "dmath_allow_space", "dmath_allow_digits", "dmath_double_inline",
        "links_external_new_tab",
    }
)  # fmt: skip
MYST_EXTENSIONS = frozenset(
    {
        "amsmath", "attrs_block", "attrs_inline", "colon_fence", "deflist", "dollarmath",
        "fieldlist", "linkify", "replacements", "smartquotes", "strikethrough", "tasklist",
    }
)  # fmt: skip
_OG_KEY = re.compile(r"og:[a-z_]+(?::[a-z_]+)*")
_OG_URL_KEYS = frozenset({"og:image", "og:image:url", "og:image:secure_url", "og:url"})
_OG_URL_KEYS |= {"og:video", "og:audio", "og:video:url", "og:audio:url"}
_META_KEY = re.compile(r"[A-Za-z][\w:.-]*(?: [A-Za-z][\w:.-]*=[\w:.-]+)*")


def printable(text: str) -> str:
    """``text`` without the characters that break an XML feed or an HTML page."""
    return _UNPRINTABLE.sub("", text)


def clean(key: str, text: str, limit: int, problems: list[str]) -> str:
    """One line of text from the front matter: printable, spaces collapsed, at most ``limit``."""
    shown = " ".join(printable(text).split())
    if shown != " ".join(text.split()):
        problems.append(f"{key!r} holds control characters, which were left out")
    if len(shown) > limit:
        problems.append(f"{key!r} is longer than {limit} characters; it was shortened")
        shown = shown[: limit - 1].rstrip() + "…"
    return shown


# An old address on this site: a path of ordinary characters, no query, no fragment.
_OLD_ADDRESS = re.compile(r"/(?:[^\x00-\x20\x7f\"<>\\^`{|}?#%]|%[0-9A-Fa-f]{2})*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_OLD_PAGE = re.compile(r"(?:.*/)?(?:[^/.]*|[^/]*\.html?)")


def old_addresses(value: object, problems: list[str]) -> tuple[str, ...]:
    """An article's former addresses (``aliases``): site paths a redirect page can be written at."""
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else None
    if items is None:
        problems.append(
            "'aliases' must be an address such as /blog/old-post.html, or a list of them"
        )
        return ()
    kept: list[str] = []
    for item in items:
        text = str(item).strip()
        # Checked as the web server will read it: %2e%2e is "..", %2F a folder.
        decoded = unquote(text)
        segments = decoded.split("/")
        if (
            not _OLD_ADDRESS.fullmatch(text) or ".." in segments or "." in segments
            or "//" in decoded or "\\" in decoded or printable(decoded) != decoded
            or _CONTROL.search(decoded) or len(text) > 300 or not _OLD_PAGE.fullmatch(decoded)
        ):  # fmt: skip
            problems.append(
                f"'aliases' entry {text[:80]!r} is not a page address on this site such as "
                "/blog/old-post.html or /2019/05/old-post/; no redirect is written for it"
            )
            continue
        kept.append(text)
    if len(kept) > MAX_ALIASES:
        problems.append(f"'aliases' holds more than {MAX_ALIASES} addresses; the first are kept")
    return tuple(dict.fromkeys(kept))[:MAX_ALIASES]


def is_safe_url(value: object) -> bool:
    """An http(s) address or a path on this site: no script, data or other scheme."""
    if not isinstance(value, str) or not value or value != printable(value).strip():
        return False
    if any(c in value for c in ' "<>\\`'):
        return False
    parts = urlsplit(value)
    if parts.scheme:
        return parts.scheme in ("http", "https") and bool(parts.netloc)
    return not value.startswith("//")


def _text_or_number(value: object) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _myst(value: object, problems: list[str]) -> dict | None:
    if not isinstance(value, dict):
        problems.append("'myst' must be a mapping of MyST settings; it was ignored")
        return None
    kept = {}
    for key, setting in value.items():
        if key not in MYST_KEYS:
            problems.append(f"the MyST setting {key!r} cannot be set by an article; ignored")
            continue
        if key == "enable_extensions":
            names = setting if isinstance(setting, list) else [setting]
            refused = [n for n in names if n not in MYST_EXTENSIONS]
            for name in refused:
                problems.append(f"the MyST extension {name!r} cannot be enabled by an article")
            setting = [n for n in names if n in MYST_EXTENSIONS]
        kept[key] = setting
    return kept


def _html_meta(value: object, problems: list[str]) -> dict | None:
    if not isinstance(value, dict):
        problems.append("'html_meta' must be a mapping of names to text; it was ignored")
        return None
    kept = {}
    for key, text in value.items():
        if isinstance(key, str) and _META_KEY.fullmatch(key) and _text_or_number(text):
            kept[key] = printable(str(text))
        else:
            problems.append(f"'html_meta' entry {str(key)[:40]!r} is not a name and text; ignored")
    return kept


def _og(key: str, value: object, problems: list[str]) -> str | None:
    if not _OG_KEY.fullmatch(key) or not _text_or_number(value):
        problems.append(f"{key[:40]!r} is not an OpenGraph property with a text value; ignored")
        return None
    if key in _OG_URL_KEYS and not is_safe_url(value):
        problems.append(f"{key!r} must be an http(s) address or a path, got {str(value)[:80]!r}")
        return None
    return printable(str(value))


_CHECKS = {"myst": _myst, "html_meta": _html_meta}


def allowed_settings(data: dict, problems: list[str]) -> dict:
    """The front matter without what an article may not set, each omission reported."""
    kept: dict = {}
    for key, value in data.items():
        if not isinstance(key, str):
            problems.append(f"a front matter key must be text, got {type(key).__name__}; ignored")
            continue
        if key in _CHECKS:
            value = _CHECKS[key](value, problems)
        elif key.startswith("og:"):
            value = _og(key, value, problems)
        else:
            kept[key] = value  # kept as written, None included (``orphan:``)
            continue
        if value is not None:
            kept[key] = value
    return kept
