"""Hugo's shortcodes, heading ids and fence options, into MyST Markdown."""

from __future__ import annotations

import re
import shlex

from . import tex_math
from .liquid import gist, youtube
from .markup import Conversion, fence

_OPEN, _CLOSE = r"\{\{[<%]\s*", r"\s*[>%]\}\}"
_HIGHLIGHT = re.compile(
    _OPEN
    + r"highlight\s+([\w+#.-]+)[^}]*?"
    + _CLOSE
    + r"\n?(.*?)"
    + _OPEN
    + r"/\s*highlight"
    + _CLOSE,
    re.S,
)
_FIGURE = re.compile(_OPEN + r"figure\s+([^}]*?)\s*/?" + _CLOSE)
_YOUTUBE = re.compile(_OPEN + r"youtube\s+(?:id=)?\"?([\w-]+)\"?[^}]*?" + _CLOSE)
# Hugo's other embeds (and their older ``_simple`` forms): each becomes a link, as YouTube's.
_EMBED = re.compile(
    _OPEN + r"(vimeo|tweet|twitter|x|instagram)(?:_simple)?\s+([^}]*?)\s*/?" + _CLOSE
)
_GIST = re.compile(_OPEN + r"gist\s+\"?([\w-]+)\"?\s+\"?(\w+)\"?(?:\s+\"?([\w.-]+)\"?)?" + _CLOSE)
_REF = re.compile(_OPEN + r"(?:rel)?ref\s+\"?([^\"}]+?)\"?" + _CLOSE)
_KATEX_BLOCK = re.compile(
    _OPEN + r"katex\s+display\s*" + _CLOSE + r"(.*?)" + _OPEN + r"/\s*katex" + _CLOSE, re.S
)
_KATEX = re.compile(_OPEN + r"katex\s*" + _CLOSE + r"(.*?)" + _OPEN + r"/\s*katex" + _CLOSE, re.S)
# Hugo Blox's (Wowchemy's) math, kept from Markdown: ``{{< math >}}$x${{< /math >}}``.
_MATH = re.compile(_OPEN + r"math\s*" + _CLOSE + r"(.*?)" + _OPEN + r"/\s*math" + _CLOSE, re.S)
_SINGLE_DOLLARS = re.compile(r"\s*\$(?!\$)(.+?)(?<!\$)\$\s*", re.S)
_ADMONITION = re.compile(
    _OPEN + r"(alert|notice|admonition|callout|hint|note|tip|warning|info|caution|danger|important)"
    r"\b([^}]*?)" + _CLOSE + r"(.*?)" + _OPEN + r"/\s*\1" + _CLOSE,
    re.S,
)
_KINDS = ("note", "tip", "hint", "important", "warning", "caution", "danger", "attention", "error")
_LINK = re.compile(_OPEN + r"link\s+([^}]*?)\s*/?" + _CLOSE)
_DETAILS = re.compile(
    _OPEN + r"details\s*([^}]*?)" + _CLOSE + r"(.*?)" + _OPEN + r"/\s*details" + _CLOSE, re.S
)
# Themes' table of contents (Hugo Blox, Hextra, …) and tabs (hugo-book, Hextra, Docsy).
_TOC = re.compile(_OPEN + r"toc\b[^}]*?/?" + _CLOSE)
_TABS = re.compile(
    _OPEN + r"(tabs|tabpane)\b([^}]*?)" + _CLOSE + r"(.*?)" + _OPEN + r"/\s*\1" + _CLOSE, re.S
)
# A tab (``rtab``: the hugo-tabs shortcodes' tab with ``tabName``).
_TAB = re.compile(
    _OPEN + r"(r?tab)\b([^}]*?)" + _CLOSE + r"(.*?)" + _OPEN + r"/\s*\1" + _CLOSE, re.S
)
_FENCE_OPTIONS = re.compile(r"^([ \t]{0,3}(?:`{3,}|~{3,})[\w+#.-]*)[ \t]*\{[^}\n]*\}[ \t]*$", re.M)
_ATTRIBUTES = re.compile(r"(?<=[)\]])\{[.#]?[\w-]+(?:=[^}\s]+)?(?:\s+[.#]?[\w-]+(?:=[^}\s]+)?)*\}")


def arguments(text: str) -> tuple[list[str], dict[str, str]]:
    """A shortcode's arguments: positional (``abc123``), named (``src="a.png" title="T"``)."""
    try:
        words = shlex.split(text)
    except ValueError:
        words = text.split()
    return [w for w in words if "=" not in w], dict(w.split("=", 1) for w in words if "=" in w)


def _arguments(text: str) -> dict[str, str]:
    """A shortcode's named arguments."""
    return arguments(text)[1]


def _figure(match: re.Match[str]) -> str:
    args = _arguments(match.group(1))
    source = args.get("src", "")
    alt = args.get("alt") or args.get("title") or args.get("caption") or ""
    caption = args.get("caption") or args.get("title") or ""
    if not caption:
        return f"![{alt}]({source})"
    return f"\n```{{figure}} {source}\n:alt: {alt}\n\n{caption}\n```\n"


def _embed(match: re.Match[str]) -> str:
    """A Vimeo video, a post on X (Twitter) or Instagram as a link: it works in every edition."""
    name, text = match.groups()
    args = _arguments(text)
    words = [w.strip('"') for w in text.split() if "=" not in w]
    user = args.get("user", "") or (words[0] if len(words) > 1 else "")
    ident = args.get("id") or (words[-1] if words else "")
    if not re.fullmatch(r"[\w-]+", ident) or (user and not re.fullmatch(r"\w+", user)):
        return match.group(0)  # not a form Hugo knows: left, and reported
    if name == "vimeo":
        return f"[▶ Vimeo: {ident}](https://vimeo.com/{ident})"
    if name == "instagram":
        return f"[Instagram: {ident}](https://www.instagram.com/p/{ident}/)"
    return f"[X: {user or ident}](https://x.com/{user or 'i/web'}/status/{ident})"


def _tabs(match: re.Match[str]) -> str:
    """Tabs as sphinx-design's tab set: each tab's name from its arguments or ``items``."""
    items = [i.strip() for i in _arguments(match[2]).get("items", "").split(",") if i.strip()]
    tabs = []
    for number, tab in enumerate(_TAB.finditer(match[3])):
        args = _arguments(tab[2])
        words = [w.strip('"') for w in tab[2].split() if "=" not in w]
        named = args.get("name") or args.get("title") or args.get("header") or args.get("tabName")
        fallback = items[number] if number < len(items) else str(number + 1)
        name = named or (" ".join(words) if words else fallback)
        tabs.append(fence(tab[3].strip("\n"), f"{{tab-item}} {name}").strip("\n"))
    if not tabs:
        return match.group(0)
    return fence("\n\n".join(tabs), "{tab-set}")


def _math(match: re.Match[str]) -> str:
    """What the shortcode holds: ``$x$`` is inline math (``{math}``, which needs no MyST
    extension), ``$$x$$`` display math as written."""
    inline = _SINGLE_DOLLARS.fullmatch(match[1])
    return tex_math.math_role(inline[1]) if inline else match[1]


def _admonition(match: re.Match[str]) -> str:
    """A theme's alert or notice box as the MyST admonition of the nearest kind."""
    name, arguments, body = match.groups()
    words = [name, *_arguments(arguments).values(), *arguments.split()]
    kind = next((w.strip('"') for w in words if w.strip('"') in _KINDS), "note")
    return fence(body.strip(), f"{{{kind}}}")


def _link(match: re.Match[str]) -> str:
    """Themes' ``link`` shortcode (LoveIt, FixIt, DoIt): href, content or title."""
    args = _arguments(match.group(1))
    words = [w for w in match.group(1).split() if "=" not in w]
    href = args.get("href") or (words[0].strip('"') if words else "")
    text = (
        args.get("content")
        or args.get("title")
        or (words[1].strip('"') if len(words) > 1 else href)
    )
    return f"[{text}]({href})" if href else match.group(0)


def _details(match: re.Match[str]) -> str:
    """A collapsed block as sphinx-design's dropdown (the extension sets sphinx-design up)."""
    summary = next(iter(_arguments(match.group(1)).values()), match.group(1).strip('" ')) or "…"
    return fence(match.group(2).strip(), f"{{dropdown}} {summary}")


def convert(conversion: Conversion) -> None:
    """Convert Hugo's shortcodes in place; custom ones are left and reported."""
    c = conversion
    # Fence options first: they sit on the fence line, which the other changes skip.
    c.text = _FENCE_OPTIONS.sub(lambda m: m.group(1), c.text)
    c.sub(_HIGHLIGHT, "{{< highlight >}}", lambda m: fence(m.group(2), m.group(1)))
    c.sub(_FIGURE, "{{< figure >}}", _figure)
    c.sub(_YOUTUBE, "{{< youtube >}}", lambda m: youtube(m.group(1)))
    c.sub(_EMBED, "{{< vimeo, tweet, instagram >}}", _embed)
    c.sub(_GIST, "{{< gist >}}", lambda m: gist(f"{m.group(1)}/{m.group(2)}", m.group(3)))
    c.sub(_REF, "{{< ref >}}", lambda m: f"post_file:{m.group(1)}")
    c.sub(_KATEX_BLOCK, "{{< katex >}}", lambda m: f"\n$$\n{m.group(1).strip()}\n$$\n")
    c.sub(_KATEX, "{{< katex >}}", lambda m: f"${m.group(1).strip()}$")
    c.sub(_MATH, "{{< math >}}", _math)
    c.sub_around_code(_ADMONITION, "{{< alert >}}", _admonition)
    c.sub(_LINK, "{{< link >}}", _link)
    c.sub_around_code(_DETAILS, "{{< details >}}", _details)
    c.sub(_TOC, "contents lists (Furo shows one)", lambda m: "")  # as markup.contents_lists
    c.sub_around_code(_TABS, "{{< tabs >}}", _tabs)
    c.sub(_ATTRIBUTES, "{attributes}", lambda m: "")
