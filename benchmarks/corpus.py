"""Generate a publication of N Russian articles for the benchmarks, real-sized in its words.

The text is drawn from the 50 000 most frequent Russian words (the ``wordfreq``
package, which counts them in subtitles, Wikipedia, news and the web), each as
often as it is used, so a search index holds as many distinct words as a real
blog's. Categories and tags are named from the same words; a few are popular and
most are rare, as in real blogs (Zipf's law). The text of the articles depends
only on ``seed``: the same articles can be written with 12 categories and with
300 categories and 1000 tags, to compare the two.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
from functools import cache
from pathlib import Path

VOCABULARY = 50_000


@cache
def vocabulary() -> tuple[list[str], list[float]]:
    """The most frequent Russian words (letters only) and their cumulative frequencies."""
    from wordfreq import top_n_list, word_frequency

    words = [w for w in top_n_list("ru", VOCABULARY) if w.isalpha()]
    return words, list(itertools.accumulate(word_frequency(w, "ru") for w in words))


def _words(rng: random.Random, count: int) -> list[str]:
    words, weights = vocabulary()
    return rng.choices(words, cum_weights=weights, k=count)


def _sentence(rng: random.Random) -> str:
    text = " ".join(_words(rng, rng.randint(6, 16)))
    return text[0].upper() + text[1:] + "."


def _names(rng: random.Random, count: int, length: int) -> list[str]:
    """``count`` distinct names of ``length`` less common words: «Боевик бороду»."""
    words = vocabulary()[0][500:20_000]  # not «и», «в»: words a category is named with
    names: dict[str, str] = {}
    while len(names) < count:
        name = " ".join(rng.sample(words, length))
        names.setdefault(name.casefold(), name[0].upper() + name[1:])
    return list(names.values())


def _popular(rng: random.Random, names: list[str], count: int) -> list[str]:
    """``count`` of ``names``, the first ones far more often (Zipf's law)."""
    if not names or count <= 0:
        return []
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(names))))
    return list(dict.fromkeys(rng.choices(names, cum_weights=weights, k=count)))


def article(text_rng: random.Random, taxonomy_rng: random.Random, index: int, cats, tags) -> str:
    """One article: front matter and three sections of about 400 words in all."""
    day = dt.date(2021, 1, 1) + dt.timedelta(days=text_rng.randrange(5 * 365))
    title = f"{_sentence(text_rng)[:-1][:60]} ({index})"
    front = f"---\ntitle: {title!r}\ndate: {day}\n".replace("'", '"')
    chosen = _popular(taxonomy_rng, cats, taxonomy_rng.randint(1, 3))
    if chosen:
        front += f"categories: [{', '.join(chosen)}]\n"
    if labels := _popular(taxonomy_rng, tags, taxonomy_rng.randint(2, 6)):
        front += f"tags: [{', '.join(labels)}]\n"
    sections = []
    for number in range(1, 4):
        paragraphs = [" ".join(_sentence(text_rng) for _ in range(5)) for _ in range(2)]
        heading = _sentence(text_rng)[:-1][:50]
        sections.append(f"## {heading} {number}\n\n" + "\n\n".join(paragraphs) + "\n")
    return front + "---\n\n" + "\n".join(sections)


def category_names(seed: int = 1, count: int = 12) -> list[str]:
    """The categories ``write_corpus`` names, the most used first."""
    return _names(random.Random(f"{seed} names"), count, 2)


def write_corpus(
    target: Path, count: int, seed: int = 1, categories: int = 12, tags: int = 0
) -> list[Path]:
    """Write ``count`` articles into ``target`` (a folder of .md files)."""
    names_rng = random.Random(f"{seed} names")
    cats, labels = _names(names_rng, categories, 2), _names(names_rng, tags, 1)
    assert cats == category_names(seed, categories)
    text_rng, taxonomy_rng = random.Random(seed), random.Random(f"{seed} {categories} {tags}")
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = target / f"statia-{index:05d}.md"
        path.write_text(article(text_rng, taxonomy_rng, index, cats, labels), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--categories", type=int, default=12)
    parser.add_argument("--tags", type=int, default=0)
    args = parser.parse_args()
    write_corpus(args.target, args.count, categories=args.categories, tags=args.tags)
