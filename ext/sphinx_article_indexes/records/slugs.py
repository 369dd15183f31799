"""Readable ASCII slugs for names that may be Cyrillic, mixed case or hostile."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

# Russian transliteration close to the one Yandex and Wikipedia URLs use:
# "генеративный ИИ" -> "generativnyi-ii".
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    "і": "i", "ї": "i", "є": "e", "ґ": "g", "ў": "u",
}  # fmt: skip
_TRANSLATION = str.maketrans(_CYRILLIC)
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_LENGTH = 60
# Names that some file systems refuse, or that would replace a generated page.
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "index", "genindex", "search"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)


def fold(name: str) -> str:
    """Return the identity of a name: case, ``ё``/``е`` and spacing do not matter."""
    return " ".join(name.casefold().replace("ё", "е").split())


def _short_hash(name: str, length: int = 6) -> str:
    return hashlib.sha1(fold(name).encode()).hexdigest()[:length]


def slugify(name: str) -> str:
    """Return a lowercase ASCII slug of ``[a-z0-9-]``, never empty or reserved."""
    text = fold(name).translate(_TRANSLATION)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NON_SLUG.sub("-", text).strip("-")
    if len(slug) > _MAX_LENGTH:  # Cut at a word boundary where there is one.
        cut = slug[: _MAX_LENGTH + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut[:_MAX_LENGTH]
    if not slug:
        return f"c-{_short_hash(name)}"
    if slug in _RESERVED:
        return f"{slug}-{_short_hash(name)}"
    return slug


def assign_slugs(names: Iterable[str]) -> dict[str, str]:
    """Map each distinct folded name to a slug no other name shares.

    When names collide, the first in sorted order keeps the plain slug and the
    others get a suffix derived from their own name, so a slug does not change
    when unrelated categories come and go.
    """
    by_slug: dict[str, list[str]] = {}
    for key in sorted({fold(name) for name in names}):
        by_slug.setdefault(slugify(key), []).append(key)
    result = {keys[0]: slug for slug, keys in by_slug.items()}
    taken = set(by_slug)
    for slug, keys in by_slug.items():
        for key in keys[1:]:
            # A plain slug may look like a suffixed one ("ai-c90c83"): then a longer suffix.
            length = 6
            while (suffixed := f"{slug}-{_short_hash(key, length)}") in taken:
                length += 2
            result[key] = suffixed
            taken.add(suffixed)
    return result
