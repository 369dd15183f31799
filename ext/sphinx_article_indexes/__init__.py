"""Articles with YAML front matter, and the archive and category indexes built from it.

Each article (by default every document under ``articles/``) declares its
``title``, ``date`` and ``categories`` in front matter. This extension checks
them, puts a byline under each article's title, and keeps one record per article
in the build environment. From those records it fills the date archive, the
category pages and the home page's cards late, once every article is read, so
serial, parallel and incremental builds agree.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.config import ENUM

from . import (
    feeds,
    gc_pause,
    htmlonly,
    i18n,
    latex,
    listings,
    meta,
    navigation,
    pages,
    quiet_log,
    read_order,
    reading,
    search_page,
    singlehtml,
    sitemap,
    template_cache,
    title_cache,
    toctree_changes,
)
from .domain import ArticlesDomain
from .i18n import CATALOG, LOCALE_DIR

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

__version__ = "0.1.0"
_STATIC = Path(__file__).parent / "static"


def _changed(data: dict[str, Any], key: str, current: dict[str, Any]) -> set[str]:
    """Documents whose value in ``current`` differs from the one kept under ``key``; keep it."""
    previous = data.get(key, {})
    data[key] = current
    return {doc for doc, value in current.items() if previous.get(doc) != value}


def _outdated_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: re-write the pages that show what changed.

    Those are the listings whose articles changed, the articles whose footer
    (older, newer, related) changed, and the pages whose toctree neighbours
    changed. If the sections in the sidebar changed (a new year or category),
    every page shows them, so every page is re-written.
    """
    domain: ArticlesDomain = env.domains["articles"]
    if not domain.data["before"]:
        return []  # Nothing was read or removed, so nothing a page shows has changed.
    changed = domain.changed_records()
    outdated = domain.take_touched_listings(changed)
    if changed:  # footers show only records: same records, same footers
        outdated |= _changed(domain.data, "around", domain.around_plan())
    outdated |= _changed(domain.data, "neighbours", toctree_changes.neighbours(env))
    sections = navigation.outline(env, app.config.articles_navigation_depth)
    if domain.data.setdefault("outline", sections) != sections:
        domain.data["outline"] = sections
        outdated |= env.found_docs
    return sorted(outdated)


def _add_static(app: Sphinx, config: Config) -> None:
    config.html_static_path.append(str(_STATIC))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the configuration, domain, directives and event handlers."""
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_design")
    app.add_config_value("articles_pattern", ["articles/**"], "env", list)
    app.add_config_value("articles_archive_dir", "archive", "env", str)
    app.add_config_value("articles_categories_dir", "categories", "env", str)
    app.add_config_value("articles_latest_count", 10, "env", int)
    app.add_config_value("articles_summary_length", 240, "env", int)
    app.add_config_value("articles_navigation_depth", 2, "html", int)
    app.add_config_value("articles_edition_doc", "edition", "env", str)
    app.add_config_value("articles_include_drafts", False, "env", bool)
    app.add_config_value("articles_feed_length", 20, "html", int)
    app.add_config_value("articles_feed_content", "summary", "html", ENUM("summary", "full"))
    app.add_config_value("articles_words_per_minute", 180, "env", int)
    app.add_config_value("articles_timezone", "UTC", "html", str)

    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    # Furo's interface words, where Sphinx's own catalog has none.
    app.add_message_catalog("sphinx", str(LOCALE_DIR))
    app.add_domain(ArticlesDomain)
    app.add_node(listings.article_listing)
    app.add_directive("latest-articles", listings.LatestArticles)
    app.add_directive("article-archive", listings.ArticleArchive)
    app.add_directive("category-index", listings.CategoryIndex)
    app.add_directive("article-list", listings.ArticleList)
    app.add_transform(reading.ArticleByline)
    app.add_post_transform(listings.ListingRenderer)
    app.add_post_transform(singlehtml.SingleFragment)
    app.add_post_transform(latex.BreakLongWords)

    # Last at config-inited and first at builder-inited: around the loading of the environment.
    app.connect("config-inited", gc_pause.pause, priority=900)
    app.connect("builder-inited", gc_pause.freeze, priority=100)
    app.connect("builder-inited", i18n.recall_answers, priority=200)  # before the scan
    app.connect("builder-inited", pages.generate_index_pages)
    app.connect("builder-inited", sitemap.collect_in_process, priority=900)
    app.connect("builder-inited", quiet_log.install)
    app.connect("builder-inited", title_cache.install)
    app.connect("builder-inited", template_cache.install)
    app.connect("config-inited", _add_static)
    app.connect("config-inited", sitemap.skip_manager)
    app.add_css_file("article-indexes.css")
    app.connect("source-read", reading.on_source_read)
    app.connect("doctree-read", reading.on_doctree_read, priority=600)
    app.connect("doctree-resolved", htmlonly.finish)
    app.connect("env-get-outdated", reading.read_due_articles)
    app.connect("env-get-updated", _outdated_pages)
    app.connect("env-updated", reading.report_hidden)
    app.connect("env-updated", i18n.keep_answers)
    app.connect("env-before-read-docs", toctree_changes.remember_tocs)
    app.connect("env-before-read-docs", read_order.articles_first)
    app.connect("write-started", toctree_changes.skip_unchanged_entries)
    app.connect("html-page-context", navigation.install_navigation, priority=400)
    app.connect("html-page-context", feeds.link_feeds)
    app.connect("html-page-context", meta.article_meta, priority=400)  # before opengraph
    app.connect("html-page-context", search_page.add_search_messages)
    app.connect("build-finished", feeds.write_feeds)
    app.connect("build-finished", sitemap.list_every_document, priority=400)
    app.connect("build-finished", toctree_changes.restore)
    app.connect("build-finished", quiet_log.remove)
    app.connect("build-finished", title_cache.remove)
    app.connect("build-finished", navigation.forget)
    app.connect("build-finished", gc_pause.resume, priority=900)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
