"""Make sphinx-sitemap list every page, not only those written in this build.

sphinx-sitemap collects links as pages are written, so an incremental build's
sitemap would hold only the re-written pages. Just before it writes the file,
its queue is replaced by one filled from the environment's documents. Since the
list is made again there, the links of the pages being written need not cross
processes either: sphinx-sitemap's multiprocessing queue (a round trip to
another process per page: 0.3 s at 1000 articles) is replaced by a plain
in-process one. Its ``builder-inited`` handler, which starts a manager process
for that queue (30 ms of every build, a rebuild with no change included), is
replaced by one that only makes the plain queue. Other builders than ``html`` and
``dirhtml`` get no sitemap (sphinx-sitemap wrote one into the EPUB's folder).

Relies on: sphinx-sitemap's ``record_builder_type`` handler, its ``app.sitemap_links``
queue and ``add_html_link``, and that it writes the file at ``build-finished``
(priority 500). Tested with sphinx-sitemap 2.9.0.
"""

from __future__ import annotations

import queue
from typing import TYPE_CHECKING

from ..website import tag_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def _record_builder_type(app: Sphinx) -> None:
    """sphinx-sitemap's ``builder-inited`` handler, with no manager process."""
    builder = app.builder
    builder.env.is_directory_builder = type(builder).__name__ == "DirectoryHTMLBuilder"  # type: ignore[attr-defined]
    app.sitemap_links = queue.SimpleQueue()  # type: ignore[attr-defined]


def skip_manager(app: Sphinx, config: Config) -> None:
    """``config-inited``: stand in for sphinx-sitemap's handler that starts a manager process."""
    try:
        from sphinx_sitemap import record_builder_type
    except ImportError:
        return
    for listener in list(app.events.listeners["builder-inited"]):
        if listener.handler is record_builder_type:
            app.disconnect(listener.id)
            app.connect("builder-inited", _record_builder_type, priority=listener.priority)


def collect_in_process(app: Sphinx) -> None:
    """``builder-inited``, after sphinx-sitemap: collect links in this process, cheaply.

    Needed only if ``skip_manager`` did not find sphinx-sitemap's handler (a
    version that renamed it): its manager is then started, but not used.
    """
    if hasattr(app, "sitemap_links"):
        app.sitemap_links = queue.SimpleQueue()  # type: ignore[attr-defined]


def list_every_document(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``, before sphinx-sitemap: queue a link for each document and tag page."""
    links = getattr(app, "sitemap_links", None)
    if exception is not None or links is None:
        return
    if app.builder.name not in ("html", "dirhtml"):
        # No sitemap beside an EPUB's or a single page's files: it is the website's.
        app.sitemap_links = queue.SimpleQueue()  # type: ignore[attr-defined]
        return
    try:
        from sphinx_sitemap import add_html_link
    except ImportError:  # a sphinx-sitemap without it lists the pages written in this build
        return

    app.sitemap_links = queue.SimpleQueue()  # type: ignore[attr-defined]
    # Drafts and scheduled articles are not published yet; the edition page is for print.
    unlisted = {app.config.articles_edition_doc, *app.env.domains["articles"].hidden}
    for pagename in sorted((app.env.found_docs - unlisted) | tag_pages.pagenames(app)):
        add_html_link(app, pagename, None, {}, None)


def setup(app: Sphinx) -> None:
    """Register this module's handlers."""
    app.connect("config-inited", skip_manager)
    app.connect("builder-inited", collect_in_process, priority=900)
    app.connect("build-finished", list_every_document, priority=400)
