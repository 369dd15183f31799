"""Read time: validate each article, give it its title and byline, keep its record."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.matching import Matcher

from .. import markdown
from ..indexes import listings, render
from . import dialects, scanned
from .domain import ArticlesDomain, is_listed
from .frontmatter import Reading

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)
_ELLIPSIS = "…"


def is_article(env: BuildEnvironment, docname: str) -> bool:
    """Whether ``docname`` is an article, by the ``articles_pattern`` setting."""
    return Matcher(env.config.articles_pattern)(docname)


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Validate an article's front matter, keep its record, and give it its title.

    The front matter is handed to MyST normalised (valid YAML even where the
    author's was only ``key: value`` lines), followed by the title as an
    escaped heading, so a title is always text. The article's own text is left
    as written, on the same lines.
    """
    if not is_article(app.env, docname):
        return
    reading = scanned.reading_of_text(app.env, docname, source[0])
    for problem in reading.problems:
        logger.warning("%s", problem, location=docname, type="articles", subtype="front_matter")
    domain: ArticlesDomain = app.env.domains["articles"]
    if reading.article is not None and is_listed(reading.article, app.config):
        domain.add_article(reading.article)
    elif reading.article is not None:
        domain.add_hidden(reading.article)
    else:
        domain.rejected[docname] = _what_is_missing(reading)
    source[0] = _normalised_source(source[0], reading)


def _normalised_source(text: str, reading: Reading) -> str:
    found = dialects.find(text)
    if found is None:
        # An opening fence never closed (reported): a thematic break, as in CommonMark,
        # written so that MyST does not read the whole text as front matter either.
        return "***" + text[3:] if text.startswith(("---", "+++")) else text
    body = text[found.end :]
    lines = [markdown.front_matter(reading.data or {})]
    title = reading.data.get("title") if reading.data else None
    if isinstance(title, str | int | float) and str(title).strip() and not _starts_with_h1(body):
        lines.append(markdown.heading(str(title)))
    head = "\n".join(lines) + "\n"
    # Pad to the original line count so warnings point at the author's lines.
    missing = text.count("\n", 0, found.end) - head.count("\n")
    return head + "\n" * max(missing, 0) + body


def _starts_with_h1(body: str) -> bool:
    first = next((line for line in body.splitlines() if line.strip()), "")
    return first.startswith("# ")


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """An article in no index is in no toctree (it was reported) and not in search."""
    docname = app.env.docname
    if docname not in app.env.domains["articles"].articles and is_article(app.env, docname):
        app.env.metadata[docname]["orphan"] = True
        app.env.metadata[docname]["nosearch"] = True


def _what_is_missing(reading: Reading) -> str:
    if reading.data is None:
        return "without readable front matter"
    missing = [key for key in ("title", "date") if any(f"'{key}'" in p for p in reading.problems)]
    return f"without a valid {' or '.join(missing) or 'record'}"


def report_hidden(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: say how many articles were left out of the indexes, and why."""
    domain: ArticlesDomain = env.domains["articles"]
    drafts = sum(a.draft for a in domain.hidden.values())
    reasons = Counter(domain.rejected.values())
    reasons.update({"drafts": drafts, "dated in the future": len(domain.hidden) - drafts})
    left_out = sum(reasons.values())
    if left_out:
        why = ", ".join(f"{count} {reason}" for reason, count in reasons.most_common() if count)
        logger.info(
            "articles: %d of %d left out of the indexes: %s "
            "(the warnings above name each file; articles_include_drafts = True previews drafts)",
            left_out, left_out + len(domain.articles), why,
        )  # fmt: skip


def read_due_articles(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: re-read scheduled articles whose date has come."""
    return sorted(env.domains["articles"].due(dt.datetime.now(dt.UTC)))


class ArticleByline(SphinxTransform):
    """Put the byline under an article's title, keep its summary and reading time, mark its end."""

    default_priority = 501

    def apply(self, **kwargs: object) -> None:
        domain: ArticlesDomain = self.env.domains["articles"]
        article = domain.record(self.env.docname)
        section = next(iter(self.document.findall(nodes.section)), None)
        if article is None or section is None:
            return
        words = len(section.astext().split())
        minutes = max(1, round(words / self.config.articles_words_per_minute))
        summary = article.summary or self._summary(section, article.title)
        domain.set_text_facts(article.docname, summary, minutes)
        article = domain.record(article.docname)
        section.insert(1, render.byline(article, self.env.docname, self.config.language))
        # Previous, next and related articles: filled in once all are read.
        section += listings.article_listing(kind="around")

    def _summary(self, section: nodes.section, title: str) -> str:
        """The opening text up to ``<!--more-->``, without a paragraph repeating the title."""
        limit = self.config.articles_summary_length
        text = ""
        for paragraph in section.findall(_paragraph_or_more):
            if isinstance(paragraph, nodes.raw):
                return text  # the author's end of the summary: whole, however long
            if isinstance(paragraph.parent, nodes.title | nodes.system_message):
                continue
            words = " ".join(_text(paragraph).split())
            if not text and words.strip("*_ ") == title:
                continue
            text = f"{text} {words}".strip()
            if len(text) >= limit:
                break
        if len(text) <= limit:
            return text
        return text[:limit].rsplit(" ", 1)[0].rstrip(",.;:—- ") + _ELLIPSIS


_MORE = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)


def _paragraph_or_more(node: nodes.Node) -> bool:
    """A paragraph, or the ``<!--more-->`` that ends the summary (Jekyll, Hugo, WordPress)."""
    if isinstance(node, nodes.raw):
        return bool(_MORE.fullmatch(node.astext().strip()))
    return isinstance(node, nodes.paragraph)


def _text(paragraph: nodes.paragraph) -> str:
    """A paragraph's text as a reader sees it: raw HTML is markup, not text."""
    texts = paragraph.findall(nodes.Text)
    return "".join(t.astext() for t in texts if not isinstance(t.parent, nodes.raw))


def forget_changes(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``, after every part asked what changed: start the next build afresh."""
    env.domains["articles"].forget_changes()
    return []
