"""Render each document's title to HTML once per build, not once per page that shows it.

For every page it writes, Sphinx's HTML builder renders the titles of the
page's previous and next pages and of all its parents (``get_doc_context``),
each through a fresh docutils document and its transforms (about 0.3 ms).
An article shows five such titles, and a year page's title is rendered again
for each of its two hundred articles. Titles come from ``env.titles``, one node
per document for the whole build, so the rendering is kept per node; any other
node (the page's own table of contents) is rendered as before.

Relies on: ``StandaloneHTMLBuilder.render_partial`` being called with the nodes of
``env.titles`` from ``get_doc_context``. Tested with Sphinx 8.2.3, 9.0.4 and 9.2.0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx


def _kept(render: Callable[[nodes.Node | None], dict[str, str]]) -> Callable:
    kept: dict[nodes.title, dict[str, str]] = {}  # docutils nodes hash by identity

    def render_partial(node: nodes.Node | None) -> dict[str, str]:
        if not isinstance(node, nodes.title):
            return render(node)
        if node not in kept:
            # A copy: Sphinx 8 returns its writer's own ``parts``, which the next page overwrites.
            kept[node] = dict(render(node))
        return dict(kept[node])

    return render_partial


def install(app: Sphinx) -> None:
    """``builder-inited``: keep each title's rendering, on HTML builders."""
    builder = app.builder
    if hasattr(builder, "render_partial"):
        builder.render_partial = _kept(builder.render_partial)


def remove(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: back to the builder's own method (titles change between builds)."""
    app.builder.__dict__.pop("render_partial", None)


def setup(app: Sphinx) -> None:
    """Register this module's handlers."""
    app.connect("builder-inited", install)
    app.connect("build-finished", remove)
