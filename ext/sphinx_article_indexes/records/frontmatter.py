"""Read an article's YAML front matter, untrusted, into a validated record."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from . import dialects, untrusted
from .slugs import fold

KNOWN_KEYS = frozenset(
    {
        "title", "date", "categories", "category", "tags", "draft", "author", "authors",
        "description", "summary", "orphan", "nosearch", "tocdepth", "html_meta", "myst",
        "substitutions", "og:title", "og:description", "og:image", "updated",
        "aliases", "image", "images",
    }
)  # fmt: skip
# A line-based "key: value" front matter, as Jekyll- and Pelican-era files are often
# written: plain values are text, so a title may hold ": " without quotes.
# Values are stripped of trailing blanks afterwards: a lazy ``.*?`` before ``[ \t]*$``
# backtracks quadratically on a long run of spaces.
_SIMPLE_LINE = re.compile(r"(?P<key>[A-Za-z_][\w-]*):(?:[ \t]+(?P<value>\S.*))?")
_SIMPLE_ITEM = re.compile(r"[ \t]*-[ \t]+(?P<value>\S.*)")  # indented or not
_YAML_VALUE = tuple("\"'[{")  # parsed as YAML on their own
_NOT_SIMPLE = tuple("|>&*!%@`")  # block scalars, anchors, tags: only strict YAML will do
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Beside ISO 8601: offsets without a colon, and an hour of one digit (Jekyll's 9:00:00).
_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M",
    "%d.%m.%Y",
)  # fmt: skip
# ABlog's and Pelican's dates in English: "June 6, 2025", "Jan 8th, 2024", "8 Jan 2024".
# Month names from a table, not strptime's %B, which follows the machine's locale.
_MONTHS = {
    name: number
    for number, full in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"], start=1
    )
    for name in (full, full[:3], full[:4])
}  # fmt: skip
_ENGLISH_DATE = re.compile(
    r"(?:(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>[A-Za-z]+)\.?,?)\s+(?P<year>\d{4})"
    r"(?:,?\s+(?P<hour>\d{1,2}):(?P<minute>\d{2}))?"
)


@dataclass(frozen=True)
class Article:
    """What the indexes need to know of one article."""

    docname: str
    title: str
    published: dt.datetime  # as written: with its offset, or without one
    categories: tuple[str, ...] = ()
    summary: str = ""
    tags: tuple[str, ...] = ()
    draft: bool = False
    minutes: int = 0  # reading time
    zone: str = "UTC"  # the time zone of a date written without an offset
    aliases: tuple[str, ...] = ()  # former addresses, each given a redirect page
    author: str = ""  # the article's own author; the publication's when empty
    updated: dt.datetime | None = None  # last substantial change, as written
    image: str = ""  # for link previews: an http(s) address or a path on the site

    @property
    def instant(self) -> dt.datetime:
        """The moment of publication, with its time zone: what order and schedule go by."""
        return aware(self.published, self.zone)

    def is_public(self, now: dt.datetime) -> bool:
        """Whether readers see it now: not a draft, and not dated in the future."""
        return not self.draft and self.instant <= now


def aware(moment: dt.datetime, zone: str) -> dt.datetime:
    """A moment with its time zone; one written without an offset is in ``zone``."""
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(zone))


@dataclass
class Reading:
    """The outcome of reading one article: a record (if usable) and the problems."""

    article: Article | None = None
    problems: list[str] = field(default_factory=list)
    data: dict | None = None


# LibYAML's parser where PyYAML was built with it: about ten times faster than the pure
# Python one, which cost a second per thousand articles. Both are safe loaders.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
# Keys whose values are text as written: YAML 1.1 would read ``title: 10:30``
# as the number 630 and ``categories: [yes, on]`` as two booleans.
_TEXT_KEYS = frozenset(
    {"title", "categories", "category", "tags", "author", "description", "summary", "excerpt"}
)


def _check_graph(root: yaml.Node) -> None:
    """Refuse aliases, deep nesting and huge documents before anything is built."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:  # an alias: the composer shares the anchored node
            raise yaml.constructor.ConstructorError(
                None, None, "uses a YAML alias (*name); write the value out", node.start_mark
            )
        seen.add(id(node))
        if depth > untrusted.MAX_YAML_DEPTH or len(seen) > untrusted.MAX_YAML_NODES:
            raise yaml.constructor.ConstructorError(
                None, None,
                f"nests deeper than {untrusted.MAX_YAML_DEPTH} levels or holds more than "
                f"{untrusted.MAX_YAML_NODES} values",
                node.start_mark,
            )  # fmt: skip
        if isinstance(node, SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, MappingNode):
            stack.extend((child, depth + 1) for pair in node.value for child in pair)


def _as_text(node: yaml.Node) -> None:
    """Read the plain scalars of a text key's value as the text written."""
    items = node.value if isinstance(node, SequenceNode) else [node]
    for item in items:
        if isinstance(item, ScalarNode) and not item.style and item.tag != _NULL:
            item.tag = _STR


class _StrictLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """A safe loader that keeps dates as text and refuses duplicated keys and aliases."""

    def construct_document(self, node: yaml.Node) -> object:
        _check_graph(node)
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode) and str(key.value).casefold() in _TEXT_KEYS:
                    _as_text(value)
        return super().construct_document(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str | int | float | bool | None):
                raise yaml.constructor.ConstructorError(
                    None, None, f"a key must be text, got {type(key).__name__}", key_node.start_mark
                )
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicated key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


# Dates are parsed by us, so that "2025-02-30" is reported as an impossible
# date rather than failing the whole YAML document.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


class _TextLoader(_StrictLoader):
    """For one value of line-based front matter: everything but ``null`` is text."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == _NULL]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


def _safe_load(text: str, loader: type[_StrictLoader] = _StrictLoader) -> object:
    # A SafeLoader subclass: it builds only plain data, never Python objects.
    return yaml.load(text, Loader=loader)


def parse_date(value: object) -> dt.datetime:
    """Parse the accepted date spellings; raise ``ValueError`` naming what was expected."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    text = str(value).strip()
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError as err:
        reason = str(err)
        if _ISO_DAY.match(text) and ("out of range" in reason or "must be in" in reason):
            raise ValueError(f"'date' {text!r} is not a real date ({err})") from None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    if (english := _english_date(text)) is not None:
        return english
    shown = text[:80]
    raise ValueError(f"'date' must be a date such as 2025-12-27 or 2025-12-27 10:30, got {shown!r}")


def _english_date(text: str) -> dt.datetime | None:
    match = _ENGLISH_DATE.fullmatch(text)
    month = match and _MONTHS.get((match["month"] or match["month2"]).casefold())
    if not match or not month:
        return None
    day, hour, minute = (int(match[k] or 0) for k in ("day", "hour", "minute"))
    try:
        return dt.datetime(int(match["year"]), month, day or int(match["day2"]), hour, minute)
    except ValueError as err:
        raise ValueError(f"'date' {text!r} is not a real date ({err})") from None


def _names(data: dict, key: str, problems: list[str]) -> tuple[str, ...]:
    """Read a list of names (categories, tags): a list, one string or comma-separated."""
    value = data.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        # A category may be several words; tags, as in Jekyll, are words.
        value = dialects.names_of_words(value) if key == "tags" else value.split(",")
    if not isinstance(value, list):
        problems.append(
            f"{key!r} must be a string or a list of strings, got {type(value).__name__}"
        )
        return ()
    names: dict[str, str] = {}
    for item in value:
        if not isinstance(item, str | int | float) or isinstance(item, bool):
            problems.append(f"{key!r} must hold only strings, got {type(item).__name__}")
            continue
        name = untrusted.clean(key, str(item), untrusted.MAX_NAME, problems)
        if not name:
            problems.append(f"{key!r} holds an empty name")
            continue
        names.setdefault(fold(name), name)  # Ёлки, елки and ЁЛКИ are one name.
    limit = untrusted.MAX_NAMES[key]
    if len(names) > limit:
        problems.append(f"{key!r} holds more than {limit} names; the first {limit} are kept")
    return tuple(names.values())[:limit]


_TRUE, _FALSE = {"true", "yes", "on", "1"}, {"false", "no", "off", "0", ""}


def _flag(data: dict, key: str, problems: list[str]) -> bool:
    value = data.get(key, False)
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in _TRUE | _FALSE and not isinstance(value, list | dict):
        return text in _TRUE
    problems.append(f"{key!r} must be true or false, got {value!r}")
    return False


def _unknown_keys(data: dict, problems: list[str]) -> None:
    for key in data:
        if not isinstance(key, str) or key in KNOWN_KEYS:
            continue
        close = difflib.get_close_matches(key, sorted(KNOWN_KEYS), n=1, cutoff=0.7)
        if close:
            problems.append(f"unknown key {key!r}; did you mean {close[0]!r}?")


def _simple_value(text: str) -> object:
    if text.startswith(_NOT_SIMPLE):
        raise ValueError(text)
    if text.startswith(_YAML_VALUE):
        return _safe_load(text, _TextLoader)
    return text


def _load_simple(raw: str) -> dict | None:
    """Read ``key: value`` lines (and ``- item`` lists); None if it is more than that."""
    data: dict[str, object] = {}
    key = None
    try:
        for line in raw.splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            line = line.rstrip()
            item = _SIMPLE_ITEM.fullmatch(line)
            if item and key and isinstance(data[key], list):
                data[key].append(_simple_value(item["value"]))
                continue
            match = _SIMPLE_LINE.fullmatch(line)
            if not match or match["key"] in data:
                return None
            key = match["key"]
            data[key] = [] if match["value"] is None else _simple_value(match["value"])
    except (ValueError, yaml.YAMLError):
        return None
    return {k: (v if v != [] else None) for k, v in data.items()}


def _where(err: yaml.MarkedYAMLError) -> str:
    mark = err.problem_mark or err.context_mark
    # +2: the file's first line is the opening fence.
    return f" at line {mark.line + 2}" if mark else ""


def load(raw: str) -> dict:
    """Load front matter YAML safely; raise ``ValueError`` with the line on failure.

    Front matter that is not valid YAML only because a plain value holds ``": "``
    (``title: Итоги: 2025``) is read line by line, as blog engines' authors expect.
    """
    if len(raw) > untrusted.MAX_FRONT_MATTER:
        raise ValueError(f"front matter is longer than {untrusted.MAX_FRONT_MATTER} characters")
    try:
        data = _safe_load(raw)
    except yaml.MarkedYAMLError as err:
        problem = str(err.problem)
        if "could not determine a constructor" in problem:
            tag = problem.rsplit(" ", 1)[-1].replace("tag:yaml.org,2002:", "!!")
            raise ValueError(
                f"front matter{_where(err)} uses the YAML tag {tag}, which could run code: "
                "only plain text, numbers, lists and mappings are allowed"
            ) from None
        if (simple := _load_simple(raw)) is not None:
            return simple
        raise ValueError(f"front matter is not valid YAML{_where(err)}: {problem}") from None
    except yaml.YAMLError as err:
        raise ValueError(f"front matter is not valid YAML: {str(err)[:200]}") from None
    except (TypeError, ValueError, RecursionError) as err:  # what PyYAML does not foresee
        raise ValueError(f"front matter could not be read: {str(err)[:200]}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"front matter must be a mapping of keys, got {type(data).__name__}")
    return data


def _title(data: dict, body: str, problems: list[str]) -> str | None:
    title = data.get("title", first_heading(body))
    if isinstance(title, str | int | float) and not isinstance(title, bool):
        title = untrusted.clean("title", str(title), untrusted.MAX_TITLE, problems)
    if not title or not isinstance(title, str):
        problems.append("'title' is missing or empty")
        return None
    return title


def first_heading(body: str) -> str | None:
    """A Sphinx page's title is its first heading: ABlog's posts have no ``title`` key."""
    first = next((line for line in body.splitlines() if line.strip()), "")
    if not first.startswith("# "):
        return None
    return first[2:].strip().rstrip("#").strip() or None


def _summary(data: dict, problems: list[str]) -> str:
    """The author's own summary: ``summary`` (Hugo), ``excerpt`` (Jekyll) or ``description``."""
    for key in ("summary", "description"):
        value = data.get(key)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return untrusted.clean(key, str(value), untrusted.MAX_SUMMARY, problems)
    return ""


def _author(data: dict, problems: list[str]) -> str:
    """``author: Имя`` or the first of ``authors: [...]`` (ABlog, Hugo)."""
    value = data.get("author") or data.get("authors")
    if isinstance(value, list):
        value = value[0] if value else ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return ""
    return untrusted.clean("author", str(value), untrusted.MAX_NAME, problems)


def _updated(data: dict, problems: list[str]) -> dt.datetime | None:
    if data.get("updated") is None:
        return None
    try:
        return parse_date(data["updated"])
    except ValueError as err:
        problems.append(str(err).replace("'date'", "'updated'", 1))
        return None


def _image(data: dict, problems: list[str]) -> str:
    """The preview image: ``image`` or Hugo's ``images: [...]``, an address or a site path."""
    value = data.get("image") or data.get("images")
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return ""
    if not untrusted.is_safe_url(value):
        problems.append(f"'image' must be an http(s) address or a path, got {str(value)[:80]!r}")
        return ""
    return str(value)


def _published(docname: str, data: dict, zone: str, problems: list[str]) -> dt.datetime | None:
    """The date written, else Jekyll's date in the file name; None (reported) if neither."""
    if data.get("date") is None:
        published = dialects.date_from_file_name(docname)
        if published is None:
            problems.append("'date' is missing")
        return published
    try:
        published = parse_date(data["date"])
        aware(published, zone).astimezone(dt.UTC)  # orderable: not out of range in UTC
    except OverflowError:
        problems.append(f"'date' {published.isoformat()!r} is out of range")
        return None
    except ValueError as err:
        problems.append(str(err))
        return None
    return published


def _load_found(found: dialects.Found) -> dict:
    return load(found.raw) if found.kind == "yaml" else dialects.parse(found)  # type: ignore[return-value]


def read_article(docname: str, text: str, zone: str = "UTC") -> Reading:
    """Validate an article's front matter and return its record and the problems found.

    ``zone`` is the time zone of a date written without an offset.
    """
    reading = Reading()
    found = dialects.find(text)
    if found is None:
        reading.problems.append(dialects.unclosed_hint(text))
        return reading
    try:
        data = _load_found(found)
    except ValueError as err:
        reading.problems.append(str(err))
        return reading
    data = dialects.normalise_keys(data, KNOWN_KEYS, reading.problems)
    data = reading.data = untrusted.allowed_settings(data, reading.problems)
    _unknown_keys(data, reading.problems)
    title = _title(data, text[found.end :], reading.problems)
    if title is not None:
        data["title"] = title  # the heading MyST is given
    published = _published(docname, data, zone, reading.problems)
    category_key = "categories" if "categories" in data else "category"  # ABlog's spelling
    categories = _names(data, category_key, reading.problems)
    tags = _names(data, "tags", reading.problems)
    draft = _flag(data, "draft", reading.problems)
    if title is not None and published is not None:
        summary = _summary(data, reading.problems)
        aliases = untrusted.old_addresses(data.get("aliases") or [], reading.problems)
        reading.article = Article(
            docname, title, published, categories, summary, tags,
            draft=draft, zone=zone, aliases=aliases, author=_author(data, reading.problems),
            updated=_updated(data, reading.problems), image=_image(data, reading.problems),
        )  # fmt: skip
    return reading
