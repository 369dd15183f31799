"""The compiled message catalogs match their sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from util import page

LOCALE = Path(__file__).parents[1] / "ext" / "sphinx_article_indexes" / "locale"


@pytest.mark.parametrize("po", sorted(LOCALE.glob("*/LC_MESSAGES/*.po")), ids=lambda p: p.name)
def test_mo_is_compiled_from_po(po):
    with po.open("rb") as source, po.with_suffix(".mo").open("rb") as compiled:
        expected = {_key(m.id): _key(m.string) for m in read_po(source) if m.id}
        actual = {_key(m.id): _key(m.string) for m in read_mo(compiled) if m.id}
    assert actual == expected
    assert all(all(forms) for forms in expected.values())


def _key(text: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """A message's text, or all its plural forms, in one comparable shape."""
    return (text,) if isinstance(text, str) else tuple(text)


def _sphinx_js_catalog(language: str) -> dict:
    """Sphinx's own JavaScript catalog for a language, as its translations.js holds it."""
    import sphinx

    js = Path(sphinx.__file__).parent / "locale" / language / "LC_MESSAGES" / "sphinx.js"
    source = js.read_text(encoding="utf-8")
    return json.loads(source[source.index("(") + 1 : source.rindex(")")])


def test_plural_forms_follow_sphinx_rule():
    # Our plural forms are merged into Sphinx's catalog and chosen by its rule.
    with (LOCALE / "ru" / "LC_MESSAGES" / "sphinx.po").open("rb") as source:
        ours = read_po(source)
    theirs = _sphinx_js_catalog("ru")
    assert ours.num_plurals == 4
    assert ours.plural_expr.replace(" ", "") == theirs["plural_expr"].replace(" ", "")


@pytest.mark.sphinx("html", testroot="publication")
def test_search_page_fills_the_summary_sphinx_leaves_empty(app):
    app.build()
    scripts = [s.string or "" for s in page(app, "search").select("script")]
    merged = [s for s in scripts if "Documentation.TRANSLATIONS" in s]
    assert len(merged) == 1
    messages = json.loads(merged[0].split("const ours = ", 1)[1].split(";\n", 1)[0])
    key = "Search finished, found one page matching the search query."
    assert messages[key][2] == "Поиск завершён: найдено ${resultCount} страниц."
    # Sphinx's own entry is still empty, which is why the page needs ours.
    assert not all(_sphinx_js_catalog("ru")["messages"][key])
    # Only the search page carries it.
    home = [s.string or "" for s in page(app, "index").select("script")]
    assert not [s for s in home if "TRANSLATIONS" in s]
