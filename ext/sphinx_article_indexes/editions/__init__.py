"""The editions besides the website: the PDF (LaTeX), the EPUB and the single page.

- ``latex``: break words too long for a line, so nothing runs off the PDF's page.
- ``epub``: an accessible EPUB: pages' language, the contents' role, accessibility metadata.
- ``epub_math``: the EPUB's formulas as MathML (reading systems run no MathJax).
- ``singlehtml``: mend cross-document section links on the single-page builder.
- ``tex``: check that the TeX the PDF needs is installed (``python -m``; standard library only).

The editions' contents (every article oldest first, then the indexes) is a generated page,
written with the index pages (``indexes.pages``) under ``articles_edition_doc``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import epub, epub_math, latex, singlehtml

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register the editions' contents page and the builder-specific mends."""
    app.add_config_value("articles_edition_doc", "edition", "env", str)
    app.add_post_transform(singlehtml.SingleFragment)
    app.add_post_transform(latex.BreakLongWords)
    epub.setup(app)
    epub_math.setup(app)
