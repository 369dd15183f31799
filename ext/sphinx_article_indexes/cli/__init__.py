"""The command line ``sphinx-articles``: start an article, preview the site, import a blog.

``sphinx-articles new TITLE [--into FOLDER]``,
``sphinx-articles serve SOURCE OUTPUT [--host H] [--port P] [-q]`` and
``sphinx-articles import SOURCE [--into DOCS] [--engine E] [--dry-run] [--force]``.
It is not part of the Sphinx extension: the extension never imports it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import new

_BAD_USAGE = 2


def _new(args: argparse.Namespace) -> int:
    try:
        path = new.create(args.title, args.into)
    except FileExistsError as err:
        print(f"{err.filename} exists already; choose another title or edit it", file=sys.stderr)
        return 1
    except ValueError as err:
        print(f"sphinx-articles new: {err}", file=sys.stderr)
        return _BAD_USAGE
    print(path)
    return 0


def _serve(args: argparse.Namespace) -> int:
    if not (args.source / "conf.py").is_file():
        print(f"sphinx-articles serve: no conf.py in {args.source}", file=sys.stderr)
        return _BAD_USAGE
    try:
        import watchfiles  # noqa: F401
    except ImportError:
        print("sphinx-articles serve needs watchfiles: pip install 'sphinx-article-indexes[serve]'",
              file=sys.stderr)  # fmt: skip
        return 1
    from . import preview

    try:
        preview.serve(args.source, args.output, args.host, args.port, args.quiet)
    except OSError as err:  # the port is taken, most often
        print(f"sphinx-articles serve: {err}", file=sys.stderr)
        return 1
    return 0


def _import(args: argparse.Namespace) -> int:
    from . import importing  # only this task needs it

    if not (args.into / "conf.py").is_file():
        print(f"sphinx-articles import: no conf.py in {args.into}", file=sys.stderr)
        return _BAD_USAGE
    try:
        report = importing.run(
            args.source, args.into, engine=args.engine, dry_run=args.dry_run, force=args.force,
            check=not args.no_check,
        )  # fmt: skip
    except importing.engines.NotASite as err:
        print(f"sphinx-articles import: {err}", file=sys.stderr)
        return _BAD_USAGE
    print(report.text())
    return 0


def _add_import(tasks: argparse._SubParsersAction) -> None:
    bring = tasks.add_parser(
        "import",
        help="bring a Jekyll, Hugo, Pelican or ABlog blog's posts here",
        description="Write one article per post of the site at SOURCE into DOCS/articles/, "
        "the files they use into DOCS/media/, and say what could not be converted. "
        "Articles edited by hand since the last import are kept.",
    )
    bring.add_argument("source", type=Path, metavar="SOURCE", help="the old site's folder")
    bring.add_argument(
        "--into", type=Path, default=Path("docs"), metavar="DOCS",
        help="the Sphinx project to import into (default: docs)",
    )  # fmt: skip
    bring.add_argument(
        "--engine", choices=["jekyll", "hugo", "pelican", "ablog"],
        help="the engine, where the site's files do not tell",
    )  # fmt: skip
    bring.add_argument("--dry-run", action="store_true", help="report, but write nothing")
    bring.add_argument("--force", action="store_true", help="overwrite articles edited by hand")
    bring.add_argument(
        "--no-check", action="store_true",
        help="do not build the project afterwards to report its warnings with what to do",
    )  # fmt: skip
    bring.set_defaults(run=_import)


def parser() -> argparse.ArgumentParser:
    """The command line's arguments, with a subcommand for each task."""
    main = argparse.ArgumentParser(prog="sphinx-articles", description=__doc__.split("\n\n")[0])
    tasks = main.add_subparsers(dest="task", required=True, metavar="{new,serve,import}")
    start = tasks.add_parser(
        "new",
        help="start an article file with its front matter filled in",
        description="Write FOLDER/<slug>.md with the title, today's date and empty categories. "
        "An existing file is never overwritten.",
    )
    start.add_argument("title", metavar="TITLE", help="the article's title")
    start.add_argument(
        "--into", type=Path, default=Path("docs/articles"), metavar="FOLDER",
        help="where to write it (default: docs/articles)",
    )  # fmt: skip
    start.set_defaults(run=_new)
    preview = tasks.add_parser(
        "serve",
        help="preview the site, rebuilt on every save",
        description="Build SOURCE into OUTPUT, serve it, and build again each time a file of "
        "SOURCE is saved; open pages reload by themselves.",
    )
    preview.add_argument("source", type=Path, metavar="SOURCE", help="the folder with conf.py")
    preview.add_argument("output", type=Path, metavar="OUTPUT", help="where to write the HTML")
    preview.add_argument("--host", default="127.0.0.1", help="default: 127.0.0.1")
    preview.add_argument("--port", type=int, default=8000, help="default: 8000; 0: any free port")
    preview.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    preview.set_defaults(run=_serve)
    _add_import(tasks)
    return main


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return its exit status (2 for bad arguments)."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as exit:  # --help, or bad arguments (argparse printed why)
        return int(exit.code or 0)
    return args.run(args)
