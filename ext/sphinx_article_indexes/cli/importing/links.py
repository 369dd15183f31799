"""Links between posts and the files they use: found on the old site, pointed at the new one."""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from docutils.nodes import make_id

from ...records.slugs import slugify
from . import urls
from .engines import Site, hugo_name
from .markup import Conversion

# A Markdown image, then a link (not an image): a link may hold an image, [![a](i.png)](u).
_TITLE = r"((?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\))"
_MD_IMAGE = re.compile(r"(!\[[^\]\n]*\]\()(<[^>\n]*>|[^)\s]+)" + _TITLE)
_MD_LINK = re.compile(r"((?<!!)\[(?:[^\[\]]|\[[^\]]*\])*\]\()(<[^>\n]*>|[^)\s]+)" + _TITLE)
_REF_DEF = re.compile(r"^([ \t]{0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)", re.M)
_HTML_ATTR = re.compile(r"(\b(?:href|src)=)([\"'])([^\"'\n]*)\2")
# An image or figure directive's path: MyST's ``:::{figure} path``, reST's ``.. image:: path``.
_DIRECTIVE_PATH = re.compile(
    r"^([ \t]*(?:\.\. (?:\|[^|\n]+\| )?(?:image|figure)::|[`:]{3,}\{(?:image|figure)\})"
    r"[ \t]+)(\S+)",
    re.M,
)
# The anchors a post defines that become labels: a heading's {#id}, <a name="id">.
_ANCHOR = re.compile(r"\{#([\w-]+)\}|<a\s+(?:name|id)=[\"']([\w.:-]+)[\"']")
# Such a label, once converted: ``(name)=`` on its own line.
_LABEL = re.compile(r"^\(([^()\s]+)\)=[ \t]*$", re.M)
_POST_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".rst", ".html")


@dataclass
class Targets:
    """Every imported post by each name a link may use, and the site's files."""

    site: Site
    docs: Path
    by_url: dict[str, Path] = field(default_factory=dict)  # old URL key → new article file
    by_source: dict[Path, Path] = field(default_factory=dict)  # old post file → new file
    labels: dict[Path, set[str]] = field(default_factory=dict)  # new file → its labels
    page_labels: dict[str, Path] = field(default_factory=dict)  # reST label of a title → file
    old_urls: dict[Path, str] = field(default_factory=dict)  # old post file → its old address
    posts_with_label: Counter[str] = field(default_factory=Counter)

    def add(self, source: Path, old_url: str, output: Path, aliases: list[str], body: str) -> None:
        """Know a post by its file, by each of its old addresses, and its anchors."""
        self.by_source[source.resolve()] = output
        self.old_urls[source.resolve()] = old_url
        self.labels[output] = {a or b for a, b in _ANCHOR.findall(body)}
        self.posts_with_label.update(self.labels[output])
        for url in (old_url, *aliases):
            if (found := urls.key(url, self.site.base_url)) is not None:
                self.by_url.setdefault(found, output)

    def label(self, output: Path, anchor: str) -> str:
        """The label of a post's anchor: its own name, or one naming the post too when other
        posts use the same anchor (an id is a page's own on the old site, a label is global
        in Sphinx: which post would own it depends on the order Sphinx reads them)."""
        if self.posts_with_label[anchor] < 2:
            return anchor
        return f"{output.stem}-{output.parent.name}-{anchor}"

    def post_by_name(self, name: str) -> Path | None:
        """``{% post_url 2010-07-21-name %}``: a Jekyll post by its file name, folders allowed."""
        stem = PurePosixPath(name).name
        return next((o for s, o in self.by_source.items() if s.stem == stem), None)

    def post_by_file(self, target: str, near: Path) -> Path | None:
        """A post by its source path: relative to the post, to the content folder or the site."""
        target = unquote(target.split("#")[0]).lstrip("/")
        roots = (near.parent, *self.site.static_dirs, self.site.root)
        for root in roots:
            if (output := self.by_source.get((root / target).resolve())) is not None:
                return output
        tail = PurePosixPath(target).parts
        found = next((o for s, o in self.by_source.items() if s.parts[-len(tail) :] == tail), None)
        return found or self._by_logical_name(tail)

    def _by_logical_name(self, tail: tuple[str, ...]) -> Path | None:
        """Hugo's ``ref "name"``: a post by its path without extension or language, a bundle
        by its folder (``2024/buku`` is ``2024/buku/index.ru.md``)."""
        if not tail or self.site.engine != "hugo":
            return None
        tail = (*tail[:-1], tail[-1].removesuffix(".md"))
        for source, output in self.by_source.items():
            stem = hugo_name(self.site, source)[0]
            logical = (
                source.parts[:-1] if stem in ("index", "_index") else (*source.parts[:-1], stem)
            )
            if logical[-len(tail) :] == tail:
                return output
        return None


@dataclass
class Rewriting:
    """One post's links, rewritten: the files to copy and what could not be found."""

    copies: dict[Path, Path] = field(default_factory=dict)  # site file → docs file
    missing: list[str] = field(default_factory=list)  # images and files not in the site
    dead: list[str] = field(default_factory=list)  # links to posts not found
    old_site: list[str] = field(default_factory=list)  # other pages: left on the old site
    rewritten: int = 0


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except OSError:
        return False


def _site_file(targets: Targets, target: str, near: Path) -> Path | None:
    """A file of the old site that ``target`` names, never one outside the site."""
    path = unquote(urlsplit(target).path)
    if not path:
        return None
    candidates = [near.parent / path] if not path.startswith("/") else []
    candidates += [d / path.lstrip("/") for d in targets.site.static_dirs]
    return next((c for c in candidates if _inside(c, targets.site.root) and c.is_file()), None)


def _is_page(file: Path) -> bool:
    """A file the old engine rendered into a page (its front matter first), not one it copied."""
    try:
        with file.open("rb") as opened:
            return opened.read(4) in (b"---\n", b"---\r", b"+++\n", b"+++\r")
    except OSError:
        return False


def _relative(target: Path, article: Path) -> str:
    return posixpath.relpath(target.as_posix(), article.parent.as_posix())


class _Rewriter:
    def __init__(self, targets: Targets, source: Path, article: Path, rewriting: Rewriting):
        self.targets, self.source, self.article, self.out = targets, source, article, rewriting

    def __call__(self, target: str, *, html: bool = False, image: bool = False) -> str:
        self.image = image
        new = self._new(target.strip("<>"), html)
        if new is not None and new != target:
            self.out.rewritten += 1
            return new
        return target

    def _new(self, target: str, html: bool) -> str | None:
        fragment = "#" + target.split("#", 1)[1] if "#" in target else ""
        scheme, _, rest = target.partition(":")
        if scheme in ("post_url", "post_file") and rest:
            found = (
                self.targets.post_by_name(rest) if scheme == "post_url"
                else self.targets.post_by_file(rest, self.source)
            )  # fmt: skip
            if found is None:
                self.out.dead.append(target)
                return target
            return self._to_article(found, fragment, html)
        if scheme == "site_file":
            return self._to_file(rest, target)
        if target.startswith("#"):
            return self._to_label(self.article, target, html)
        parts = urlsplit(target)
        if parts.scheme not in ("", "http", "https"):
            return None
        found = self._old_post(target)
        if found is not None:
            return self._to_article(found, fragment, html)
        if parts.scheme or parts.netloc:
            return None
        return self._to_file(target, target)

    def _old_post(self, target: str) -> Path | None:
        by_url = self.targets.by_url
        if (found := urls.key(target, self.targets.site.base_url)) is None:
            return None
        if target.startswith(("/", "http")) and found in by_url:
            return by_url[found]
        if not target.startswith(("/", "http")):
            by_file = (
                self.targets.post_by_file(target, self.source)
                if target.split("#")[0].endswith(_POST_SUFFIXES) else None
            )  # fmt: skip
            if by_file is not None:
                return by_file
            # Relative to the post's own old address, as a browser read it there.
            here = self.targets.old_urls.get(self.source.resolve(), "")
            joined = urls.key(urljoin(here, target), self.targets.site.base_url) if here else None
            return by_url.get(joined) if joined in by_url else by_url.get(found)
        return None

    def _to_article(self, found: Path, fragment: str, html: bool) -> str:
        if not html and unquote(fragment[1:]) in self.targets.labels.get(found, ()):
            # A label the importer writes ({#id}, <a name>): MyST finds it by its name alone.
            return self._to_label(found, fragment, html)
        relative = _relative(found, self.article)
        if html:
            relative = os.path.splitext(relative)[0] + ".html"
        return relative + (self._to_label(found, fragment, html) if fragment else "")

    def _to_label(self, found: Path, fragment: str, html: bool) -> str:
        """``#anchor`` of a post: its label for MyST, the id HTML finds it by for raw HTML."""
        anchor = unquote(fragment[1:])
        if anchor not in self.targets.labels.get(found, ()):
            return fragment
        label = self.targets.label(found, anchor)
        if html:
            return "#" + make_id(label) if label != anchor and make_id(label) else fragment
        return "#" + label

    def _to_file(self, path: str, target: str) -> str | None:
        if not path or path.startswith("#"):
            return None
        file = _site_file(self.targets, path, self.source)
        if file is None or _is_page(file):
            return self._not_a_file(path)
        relative = file.resolve().relative_to(self.targets.site.root.resolve())
        copy = self.targets.docs / "media" / Path(*map(_ascii_name, relative.parts))
        self.out.copies[file] = copy
        return _relative(copy, self.article)

    def _not_a_file(self, path: str) -> str | None:
        """An image that is not in the site is missing; a page that is no post stays there."""
        if self.image:
            self.out.missing.append(path)
            return None
        base = self.targets.site.base_url
        if path.startswith("/") and base:
            self.out.old_site.append(path)
            return base + path
        return None


_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _ascii_name(name: str) -> str:
    """A file or folder name MyST leaves as it is: Markdown percent-encodes other characters."""
    if _PLAIN_NAME.fullmatch(name):
        return name
    stem, dot, suffix = name.rpartition(".") if "." in name[1:] else (name, "", "")
    digest = hashlib.blake2b(name.encode(), digest_size=3).hexdigest()
    suffix = suffix if _PLAIN_NAME.fullmatch(suffix or "x") else ""
    return f"{slugify(stem)[:40] or 'file'}-{digest}{dot if suffix else ''}{suffix}"


# reST: a link with its address, `text <address>`_, and a named link's target.
_RST_LINK = re.compile(r"`(?P<text>[^`<]*?)\s*<(?P<target>[^`<>\s][^`<>]*)>`(?P<end>__?)")
_RST_TARGET = re.compile(r"^(\.\. _(?!_:)[^:\n]+:[ \t]+)(\S+)[ \t]*$", re.M)


def _rst_link(new: _Rewriter, match: re.Match[str]) -> str:
    """A reST link made for the new site: to an article ``:doc:``, to a label in one
    ``:ref:``, to a copied file ``:download:`` (a plain link reaches none of them in
    reST), else its new address."""
    text, target = match["text"], match["target"]
    found = new(target)
    if found == target:
        return match.group(0)
    if found.startswith("#"):  # a label the importer writes in the article (``_to_article``)
        return f":ref:`{text or found[1:]} <{found[1:]}>`"
    path = found.split("#")[0]
    if path.endswith(".md"):
        article = (new.article.parent / path).resolve().relative_to(new.targets.docs.resolve())
        docname = "/" + article.with_suffix("").as_posix()
        return f":doc:`{text} <{docname}>`" if text else f":doc:`{docname}`"
    if not re.match(r"[a-z][a-z0-9+.-]*:", found):  # a file copied beside the articles
        return f":download:`{text or found} <{found}>`"
    return f"`{text or found} <{found}>`{match['end']}"


def _labels(conversion: Conversion, targets: Targets, article: Path) -> None:
    """Name each label of the post as ``Targets.label`` does; a label the post repeats (the
    old engine wrote its id twice; the first took the links) is numbered from its second."""
    anchors, seen = targets.labels.get(article, set()), Counter[str]()

    def named(match: re.Match[str]) -> str:
        if match[1] not in anchors:
            return match[0]
        seen[match[1]] += 1
        label = targets.label(article, match[1])
        return f"({label}{f'-{seen[match[1]]}' if seen[match[1]] > 1 else ''})="

    conversion.sub(_LABEL, "ids also used in other posts (labels named for theirs)", named)


def rewrite(conversion: Conversion, targets: Targets, source: Path, article: Path) -> Rewriting:
    """Point every link and image of a post at the new articles and the copied files."""
    _labels(conversion, targets, article)
    rewriting = Rewriting()
    new = _Rewriter(targets, source, article, rewriting)
    if source.suffix == ".rst":
        conversion.sub(_RST_LINK, "links", lambda m: _rst_link(new, m))
        conversion.sub(_RST_TARGET, "links", lambda m: m[1] + new(m[2], html=True))
    conversion.sub(_MD_IMAGE, "links", lambda m: m[1] + new(m[2], image=True) + m[3])
    conversion.sub(_MD_LINK, "links", lambda m: m[1] + new(m[2]) + m[3])
    conversion.sub(_REF_DEF, "links", lambda m: m.group(1) + new(m.group(2)))
    conversion.sub(
        _HTML_ATTR,
        "links",
        lambda m: m.group(1) + m.group(2) + new(m.group(3), html=True) + m.group(2),
    )
    conversion.sub(_DIRECTIVE_PATH, "links", lambda m: m.group(1) + new(m.group(2), image=True))
    conversion.done["links"] = rewriting.rewritten
    return rewriting
