"""Markdown helpers shared by every engine's conversion: code fences, counting, leftovers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from urllib.parse import unquote

from . import tex_math

try:
    from myst_parser.slugs import github_slugify
except ImportError:  # MyST-Parser before 5.2
    from myst_parser.mdit_to_docutils.base import default_slugify as github_slugify

# A fenced block: its opening line (fence and info string), its content, its closing line.
_FENCE = re.compile(
    r"^(?P<open>[ \t]{0,3}(?P<ticks>`{3,}|~{3,})(?P<info>[^\n]*)\n)"
    r"(?P<body>.*?)(?P<close>^[ \t]{0,3}(?P=ticks)[`~]*[ \t]*$|\Z)",
    re.M | re.S,
)
# A MyST directive in a fence (```{figure}) holds text to convert; other fences hold code.
_DIRECTIVE = re.compile(r"\s*\{(?!code|sourcecode|eval-rst)[\w:-]+\}")
# What no engine's conversion may leave behind unnoticed: template tags, shortcodes,
# attribute lists, Pelican's placeholders.
_LEFTOVER = re.compile(
    r"\{%-?\s*\w+[^\n]*?%\}|\{\{[<%]?[^\n]*?[>%]?\}\}|^\{:[^\n]*\}[ \t]*$"
    r"|\{(?:static|filename|attach|tag|category|author|index)\}|\|(?:filename|static)\|",
    re.M,
)


class Conversion:
    """A post's text being converted, with what was converted counted by kind."""

    def __init__(self, text: str, page: dict | None = None) -> None:
        self.text = text
        self.page = page or {}  # the post's front matter, for {{ page.title }}
        self.done: Counter[str] = Counter()

    def sub(
        self, pattern: re.Pattern[str], kind: str, replace: Callable[[re.Match[str]], str]
    ) -> None:
        """Replace each match outside code blocks, counting those changed under ``kind``."""

        def counted(match: re.Match[str]) -> str:
            new = replace(match)
            self.done[kind] += new != match.group(0)
            return new

        self.text = outside_code(self.text, lambda part: pattern.sub(counted, part))

    def sub_around_code(
        self, pattern: re.Pattern[str], kind: str, replace: Callable[[re.Match[str]], str]
    ) -> None:
        """As ``sub``, for tags (or a directive) that may hold code blocks: not those in code."""
        code = [b.span() for b in _FENCE.finditer(self.text) if not _DIRECTIVE.match(b["info"])]

        def counted(match: re.Match[str]) -> str:
            if any(start <= match.start() < end for start, end in code):
                return match.group(0)
            new = replace(match)
            self.done[kind] += new != match.group(0)
            return new

        self.text = pattern.sub(counted, self.text)


def outside_code(text: str, change: Callable[[str], str]) -> str:
    """Apply ``change`` to the text outside code blocks (and inside directives' fences)."""
    parts, last = [], 0
    for block in _FENCE.finditer(text):
        parts.append(change(text[last : block.start()]))
        if _DIRECTIVE.match(block["info"]):
            # The opening line too: it holds the directive's argument (a figure's path).
            parts += [change(block["open"]), outside_code(block["body"], change), block["close"]]
        else:
            parts.append(block.group(0))
        last = block.end()
    parts.append(change(text[last:]))
    return "".join(parts)


def fence(code: str, language: str = "") -> str:
    """A fenced code block holding ``code`` exactly, whatever backticks it contains."""
    longest = max((len(run) for run in re.findall(r"`{3,}", code)), default=2)
    ticks = "`" * (longest + 1)
    code = code.strip("\n")
    return f"\n{ticks}{language}\n{code}\n{ticks}\n"


_FENCE_LINE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})(.*)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def _code_lines(lines: list[str]) -> list[bool]:
    """Which lines are inside fenced code (a directive's fence holds text, not code)."""
    inside: list[bool] = []
    stack: list[tuple[str, bool]] = []  # open fences: (ticks, holds code)
    for line in lines:
        fence_line = _FENCE_LINE.fullmatch(line)
        in_code = bool(stack) and stack[-1][1]
        if (
            fence_line
            and stack
            and fence_line[1].startswith(stack[-1][0])
            and not fence_line[2].strip()
        ):
            stack.pop()
            inside.append(True)
        elif fence_line and not in_code:
            stack.append((fence_line[1], not _DIRECTIVE.match(fence_line[2])))
            inside.append(True)
        else:
            inside.append(in_code or line.startswith(("    ", "\t")))
    return inside


def set_aside(conversion: Conversion) -> list[tuple[int, str]]:
    """Take out what no conversion understood, and say where: (line, text).

    A line made only of such constructs becomes a MyST comment (``% …``): kept in the
    file, where it was, and not shown; one within a line of text is taken out of it.
    Code is left alone.
    """
    lines = conversion.text.replace("\0", "\ufffd").split("\n")
    found: list[tuple[int, str]] = []
    for number, (line, code) in enumerate(zip(lines, _code_lines(lines), strict=True)):
        spans = [m.span() for m in _CODE_SPAN.finditer(line)] if not code else []
        hits = [
            m for m in _LEFTOVER.finditer(line)
            if not code and not any(a <= m.start() < b for a, b in spans)
        ]  # fmt: skip
        if not hits:
            continue
        found += [(number + 1, m.group(0)[:80]) for m in hits]
        if not _LEFTOVER.sub("", line).strip():
            lines[number] = "% " + line.strip()
        else:
            for match in reversed(hits):
                line = line[: match.start()] + line[match.end() :]
            # A link whose address was taken out: MyST warns at an empty one.
            lines[number] = _NO_ADDRESS.sub(_unlinked, line)
    conversion.text = "\n".join(lines)
    return found


_IMG_TAG = re.compile(r"<img\b([^<>]*?)/?>", re.I)
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def _image(match: re.Match[str]) -> str:
    attributes = {m[1].lower(): m[2] or m[3] or m[4] or "" for m in _ATTR.finditer(match[1])}
    if not attributes.get("src"):
        return match.group(0)
    alt = attributes.get("alt") or attributes.get("title") or ""
    alt = re.sub(r"([\[\]\\])", r"\\\1", alt)
    return f"![{alt}]({attributes['src'].replace(' ', '%20')})"


# A line that opens an HTML block (CommonMark's kind 6): Markdown is not read in it, up
# to the next blank line.
_HTML_BLOCK = re.compile(
    r"[ \t]{0,3}</?(?:address|article|aside|blockquote|center|details|div|dl|figcaption|figure"
    r"|footer|header|li|main|nav|ol|p|section|table|tbody|td|th|thead|tr|ul)(?:[\s/>]|$)",
    re.I,
)
# A line of one tag alone, after a blank line, opens one too (CommonMark's kind 7).
_LONE_TAG = re.compile(r"[ \t]{0,3}</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>[ \t]*")
# A paragraph's own tags around an image moved out of them: dropped, not left unclosed.
_PARAGRAPH_TAG = re.compile(r"</?p\b[^<>]*>", re.I)


def html_images(conversion: Conversion) -> None:
    """``<img>`` tags as Markdown images, so Sphinx copies the file and every edition has it.

    In an HTML block, where Markdown is not read, the image becomes a paragraph of its
    own between the block's parts (``<div class="imgcap">``, image, ``</div>``).
    """

    def line_images(part: str) -> str:
        lines, in_block, after_blank = part.split("\n"), False, True
        for number, line in enumerate(lines):
            opens = _HTML_BLOCK.match(line) or (after_blank and _LONE_TAG.fullmatch(line))
            in_block = bool(line.strip()) and (in_block or bool(opens))
            after_blank = not line.strip()
            if "<img" not in line.lower():
                continue
            if in_block:
                lines[number] = _out_of_block(conversion, line)
            else:  # in a paragraph, where Markdown is read
                lines[number] = _IMG_TAG.sub(lambda m: _counted(conversion, m), line)
        return "\n".join(lines)

    conversion.text = outside_code(conversion.text, line_images)


def _out_of_block(conversion: Conversion, line: str) -> str:
    """A line of an HTML block with its images as paragraphs between its other parts; as it
    is if text would be left outside a tag (Markdown would then read it)."""
    parts = _IMG_TAG.split(line)  # text, attributes, text, …
    html = [_PARAGRAPH_TAG.sub("", part).strip() for part in parts[::2]]
    if any(part and not part.startswith("<") for part in html):
        return line
    images = [_counted(conversion, m) for m in _IMG_TAG.finditer(line)]
    pieces = [html[0]]
    for image, after in zip(images, html[1:], strict=True):
        pieces += [image, after]
    return "\n" + "\n\n".join(piece for piece in pieces if piece) + "\n"


def _counted(conversion: Conversion, match: re.Match[str]) -> str:
    new = _image(match)
    conversion.done["<img>"] += new != match.group(0)
    return new


_DISPLAY_MATH = re.compile(
    rf"\$\$.+?\$\$|\\\[.+?\\\]|^[ \t]*\\begin\{{(?:{tex_math.AMS_ENVIRONMENTS})\*?\}}", re.S | re.M
)


def has_math(text: str) -> bool:
    """Whether a post writes TeX math between ``$$`` (MyST's dollarmath then reads it)."""
    found = []
    outside_code(text, lambda part: found.append(bool(_DISPLAY_MATH.search(part))) or part)
    return any(found)


# A heading's id: Hugo's, kramdown's and Python-Markdown's attribute list, ``## Title {#id}``.
_HEADING_ID = re.compile(r"^(#{1,6}[ \t]+.*?)[ \t]*\{#([\w-]+)\}[ \t]*$", re.M)
_HEADING_ANCHOR = re.compile(
    r"^(#{1,6}[ \t]+)(.*?)<a\s+(?:name|id)=[\"']([\w.:-]+)[\"']\s*/?>\s*(?:</a>)?(.*)$", re.M
)
_LINE_ANCHOR = re.compile(
    r"^[ \t]*<a\s+(?:name|id)=[\"']([\w.:-]+)[\"']\s*/?>\s*(?:</a>)?[ \t]*$", re.M
)


def anchors(conversion: Conversion) -> None:
    """``{#x}`` after a heading, ``<a name="x"></a>`` in one or on its own line: a label,
    so ``#x`` links work."""
    conversion.sub(_HEADING_ID, "{#id}", lambda m: f"({m[2]})=\n{m[1]}")
    conversion.sub(
        _HEADING_ANCHOR, "<a name>", lambda m: f"({m[3]})=\n{m[1]}{(m[2] + m[4]).strip()}"
    )
    conversion.sub(_LINE_ANCHOR, "<a name>", lambda m: f"({m[1]})=")


_FRAGMENT_LINK = re.compile(r"\]\(#[^)\s]+\)")
_FRAGMENT = re.compile(r"(\]\(#)([^)\s]+)(\))")
# A link with no address, [text](): the old engine linked the page itself; MyST warns.
_NO_ADDRESS = re.compile(r"(?<!!)\[((?:[^\[\]\n]|\[[^\]\n]*\])*)\]\(\s*\)")


# A contents list: reST's directive with its options, or MyST's fence.
_CONTENTS = re.compile(
    r"^\.\. contents::[^\n]*\n(?:[ \t]+\S[^\n]*\n)*"
    r"|^(?P<fence>`{3,}|:{3,})\{contents\}[^\n]*\n(?:[^\n]*\n)*?(?P=fence)[ \t]*(?:\n|\Z)",
    re.M,
)


def contents_lists(conversion: Conversion) -> None:
    """Take out a post's own contents list: Furo shows the page's beside it, and flags this.

    Furo marks a ``contents`` list in the page as an error in red: the same list is
    in its «On this page» column (a menu on a phone), and the editions have their own.
    """
    conversion.sub_around_code(_CONTENTS, "contents lists (Furo shows one)", lambda m: "")


def heading_links(conversion: Conversion) -> None:
    """``#Heading Text`` links find their heading by its id, which MyST writes in lower case.

    Python-Markdown and kramdown match ids more loosely than MyST's slugs: a link to
    ``#Wordpress时区问题`` finds the heading ``Wordpress时区问题`` there, not here.
    """
    slugs = set()
    outside_code(conversion.text, lambda part: slugs.update(
        github_slugify(m[2].strip()) for m in _ATX.finditer(part)
    ) or part)  # fmt: skip

    def found(match: re.Match[str]) -> str:
        fragment = unquote(match[2])
        slug = github_slugify(fragment)
        return match[1] + slug + match[3] if fragment not in slugs and slug in slugs else match[0]

    conversion.sub(_FRAGMENT, "links to headings", found)


def _unlinked(match: re.Match[str]) -> str:
    """``[https://example.org]()`` meant the address it shows; other such links are text."""
    return f"<{match[1]}>" if re.fullmatch(r"https?://\S+", match[1]) else match[1]


def empty_links(conversion: Conversion) -> None:
    """Links with no address (``[text]()``): the old engine linked the page itself."""
    conversion.sub(_NO_ADDRESS, "links with no address", _unlinked)


def myst_settings(text: str) -> dict:
    """What MyST needs switched on for this article: math, ids for links to its headings."""
    settings: dict = {}
    if has_math(text):
        settings["enable_extensions"] = ["colon_fence", "dollarmath", "amsmath"]
    if _FRAGMENT_LINK.search(text):
        # Jekyll, Hugo and Pelican give headings ids from their text; links use them.
        settings["heading_anchors"] = 6
    return settings


# A thematic break (---, ***, ___) just under a heading, blank lines between.
_RULE_UNDER_HEADING = re.compile(
    r"(^#{1,6}[ \t][^\n]*\n(?:[ \t]*\n)*)[ \t]{0,3}([-*_])(?:[ \t]*\2){2,}[ \t]*$\n?", re.M
)


def rules_under_headings(conversion: Conversion) -> None:
    """A rule just under a heading, left out: docutils has no section that opens with one
    ("Document or section may not begin with a transition"), and the heading shows the
    break."""
    conversion.sub(_RULE_UNDER_HEADING, "rules just under a heading, left out", lambda m: m[1])


_ATX = re.compile(r"^(#{1,6})([ \t]+\S.*)$", re.M)


def heading_levels(conversion: Conversion) -> None:
    """Headings one level under the title and without gaps (``#``, ``###`` → ``##``, ``###``).

    Blogs often start sections at ``#`` or skip a level; the page's title is its only
    first-level heading here, and MyST warns at each skipped level.
    """
    text = conversion.text
    first = next((line for line in text.splitlines() if line.strip()), "")
    title = first if first.startswith("# ") else None  # the post's own title, kept
    levels: set[int] = set()
    outside_code(text, lambda part: levels.update(
        len(m[1]) for m in _ATX.finditer(part) if m.group(0) != title
    ) or part)  # fmt: skip
    rank = {level: min(number + 2, 6) for number, level in enumerate(sorted(levels))}
    above = [1]  # the level of the heading before: one may go one level deeper, no more

    def relevel(match: re.Match[str]) -> str:
        if match.group(0) == title:
            return match.group(0)
        above[0] = min(rank[len(match[1])], above[0] + 1)
        return "#" * above[0] + match[2]

    conversion.sub(_ATX, "heading levels", relevel)
