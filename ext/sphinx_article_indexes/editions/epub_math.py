"""Math in the EPUB as MathML, which EPUB 3 reading systems show without a script.

Sphinx writes math for its HTML builders as TeX for MathJax, a script the website
loads from a CDN; its EPUB builder loads no MathJax (reading systems run no remote
script), so the EPUB showed raw TeX: ``\\(E = mc^2\\)``. Here the EPUB builder gets a
math renderer of its own, ``articles-mathml``: ``latex2mathml`` (PyPI, pure Python)
writes each formula as MathML when the page is written, and the package marks the
pages holding it (``properties="mathml"``, which EPUBCheck requires; see ``epub``).

TeX that ``latex2mathml`` cannot write (an unknown environment, unbalanced braces)
is shown as TeX, with a warning naming the file and line. ``epub_math_renderer``
chooses another renderer (``imgmath``, say) for the EPUB. Tested with latex2mathml 3.81.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from docutils import nodes
from latex2mathml.converter import convert
from sphinx.locale import _ as sphinx_
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)
RENDERER = "articles-mathml"
# What MathJax reads and MathML has no use for: labels and tags are Sphinx's to number.
_UNNUMBERED = re.compile(r"\\(?:label|tag\*?)\{[^{}]*\}|\\(?:nonumber|notag)\b")
# amsmath environments latex2mathml does not know, as the alignment it does know.
_ALIGNMENTS = re.compile(r"\\(begin|end)\{(?:aligned|gather\*?|gathered|eqnarray\*?|multline\*?)\}")
_EQUATION = re.compile(r"\\(?:begin|end)\{equation\*?\}")


def _tex(node: nodes.math | nodes.math_block) -> str:
    """The node's TeX as latex2mathml reads it, Sphinx's multi-line conventions included."""
    tex = _EQUATION.sub("", _UNNUMBERED.sub("", node.astext()))
    tex = _ALIGNMENTS.sub(lambda m: rf"\{m[1]}{{align*}}", tex)
    if isinstance(node, nodes.math) or node.get("nowrap"):
        return tex
    # As Sphinx's MathJax renderer: parts apart by a blank line aligned, lines (\\) of a
    # part not in an environment split.
    parts = [part for part in tex.split("\n\n") if part.strip()]
    parts = [
        rf"\begin{{split}}{p}\end{{split}}" if r"\\" in p and r"\begin{" not in p else p
        for p in parts
    ]
    if len(parts) < 2:
        return "".join(parts)
    return r"\begin{align*}" + r" \\ ".join(parts) + r"\end{align*}"


def _located(node: nodes.Node) -> nodes.Node:
    """The node, or its nearest ancestor that knows its line (a role's node may not)."""
    while not node.line and node.parent is not None:  # MyST gives a role line 0
        node = node.parent
    return node


def mathml(node: nodes.math | nodes.math_block) -> str | None:
    """The node's formula as MathML, or None (with a warning) where it cannot be written."""
    display = "inline" if isinstance(node, nodes.math) else "block"
    try:
        written = convert(_tex(node), display=display)
        ElementTree.fromstring(written)  # an XHTML page must stay well-formed
    except Exception as err:  # latex2mathml raises many kinds on bad TeX
        logger.warning(
            "this formula cannot be written as MathML for the EPUB, which shows its TeX (%s)",
            err.__class__.__name__,
            location=_located(node),
            type="articles",
            subtype="math",
        )
        return None
    return written


def visit_math(self: HTML5Translator, node: nodes.math) -> None:
    """An inline formula: MathML in a ``span``."""
    written = mathml(node)
    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate nohighlight"))
    self.body.append(written or self.encode(node.astext()))
    self.body.append("</span>")
    raise nodes.SkipNode


def visit_math_block(self: HTML5Translator, node: nodes.math_block) -> None:
    """A displayed formula: its number and permalink as Sphinx writes them, then MathML."""
    written = mathml(node)
    self.body.append(self.starttag(node, "div", CLASS="math notranslate nohighlight"))
    if node["number"]:
        self.body.append(f'<span class="eqno">({get_node_equation_number(self, node)})')
        self.add_permalink_ref(node, sphinx_("Link to this equation"))
        self.body.append("</span>")
    self.body.append(written or f"<pre>{self.encode(node.astext())}</pre>")
    self.body.append("</div>\n")
    raise nodes.SkipNode


def choose_for_epub(app: Sphinx) -> None:
    """``builder-inited``: the EPUB builder's math renderer, unless one is chosen for it.

    Registered for the EPUB only: Sphinx gives an HTML builder the one renderer
    registered besides MathJax when ``html_math_renderer`` is not set.
    """
    if app.builder.name == "epub" and app.config.epub_math_renderer is None:
        app.add_html_math_renderer(RENDERER, (visit_math, None), (visit_math_block, None))
        app.config.epub_math_renderer = RENDERER


def setup(app: Sphinx) -> None:
    """Choose the renderer for the EPUB."""
    # Sphinx's ``math_renderer_name`` reads it as the EPUB builder's html_math_renderer.
    # Only the pages' writing reads it: no document is read again when it changes.
    app.add_config_value("epub_math_renderer", None, "", (str, type(None)))
    app.connect("builder-inited", choose_for_epub)
