"""Turn article records into doctree content: links, bylines, lists and cards.

Links are ``pending_xref`` nodes, so Sphinx resolves them for each builder
(``.html``, directory URLs, single page, LaTeX).
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx_design.shared import PassthroughTextElement, create_component

from ..i18n import _, long_date, month_names, month_title
from ..records.domain import Category
from ..records.frontmatter import Article

# Parts for pages read one by one on a site, not for the printed book: see htmlonly.py.
HTML_ONLY = "article-html-only"


def doc_link(refdoc: str, docname: str, text: str, **attributes: object) -> addnodes.pending_xref:
    """Link to a whole document with the given text."""
    return addnodes.pending_xref(
        "",
        nodes.inline(text, text),
        refdomain="std",
        reftype="doc",
        reftarget=f"/{docname}",
        refdoc=refdoc,
        refexplicit=True,
        **attributes,
    )


def label_link(refdoc: str, label: str, text: str) -> addnodes.pending_xref:
    """Link to a labelled section with the given text."""
    return addnodes.pending_xref(
        "",
        nodes.inline(text, text),
        refdomain="std",
        reftype="ref",
        reftarget=label,
        refdoc=refdoc,
        refexplicit=True,
    )


def category_link(refdoc: str, name: str, kind: str = "category") -> addnodes.pending_xref:
    """Link to a category's (or ``kind="tag"``: a tag's) page, resolved by the domain."""
    return addnodes.pending_xref(
        "",
        nodes.inline(name, name, classes=[f"article-{kind}"]),
        refdomain="articles",
        reftype=kind,
        reftarget=name,
        refdoc=refdoc,
        refexplicit=True,
    )


def byline(
    article: Article, refdoc: str, language: str | None, *, tags: bool = True
) -> nodes.paragraph:
    """The date and category links shown under an article's title and in lists.

    Lists leave the tags out (``tags=False``): they are on the article's page, and
    each is a link to resolve, three times as many as the categories on a list.
    """
    published = article.published
    line = nodes.paragraph(classes=["article-meta"])
    date = nodes.inline("", long_date(published.date(), language), classes=["article-date"])
    date["datetime"] = article.instant.isoformat()  # a <time> in HTML (website.htmlonly)
    line += date
    if article.minutes:
        line += nodes.Text(" · ")
        text = _("%d min read") % article.minutes
        line += nodes.inline("", text, classes=["article-reading-time"])
    for index, name in enumerate(article.categories):
        line += nodes.Text(" · " if index == 0 else ", ")
        line += category_link(refdoc, name)
    if tags and article.tags:
        line += nodes.Text(f" · {_('Tags:')} ")
        tags = nodes.inline("", "", classes=["article-tags"])
        for index, name in enumerate(article.tags):
            tags += [nodes.Text(", ")] if index else []
            tags += category_link(refdoc, name, "tag")
        line += tags
    return line


def article_list(articles: list[Article], refdoc: str, language: str | None) -> nodes.Element:
    """A bullet list of articles: each its title linked, then its byline."""
    if not articles:
        return nodes.paragraph("", _("No articles yet."))
    items = nodes.bullet_list(classes=["article-list"])
    for article in articles:
        title = nodes.paragraph(classes=["article-title"])
        title += doc_link(refdoc, article.docname, article.title)
        items += nodes.list_item("", title, byline(article, refdoc, language, tags=False))
    return items


def _count(text_node: nodes.Node, count: int) -> list[nodes.Node]:
    return [text_node, nodes.Text(" "), nodes.inline("", f"({count})", classes=["article-count"])]


def archive_index(
    by_month: dict[tuple[int, int], int], refdoc: str, *, archive_dir: str, language: str | None
) -> nodes.Element:
    """Years, newest first, each with its months and their article counts."""
    if not by_month:
        return nodes.paragraph("", _("No articles yet."))
    years = nodes.bullet_list(classes=["article-archive"])
    for year in sorted({y for y, _m in by_month}, reverse=True):
        months = nodes.bullet_list()
        for (y, month), count in sorted(by_month.items(), reverse=True):
            if y == year:
                link = label_link(
                    refdoc, f"archive-{y}-{month:02d}", month_title(y, month, month_names(language))
                )
                months += nodes.list_item("", nodes.paragraph("", "", *_count(link, count)))
        total = sum(c for (y, _m), c in by_month.items() if y == year)
        head = nodes.paragraph(
            "", "", *_count(doc_link(refdoc, f"{archive_dir}/{year}", str(year)), total)
        )
        years += nodes.list_item("", head, months)
    return years


def category_index(
    categories: list[Category], refdoc: str, kind: str = "category"
) -> nodes.Element:
    """Every category (or tag) with its article count, in alphabetical order."""
    if not categories:
        return nodes.paragraph(
            "", _("No categories yet." if kind == "category" else "No tags yet.")
        )
    items = nodes.bullet_list(classes=[f"{kind}-index"])
    for category in categories:
        link = category_link(refdoc, category.name, kind)
        items += nodes.list_item("", nodes.paragraph("", "", *_count(link, len(category.articles))))
    return items


def pagination(refdoc: str, docnames: list[str], current: int) -> nodes.paragraph:
    """Links to each numbered page of a long listing; the current one is not a link."""
    line = nodes.paragraph("", f"{_('Pages:')} ", classes=["article-pages"])
    for number, docname in enumerate(docnames, start=1):
        line += nodes.Text(" ") if number > 1 else []
        text = str(number)
        line += nodes.strong(text, text) if number == current else doc_link(refdoc, docname, text)
    return line


def subscribe(feed: str) -> nodes.paragraph:
    """A visible link to an Atom feed (``feed``: its path in the output; see htmlonly.py)."""
    link = nodes.reference("", "Atom", refuri=feed, feed=feed, classes=["article-feed"])
    return nodes.paragraph(
        "", f"{_('Subscribe:')} ", link, classes=["article-subscribe", HTML_ONLY]
    )


def section_links(refdoc: str, archive_dir: str, categories_dir: str) -> nodes.paragraph:
    """Links from the home page to the archive and the categories."""
    archive = doc_link(refdoc, f"{archive_dir}/index", str(_("All articles by date")))
    categories = doc_link(refdoc, f"{categories_dir}/index", str(_("All categories")))
    return nodes.paragraph("", "", archive, nodes.Text(" · "), categories, classes=["article-more"])


def article_cards(articles: list[Article], refdoc: str, language: str | None) -> nodes.Element:
    """The newest articles as sphinx-design cards: title, byline and opening lines."""
    cards = create_component("article-cards", ["article-cards"])
    if not articles:
        cards += nodes.paragraph("", _("No articles yet."))
    for article in articles:
        title = create_component("card-title", ["sd-card-title", "sd-font-weight-bold"])
        title += PassthroughTextElement("", "", doc_link(refdoc, article.docname, article.title))
        body = create_component("card-body", ["sd-card-body"])
        body += title
        meta = byline(article, refdoc, language, tags=False)
        meta["classes"].append("sd-card-text")
        body += meta
        if article.summary:
            body += nodes.paragraph("", article.summary, classes=["sd-card-text"])
        cards += create_component(
            "card", ["sd-card", "sd-sphinx-override", "sd-mb-3", "sd-shadow-sm"], children=[body]
        )
    return cards


def around(
    older: Article | None, newer: Article | None, related: list[Article], refdoc: str
) -> nodes.Element:
    """Links to the previous and next article by date, and to related ones."""
    box = nodes.container(classes=["article-around", HTML_ONLY])
    steps = nodes.paragraph(classes=["article-neighbours"])
    if older:
        steps += nodes.Text(f"← {_('Previous article:')} ")
        steps += doc_link(refdoc, older.docname, older.title)
    if older and newer:
        steps += nodes.Text(" · ")
    if newer:
        steps += nodes.Text(f"{_('Next article:')} ")
        steps += doc_link(refdoc, newer.docname, newer.title)
        steps += nodes.Text(" →")
    if older or newer:
        box += steps
    if related:
        box += nodes.rubric("", _("Related articles"))
        items = nodes.bullet_list(classes=["article-related"])
        for article in related:
            items += nodes.list_item(
                "", nodes.paragraph("", "", doc_link(refdoc, article.docname, article.title))
            )
        box += items
    return box
