"""The index pages and listings: archive, years, categories, home page cards, article footers.

- ``pages``: at the start of a build, the index pages are written as source documents
  (``archive/``, ``categories/``, the editions' contents), only when their text changed;
  the tag pages are no documents (``website.tag_pages``).
- ``listings``: the directives that place a listing, and the post-transform that fills it
  in once every article is read; which listings an incremental build must re-write.
- ``render``: records into doctree content (cards, lists, bylines, links for every builder).
- ``rendered_entries``: on the ``html`` builder, each listed article's entry rendered once
  per folder depth.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import listings, pages, rendered_entries

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register the index pages' settings, the listing directives and their renderer."""
    app.add_config_value("articles_archive_dir", "archive", "env", str)
    app.add_config_value("articles_categories_dir", "categories", "env", str)
    app.add_config_value("articles_tags_dir", "tags", "env", str)  # "": no tag pages
    app.add_config_value("articles_latest_count", 10, "env", int)
    app.add_config_value("articles_page_size", 50, "env", int)  # articles a listing page shows
    app.add_node(listings.article_listing)
    app.add_directive("latest-articles", listings.LatestArticles)
    app.add_directive("article-archive", listings.ArticleArchive)
    app.add_directive("category-index", listings.CategoryIndex)
    app.add_directive("tag-index", listings.TagIndex)
    app.add_directive("article-list", listings.ArticleList)
    app.add_post_transform(listings.ListingRenderer)
    app.connect("builder-inited", pages.generate_index_pages)
    app.connect("env-get-updated", listings.outdated_listings)
    app.connect("write-started", rendered_entries.start)
