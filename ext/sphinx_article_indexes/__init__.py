"""Articles with YAML front matter, and the archive and category indexes built from it.

Each article (by default every document under ``articles/``) declares its
``title``, ``date`` and ``categories`` in front matter. This extension checks
them, puts a byline under each article's title, and keeps one record per article
in the build environment. From those records it fills the date archive, the
category pages and the home page's cards late, once every article is read, so
serial, parallel and incremental builds agree.

The parts, in the order ``setup`` registers them:

- ``records``: front matter into article records, kept in the build environment;
- ``safety``: what an article file may do (the README's threat model), enforced;
- ``indexes``: the index pages and the listings filled from the records;
- ``website``: feeds, meta tags and what else only the website has;
- ``editions``: the PDF, EPUB and single-page editions;
- ``internals``: what relies on Sphinx's, Furo's or sphinx-sitemap's private behaviour;
- ``i18n``, ``markdown`` and ``kept``: words and dates; MyST written safely; build records.

``cli`` (``sphinx-articles new | serve``) is the command line, not part of the extension.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import editions, i18n, indexes, internals, records, safety, website

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the parts of the publication, each with its own settings and handlers."""
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_design")
    i18n.setup(app)
    records.setup(app)
    safety.setup(app)
    indexes.setup(app)
    website.setup(app)
    editions.setup(app)
    internals.setup(app)
    return {
        "version": __version__,
        "env_version": 4,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
