"""A post's metadata and body, in the dialect of the engine that wrote it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ...records import dialects, frontmatter
from ...records.frontmatter import KNOWN_KEYS
from .rst import LABEL

_PELICAN_LINE = re.compile(r"([A-Za-z][\w-]*):[ \t]*(.*)")
_RST_UNDERLINE = re.compile(r"([=\-~`#*^\"'+:.,_])\1{2,}[ \t]*")
_RST_FIELD = re.compile(r":([\w-]+):[ \t]*(.*)")
_RST_LEADING_FIELDS = re.compile(r"\s*((?::[\w-]+:.*\n)+)")
_RST_TITLE_FIELD = re.compile(r"^:title:", re.M | re.I)
# ABlog's post directive, in reST or in MyST: its argument is the date.
_ABLOG_RST = re.compile(r"^\.\. post::[ \t]*(.*)\n((?:[ \t]+:[\w-]+:.*\n?)*)", re.M)
_ABLOG_MYST = re.compile(
    r"^(`{3,}|:{3,})\{post\}[ \t]*([^\n]*)\n"
    r"((?:[ \t]*:[\w-]+:[^\n]*\n)*|---\n(?:[^\n]*\n)*?---\n)(.*?)^\1[ \t]*(?:\n|\Z)",
    re.M | re.S,
)
_MYST_OPTION = re.compile(r":([\w-]+):[ \t]*(.*)")


@dataclass
class Source:
    """What a post's file holds: its metadata as written, its body, its markup."""

    meta: dict
    body: str
    markup: str  # "md" or "rst"
    problems: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # reST labels of the post's title


def read_text(path: Path) -> tuple[str, list[str]]:
    """A post's text: UTF-8, else Windows-1251 (old Russian blogs), said in the report."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n"), []
    except UnicodeDecodeError:
        text = data.decode("cp1251", errors="replace").replace("\r\n", "\n")
        return text, ["the file is not UTF-8; it was read as Windows-1251: check its text"]


def read(path: Path, engine: str) -> Source:
    """Split a post into metadata and body; raise ``ValueError`` if its metadata is unreadable."""
    text, problems = read_text(path)
    markup = "rst" if path.suffix == ".rst" else "md"
    if markup == "rst":
        source = _rst(text)
    elif (found := dialects.find(text)) is not None:
        source = Source(_front_matter(found, problems), text[found.end :], "md")
    elif engine == "pelican":
        source = _pelican_lines(text)
    else:
        source = Source({}, text, "md")
    if engine == "ablog" and markup == "md":
        _ablog_myst(source)
    source.problems[:0] = problems
    return source


def _front_matter(found: dialects.Found, problems: list[str]) -> dict:
    if found.kind != "yaml":
        data = dialects.parse(found)
    else:
        try:
            data = frontmatter.load(found.raw)
        except ValueError as err:
            data = _as_jekyll_reads_it(found.raw, err, problems)
    if not isinstance(data, dict):
        raise ValueError("front matter is not a mapping of keys")
    return dialects.normalise_keys(data, KNOWN_KEYS | _ENGINE_KEYS, [])


def _as_jekyll_reads_it(raw: str, err: ValueError, problems: list[str]) -> object:
    """YAML our reader refuses but Jekyll and Hugo accept (a repeated key: the last wins)."""
    if "duplicated key" not in str(err):
        raise err
    data = yaml.safe_load(raw)
    problems.append(f"{err}; the last one is kept, as the old engine did")
    return data


# Keys of other engines the importer reads, matched case-insensitively like ours.
_ENGINE_KEYS = frozenset(
    {
        "permalink", "slug", "url", "aliases", "redirect_from", "published", "status",
        "save_as", "layout", "image", "images", "cover",
    }
)  # fmt: skip


def _pelican_lines(text: str) -> Source:
    """Pelican's Markdown metadata: ``Key: value`` lines up to the first blank line."""
    meta: dict = {}
    lines = text.split("\n")
    for number, line in enumerate(lines):
        match = _PELICAN_LINE.fullmatch(line)
        if not line.strip() or not match:
            body = "\n".join(lines[number:])
            break
        meta[match[1].casefold()] = match[2].strip()
    else:
        body = ""
    return Source(meta, body, "md")


def _rst(text: str) -> Source:
    """A reST post: its first title, then docinfo fields (Pelican) or ABlog's ``post``."""
    meta: dict = {}
    lines = text.split("\n")
    # Fields first with a :title: (Pelican): the first section title is a section, not the title.
    fields_first = _RST_LEADING_FIELDS.match(text)
    titled = fields_first is not None and _RST_TITLE_FIELD.search(fields_first[1])
    title_at = None if titled else _rst_title(lines)
    labels: list[str] = []
    if title_at is not None:
        start, end = title_at
        title = (line for line in lines[start:end] if not _RST_UNDERLINE.fullmatch(line))
        meta["title"] = next(title).strip()
        # ``.. _name:`` above the title names the post: its links become the article's.
        while start > 0 and (not lines[start - 1].strip() or LABEL.fullmatch(lines[start - 1])):
            start -= 1
            if match := LABEL.fullmatch(lines[start]):
                labels.insert(0, match[1].strip("`"))
        lines = lines[:start] + lines[end:]
    body = "\n".join(lines)
    fields = _RST_LEADING_FIELDS.match(body)
    if fields:
        for line in fields.group(1).splitlines():
            name, value = _RST_FIELD.fullmatch(line).groups()
            meta[name.casefold()] = value.strip()
        body = body[fields.end() :]
    problems = []
    if post := _ABLOG_RST.search(body):
        meta.update(_ablog_options(post[1], post[2]))
        body = body[: post.start()] + body[post.end() :]
        # ABlog lists a page once more for each further ``post`` (a section as a post of its
        # own); an article is listed once: those go, said in the report.
        for more in _ABLOG_RST.finditer(body):
            date = more[1].strip() or "no date"
            problems.append(f"a further 'post' directive ({date}) was left out: listed once")
        body = _ABLOG_RST.sub("", body)
    return Source(meta, body.lstrip("\n"), "rst", problems, labels)


def _rst_title(lines: list[str]) -> tuple[int, int] | None:
    """Where the first section title is: (first line, line after it), over- and underlined."""
    for number, line in enumerate(lines[:60]):
        if not line.strip() or number + 1 >= len(lines):
            continue
        under = lines[number + 1]
        if _RST_UNDERLINE.fullmatch(under) and len(under.rstrip()) >= len(line.rstrip()) > 0:
            if _RST_UNDERLINE.fullmatch(line):
                continue
            over = number > 0 and _RST_UNDERLINE.fullmatch(lines[number - 1])
            return (number - 1 if over else number), number + 2
        if line.startswith(".. ") or line.startswith(":"):
            continue
    return None


def _ablog_options(date: str, options: str) -> dict:
    meta = {"date": date.strip()} if date.strip() else {}
    if options.startswith("---"):  # MyST's YAML block of options
        options = "\n".join(
            f":{line.strip()}" for line in options.splitlines()[1:-1] if line.strip()
        )
    for line in options.splitlines():
        if match := _MYST_OPTION.fullmatch(line.strip()):
            meta[match[1].casefold()] = match[2].strip()
    return meta


def _ablog_myst(source: Source) -> None:
    """ABlog's ``{post}`` directive in a MyST post: its options become metadata."""
    if post := _ABLOG_MYST.search(source.body):
        source.meta.update(_ablog_options(post[2], post[3]))
        source.body = source.body[: post.start()] + post[4] + source.body[post.end() :]
        for more in _ABLOG_MYST.finditer(source.body):
            date = more[2].strip() or "no date"
            source.problems.append(f"a further 'post' directive ({date}) was left out: listed once")
        source.body = _ABLOG_MYST.sub(lambda more: more[4], source.body)
