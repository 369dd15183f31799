"""Atom feeds of the whole publication and of each category, written with feedgen.

The feeds are made from the records in the build environment once the build
is done, so an incremental build writes the same feeds as a clean one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sphinx.util import logging

from .. import kept
from ..records.domain import ArticlesDomain, Category
from ..records.untrusted import printable
from .feed_content import full_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..records.frontmatter import Article

logger = logging.getLogger(__name__)
FEED = "feed.atom"
WRITTEN = "feeds.json"  # the digest of each feed written, in the doctree folder
_HTML_BUILDERS = ("html", "dirhtml")


def feed_path(config: Any, category: Category | None = None) -> str:
    """Where a feed is written, relative to the output folder."""
    return f"{config.articles_categories_dir}/{category.slug}.atom" if category else FEED


def tag_feed(config: Any, tag: Category) -> str:
    """Where a tag's Atom feed is written, relative to the output folder."""
    return f"{config.articles_tags_dir}/{tag.slug}.atom"


def site_base(config: Any) -> str:
    """The site's address with one trailing slash, to which page paths are appended."""
    return (config.html_baseurl or "").rstrip("/") + "/"


def tag_authority(config: Any, articles: list[Article]) -> str:
    """RFC 4151's tagging entity: ``articles_feed_authority``, else the site's host and first year.

    Atom ids must never change (RFC 4287 4.2.6); the page URLs do when the site moves.
    """
    if config.articles_feed_authority:
        return str(config.articles_feed_authority)
    host = urlsplit(config.html_baseurl or "").hostname or "localhost"
    first = min((a.instant.year for a in articles), default=2000)
    return f"{host},{first:04}"


def entry_id(authority: str, article: Article) -> str:
    """An article's permanent Atom id: the authority's name, its date and its document name."""
    host = authority.split(",", 1)[0]
    return f"tag:{host},{article.published.date().isoformat()}:{article.docname}"


@dataclass(frozen=True)
class _Entry:
    """What a feed shows of one article; ``read`` stands for its full text."""

    docname: str
    id: str
    url: str
    title: str
    published: dt.datetime
    categories: tuple[str, ...]
    summary: str
    read: int | None


@dataclass(frozen=True)
class _Feed:
    """Everything one feed file is made from, as plain values."""

    id: str
    path: str
    base: str
    title: str
    language: str
    author: str
    page: str
    full_text: bool
    entries: tuple[_Entry, ...]

    def digest(self) -> str:
        """A fingerprint of the feed's content, to leave an unchanged file alone."""
        return hashlib.sha1(repr(self).encode(), usedforsecurity=False).hexdigest()


def _plan(app: Sphinx, articles: list[Article], path: str, title: str, page: str) -> _Feed:
    """What the feed of the newest ``articles`` at ``path`` will hold."""
    config, builder, env = app.config, app.builder, app.env
    domain: ArticlesDomain = env.domains["articles"]
    base = site_base(config)
    full = config.articles_feed_content == "full"
    authority = tag_authority(config, domain.newest())
    entries = tuple(
        _Entry(
            docname=article.docname,
            id=entry_id(authority, article),
            url=base + builder.get_target_uri(article.docname),
            title=article.title,
            published=article.instant,
            categories=tuple(domain.category_names(article)),
            summary=printable(article.summary),  # the body may hold what XML forbids
            # When the article was last read: its full text can only change with it.
            read=env.all_docs.get(article.docname) if full else None,
        )
        for article in articles[: config.articles_feed_length]
    )
    return _Feed(
        id=f"tag:{authority}:{path}",
        path=path,
        base=base,
        title=title,
        language=config.language or "en",
        author=config.author or config.project,
        page=base + builder.get_target_uri(page),
        full_text=full,
        entries=entries,
    )


def _write(app: Sphinx, feed: _Feed, texts: dict[str, str]) -> None:
    """Write one feed file; ``texts`` caches full texts between feeds."""
    # Imported here: a rebuild that changes no feed does not load feedgen and lxml.
    from feedgen.feed import FeedGenerator

    generator = FeedGenerator()
    generator.id(feed.id)
    generator.title(feed.title)
    generator.language(feed.language)
    generator.link(href=feed.page, rel="alternate")
    generator.link(href=feed.base + feed.path, rel="self")
    generator.author(name=feed.author)
    moments = [entry.published for entry in feed.entries]
    generator.updated(max(moments, default=dt.datetime(1970, 1, 1, tzinfo=dt.UTC)))
    for item in feed.entries:
        entry = generator.add_entry(order="append")
        entry.id(item.id)
        entry.title(item.title)
        entry.link(href=item.url)
        entry.published(item.published)
        entry.updated(item.published)
        for name in item.categories:
            entry.category(term=name, label=name)
        if item.summary:
            entry.summary(item.summary)
        if feed.full_text:
            if item.docname not in texts:
                texts[item.docname] = printable(full_text(app, item.docname, item.url))
            entry.content(texts[item.docname], type="html")
    target = Path(app.outdir, feed.path)
    target.parent.mkdir(parents=True, exist_ok=True)
    generator.atom_file(str(target), pretty=True)


def _plans(app: Sphinx) -> list[_Feed]:
    """The publication's feed and one per category."""
    domain: ArticlesDomain = app.env.domains["articles"]
    config = app.config
    plans = [_plan(app, domain.newest(), FEED, config.project, config.root_doc)]
    for category in domain.categories().values():
        page = f"{config.articles_categories_dir}/{category.slug}"
        title = f"{config.project}: {category.name}"
        plans.append(_plan(app, list(category.articles), feed_path(config, category), title, page))
    for tag in domain.tags().values() if config.articles_tags_dir else ():
        page = f"{config.articles_tags_dir}/{tag.slug}"
        title = f"{config.project}: #{tag.name}"
        plans.append(_plan(app, list(tag.articles), tag_feed(config, tag), title, page))
    return plans


def write_feeds(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write the feeds whose content changed; delete those no longer made."""
    if exception is not None or app.builder.name not in _HTML_BUILDERS:
        return
    if not app.config.html_baseurl:
        logger.info("articles: no Atom feeds without html_baseurl (feeds need absolute links)")
        return
    # Kept beside the environment, keyed by the written file: html and dirhtml
    # builds may share the doctree folder, and an output folder may be deleted alone.
    record = Path(app.doctreedir) / WRITTEN
    outdir = Path(app.outdir).resolve()
    previous = kept.load(record)
    digests = {path: d for path, d in previous.items() if not Path(path).is_relative_to(outdir)}
    texts: dict[str, str] = {}
    for feed in _plans(app):
        target, digest = outdir / feed.path, feed.digest()
        if previous.get(str(target)) != digest or not target.is_file():
            _write(app, feed, texts)
        digests[str(target)] = digest
    for gone in map(Path, previous.keys() - digests.keys()):  # a category no longer used
        # Only a feed of this output folder: the record is a file anyone could edit.
        if gone.suffix == ".atom" and gone.resolve().is_relative_to(outdir):
            gone.unlink(missing_ok=True)
    kept.save(record, digests)


def link_feeds(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``: announce the feeds in every page's ``<head>``."""
    config = app.config
    if app.builder.name not in _HTML_BUILDERS or not config.html_baseurl:
        return
    base = site_base(config)
    feeds = [(config.project, FEED)]
    domain = app.env.domains["articles"]
    prefix, tags = f"{config.articles_categories_dir}/", f"{config.articles_tags_dir}/"
    if pagename.startswith(prefix):
        category = domain.category_by_slug(pagename.removeprefix(prefix))
        if category is not None:
            feeds.append((f"{config.project}: {category.name}", feed_path(config, category)))
    elif config.articles_tags_dir and pagename.startswith(tags):
        tag = domain.tag_by_slug(pagename.removeprefix(tags))
        if tag is not None:
            feeds.append((f"{config.project}: #{tag.name}", tag_feed(config, tag)))
    links = "".join(
        f'<link rel="alternate" type="application/atom+xml" title="{escape(title)}" '
        f'href="{escape(base + path)}">\n'
        for title, path in feeds
    )
    context["metatags"] = context.get("metatags", "") + links
