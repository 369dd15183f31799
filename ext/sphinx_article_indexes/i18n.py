"""The extension's own words and localized dates, in the publication's language."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import babel
from babel.core import Locale, UnknownLocaleError
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


# Dates already formatted, kept in the environment between builds: loading a
# locale's data is about 20 ms, most of a rebuild's work when one article is re-read.
_LONG_DATES: dict[tuple[dt.date, str | None], str] = {}
_KEPT = "long_dates"


def long_date(value: dt.date, language: str | None) -> str:
    """Format a date as a reader expects it: «27 декабря 2025 г.», "December 27, 2025"."""
    key = (value, language)
    if key not in _LONG_DATES:
        _LONG_DATES[key] = format_date(value, format="long", locale=_locale(language))
    return _LONG_DATES[key]


def recall_dates(app: Sphinx) -> None:
    """``builder-inited``: take up the dates an earlier build formatted with this Babel."""
    kept = app.env.domains["articles"].data.get(_KEPT, {})
    if kept.get("babel") == babel.__version__:
        for key, text in kept["dates"].items():
            _LONG_DATES.setdefault(key, text)


def keep_dates(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``, before the environment is saved: keep the dates formatted so far."""
    env.domains["articles"].data[_KEPT] = {"babel": babel.__version__, "dates": dict(_LONG_DATES)}


@functools.cache
def month_names(language: str | None) -> tuple[str, ...]:
    """The twelve months as a heading names them, January first: «Январь», "January"."""
    names = get_month_names("wide", context="stand-alone", locale=_locale(language))
    return tuple(f"{names[m][:1].upper()}{names[m][1:]}" for m in range(1, 13))


def month_title(year: int, month: int, names: Sequence[str]) -> str:
    """Name a month of a year as a heading, from ``month_names``: «Декабрь 2025»."""
    return f"{names[month - 1]} {year}"
