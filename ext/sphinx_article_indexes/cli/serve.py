"""Live preview: sphinx-autobuild, told not to watch the pages the build writes itself.

``sphinx-articles serve SOURCE OUTPUT [sphinx-autobuild options]``

The archive, category and edition pages are generated at the start of every
build. They are rewritten only when their text changes, so watching them would
cost one needless rebuild per edit rather than a loop; not watching them costs
nothing, since an edit to an article is what changes them.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.config import eval_config_file


def generated_paths(srcdir: Path) -> list[Path]:
    """The folders and page the extension writes into ``srcdir``, per its ``conf.py``."""
    conf = eval_config_file(srcdir / "conf.py", tags=None)
    archive = conf.get("articles_archive_dir", "archive")
    categories = conf.get("articles_categories_dir", "categories")
    edition = conf.get("articles_edition_doc", "edition")
    return [srcdir / archive, srcdir / categories, srcdir / f"{edition}.md"]


def serve(source: Path, output: Path, options: list[str]) -> None:
    """Run sphinx-autobuild on ``source`` into ``output``, ignoring the generated pages."""
    from sphinx_autobuild.__main__ import main as autobuild

    ignores = [f"--ignore={path}" for path in generated_paths(source.resolve())]
    autobuild([*ignores, str(source), str(output), *options])
