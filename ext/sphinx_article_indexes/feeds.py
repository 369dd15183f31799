"""Atom feeds of the whole publication and of each category, written with feedgen.

The feeds are made from the records in the build environment once the build
is done, so an incremental build writes the same feeds as a clean one.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator
from sphinx.util import logging

from .domain import ArticlesDomain, Category
from .feed_content import full_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .frontmatter import Article

logger = logging.getLogger(__name__)
FEED = "feed.atom"
_HTML_BUILDERS = ("html", "dirhtml")


def feed_path(config: Any, category: Category | None = None) -> str:
    """Where a feed is written, relative to the output folder."""
    return f"{config.articles_categories_dir}/{category.slug}.atom" if category else FEED


def aware(moment: dt.datetime, zone: str) -> dt.datetime:
    """A publication moment with its time zone; dates written without one are in ``zone``."""
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(zone))


def site_base(config: Any) -> str:
    """The site's address with one trailing slash, to which page paths are appended."""
    return (config.html_baseurl or "").rstrip("/") + "/"


def _feed(
    app: Sphinx,
    articles: list[Article],
    path: str,
    title: str,
    page: str,
    texts: dict[str, str],
) -> None:
    """Write one feed of the newest ``articles``; ``texts`` caches full texts between feeds."""
    config, builder = app.config, app.builder
    domain: ArticlesDomain = app.env.domains["articles"]
    base = site_base(config)
    generator = FeedGenerator()
    generator.id(base + path)
    generator.title(title)
    generator.language(config.language or "en")
    generator.link(href=base + builder.get_target_uri(page), rel="alternate")
    generator.link(href=base + path, rel="self")
    generator.author(name=config.author or config.project)
    newest = articles[: config.articles_feed_length]
    moments = [aware(a.published, config.articles_timezone) for a in newest]
    generator.updated(max(moments, default=dt.datetime(1970, 1, 1, tzinfo=dt.UTC)))
    for article, moment in zip(newest, moments, strict=True):
        url = base + builder.get_target_uri(article.docname)
        entry = generator.add_entry(order="append")
        entry.id(url)
        entry.title(article.title)
        entry.link(href=url)
        entry.published(moment)
        entry.updated(moment)
        for name in domain.category_names(article):
            entry.category(term=name, label=name)
        if article.summary:
            entry.summary(article.summary)
        if config.articles_feed_content == "full":
            if article.docname not in texts:
                texts[article.docname] = full_text(app, article.docname, url)
            entry.content(texts[article.docname], type="html")
    target = Path(app.outdir) / path
    target.parent.mkdir(parents=True, exist_ok=True)
    generator.atom_file(str(target), pretty=True)


def write_feeds(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write the publication's feed and one per category."""
    if exception is not None or app.builder.name not in _HTML_BUILDERS:
        return
    if not app.config.html_baseurl:
        logger.info("articles: no Atom feeds without html_baseurl (feeds need absolute links)")
        return
    domain: ArticlesDomain = app.env.domains["articles"]
    config = app.config
    texts: dict[str, str] = {}
    _feed(app, domain.newest(), FEED, config.project, config.root_doc, texts)
    for category in domain.categories().values():
        page = f"{config.articles_categories_dir}/{category.slug}"
        title = f"{config.project}: {category.name}"
        _feed(app, list(category.articles), feed_path(config, category), title, page, texts)


def link_feeds(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``: announce the feeds in every page's ``<head>``."""
    config = app.config
    if app.builder.name not in _HTML_BUILDERS or not config.html_baseurl:
        return
    base = site_base(config)
    feeds = [(config.project, FEED)]
    prefix = f"{config.articles_categories_dir}/"
    if pagename.startswith(prefix):
        category = app.env.domains["articles"].category_by_slug(pagename.removeprefix(prefix))
        if category is not None:
            feeds.append((f"{config.project}: {category.name}", feed_path(config, category)))
    links = "".join(
        f'<link rel="alternate" type="application/atom+xml" title="{escape(title)}" '
        f'href="{escape(base + path)}">\n'
        for title, path in feeds
    )
    context["metatags"] = context.get("metatags", "") + links
