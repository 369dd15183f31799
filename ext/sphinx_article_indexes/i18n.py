"""The extension's own words and localized dates, in the publication's language."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import babel
from babel.core import Locale, UnknownLocaleError, get_global
from babel.dates import format_date, get_month_names
from sphinx.locale import get_translation

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

CATALOG = "sphinx_article_indexes"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(CATALOG)


@functools.cache  # Babel loads a locale's data afresh for each Locale made.
def _locale(language: str | None) -> Locale:
    try:
        return Locale.parse(language or "en", sep="-" if "-" in (language or "") else "_")
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


# Babel's answers, kept in the environment between builds: loading a locale's
# data, or Babel's global data, takes 10-20 ms each, most of the work of a
# rebuild in which one article changed or nothing did.
_ANSWERS: dict[tuple[Any, ...], Any] = {}
_KEPT = "babel_answers"


def _answer(key: tuple[Any, ...], ask: Callable[[], Any]) -> Any:
    if key not in _ANSWERS:
        _ANSWERS[key] = ask()
    return _ANSWERS[key]


def long_date(value: dt.date, language: str | None) -> str:
    """Format a date as a reader expects it: «27 декабря 2025 г.», "December 27, 2025"."""
    key = ("long date", value, language)
    return _answer(key, lambda: format_date(value, format="long", locale=_locale(language)))


def month_names(language: str | None) -> tuple[str, ...]:
    """The twelve months as a heading names them, January first: «Январь», "January"."""

    def ask() -> tuple[str, ...]:
        names = get_month_names("wide", context="stand-alone", locale=_locale(language))
        return tuple(f"{names[m][:1].upper()}{names[m][1:]}" for m in range(1, 13))

    return _answer(("month names", language), ask)


def og_locale(language: str | None) -> str:
    """The OpenGraph locale of a language: "ru" -> "ru_RU"."""

    def ask() -> str:
        try:
            tag = get_global("likely_subtags").get(language or "en", language or "en")
            locale = Locale.parse(tag)
        except (ValueError, UnknownLocaleError):
            return "en_US"
        return f"{locale.language}_{locale.territory}" if locale.territory else locale.language

    return _answer(("og locale", language), ask)


def recall_answers(app: Sphinx) -> None:
    """``builder-inited``: take up what Babel answered an earlier build, if it is the same Babel."""
    kept = app.env.domains["articles"].data.get(_KEPT, {})
    if kept.get("babel") == babel.__version__:
        for key, answer in kept["answers"].items():
            _ANSWERS.setdefault(key, answer)


def keep_answers(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``, before the environment is saved: keep Babel's answers so far."""
    og_locale(app.config.language)  # asked for every page, but only once pages are written
    env.domains["articles"].data[_KEPT] = {"babel": babel.__version__, "answers": dict(_ANSWERS)}


def month_title(year: int, month: int, names: Sequence[str]) -> str:
    """Name a month of a year as a heading, from ``month_names``: «Декабрь 2025»."""
    return f"{names[month - 1]} {year}"


def setup(app: Sphinx) -> None:
    """Register the message catalogs, and keep Babel's answers in the environment."""
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    # Furo's interface words, where Sphinx's own catalog has none.
    app.add_message_catalog("sphinx", str(LOCALE_DIR))
    app.connect("builder-inited", recall_answers, priority=200)  # before the scan
    app.connect("env-updated", keep_answers)
