"""A page for each tag, made by the HTML builders from the articles' records: no document.

A tag page is a heading and a short list of articles. As a generated source
document, like a category's page, each cost a read and a write (about 20 ms),
so a blog's thousand tags were a third of its build. Like Sphinx's own index
pages and ABlog's collections, the tag pages are made at ``html-collect-pages``,
once every article is read: a page's doctree (its title and the listing
placeholder the documents' listings use) is resolved and written by the builder,
so the theme, the meta tags, OpenGraph, the sitemap and search see it as any page.

Only ``html`` and ``dirhtml`` publish tag pages; in the PDF, the EPUB and the
single page a tag is text. A tag page is written again only when what it shows
changed (its articles' titles, dates and categories, its numbered pages) or what
every page shows (the settings, the templates, the sidebar's sections); the
pages of tags no longer used are deleted.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sphinx
from docutils import nodes
from sphinx.environment import CONFIG_OK
from sphinx.transforms.post_transforms import ReferencesResolver
from sphinx.util.nodes import make_refnode

from .. import kept
from ..i18n import _
from ..indexes import listings  # a module: listings imports this package
from ..indexes.pages import page_docnames
from ..internals.page_writer import new_page, resolve, write_page
from ..records.domain import TAG_PAGE_BUILDERS
from ..records.slugs import fold
from .output_files import delete_page_file

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, KeysView

    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..records.domain import ArticlesDomain, Category
    from ..records.frontmatter import Article

RECORD = "tag_pages.json"  # in the doctree folder: each page's digest and file, by output folder
_VERSION = 1  # of what a tag page shows: a change here re-writes every tag page


@dataclass(frozen=True)
class TagPage:
    """One page of the tags: its name, title, description and listing, and what it shows."""

    pagename: str
    title: str
    description: str
    listing: dict[str, Any]  # the attributes of its ``article_listing`` placeholder
    shows: tuple  # what the page shows of its articles (digested), for its digest


def publishes_tags(app: Sphinx) -> bool:
    """Whether this build writes tag pages."""
    return bool(app.config.articles_tags_dir) and app.builder.name in TAG_PAGE_BUILDERS


def _shown(domain: ArticlesDomain) -> Callable[[Article], str]:
    """What a listing shows of an article (title, date, reading time, categories), digested."""
    categories, known = domain.categories(), {}

    def facts(article: Article) -> str:
        if article.docname not in known:
            places = [
                (c.name, c.slug) if (c := categories.get(fold(name))) else (name, "")
                for name in article.categories
            ]
            shown = (article.docname, article.title, article.instant, article.minutes, places)
            # Once per article, though it is on the page of each of its tags.
            known[article.docname] = hashlib.blake2b(
                repr(shown).encode(), digest_size=8
            ).hexdigest()
        return known[article.docname]

    return facts


def _group_pages(app: Sphinx, tag: Category, shown: Callable[[Article], str]) -> Iterator[TagPage]:
    """A tag's page, or its numbered pages past ``articles_page_size`` articles."""
    config = app.config
    size = config.articles_page_size
    pagenames = page_docnames(config.articles_tags_dir, tag, size)
    about = str(_("Articles of %(project)s tagged %(name)s, newest first."))
    about %= {"project": config.project, "name": tag.name}
    step = size if len(pagenames) > 1 else len(tag.articles)
    for number, pagename in enumerate(pagenames, start=1):
        articles = tag.articles[(number - 1) * step : number * step]
        yield TagPage(
            pagename,
            tag.name if number == 1 else f"{tag.name} ({number})",
            about,
            {"kind": "list", "scope": f"tag:{tag.slug}", "tag": tag.slug, "page": number},
            (len(pagenames), " ".join(map(shown, articles))),
        )


def tag_pages(app: Sphinx) -> list[TagPage]:
    """Every tag page of this build: the tags' index, then each tag's, in the domain's order."""
    if not publishes_tags(app):
        return []
    config, domain = app.config, app.env.domains["articles"]
    tags = list(domain.tags().values())
    if not tags:
        return []
    about = str(_("Tags of %(project)s, with the number of articles in each."))
    index = TagPage(
        f"{config.articles_tags_dir}/index",
        str(_("Tags")),
        about % {"project": config.project},
        {"kind": "tags", "scope": "all"},
        tuple((t.name, t.slug, len(t.articles)) for t in tags),
    )
    shown = _shown(domain)
    return [index] + [page for tag in tags for page in _group_pages(app, tag, shown)]


def _titles(app: Sphinx) -> dict[str, str]:
    """Each tag page's title by name (kept while the domain's tags are the same)."""
    if not publishes_tags(app):
        return {}
    tags = app.env.domains["articles"].tags()
    kept_titles = getattr(app.builder, "_articles_tag_pages", (None, {}))
    if kept_titles[0] is not tags:
        kept_titles = (tags, {page.pagename: page.title for page in tag_pages(app)})
        app.builder._articles_tag_pages = kept_titles  # type: ignore[attr-defined]
    return kept_titles[1]


def pagenames(app: Sphinx) -> KeysView[str]:
    """The names of this build's tag pages."""
    return _titles(app).keys()


def title_of(app: Sphinx, pagename: str) -> str:
    """A tag page's title (a tag's name, and its number on a numbered page)."""
    return _titles(app)[pagename]


def page_files(app: Sphinx) -> set[str]:
    """The tag pages' files, relative to the output folder."""
    return {_file(app, name) for name in pagenames(app)}


def _site(app: Sphinx) -> str:
    """What every page shows alike: when it changes, every tag page is written again."""
    builder = app.builder
    info = getattr(builder, "build_info", None)
    hashes = (info.config_hash, info.tags_hash) if info is not None else ()
    sections = app.env.domains["articles"].data.get("outline")
    templates = builder.templates.newest_template_mtime()  # type: ignore[attr-defined]
    return repr((_VERSION, sphinx.__version__, builder.name, hashes, templates, sections))


def _digest(site: str, page: TagPage) -> str:
    text = repr((site, page.pagename, page.title, page.description, page.listing, page.shows))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _transforms() -> tuple:
    # The listing filled, then its links resolved: all a tag page's content needs.
    return (listings.ListingRenderer, ReferencesResolver)


def _write(app: Sphinx, page: TagPage) -> None:
    """Make the page's doctree, resolve it as the documents' are, and write it."""
    doctree = new_page(app.builder, page.pagename)
    section = nodes.section(ids=["tag"], names=[page.title])
    section += nodes.title(page.title, page.title)
    section += listings.article_listing(**page.listing)
    doctree += section
    resolve(app.env, doctree, page.pagename, _transforms())
    meta = {"og:description": page.description}
    write_page(app.builder, page.pagename, doctree, page.title, meta)


def note_changes(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``, before the records' changes are forgotten: did any change?"""
    app.builder._articles_records_changed = bool(env.domains["articles"].changed_records())  # type: ignore[attr-defined]
    return []


def _file(app: Sphinx, pagename: str) -> str:
    """A page's file, relative to the output folder."""
    return Path(app.builder.get_outfilename(pagename)).relative_to(app.outdir).as_posix()


def _exists(outdir: Path, file: object) -> bool:
    # os.path, not pathlib: asked for every tag page of every build.
    return os.path.isfile(os.path.join(outdir, str(file)))


def _unchanged(app: Sphinx, site: str, state: dict) -> bool:
    """Whether every tag page is as the last build wrote it, without looking at each."""
    outdir = app.outdir
    return (
        state.get("site") == site
        and app.env.config_status == CONFIG_OK  # no setting that re-reads the documents changed
        and not getattr(app.builder, "_articles_records_changed", True)
        and all(_exists(outdir, entry[1]) for entry in state.get("pages", {}).values())
    )


def write_tag_pages(app: Sphinx) -> list:
    """``html-collect-pages``: write the tag pages that changed; delete those of unused tags."""
    builder, outdir = app.builder, Path(app.outdir)
    record_path, key = Path(app.doctreedir) / RECORD, f"{builder.name} {outdir.resolve()}"
    record = kept.load(record_path)
    state = record[key] if isinstance(record.get(key), dict) else {}
    site = _site(app)
    if _unchanged(app, site, state):
        return []
    before, now = state.get("pages", {}), {}
    for page in tag_pages(app):
        file = before[page.pagename][1] if page.pagename in before else _file(app, page.pagename)
        now[page.pagename] = [_digest(site, page), file]
        if before.get(page.pagename) != now[page.pagename] or not _exists(outdir, file):
            _write(app, page)
    for pagename in before.keys() - now.keys():
        delete_page_file(outdir.resolve(), before[pagename][1])
    if {"site": site, "pages": now} != state:
        record[key] = {"site": site, "pages": now}
        kept.save(record_path, record)
    return []  # written here, not handed back: the builder would write them without a doctree


def link_tag_page(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """``missing-reference``: a link to a tag page (a numbered page's, ``{doc}`/tags/…``)."""
    if node.get("refdomain") != "std" or node.get("reftype") != "doc":
        return None
    target = node["reftarget"].removeprefix("/")
    if target not in _titles(app):
        return None
    text = contnode.astext()
    # As Sphinx's own ``doc`` references are marked.
    return make_refnode(
        app.builder, node["refdoc"], target, "", nodes.inline(text, text, classes=["doc"])
    )
