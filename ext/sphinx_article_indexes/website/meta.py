"""What social networks and search engines read: OpenGraph article tags and JSON-LD.

sphinxext-opengraph writes the general OpenGraph tags (title, description,
URL) from the page's metadata; for an article, this module says ``og:type:
article`` and its summary to it, and adds the article's own tags and a
schema.org ``BlogPosting``.
"""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING, Any

from ..i18n import og_locale
from .feeds import site_base

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..records.frontmatter import Article

# Tags that HTML and Twitter name; OpenGraph's tags are properties.
_NAMED = frozenset({"description", "twitter:card"})


def _json_ld(
    article: Article, categories: list[str], url: str, published: str, description: str, app: Sphinx
) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": article.title,
        "datePublished": published,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": app.config.language,
        "articleSection": categories,
        "keywords": list(article.tags),
        "description": description,
        "author": {"@type": "Organization", "name": app.config.author},
        "publisher": {"@type": "Organization", "name": app.config.author},
    }
    # "<" escaped so that no text can close the script element.
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{text}</script>\n'


def article_meta(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``, before sphinxext-opengraph: the article tags, the locale, JSON-LD.

    An article's type and summary are given to sphinxext-opengraph in the page's
    context only: kept in the environment's metadata, the summary would be
    saved a second time with every article's record.
    """
    if app.builder.name not in ("html", "dirhtml"):
        return
    tags = [("og:locale", og_locale(app.config.language)), ("twitter:card", "summary")]
    domain = app.env.domains["articles"]
    article = domain.articles.get(pagename)
    extra = ""
    if article is not None:
        # What an author wrote in the front matter comes first.
        fields = {"og:type": "article", "og:description": article.summary}
        context["meta"] = fields | (context.get("meta") or {})
        # Search engines' snippet: without it, sphinxext-opengraph would take
        # the page's first text, which is the byline.
        description = context["meta"]["og:description"]
        tags.append(("description", description))
        published = article.instant.isoformat()
        tags.append(("article:published_time", published))
        categories = domain.category_names(article)
        tags += [("article:section", name) for name in categories[:1]]
        tags += [("article:tag", name) for name in article.tags]
        url = site_base(app.config) + app.builder.get_target_uri(pagename)
        extra = _json_ld(article, categories, url, published, description, app)
    elif description := (context.get("meta") or {}).get("og:description"):
        tags.append(("description", description))  # a listing's or the maintainer's page
    meta = "".join(
        f'<meta {"name" if key in _NAMED else "property"}="{key}" content="{escape(value)}" />\n'
        for key, value in tags
    )
    context["metatags"] = context.get("metatags", "") + meta + extra
