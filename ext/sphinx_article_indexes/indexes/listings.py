"""Directives that place article listings, filled in once every article is read."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ..records.domain import ALL, ArticlesDomain
from ..website import feeds
from . import pages, render, rendered_entries

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class article_listing(nodes.General, nodes.Element):
    """Placeholder for a listing; ``kind`` says which, ``scope`` what it depends on."""


class _ListingDirective(SphinxDirective):
    kind: ClassVar[str]

    def scope(self) -> str:
        return ALL

    def run(self) -> list[nodes.Node]:
        scope = self.scope()
        domain: ArticlesDomain = self.env.domains["articles"]
        domain.add_listing(self.env.docname, scope)
        node = article_listing(kind=self.kind, scope=scope, **self.options)
        self.set_source_info(node)
        return [node]


class LatestArticles(_ListingDirective):
    """``{latest-articles}``: the newest articles as cards (``:limit:``, default from config)."""

    kind = "latest"
    option_spec: ClassVar = {"limit": directives.positive_int}


class ArticleArchive(_ListingDirective):
    """``{article-archive}``: years and months with their article counts."""

    kind = "archive"


class CategoryIndex(_ListingDirective):
    """``{category-index}``: every category with its article count."""

    kind = "categories"


class TagIndex(_ListingDirective):
    """``{tag-index}``: every tag with its article count."""

    kind = "tags"


class ArticleList(_ListingDirective):
    """``{article-list}``: the articles of one ``:month: YYYY-MM``, ``:category:`` or ``:tag:``."""

    kind = "list"
    option_spec: ClassVar = {
        "month": directives.unchanged,
        "category": directives.unchanged,
        "tag": directives.unchanged,
        "page": directives.positive_int,  # one of the numbered pages of a long listing
        # A month running over two pages of a year: the articles after ``offset``.
        "offset": directives.nonnegative_int,
        "limit": directives.positive_int,
    }

    def scope(self) -> str:
        given = [key for key in ("month", "category", "tag") if self.options.get(key)]
        if "page" in self.options and given[:1] == ["month"]:
            raise self.error("article-list :page: goes with :category: or :tag:")
        if len(given) != 1:
            raise self.error("article-list takes exactly one of :month:, :category: or :tag:")
        month = self.options.get("month")
        if month and not re.fullmatch(r"\d{4}-\d{2}", month):
            raise self.error(f"article-list :month: must look like 2025-12, got {month!r}")
        return f"year:{int(month[:4])}" if month else f"{given[0]}:{self.options[given[0]]}"


class ListingRenderer(SphinxPostTransform):
    """Replace each placeholder with its listing, before references are resolved."""

    default_priority = 5  # ReferencesResolver runs at 10 and resolves our links.

    def run(self, **kwargs: object) -> None:
        for node in list(self.document.findall(article_listing)):
            if node["kind"] == "around":
                self._render_around(node)
                continue
            listing = self._render(node)
            # The articles are found by search on their own pages, not on every list.
            listing["classes"].append("no-search")
            node.replace_self(listing)

    def _render(self, node: article_listing) -> nodes.Element:
        domain: ArticlesDomain = self.env.domains["articles"]
        config, refdoc = self.config, self.env.docname
        language = config.language
        if node["kind"] == "latest":
            limit = node.get("limit") or config.articles_latest_count
            cards = render.article_cards(domain.newest()[:limit], refdoc, language)
            cards += render.section_links(
                refdoc, config.articles_archive_dir, config.articles_categories_dir
            )
            cards += render.subscribe(feeds.FEED)
            return cards
        if node["kind"] == "archive":
            months = Counter((a.published.year, a.published.month) for a in domain.newest())
            return render.archive_index(
                months, refdoc, archive_dir=config.articles_archive_dir, language=language
            )
        if node["kind"] == "categories":
            return render.category_index(list(domain.categories().values()), refdoc)
        if node["kind"] == "tags":
            return render.category_index(list(domain.tags().values()), refdoc, kind="tag")
        selected = self._selected(node, domain)
        category = domain.category_by_slug(node.get("category", ""))
        tag = domain.tag_by_slug(node.get("tag", ""))
        group = category or tag
        if group is None:
            return self._article_list(selected)
        folder = config.articles_categories_dir if category else config.articles_tags_dir
        docnames = pages.page_docnames(folder, group, config.articles_page_size)
        number = min(node.get("page", 1), len(docnames))
        size = len(selected) if len(docnames) == 1 else config.articles_page_size
        shown = selected[(number - 1) * size : number * size]
        listing = nodes.container("", self._article_list(shown))
        if len(docnames) > 1:
            listing += render.pagination(refdoc, docnames, number)
        feed = feeds.feed_path(config, category) if category else feeds.tag_feed(config, tag)
        listing += render.subscribe(feed)
        return listing

    def _article_list(self, articles: list) -> nodes.Element:
        """A bullet list of articles; of entries rendered once, where the builder keeps them."""
        builder = rendered_entries.builder_keeping_entries(self.env)
        if builder is not None:
            return rendered_entries.article_list(builder, articles, self.env.docname)
        return render.article_list(articles, self.env.docname, self.config.language)

    def _render_around(self, node: article_listing) -> None:
        domain: ArticlesDomain = self.env.domains["articles"]
        docname = self.env.docname
        if docname not in domain.articles:
            node.parent.remove(node)
            return
        older, newer, related = domain.around(docname)
        around = render.around(older, newer, related, docname)
        around["classes"].append("no-search")
        node.replace_self(around)

    @staticmethod
    def _selected(node: article_listing, domain: ArticlesDomain) -> list:
        if "month" in node:
            year, month = map(int, node["month"].split("-"))
            in_month = [
                a for a in domain.newest()
                if (a.published.year, a.published.month) == (year, month)
            ]  # fmt: skip
            start = node.get("offset", 0)
            return in_month[start : start + node["limit"]] if "limit" in node else in_month[start:]
        if "tag" in node:
            tag = domain.tag_by_slug(node["tag"])
            return list(tag.articles) if tag else []
        category = domain.category_by_slug(node["category"])
        return list(category.articles) if category else []


def outdated_listings(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the listings and article footers whose articles changed."""
    domain: ArticlesDomain = env.domains["articles"]
    changed = domain.changed_records()
    if not changed:  # same records, same listings and footers
        return []
    outdated = domain.touched_listings(changed)
    outdated |= domain.changed_values("around", domain.around_plan())
    return sorted(outdated)
