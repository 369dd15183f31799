"""Live preview: sphinx-autobuild, told not to watch the pages the build writes itself.

``python -m sphinx_article_indexes.serve SOURCEDIR OUTPUTDIR [sphinx-autobuild options]``

The archive, category and edition pages are generated at the start of every
build. They are rewritten only when their text changes, so watching them would
cost one needless rebuild per edit rather than a loop; not watching them costs
nothing, since an edit to an article is what changes them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sphinx.config import eval_config_file


def generated_paths(srcdir: Path) -> list[Path]:
    """The folders and page the extension writes into ``srcdir``, per its ``conf.py``."""
    conf = eval_config_file(srcdir / "conf.py", tags=None)
    archive = conf.get("articles_archive_dir", "archive")
    categories = conf.get("articles_categories_dir", "categories")
    edition = conf.get("articles_edition_doc", "edition")
    return [srcdir / archive, srcdir / categories, srcdir / f"{edition}.md"]


def main(argv: list[str] | None = None) -> None:
    """Run sphinx-autobuild on SOURCEDIR, ignoring the generated pages."""
    from sphinx_autobuild.__main__ import main as autobuild

    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__.split("\n\n")[1].strip("`"))
    ignores = [f"--ignore={path}" for path in generated_paths(Path(argv[0]).resolve())]
    autobuild([*ignores, *argv])


if __name__ == "__main__":
    main()
