"""Fill in the words Sphinx's JavaScript catalog leaves empty on the search page.

Sphinx's Russian ``sphinx.js`` has an empty translation of "Search finished,
found N pages…", so a Russian reader's search ends with a blank summary. The
plural messages of our ``sphinx`` catalog are merged in on the search page only,
and only where Sphinx's own entry is missing or empty, so Sphinx's translations
still win once it has them.

Relies on: the ``Documentation.TRANSLATIONS`` object of Sphinx's ``translations.js``
and the priority (500) at which Sphinx adds that script. Tested with Sphinx 9.0.4.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

from babel.messages.pofile import read_po

from ..i18n import LOCALE_DIR

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Runs after Sphinx's translations.js (priority 500); ``messages`` is inserted as JSON.
_SCRIPT = """\
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Documentation === "undefined" || !Documentation.TRANSLATIONS) return;
  const ours = %s;
  for (const [message, forms] of Object.entries(ours)) {
    const theirs = Documentation.TRANSLATIONS[message];
    if (!theirs || (Array.isArray(theirs) && !theirs.every(Boolean))) {
      Documentation.TRANSLATIONS[message] = forms;
    }
  }
});"""


@functools.cache
def plural_messages(language: str) -> dict[str, list[str]]:
    """The fully translated plural messages of our ``sphinx`` catalog for a language."""
    po = LOCALE_DIR / language / "LC_MESSAGES" / "sphinx.po"
    if not po.is_file():
        return {}
    with po.open("rb") as file:
        catalog = read_po(file, locale=language)
    return {
        message.id[0]: list(message.string)
        for message in catalog
        if message.pluralizable and all(message.string)
    }


def add_search_messages(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: give the search page the messages Sphinx's catalog lacks."""
    if pagename != "search" or not (messages := plural_messages(app.config.language or "en")):
        return
    body = _SCRIPT % json.dumps(messages, ensure_ascii=False)
    app.add_js_file(None, body=body, priority=600)


def setup(app: Sphinx) -> None:
    """Register this module's handlers."""
    app.connect("html-page-context", add_search_messages)
