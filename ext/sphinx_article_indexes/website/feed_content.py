"""An article's full text for its feed entry: its body as HTML, with absolute links.

Rendered from the resolved doctree at the end of the build, so articles that
an incremental build did not re-write still get their text. The title, byline
and the links around the article are left out: the entry has its own.
"""

from __future__ import annotations

import re
from html import escape, unescape
from typing import TYPE_CHECKING
from urllib.parse import urljoin

import sphinx
from docutils import nodes
from sphinx.util.osutil import relative_uri

from ..indexes.render import HTML_ONLY

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Sphinx's HTML writer always quotes attributes with double quotes.
_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
# The "¶" after each heading is a site control; in a feed reader it is only noise.
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>')
_NOT_TEXT = ("article-meta", HTML_ONLY)


def full_text(app: Sphinx, docname: str, url: str) -> str:
    """The article's body as an HTML fragment whose links work outside the site."""
    builder = app.builder
    # Sphinx 9 asks for the build's tags (and warns without them); earlier versions take none.
    tags = {"tags": builder.tags} if sphinx.version_info >= (9,) else {}
    doctree = app.env.get_and_resolve_doctree(docname, builder, **tags)
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return ""
    for node in list(section.children):
        if isinstance(node, nodes.title) or set(node.get("classes", ())) & set(_NOT_TEXT):
            section.remove(node)
    # The writer makes image paths relative to the page being written.
    builder.imgpath = relative_uri(builder.get_target_uri(docname), builder.imagedir)
    builder.current_docname = docname
    builder.post_process_images(section)
    fragment = _PERMALINK.sub("", builder.render_partial(section)["fragment"])
    return _LINK.sub(lambda m: m[1] + escape(urljoin(url, unescape(m[2]))) + m[3], fragment)
