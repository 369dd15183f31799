"""What the website gives its readers beyond the pages: feeds, meta tags, the site-only parts.

- ``feeds``: the Atom feeds of the publication and of each category, written at the end.
- ``feed_content``: an article's whole text for its feed entry, with absolute links.
- ``meta``: OpenGraph article tags and JSON-LD for social networks and search engines.
- ``redirects``: pages at articles' former addresses (``aliases:``) sending readers on.
- ``tag_pages``: a page per tag, made by the HTML builders from the records (no document).
- ``stale_output``, ``output_files``: the pages of removed documents deleted from the output.
- ``footer``: the theme's previous/next footer agreeing with the articles' own links.
- ``page_assets``: sphinx-design's stylesheet only on pages that use its components.
- ``htmlonly``: feed links and previous/next links kept only where the builder can use them.
- ``contents_lists``: a contents list in a page, which Furo flags, said at build time.
- ``search``: Pagefind's index, and the search page that uses it (Sphinx's index offline).
- ``static/``, ``templates/``: the stylesheet of bylines, cards and footers; the search page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.config import ENUM

from . import (
    contents_lists,
    feeds,
    footer,
    htmlonly,
    meta,
    page_assets,
    redirects,
    search,
    stale_output,
    tag_pages,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

_STATIC = Path(__file__).parent / "static"


def _add_static(app: Sphinx, config: Config) -> None:
    # New lists: appending would change the defaults every later Sphinx in this process
    # starts from (tests, the live preview), which would then see a changed configuration.
    config.html_static_path = [*config.html_static_path, str(_STATIC)]
    config.templates_path = [*config.templates_path, str(search.TEMPLATES)]  # after the project's


def setup(app: Sphinx) -> None:
    """Register the feeds' settings, the stylesheet and the handlers that add to each page."""
    app.add_config_value("articles_feed_length", 20, "html", int)
    app.add_config_value("articles_feed_content", "summary", "html", ENUM("summary", "full"))
    app.add_config_value("articles_feed_authority", "", "html", str)
    app.add_config_value("articles_author_urls", {}, "html", dict)
    app.add_config_value("articles_pagefind", True, "", bool)  # the pages do not change
    app.connect("config-inited", _add_static)
    app.add_css_file("article-indexes.css")
    app.connect("doctree-read", contents_lists.warn_contents_lists)
    app.connect("doctree-resolved", htmlonly.finish)
    app.connect("html-page-context", meta.article_meta, priority=400)  # before opengraph
    app.connect("html-page-context", feeds.link_feeds)
    app.connect("html-page-context", footer.agree)
    app.connect("html-page-context", search.mark_body)
    # Last: other handlers add page scripts to the list this one replaces with a copy.
    app.connect("html-page-context", page_assets.trim_unused, priority=900)
    app.connect("env-get-updated", tag_pages.note_changes)
    app.connect("html-collect-pages", tag_pages.write_tag_pages)
    app.connect("missing-reference", tag_pages.link_tag_page)
    app.connect("build-finished", feeds.write_feeds)
    app.connect("build-finished", stale_output.delete_gone_pages)
    app.connect("build-finished", redirects.write_redirects)
    app.connect("build-finished", search.write_index, priority=900)  # the last page written
