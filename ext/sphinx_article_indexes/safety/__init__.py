"""What an article file may do (the README's threat model), enforced at build time.

- ``sources``: files Sphinx cannot read safely (links outside, pipes, not UTF-8,
  too large, odd names) are left out before it looks for documents.
- ``file_access``: an article inserts no other file, and publishes no image or
  download from outside the source folder.
- ``raw_content``: raw HTML in articles as the maintainer chooses; no other raw format.

What an article's front matter may hold is checked where it is read
(``records.untrusted``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.config import ENUM

from . import file_access, raw_content, sources

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register the checks of source files, file access and raw markup."""
    app.add_config_value("articles_raw_html", "allow", "env", ENUM(*raw_content.CHOICES))
    sources.setup(app)
    app.add_source_parser(file_access.ArticleParser, override=True)
    app.connect("doctree-read", file_access.keep_files_inside, priority=600)
    app.add_transform(raw_content.ArticleRawContent)
