"""Article records kept in the build environment, merged for parallel reads."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from .frontmatter import Article
from .slugs import assign_slugs, fold

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

ALL = "all"
# The builders that publish a page per tag (``website.tag_pages``); elsewhere a tag is text.
TAG_PAGE_BUILDERS = ("html", "dirhtml")
_Change = tuple[Article | None, Article | None]  # an article's record before and now


def is_listed(article: Article, config: Config, now: dt.datetime | None = None) -> bool:
    """Whether an article goes into the indexes: public, or drafts are being previewed."""
    now = now or dt.datetime.now(dt.UTC)
    return config.articles_include_drafts or article.is_public(now)


@dataclass(frozen=True)
class Category:
    """One category: its shown name, URL slug and articles, newest first."""

    key: str
    name: str
    slug: str
    articles: tuple[Article, ...]


def _by_date(articles: Iterable[Article], *, newest: bool) -> list[Article]:
    # Ties on the same moment go by title, then docname, in either direction of time.
    by_title = sorted(articles, key=lambda a: (a.title.casefold(), a.docname))
    return sorted(by_title, key=lambda a: a.instant, reverse=newest)


def newest_first(articles: Iterable[Article]) -> list[Article]:
    """Sort articles newest first, as the site lists them."""
    return _by_date(articles, newest=True)


def oldest_first(articles: Iterable[Article]) -> list[Article]:
    """Sort articles oldest first, as the editions print them."""
    return _by_date(articles, newest=False)


def scopes_of(article: Article) -> set[str]:
    """Return the listing scopes an article appears in, categories and tags by folded name."""
    scopes = {ALL, f"year:{article.published.year}"}
    scopes.update(f"category-key:{fold(name)}" for name in article.categories)
    scopes.update(f"tag-key:{fold(name)}" for name in article.tags)
    return scopes


def _categories(article: Article) -> tuple[str, ...]:
    return article.categories


def _tags(article: Article) -> tuple[str, ...]:
    return article.tags


def categories_of(
    articles: Iterable[Article], names: Callable[[Article], tuple[str, ...]] = _categories
) -> dict[str, Category]:
    """Group articles by category (or, with ``names=_tags``, tag) identity.

    Each is named in its most used spelling; on a tie, the spelling used first
    (by date) wins, so the name is stable.
    """
    articles = list(articles)
    spellings: dict[str, Counter[str]] = {}
    for article in oldest_first(articles):
        for name in names(article):
            spellings.setdefault(fold(name), Counter())[name] += 1
    members: dict[str, list[Article]] = {key: [] for key in spellings}
    for article in newest_first(articles):
        for key in dict.fromkeys(fold(name) for name in names(article)):
            members[key].append(article)
    slugs = assign_slugs(spellings)
    return {
        key: Category(
            key,
            spellings[key].most_common(1)[0][0],  # Counter keeps first-seen order on ties.
            slugs[key],
            tuple(members[key]),
        )
        for key in sorted(spellings)
    }


def tags_of(articles: Iterable[Article]) -> dict[str, Category]:
    """Group articles by tag, as categories are grouped (same folding, same slugs)."""
    return categories_of(articles, _tags)


def _standing(article: Article) -> tuple[Any, ...]:
    """What places an article in the orders and groups: not its text, summary or reading time."""
    return (article.instant, article.title.casefold(), article.categories, article.tags)


_Group = tuple[str, str, tuple[str, ...]]  # a category's name, slug and docnames, newest first


@dataclass
class _Places:
    """Every article's place in the orders and groups, by docname.

    Re-reading an article most often changes its text, not its place. The places
    are kept while every article's standing is the same and filled with the
    current records, so such a re-read does not sort and group every article again.
    """

    standings: dict[str, tuple[Any, ...]]
    newest: list[str]
    positions: dict[str, int]
    groups: dict[str, dict[str, _Group]]  # "categories" and "tags", by folded name
    ranked: dict[tuple[frozenset[str], int], list[str]] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, articles: dict[str, Article], standings: dict[str, tuple[Any, ...]]) -> _Places:
        """Sort and group ``articles``."""
        newest = [a.docname for a in newest_first(articles.values())]
        groups = {
            kind: {
                key: (c.name, c.slug, tuple(a.docname for a in c.articles))
                for key, c in grouped(articles.values()).items()
            }
            for kind, grouped in (("categories", categories_of), ("tags", tags_of))
        }
        return cls(standings, newest, {d: i for i, d in enumerate(newest)}, groups)

    def filled(self, articles: dict[str, Article], kind: str) -> dict[str, Category]:
        """The categories (or tags) with the articles' current records."""
        return {
            key: Category(key, name, slug, tuple(articles[d] for d in docnames))
            for key, (name, slug, docnames) in self.groups[kind].items()
        }

    def sharing(self, names: Iterable[str], count: int) -> list[str]:
        """The ``count`` articles sharing most of these categories, newest first among equals.

        Many articles have the same set of categories, so the ranking is kept per set:
        a footer costs a lookup, not a pass over every article of its categories.
        """
        key = frozenset(fold(name) for name in names)
        if (key, count) not in self.ranked:
            categories = self.groups["categories"]
            shared = Counter(d for k in key for d in categories[k][2])
            order = self.positions
            self.ranked[key, count] = heapq.nsmallest(
                count, shared, key=lambda d: (-shared[d], order[d])
            )
        return self.ranked[key, count]


class ArticlesDomain(Domain):
    """Holds every article's record, and which documents list articles.

    ``listings`` maps a document to the scopes it lists (``all``,
    ``year:2025``, ``category:<slug>``); ``before`` keeps the record each
    re-read document had, so that only the listings of articles whose record
    changed (not every re-read one) are re-written.
    """

    name = "articles"
    label = "Articles"
    # Authors can link a category in text: {articles:category}`Генеративный ИИ`.
    roles: ClassVar[dict[str, Any]] = {"category": XRefRole(), "tag": XRefRole()}
    initial_data: ClassVar[dict[str, Any]] = {
        "articles": {},
        "hidden": {},
        "rejected": {},
        "listings": {},
        "before": {},
    }
    data_version = 4

    @property
    def articles(self) -> dict[str, Article]:
        """Every valid article read, by docname."""
        return self.data["articles"]

    def add_article(self, article: Article) -> None:
        """Store (or replace) an article's record."""
        self.articles[article.docname] = article
        self._forget()

    @property
    def hidden(self) -> dict[str, Article]:
        """Drafts and articles dated in the future: built, but in no index."""
        return self.data["hidden"]

    def add_hidden(self, article: Article) -> None:
        """Keep a draft's or a scheduled article's record out of the indexes."""
        self.hidden[article.docname] = article

    @property
    def rejected(self) -> dict[str, str]:
        """Article files whose front matter gave no record, with what was missing."""
        return self.data["rejected"]

    def record(self, docname: str) -> Article | None:
        """An article's record, listed or hidden."""
        return self.articles.get(docname) or self.hidden.get(docname)

    def due(self, now: dt.datetime) -> set[str]:
        """Scheduled articles whose date has come: they must be read again to be listed."""
        return {d for d, a in self.hidden.items() if not a.draft and a.is_public(now)}

    def set_text_facts(self, docname: str, summary: str, minutes: int) -> None:
        """Attach what is known once the text is read: its opening lines and reading time."""
        for records in (self.articles, self.hidden):
            if docname in records:
                records[docname] = dataclasses.replace(
                    records[docname], summary=summary, minutes=minutes
                )
        self._forget()

    def add_listing(self, docname: str, scope: str) -> None:
        """Record that ``docname`` shows the articles of ``scope``."""
        self.data["listings"].setdefault(docname, set()).add(scope)

    def _forget(self) -> None:
        """Drop what shows the records; they changed (their places are checked when next asked)."""
        self._categories = self._tags = self._newest = None
        self._places_checked = False

    def was_anything_read(self) -> bool:
        """Whether this build read or removed a document (so a page may show a change)."""
        return bool(self.data["before"])

    def changed_values(self, key: str, current: dict[str, Any]) -> set[str]:
        """Documents whose value in ``current`` differs from the one kept under ``key``; keep it."""
        previous = self.data.get(key, {})
        self.data[key] = current
        return {doc for doc, value in current.items() if previous.get(doc) != value}

    def cleared(self) -> set[str]:
        """The documents this build re-read or removed."""
        return set(self.data["before"])

    def forget_changes(self) -> None:
        """Start afresh: every part has seen what this build changed."""
        self.data["before"].clear()

    def changed_records(self) -> list[_Change]:
        """Each re-read or removed article whose listed record changed: (before, now)."""
        before = self.data["before"].items()
        return [(was, self.articles.get(d)) for d, was in before if self.articles.get(d) != was]

    def touched_listings(self, changed: list[_Change]) -> set[str]:
        """Return the documents whose listings ``changed_records()`` touch.

        An article re-read with the same record (an edit below its summary)
        touches no listing; one whose record changed touches the listings it
        left and those it joined.
        """
        touched: set[str] = set()
        for was, now in changed:
            touched.update(*(scopes_of(a) for a in (was, now) if a is not None))
        for kind, now in (("category", self.categories()), ("tag", self.tags())):
            keys = {s.split(":", 1)[1] for s in touched if s.startswith(f"{kind}-key:")}
            # Slugs as they are now, and as they were for names no article keeps.
            slugs = assign_slugs({*now, *keys})
            touched.update(f"{kind}:{slugs[key]}" for key in keys)
        return {doc for doc, scopes in self.data["listings"].items() if scopes & touched}

    def clear_doc(self, docname: str) -> None:
        """Forget a document before it is re-read or after it was removed."""
        # Only the first record counts: the one the listings were last written from.
        self.data["before"].setdefault(docname, self.articles.get(docname))
        self.articles.pop(docname, None)
        self._forget()
        self.hidden.pop(docname, None)
        self.rejected.pop(docname, None)
        self.data["listings"].pop(docname, None)

    _PER_DOCUMENT = ("articles", "hidden", "rejected", "listings")

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        """Take over what a parallel reader process collected."""
        for docname in docnames:
            for key in self._PER_DOCUMENT:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]
        self._forget()

    @classmethod
    def data_of(cls, data: dict[str, Any], docnames: set[str]) -> dict[str, Any]:
        """What ``merge_domaindata`` takes of ``data`` for ``docnames``: a reader's answer."""
        kept = {"version": data.get("version")}  # not ``scanned``: the builder read it first
        for key in cls._PER_DOCUMENT:
            kept[key] = {d: data[key][d] for d in docnames if d in data[key]}
        return kept

    def _places(self) -> _Places:
        """Every article's place, made again only if an article moved, came or went."""
        places: _Places | None = getattr(self, "_kept_places", None)
        if not getattr(self, "_places_checked", False):
            standings = {d: _standing(a) for d, a in self.articles.items()}
            if places is None or places.standings != standings:
                places = self._kept_places = _Places.of(self.articles, standings)
            self._places_checked = True
        return places

    def newest(self) -> list[Article]:
        """Every article, newest first (computed once per change)."""
        if getattr(self, "_newest", None) is None:
            self._newest = [self.articles[d] for d in self._places().newest]
        return self._newest

    def around(self, docname: str, related: int = 3) -> tuple[Article | None, Article | None, list]:
        """The article before and after this one by date, and those sharing most categories."""
        newest, places = self.newest(), self._places()
        position = places.positions[docname]
        newer = newest[position - 1] if position > 0 else None
        older = newest[position + 1] if position + 1 < len(newest) else None
        # One more than wanted: the article itself is among those sharing its categories.
        ranked = places.sharing(self.articles[docname].categories, related + 1)
        return older, newer, [self.articles[d] for d in ranked if d != docname][:related]

    def rank_all(self) -> None:
        """Place and rank every article now: the live preview does it before a save."""
        for docname in self.articles:
            self.around(docname)

    def around_plan(self) -> dict[str, bytes]:
        """A digest of what each article's footer shows, to notice which footers changed."""
        plan = {}
        for docname in self.articles:
            older, newer, related = self.around(docname)
            shown = [(a.docname, a.title) if a else None for a in (older, newer, *related)]
            plan[docname] = hashlib.blake2b(repr(shown).encode(), digest_size=8).digest()
        return plan

    def categories(self) -> dict[str, Category]:
        """Every category in use, by folded name (computed once per change)."""
        if getattr(self, "_categories", None) is None:
            self._categories = self._places().filled(self.articles, "categories")
        return self._categories

    def tags(self) -> dict[str, Category]:
        """Every tag in use, by folded name (computed once per change)."""
        if getattr(self, "_tags", None) is None:
            self._tags = self._places().filled(self.articles, "tags")
        return self._tags

    def tag_by_slug(self, slug: str) -> Category | None:
        """Find the tag published at ``slug`` (every tag page's footer and feed link asks)."""
        tags = self.tags()
        if getattr(self, "_tag_slugs", (None,))[0] is not tags:
            self._tag_slugs = (tags, {t.slug: t for t in tags.values()})
        return self._tag_slugs[1].get(slug)

    def category_names(self, article: Article) -> list[str]:
        """An article's categories as the site names them (the most used spelling)."""
        categories = self.categories()
        return [
            categories[fold(n)].name if fold(n) in categories else n for n in article.categories
        ]

    def category_by_slug(self, slug: str) -> Category | None:
        """Find the category published at ``slug``."""
        return next((c for c in self.categories().values() if c.slug == slug), None)

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        """Resolve ``{articles:category}`` and ``{articles:tag}`` references to their page."""
        config = env.config
        groups = {
            "category": (self.categories, config.articles_categories_dir),
            "tag": (self.tags, config.articles_tags_dir),
        }
        found, folder = groups.get(typ, (dict, ""))
        category = found().get(fold(target))
        if category is None or not folder:
            return None
        if typ == "tag" and builder.name not in TAG_PAGE_BUILDERS:
            return None  # no page to link to: the tag stays as text
        docname = f"{folder}/{category.slug}"
        # Shown in the spelling most articles use, whichever this one used.
        text = nodes.inline(category.name, category.name, classes=contnode["classes"])
        return make_refnode(builder, fromdocname, docname, "", text, category.name)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        """Match nothing for MyST's ``[text](#target)``: categories are linked by their role.

        A category named like a section label would otherwise make such links ambiguous.
        """
        return []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Articles are documents already; there are no separate objects to index."""
        return iter(())
