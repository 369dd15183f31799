"""``sphinx-articles import``: a Jekyll, Hugo, Pelican or ABlog site into articles.

Not part of the Sphinx extension (which never imports it): it reads another
engine's site and writes Markdown articles and the files they use into DOCS.

- ``engines``: which engine, its settings (read, never run), where the posts are.
- ``metadata``: a post's metadata and body in its engine's dialect.
- ``urls``: each post's old address, from its engine's settings.
- ``posts``: the normalised front matter and the article's path.
- ``liquid``, ``shortcodes``, ``site_embeds``, ``pelican``, ``markup``, ``tex_math``: the body
  into MyST Markdown.
- ``links``: links between posts and files the posts use, pointed at the new site.
- ``sphinx_refs``, ``ablog_directives``, ``rst``: what a Sphinx blog's reST needs on the new site.
- ``output``: writing safely (re-runs, hand edits, ``--dry-run``); ``report``: what happened.
"""

from __future__ import annotations

from pathlib import Path

from . import (
    ablog_directives,
    check,
    engines,
    links,
    liquid,
    markup,
    pelican,
    posts,
    rst,
    shortcodes,
    site_embeds,
    sphinx_refs,
    tex_math,
)
from .report import PostReport, Report

# What each engine's Markdown needs; reST posts are kept as they are but for their links.
_CONVERTERS = {
    "jekyll": [liquid.convert],
    "hugo": [shortcodes.convert],
    "pelican": [pelican.convert],
    "ablog": [],
}


def _unique(read: list[posts.Post]) -> None:
    """Two posts with the same year and slug get ``-2``, ``-3``… in the order found."""
    seen: set[Path] = set()
    for post in read:
        candidate, number = post.output, 2
        while candidate in seen:
            candidate = post.output.with_name(f"{post.output.stem}-{number}.md")
            number += 1
        post.output = candidate
        seen.add(candidate)


# What every engine's Markdown needs once its own syntax is converted.
_MARKDOWN_STEPS = (
    tex_math.convert, markup.html_images, markup.anchors, markup.heading_levels,
    markup.heading_links, markup.rules_under_headings, markup.empty_links,
)  # fmt: skip


def _to_myst(conversion: markup.Conversion, site: engines.Site) -> None:
    """A Markdown post into MyST: its engine's syntax, then images, anchors, headings, links."""
    liquid.site_urls(conversion)
    for convert in _CONVERTERS[site.engine]:
        convert(conversion)
    if site.engine == "hugo":
        site_embeds.convert(conversion, site.root)
    for convert in _MARKDOWN_STEPS:
        convert(conversion)


def _body(post: posts.Post, site: engines.Site, targets: links.Targets, report: PostReport) -> str:
    conversion = markup.Conversion(
        posts.more_marker(post.body) if post.markup == "md" else post.body
    )
    if site.engine == "pelican":
        pelican.placeholders(conversion)
    if post.markup == "md":
        _to_myst(conversion, site)
    if site.engine == "ablog":
        ablog_directives.convert(conversion, site, post.markup)
    markup.contents_lists(conversion)
    rewriting = links.rewrite(conversion, targets, post.source, targets.docs / post.output)
    sphinx_refs.rewrite(conversion, targets, post.source)
    if post.markup == "md":
        report.left = markup.set_aside(conversion)
    report.absorb(conversion.done, rewriting)
    report.copies = rewriting.copies
    if post.markup == "rst":
        report.done["reST kept as reST"] = 1
        return rst.to_myst(conversion.text, _epilog(site))
    if settings := markup.myst_settings(conversion.text):
        post.front["myst"] = settings
        if "enable_extensions" in settings:
            report.done["$$ math"] += 1
    return conversion.text


def _epilog(site: engines.Site) -> str:
    """What the old site's Sphinx added to every reST page: its named links, substitutions."""
    parts = (site.settings.get("rst_prolog"), site.settings.get("rst_epilog"))
    return "\n".join(part for part in parts if isinstance(part, str))


def _in_our_language(site: engines.Site, docs: Path, paths: list[Path]) -> tuple[list, int]:
    """A multilingual Hugo site's posts in the publication's language: (them, how many not).

    Each translation (``post.en.md`` beside ``post.ru.md``) would be an article of its
    own; the publication's ``language`` picks one. When the site is not written in
    it, the site's default language is kept.
    """
    languages = engines.hugo_languages(site) if site.engine == "hugo" else set()
    if len(languages) < 2:
        return paths, 0
    ours = str(engines.python_constants(docs / "conf.py").get("language") or "").lower()
    default = str(site.settings.get("defaultContentLanguage", "en")).lower()
    wanted = ours if ours in languages else default
    kept = [path for path in paths if engines.hugo_name(site, path)[1] == wanted]
    return kept, len(paths) - len(kept)


def run(
    source: Path, docs: Path, *, engine: str | None, dry_run: bool, force: bool, check: bool = True
) -> Report:
    """Import every post of the site at ``source`` into ``docs``; return the report.

    With ``check``, the project is then built once and each warning of an imported
    article is added to its report, with what to do.
    """
    site = engines.detect(source, engine)
    report = Report(site.engine, dry_run=dry_run)
    read: list[posts.Post] = []
    paths, report.translations = _in_our_language(site, docs, engines.find_posts(site))
    for path in paths:
        try:
            read.append(posts.read_post(site, path))
        except (OSError, ValueError) as err:
            report.failed(path.relative_to(source), str(err))
    _unique(read)
    targets = links.Targets(site, docs)
    for post in read:
        aliases = post.front.get("aliases", [])
        targets.add(post.source, post.old_url, docs / post.output, aliases, post.body)
        for label in post.labels:
            targets.page_labels.setdefault(sphinx_refs.label_key(label), docs / post.output)
    writer = report.writer(docs, force)
    for post in read:
        entry = report.post(post.source.relative_to(source), post.output, post.problems)
        body = _body(post, site, targets, entry)
        head = posts.front_matter(post.front) + "\n"
        moved = head.count("\n") - (len(body) - len(body.lstrip("\n")))  # to the file's lines
        entry.left = [(line + moved, what) for line, what in entry.left]
        text = head + body.lstrip("\n")
        writer.write(post.output, text.encode("utf-8"))
        for file, copy in sorted(entry.copies.items()):
            writer.copy(file, copy.relative_to(docs))
    writer.finish()
    if check and not dry_run:
        _add_build_warnings(report, docs)
    return report


def _add_build_warnings(report: Report, docs: Path) -> None:
    found = check.warnings(docs)
    for post in report.posts:
        post.built = found.get((docs / post.output).resolve(), [])
    report.checked = True
