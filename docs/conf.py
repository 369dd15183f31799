"""Sphinx configuration of the publication."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

project = "Генеративный ИИ: заметки"
author = "Редакция"
copyright = "2025, Редакция"
version = release = "1.0"
language = "ru"
today_fmt = "%d %B %Y г."

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_sitemap",
    "sphinxext.opengraph",
    "notfound.extension",
    "sphinx_article_indexes",
]

root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "README.md"]
myst_enable_extensions = ["colon_fence"]
# A code sample Pygments cannot read is still shown, as plain text; imported posts
# have many (a snippet cut short, a language guessed wrong): not a reason to fail -W.
suppress_warnings = ["misc.highlighting_failure"]

html_theme = "furo"
html_title = project
html_static_path = ["_static"]
# Without one, browsers ask for /favicon.ico and log a 404 on every page.
html_favicon = "favicon.svg"
# No article has index entries, so Sphinx's general index would be an empty page
# written again at every build (0.2 s of a no-op rebuild at 1000 articles).
html_use_index = False

# Read the Docs gives the canonical URL of the version being built; locally a
# configured URL stands in, so canonical links and sitemap.xml are absolute.
html_baseurl = (
    os.environ.get("READTHEDOCS_CANONICAL_URL")
    or "https://generative-ai-notes.readthedocs.io/ru/latest/"
).rstrip("/") + "/"
# html_baseurl already holds the language and version: do not add them again.
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "search/"]
sitemap_show_lastmod = False

# The 404 page works at any depth: its links are absolute, under the site's path.
notfound_urls_prefix = urlsplit(html_baseurl).path
notfound_context = {
    "title": "Страница не найдена",
    "body": (
        "<h1>Страница не найдена</h1>"
        "<p>Такой страницы здесь нет. Начните с <a href='"
        + urlsplit(html_baseurl).path
        + "index.html'>главной</a> или найдите статью поиском.</p>"
    ),
}

ogp_site_url = html_baseurl
ogp_site_name = project
# Link previews show the publication's card, or an article's own "image:".
# sphinxext-opengraph could draw a card per page (ogp_social_cards) with matplotlib:
# a dependency and a cost on every page, so it is off.
ogp_image = "_static/cover.png"
ogp_image_alt = project
ogp_social_cards = {"enable": False}

articles_pattern = ["articles/**"]
articles_latest_count = 10
articles_timezone = "Europe/Moscow"  # for dates written without a time zone
# Atom ids are tag: URIs under this name, as it was in 2025: they stay when the site moves.
articles_feed_authority = "generative-ai-notes.readthedocs.io,2025"

# The PDF edition: articles as chapters in date order, then the archive and
# category indexes, from the generated "edition" page. LuaLaTeX, because it can
# fall back to another font for characters FreeSerif lacks (emoji, symbols).
latex_engine = "lualatex"
latex_documents = [("edition", "generative-ai-notes.tex", project, author, "manual")]
latex_show_pagerefs = True
latex_domain_indices = False
_FALLBACK = "RawFeature={fallback=publication}"
latex_elements = {
    "papersize": "a4paper",
    "printindex": "",
    "fontpkg": rf"""
\directlua{{luaotfload.add_fallback("publication",
  {{"Symbola:mode=node;", "DejaVu Sans:mode=node;"}})}}
\setmainfont{{FreeSerif}}[Extension=.otf, UprightFont=*, ItalicFont=*Italic,
  BoldFont=*Bold, BoldItalicFont=*BoldItalic, {_FALLBACK}]
\setsansfont{{FreeSans}}[Extension=.otf, UprightFont=*, ItalicFont=*Oblique,
  BoldFont=*Bold, BoldItalicFont=*BoldOblique, {_FALLBACK}]
\setmonofont{{FreeMono}}[Extension=.otf, UprightFont=*, ItalicFont=*Oblique,
  BoldFont=*Bold, BoldItalicFont=*BoldOblique, {_FALLBACK}]
""",
}

# The EPUB edition, named after the publication (Sphinx would call it sphinx.epub).
epub_basename = "generative-ai-notes"
epub_title = project
epub_author = author
epub_publisher = author
epub_contributor = author
epub_description = "Статьи о генеративном искусственном интеллекте."
epub_copyright = copyright
# A stable identifier. Sphinx writes epub_uid into toc.ncx and epub_identifier into
# content.opf, and EPUBCheck requires the two to match, so they are one XML name.
epub_identifier = epub_uid = "generative-ai-notes-ru"
epub_scheme = "unknown"
epub_show_urls = "no"
epub_use_index = False
# The sections (archive, years, categories) are hidden toctrees on the site; list them.
epub_tocscope = "includehidden"
epub_tocdepth = 3
epub_exclude_files = ["search.html", "sitemap.xml", "edition.xhtml"]
