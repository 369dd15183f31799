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
from urllib.parse import urljoin, urlsplit

from ..i18n import og_locale
from ..records.frontmatter import aware
from .feeds import site_base

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..records.frontmatter import Article

# Tags that HTML and Twitter name; OpenGraph's tags are properties.
_NAMED = frozenset({"description", "twitter:card"})


def _absolute(base: str, page_url: str, address: str) -> str:
    """An image's full address: ``/x.png`` is under the site's root, ``x.png`` the page's."""
    if urlsplit(address).scheme:
        return address
    return base + address.lstrip("/") if address.startswith("/") else urljoin(page_url, address)


def _author(app: Sphinx, article: Article, base: str) -> dict[str, str]:
    name = article.author or app.config.author
    url = app.config.articles_author_urls.get(name) or base
    kind = "Person" if article.author else "Organization"
    return {"@type": kind, "name": name, "url": url}


def _json_ld(app: Sphinx, article: Article, **facts: Any) -> str:
    """schema.org's ``BlogPosting``: what search engines show of an article, no empty values."""
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": article.title,
        "datePublished": facts["published"],
        "dateModified": facts["modified"],
        "url": facts["url"],
        "mainEntityOfPage": facts["url"],
        "inLanguage": app.config.language,
        "articleSection": facts["categories"],
        "keywords": list(article.tags),
        "description": facts["description"],
        "image": facts["image"],
        "author": _author(app, article, facts["base"]),
        "publisher": {"@type": "Organization", "name": app.config.author, "url": facts["base"]},
    }
    data = {key: value for key, value in data.items() if value}
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
    domain = app.env.domains["articles"]
    article = domain.articles.get(pagename)
    large = getattr(app.config, "ogp_image", None) or (article and article.image)
    card = "summary_large_image" if large else "summary"  # a wide picture, shown wide
    tags = [("og:locale", og_locale(app.config.language)), ("twitter:card", card)]
    extra = ""
    if article is not None:
        # What an author wrote in the front matter comes first; an article without text
        # (nothing to summarise) is described by its title.
        fields = {"og:type": "article", "og:description": article.summary or article.title}
        context["meta"] = fields | (context.get("meta") or {})
        # Search engines' snippet: without it, sphinxext-opengraph would take
        # the page's first text, which is the byline.
        description = context["meta"]["og:description"]
        tags.append(("description", description))
        published = article.instant.isoformat()
        modified = aware(article.updated, article.zone).isoformat() if article.updated else ""
        tags.append(("article:published_time", published))
        if modified:
            tags.append(("article:modified_time", modified))
        categories = domain.category_names(article)
        tags += [("article:section", name) for name in categories[:1]]
        tags += [("article:tag", name) for name in article.tags]
        base = site_base(app.config)
        url = base + app.builder.get_target_uri(pagename)
        # The article's image is relative to its page; the site's (ogp_image) to the root.
        site_image = getattr(app.config, "ogp_image", None)
        image = _absolute(base, url, article.image) if article.image else ""
        image = image or (_absolute(base, base, site_image) if site_image else "")
        if article.image and "og:image" not in context["meta"]:
            context["meta"]["og:image"] = image  # sphinxext-opengraph writes the tag
        extra = _json_ld(
            app, article, published=published, modified=modified or published, url=url,
            categories=categories, description=description, image=image, base=base,
        )  # fmt: skip
    elif description := (context.get("meta") or {}).get("og:description"):
        tags.append(("description", description))  # a listing's or the maintainer's page
    meta = "".join(
        f'<meta {"name" if key in _NAMED else "property"}="{key}" content="{escape(value)}" />\n'
        for key, value in tags
    )
    context["metatags"] = context.get("metatags", "") + meta + extra
