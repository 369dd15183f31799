"""Generate a synthetic publication of N Russian articles for the benchmarks."""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

SENTENCES = [
    "Генеративные модели создают новые данные, похожие на те, на которых они обучались.",
    "Автокодировщики сжимают и восстанавливают данные, обучаясь их компактному представлению.",
    "Трансформеры обрабатывают последовательности с помощью механизма внимания.",
    "Диффузионные модели постепенно превращают шум в изображение.",
    "Качество данных определяет качество модели не меньше, чем её архитектура.",
    "Оценка генеративных моделей остаётся открытой задачей исследования.",
    "Большие языковые модели умеют писать тексты, код и стихи.",
    "Этические вопросы генеративного ИИ обсуждают инженеры, юристы и философы.",
]
CATEGORIES = [
    "Генеративный ИИ", "Машинное обучение", "Обзоры", "Исследования", "Python",
    "Этика", "Компьютерное зрение", "Обработка языка", "Практика", "Новости",
]  # fmt: skip


def article(rng: random.Random, index: int) -> str:
    """One article: front matter, a few sections of real sentences."""
    day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))
    cats = rng.sample(CATEGORIES, rng.randint(0, 3))
    # Quoted: the title holds ": ", which YAML (and the floor's MyST) would refuse bare.
    title = f"Статья номер {index}: {rng.choice(SENTENCES)[:40]}"
    front = f'---\ntitle: "{title}"\ndate: {day}\n'
    if cats:
        front += f"categories: [{', '.join(cats)}]\n"
    sections = []
    for number in range(1, 4):
        text = " ".join(rng.choice(SENTENCES) for _ in range(6))
        sections.append(f"## Раздел {number}\n\n{text}\n\n{text}\n")
    return front + "---\n\n" + "\n".join(sections)


def write_corpus(target: Path, count: int, seed: int = 1) -> list[Path]:
    """Write ``count`` articles into ``target`` (a folder of .md files)."""
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = target / f"statia-{index:05d}.md"
        path.write_text(article(rng, index), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("count", type=int)
    args = parser.parse_args()
    write_corpus(args.target, args.count)
