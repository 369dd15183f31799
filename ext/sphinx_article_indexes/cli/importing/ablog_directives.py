"""ABlog's ``update`` directive, which only ABlog knows, as the admonition it shows.

ABlog draws ``.. update:: Sep 15, 2014`` as a note titled «Updated on Sep 15,
2014»; left as it is, the publication reports an unknown directive and shows its
text as an error. It becomes an ``admonition`` with that title, its text kept.
(``post`` is read as the front matter, ``more`` as the summary's end.)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .engines import Site
    from .markup import Conversion

# In reST at the start of a line (an example inside a code block is indented), or MyST's fence.
_RST_UPDATE = re.compile(r"^\.\. update::[ \t]*(?P<date>[^\n]*)$", re.M)
_MYST_UPDATE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{update\}[ \t]*(?P<date>[^\n]*)$", re.M)
# ABlog's own words for the title, by the old site's language.
_UPDATED_ON = {"ru": "Обновлено", "en": "Updated on"}


def _updated_on(site: Site, date: str) -> str:
    language = str(site.settings.get("language") or "en").split("_")[0].split("-")[0]
    return f"{_UPDATED_ON.get(language, _UPDATED_ON['en'])} {date}".strip()


def convert(conversion: Conversion, site: Site, markup: str) -> None:
    """Each ``update`` directive of a post as an admonition titled with its date."""
    if markup == "rst":
        conversion.sub(
            _RST_UPDATE, "ABlog updates",
            lambda m: f".. admonition:: {_updated_on(site, m['date'])}\n   :class: note",
        )  # fmt: skip
    else:
        conversion.sub(
            _MYST_UPDATE, "ABlog updates",
            lambda m: f"{m['fence']}{{admonition}} {_updated_on(site, m['date'])}\n:class: note",
        )  # fmt: skip
