"""Sphinx configuration of the publication."""

from __future__ import annotations

import os

project = "Генеративный ИИ: заметки"
author = "Редакция"
copyright = "2025, Редакция"
language = "ru"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_sitemap",
    "sphinx_article_indexes",
]

root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "README.md"]
myst_enable_extensions = ["colon_fence"]

html_theme = "furo"
html_title = project
html_static_path: list[str] = []

# Read the Docs gives the canonical URL of the version being built; locally a
# configured URL stands in, so canonical links and sitemap.xml are absolute.
html_baseurl = os.environ.get(
    "READTHEDOCS_CANONICAL_URL", "https://generative-ai-notes.readthedocs.io/ru/latest/"
)
# html_baseurl already holds the language and version: do not add them again.
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html", "search/", "genindex/"]
sitemap_show_lastmod = False

articles_pattern = ["articles/**"]
articles_latest_count = 10
