"""Which engine built a site, where its posts are, and each post's old address.

Configuration files are read, never run: ``pelicanconf.py`` through ``ast`` (plain
assignments only), ``conf.py`` searched for ``ablog``, YAML safely, TOML with tomllib.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ENGINES = ("jekyll", "hugo", "pelican", "ablog")
POST_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".rst", ".html")
_JEKYLL_NAME = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})-(.+)")
_SKIP_DIRS = {".git", "node_modules", "_site", "public", "output", "_build", "vendor", ".venv"}


class NotASite(ValueError):
    """SOURCE is no site this importer knows."""


@dataclass
class Site:
    """A blog as its author has it: the engine, its root and the settings that shape URLs."""

    engine: str
    root: Path
    settings: dict = field(default_factory=dict)
    static_dirs: tuple[Path, ...] = ()

    @property
    def base_url(self) -> str:
        """The site's own address (``url``, ``baseURL``, ``SITEURL``), without the slash."""
        keys = ("url", "baseURL", "baseurl", "SITEURL", "blog_baseurl")
        return next((str(self.settings[k]) for k in keys if self.settings.get(k)), "").rstrip("/")


def detect(root: Path, engine: str | None = None) -> Site:
    """The site at ``root``, by its configuration file, or Jekyll by its ``_posts`` folders."""
    if not root.is_dir():
        raise NotASite(f"{root} is not a folder")
    found = engine or _engine_by_config(root)
    if found is None and next(_posts_folders(root), None) is not None:
        found = "jekyll"  # a site with its own generator, but Jekyll's folders
    if found is None:
        raise NotASite(
            f"{root} is not a Jekyll, Hugo, Pelican or ABlog site: no _config.yml, "
            "hugo.toml/config.toml, pelicanconf.py, conf.py using ablog or _posts folder "
            "(--engine chooses one)"
        )
    settings = _SETTINGS[found](root)
    return Site(found, root, settings, _static_dirs(found, root, settings))


_HUGO_NAMES = ("hugo.toml", "hugo.yaml", "config.toml", "config.yaml")


def _engine_by_config(root: Path) -> str | None:
    if (root / "pelicanconf.py").is_file():
        return "pelican"
    if any((root / name).is_file() for name in ("hugo.toml", "hugo.yaml", "hugo.json")):
        return "hugo"
    if any((root / "config" / "_default" / name).is_file() for name in _HUGO_NAMES):
        return "hugo"  # Hugo's configuration folder
    if (root / "conf.py").is_file() and "ablog" in _read(root / "conf.py"):
        return "ablog"
    if (root / "_config.yml").is_file() or (root / "_config.yaml").is_file():
        return "jekyll"
    if any((root / name).is_file() for name in ("config.toml", "config.yaml")) and (
        (root / "content").is_dir()
    ):
        return "hugo"
    return None


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _yaml_file(path: Path) -> dict:
    try:
        data = yaml.safe_load(_read(path)) if path.is_file() else {}
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _jekyll_settings(root: Path) -> dict:
    return _yaml_file(root / "_config.yml") or _yaml_file(root / "_config.yaml")


def _settings_file(path: Path) -> dict:
    if path.suffix != ".toml":
        return _yaml_file(path)
    try:
        return tomllib.loads(_read(path))
    except tomllib.TOMLDecodeError:
        return {}


def _hugo_settings(root: Path) -> dict:
    """``config/_default/`` (each file one key), then ``hugo.toml`` (or ``config.*``) over it."""
    settings: dict = {}
    folder = root / "config" / "_default"
    for path in sorted(folder.glob("*.*")) if folder.is_dir() else []:
        if path.suffix in (".toml", ".yaml", ".yml"):
            data = _settings_file(path)
            settings = _merged(
                settings, data if path.stem in ("hugo", "config") else {path.stem: data}
            )
    # Hugo merges both; a root file kept only for other tools is often empty (Hugo Blox).
    name = next((n for n in _HUGO_NAMES if (root / n).is_file()), None)
    return settings | _settings_file(root / name) if name else settings


def _merged(first: dict, then: dict) -> dict:
    """Two settings files as Hugo merges them: tables key by key (``languages`` in both)."""
    merged = dict(first)
    for key, value in then.items():
        old = merged.get(key)
        merged[key] = (
            _merged(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
        )
    return merged


def hugo_languages(site: Site) -> set[str]:
    """The languages a Hugo site is written in (its ``languages`` setting), lower case."""
    languages = site.settings.get("languages")
    return {str(name).lower() for name in languages} if isinstance(languages, dict) else set()


def hugo_name(site: Site, path: Path) -> tuple[str, str]:
    """A Hugo content file's name and language: ``post.ru.md`` is ``post`` in ``ru``.

    Without a language in its name, a file is in the language whose ``contentDir`` holds
    it, else in the site's ``defaultContentLanguage``.
    """
    stem, _, language = path.stem.rpartition(".")
    if stem and language.lower() in hugo_languages(site):
        return stem, language.lower()
    for name, folder in _language_folders(site).items():
        if folder in path.parents:
            return path.stem, name
    return path.stem, str(site.settings.get("defaultContentLanguage", "en")).lower()


def _language_folders(site: Site) -> dict[str, Path]:
    """A site translated by folder: each language's ``contentDir``."""
    languages = site.settings.get("languages")
    folders = {}
    for name, settings in languages.items() if isinstance(languages, dict) else ():
        folder = settings.get("contentDir") if isinstance(settings, dict) else None
        if isinstance(folder, str) and folder.strip("/."):
            folders[str(name).lower()] = site.root / folder
    return folders


def hugo_content(site: Site, path: Path) -> Path:
    """The content folder ``path`` is in: its language's ``contentDir``, or the site's."""
    return next(
        (folder for folder in _language_folders(site).values() if folder in path.parents),
        site.root / str(site.settings.get("contentDir", "content")),
    )


def python_constants(path: Path) -> dict:
    """The plain ``NAME = literal`` assignments of a Python file, without running it."""
    try:
        tree = ast.parse(_read(path))
    except (SyntaxError, ValueError, OSError):  # OSError: no such file, as the others read
        return {}
    constants = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            try:
                value = ast.literal_eval(node.value)
            except (ValueError, TypeError, SyntaxError, RecursionError):
                continue
            if isinstance(target, ast.Name):
                constants[target.id] = value
    return constants


def _pelican_settings(root: Path) -> dict:
    return python_constants(root / "pelicanconf.py")


def _ablog_settings(root: Path) -> dict:
    return python_constants(root / "conf.py")


_SETTINGS = {
    "jekyll": _jekyll_settings,
    "hugo": _hugo_settings,
    "pelican": _pelican_settings,
    "ablog": _ablog_settings,
}


def _static_dirs(engine: str, root: Path, settings: dict) -> tuple[Path, ...]:
    """Where site-absolute addresses (``/images/a.png``) are looked for, in order."""
    if engine == "hugo":
        return (root / "static", root / "content", root)
    if engine == "pelican":
        content = root / str(settings.get("PATH", "content"))
        return (content, root / "content", root)
    if engine == "ablog":
        return (root, root / "_static")
    return (root,)


def _posts_folders(root: Path):
    for path in sorted(root.rglob("_posts")):
        if path.is_dir() and not _SKIP_DIRS & set(path.relative_to(root).parts):
            yield path
    for path in sorted(root.rglob("_drafts")):
        if path.is_dir() and not _SKIP_DIRS & set(path.relative_to(root).parts):
            yield path


def _files(folder: Path) -> list[Path]:
    """Post files in ``folder``; never one that is a link to somewhere outside it."""
    inside = folder.resolve()
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in POST_SUFFIXES
        and not _SKIP_DIRS & set(p.relative_to(folder).parts)
        and not p.name.startswith(".")
        and p.resolve().is_relative_to(inside)
    )


def pelican_content(site: Site) -> Path:
    """Pelican's content folder: ``PATH``; unset, where Pelican runs (``content/`` if there)."""
    if "PATH" in site.settings:
        return site.root / str(site.settings["PATH"])
    return site.root / "content" if (site.root / "content").is_dir() else site.root


def find_posts(site: Site) -> list[Path]:
    """The files of every post, drafts and page bundles included, in a stable order."""
    if site.engine == "jekyll":
        return [p for folder in _posts_folders(site.root) for p in _files(folder)]
    if site.engine == "hugo":
        content = site.root / str(site.settings.get("contentDir", "content"))
        folders = [
            content,
            *(f for f in _language_folders(site).values() if content not in f.parents),
        ]
        found = dict.fromkeys(p for folder in folders for p in _files(folder))  # once, in order
        return [p for p in found if not p.name.startswith("_index.")]
    if site.engine == "pelican":
        content = pelican_content(site)
        pages = {content / str(d) for d in site.settings.get("PAGE_PATHS", ["pages"])}
        return [
            p
            for p in _files(content)
            if p.suffix != ".html" and not any(d in p.parents for d in pages)
        ]
    return [p for p in _files(site.root) if p.suffix in (".md", ".rst") and _is_ablog_post(p)]


_ABLOG_POST = re.compile(r"^(?:\.\. post::|```\{post\}|:::\{post\}|blogpost:\s*true)", re.M)


def _is_ablog_post(path: Path) -> bool:
    return bool(_ABLOG_POST.search(_read(path)[:20000]))


def jekyll_name(path: Path) -> tuple[dt.date | None, str]:
    """The date and slug in a Jekyll post's file name (``2009-01-27-slug.md``)."""
    match = _JEKYLL_NAME.fullmatch(path.stem)
    if not match:
        return None, path.stem
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None, path.stem
    return day, match[4]
