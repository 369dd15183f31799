"""Docutils settings made once, not twice for every document read.

Since Sphinx 9 (``_parse_str_to_doctree``, sphinx-doc/sphinx#13676) every document
gets its docutils settings from a new ``OptionParser`` of some 150 options, reading
the docutils.conf files again; and MyST makes another set for a document it then
throws away (``setup_render`` evaluates ``options.get("document", make_document())``
before looking in ``options``). Each is about 1.5 ms: 3 ms a document, a tenth of
a full build. Here each set is made once and copied for every document: a copy has
its own ``record_dependencies`` and lists, as a set made afresh would.

Relies on: ``sphinx.util.docutils._parse_str_to_doctree`` calling the module's
``_get_settings`` (Sphinx 9.0.4; Sphinx 8.2 reads through a cached publisher and is
left alone), and ``myst_parser.mdit_to_docutils.base.make_document`` (myst-parser
5.0). The cache holds one entry: the settings for the same parser class and the
same default values (the same objects: the environment's settings of this build).
"""

from __future__ import annotations

import codecs
import functools
from typing import TYPE_CHECKING, Any

from docutils.frontend import get_default_settings
from docutils.utils import DependencyList, new_document

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from docutils import nodes
    from docutils.frontend import Values
    from sphinx.application import Sphinx


def fresh_copy(settings: Values) -> Values:
    """A copy of ``settings`` that shares nothing a document changes with the original."""
    copied = settings.copy()
    copied.record_dependencies = DependencyList()
    for name, value in vars(copied).items():
        if isinstance(value, list):  # docutils extends list settings in place
            setattr(copied, name, list(value))
    return copied


def _same(seen: list[tuple[str, Any]], items: list[tuple[str, Any]]) -> bool:
    """The same keys with the same objects: equal values are not enough (a new env)."""
    return len(seen) == len(items) and all(
        k == k2 and v is v2 for (k, v), (k2, v2) in zip(seen, items, strict=True)
    )


def _settings_once(original: Callable[..., Values]) -> Callable[..., Values]:
    last: list[tuple[tuple, list[tuple[str, Any]], bool, Values]] = []

    @functools.wraps(original)
    def _get_settings(
        *components: Any, defaults: Mapping[str, Any], read_config_files: bool = False
    ) -> Values:
        items = list(defaults.items())
        # Sphinx passes a new parser object per document; its settings are its class's.
        kinds = tuple(c if isinstance(c, type) else type(c) for c in components)
        if last:
            seen_kinds, seen_items, seen_read, settings = last[0]
            if (seen_kinds, seen_read) == (kinds, read_config_files) and _same(seen_items, items):
                return fresh_copy(settings)
        settings = original(*components, defaults=defaults, read_config_files=read_config_files)
        # The values are kept, so that a later build's ``is`` cannot match a reused id.
        last[:] = [(kinds, items, read_config_files, fresh_copy(settings))]
        return settings

    _get_settings.articles_once = True  # type: ignore[attr-defined]
    return _get_settings


@functools.cache
def _default_settings(parser_cls: type) -> Values:
    return get_default_settings(parser_cls)


def _make_document(source_path: str = "notset", parser_cls: type | None = None) -> nodes.document:
    """MyST's ``make_document``, with its parser's default settings made once."""
    from docutils.parsers.rst import Parser as RSTParser

    settings = fresh_copy(_default_settings(parser_cls or RSTParser))
    return new_document(source_path, settings=settings)


def make_ahead(app: Sphinx) -> None:
    """Make what the first document read makes, before it is read (the preview, ahead of a save).

    Its settings, MyST's, and the modules of its language that docutils imports on
    first use: about 10 ms of a one-article build in a process that read none yet.
    """
    import xml.dom.minidom  # noqa: F401  (Sphinx's debug text of a node without a source)

    import sphinx.util.docutils as sphinx_docutils
    from docutils.languages import get_language
    from docutils.parsers.rst import Parser as RSTParser
    from docutils.parsers.rst.languages import get_language as get_rst_language
    from docutils.readers import standalone

    get_settings = getattr(sphinx_docutils, "_get_settings", None)
    if getattr(get_settings, "articles_once", False):  # Sphinx 9: as ``_parse_str_to_doctree`` asks
        parser = app.registry.get_source_parser("markdown")
        defaults = {"traceback": True, **app.env.settings}
        get_settings(standalone.Reader, parser, defaults=defaults, read_config_files=True)
    _default_settings(RSTParser)
    codecs.lookup(app.env.settings.get("input_encoding", "utf-8-sig"))  # the sources' codec
    for language in {app.config.language or "en", "en"}:
        get_language(language, None)
        get_rst_language(language, None)


def setup(app: Sphinx) -> None:
    """Make each set of settings once per process (patches applied once)."""
    import sphinx.util.docutils as sphinx_docutils
    from myst_parser.mdit_to_docutils import base as myst_base

    original = getattr(sphinx_docutils, "_get_settings", None)
    if original is not None and not getattr(original, "articles_once", False):
        sphinx_docutils._get_settings = _settings_once(original)
    myst_base.make_document = _make_document
