"""The compiled message catalogs match their sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).parents[1] / "ext" / "sphinx_article_indexes" / "locale"


@pytest.mark.parametrize("po", sorted(LOCALE.glob("*/LC_MESSAGES/*.po")), ids=lambda p: p.name)
def test_mo_is_compiled_from_po(po):
    with po.open("rb") as source, po.with_suffix(".mo").open("rb") as compiled:
        expected = {m.id: m.string for m in read_po(source) if m.id}
        actual = {m.id: m.string for m in read_mo(compiled) if m.id}
    assert actual == expected
    assert all(expected.values())
