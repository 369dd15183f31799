"""Front matter into article records, kept in the build environment.

- ``frontmatter``: one file's front matter (untrusted YAML) into a checked ``Article``.
- ``slugs``: readable ASCII addresses for names that may be Cyrillic or hostile.
- ``scanned``: each file's front matter parsed once, kept with the file's size and time.
- ``domain``: the records of every article, merged after parallel reads; what changed.
- ``reading``: read time: warnings, the title and byline, the summary and reading time.

During ``env-get-updated`` the other parts ask the domain what this build
changed (``changed_records``); this part forgets it last, at priority 900.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import reading
from .domain import ArticlesDomain

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register which documents are articles, the records' domain and the reading steps."""
    app.add_config_value("articles_pattern", ["articles/**"], "env", list)
    app.add_config_value("articles_include_drafts", False, "env", bool)
    app.add_config_value("articles_summary_length", 240, "env", int)
    app.add_config_value("articles_words_per_minute", 180, "env", int)
    app.add_config_value("articles_timezone", "UTC", "env", str)
    app.add_domain(ArticlesDomain)
    app.add_transform(reading.ArticleByline)
    app.connect("source-read", reading.on_source_read)
    app.connect("doctree-read", reading.on_doctree_read, priority=600)
    app.connect("env-get-outdated", reading.read_due_articles)
    app.connect("env-get-updated", reading.forget_changes, priority=900)
    app.connect("env-updated", reading.report_hidden)
