"""Jekyll's Liquid tags and kramdown's attribute lists, into MyST Markdown."""

from __future__ import annotations

import re
import shlex

from ...markdown import escape
from . import tex_math
from .markup import Conversion, fence

_HIGHLIGHT = re.compile(
    r"\{%-?\s*highlight\s+([\w+#.-]+)[^%]*?-?%\}\n?(.*?)\{%-?\s*endhighlight\s*-?%\}", re.S
)
_CODEBLOCK = re.compile(
    r"\{%-?\s*codeblock\b([^%]*?)-?%\}\n?(.*?)\{%-?\s*endcodeblock\s*-?%\}", re.S
)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.S)
_IMG = re.compile(r"\{%-?\s*img\s+([^%]*?)-?%\}")
_YOUTUBE = re.compile(r"\{%-?\s*youtube\s+([\w-]+)[^%]*?-?%\}")
_GIST = re.compile(r"\{%-?\s*gist\s+([\w/]+)(?:\s+([\w.-]+))?\s*-?%\}")
_POST_URL = re.compile(r"\{%-?\s*post_url\s+([^\s%]+)\s*-?%\}")
_LINK = re.compile(r"\{%-?\s*link\s+([^\s%]+)\s*-?%\}")
_PAGE = re.compile(r"\{\{-?\s*page\.(title|date|author|description)\s*-?\}\}")
_SITE_URL = re.compile(r"\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}")
# A path through Jekyll's URL filters: {{ '/img/a.png' | relative_url }}, | prepend: site.baseurl.
_URL_FILTER = re.compile(
    r"\{\{-?\s*(['\"])([^'\"\n]*)\1\s*\|\s*"
    r"(?:relative_url|absolute_url|prepend:\s*site\.(?:baseurl|url))\s*-?\}\}"
)
_KRAMDOWN = re.compile(r"^[ \t]*\{:[^}\n]*\}[ \t]*\n?|(?<=\S)\{:[^}\n]*\}", re.M)
_TOC = re.compile(
    r"^[ \t]*[*-][ \t]+(?:TOC|Table of contents)[ \t]*\n(?=[ \t]*\{:\s*toc\s*\})", re.M | re.I
)
_MORE_LIQUID = re.compile(
    r"^[ \t]*\{%-?\s*(?:comment)\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}[ \t]*\n?", re.S | re.M
)
_IMG_SIZE = re.compile(r"\d+%?|auto")


def _codeblock(match: re.Match[str]) -> str:
    words = match.group(1).split()
    language = next((w.split(":", 1)[1] for w in words if w.startswith("lang:")), "")
    return fence(match.group(2), language)


def _img(match: re.Match[str]) -> str:
    """Octopress: ``{% img [class] src [width [height]] ["title" ["alt"]] %}``."""
    try:
        words = shlex.split(match.group(1))
    except ValueError:
        words = match.group(1).split()
    source = next((w for w in words if "/" in w or "." in w), words[0] if words else "")
    rest = words[words.index(source) + 1 :] if source in words else []
    text = [w for w in rest if not _IMG_SIZE.fullmatch(w)]
    alt = text[-1] if text else ""
    return f"![{alt}]({source})"


def convert(conversion: Conversion) -> None:
    """Convert Liquid and kramdown in place; what is left is reported by the caller."""
    c = conversion
    c.sub(_RAW, "{% raw %}", lambda m: m.group(1))
    c.sub(_HIGHLIGHT, "{% highlight %}", lambda m: fence(m.group(2), m.group(1)))
    c.sub(_CODEBLOCK, "{% codeblock %}", _codeblock)
    c.sub(_MORE_LIQUID, "{% comment %}", lambda m: "")
    c.sub(_IMG, "{% img %}", _img)
    c.sub(_YOUTUBE, "{% youtube %}", lambda m: youtube(m.group(1)))
    c.sub(_GIST, "{% gist %}", lambda m: gist(m.group(1), m.group(2)))
    c.sub(_POST_URL, "{% post_url %}", lambda m: f"post_url:{m.group(1)}")
    c.sub(_LINK, "{% link %}", lambda m: f"post_file:{m.group(1)}")
    c.sub(_PAGE, "{{ page.… }}", lambda m: escape(str(c.page.get(m.group(1), ""))))
    c.sub(_TOC, "{:toc}", lambda m: "")
    c.sub(_KRAMDOWN, "kramdown {: …}", lambda m: "")
    c.sub(tex_math.DOLLARS, "kramdown's inline $$ math", _inline_math)


def _inline_math(match: re.Match[str]) -> str:
    """kramdown's ``$$x$$`` in a paragraph's text is inline math (alone, it is displayed)."""
    return (
        tex_math.math_role(match["tex"]) if match["tex"] and tex_math.in_text(match) else match[0]
    )


def site_urls(conversion: Conversion) -> None:
    """``{{ site.url }}``, ``{{ site.baseurl }}``, ``| relative_url``: the site's own paths.

    Posts moved from Jekyll to Hugo keep them (Hugo prints them); what follows is a
    site-absolute path, which the links step then finds.
    """
    conversion.sub(_SITE_URL, "{{ site.url }}", lambda m: "")
    conversion.sub(_URL_FILTER, "{{ … | relative_url }}", lambda m: "/" + m[2].lstrip("/"))


def youtube(video: str) -> str:
    """A video as a link to it: it works in every edition, and loads nothing from YouTube."""
    return f"[▶ YouTube: {video}](https://www.youtube.com/watch?v={video})"


def gist(name: str, file: str | None = None) -> str:
    """A gist as a link to it."""
    suffix = f"#file-{file.replace('.', '-')}" if file else ""
    return f"[GitHub Gist {name}](https://gist.github.com/{name}{suffix})"
