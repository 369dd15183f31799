"""Build one generated corpus several ways, side by side, and write benchmarks/RESULTS.md.

1. this project (Furo, the extension, sitemap: docs/conf.py as it is);
2. the floor: Sphinx + MyST with the ``basic`` theme, one flat toctree;
3. the peers: ABlog posts (``blogpost: true``, ``category:``) with Furo, and Hugo
   with a minimal theme (``benchmarks/hugo.py``);
4. this project on the same articles with 300 categories and 1000 tags instead of 12
   categories (``taxonomies``), and the floor with as many pages as those categories
   and tags have (``floor-taxonomies``): what Sphinx itself costs for them;
5. given ``--cards-site`` (a folder matplotlib is installed in, ``pip install --target``),
   this project with sphinxext-opengraph's drawn social cards, to show what a card per
   page would cost. matplotlib is on that build's path only: sphinxext-opengraph imports
   it whenever it can (about 40 MB and 1 s per build at 250 articles), and a publication
   installed as ``pyproject.toml`` says has no matplotlib.

Then, per size: the live preview's save-to-page time against Hugo's server
(``benchmarks/preview.py``) and the bytes one search costs a reader, Sphinx's
search against Pagefind's (``benchmarks/search.py``). The articles are generated
from a real Russian vocabulary (``benchmarks/corpus.py``).

Times are the fastest of ``--runs`` runs (at a size where a configuration is slower
than ``--slow`` seconds, every configuration is run once), as ``timeit`` reports: on
a shared machine another tenant's load only ever adds time (here the same build took
31 to 42 s in a row), and the runs take turns so that every layout meets it alike.
They are shown as ratios to the floor measured in the same run. ``--instructions`` adds
the instructions each build executes (valgrind; ``benchmarks/instructions.py``), which
that noise does not move. Usage: ``nox -s bench`` or
``python benchmarks/run.py --sizes 250 1000 2000``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import hugo_peer as hugo
import instructions
import preview
import search
from corpus import category_names, vocabulary, write_corpus

ROOT = Path(__file__).parents[1]
RESULTS = Path(__file__).parent / "RESULTS.md"
FLOOR_CONF = (
    'extensions = ["myst_parser"]\nlanguage = "ru"\nhtml_theme = "basic"\n'
    # The front matter's title as the page's heading, as this project shows it.
    "myst_title_to_header = True\n"
)
FLOOR_INDEX = "# Корпус\n\n```{toctree}\n:glob:\n\narticles/*\n```\n"
ABLOG_CONF = (
    'extensions = ["myst_parser", "ablog"]\nlanguage = "ru"\nhtml_theme = "furo"\n'
    'blog_path = "blog"\nblog_title = "Корпус"\nblog_baseurl = "https://example.org/"\n'
    "post_auto_image = 0\n"
    # ABlog's documented set-up for Furo: Furo's page template, ABlog's sidebars.
    "skip_injecting_base_ablog_templates = True\n"
    'templates_path = ["_templates"]\n'
    'html_sidebars = {"**": ["sidebar/brand.html", "sidebar/search.html", '
    '"sidebar/scroll-start.html", "sidebar/navigation.html", "ablog/postcard.html", '
    '"ablog/recentposts.html", "ablog/archives.html", "sidebar/scroll-end.html"]}\n'
)
ABLOG_INDEX = "# Корпус\n\n```{toctree}\n:glob:\n\narticles/*\n```\n"
WRITTEN = re.compile(r"writing output\.\.\. \[\s*\d+%\] (\S+)")


@dataclass
class Build:
    """One sphinx-build run: seconds, peak memory, pages written."""

    seconds: float
    peak_mb: float
    written: list[str] = field(default_factory=list)


def timed(command: list[str], stats: Path, timeout: float, env: dict | None = None) -> Build:
    """Run ``command`` under GNU time; report wall time, peak RSS and pages written."""
    command = ["/usr/bin/time", "-f", "%M", "-o", str(stats), *command]
    started = time.perf_counter()
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, check=False, env=env
    )
    seconds = time.perf_counter() - started
    if result.returncode:
        raise RuntimeError(f"{command} failed:\n{result.stderr[-2000:]}")
    peak_kb = float(stats.read_text().split()[-1])
    return Build(seconds, peak_kb / 1024, WRITTEN.findall(result.stdout))


def _sphinx_command(src: Path, out: Path, jobs: int = 1) -> list[str]:
    """sphinx-build's command for an HTML build of ``src`` into ``out``."""
    options = ["-b", "html", "-N", "-j", str(jobs), "-d", str(out.parent / "doctrees")]
    return [sys.executable, "-m", "sphinx", *options, str(src), str(out)]


def sphinx_build(
    src: Path, out: Path, timeout: float, jobs: int = 1, path: Path | None = None
) -> Build:
    """Build ``src`` into ``out`` with sphinx-build (HTML), measured; ``path``: more modules."""
    env = None
    if path is not None:
        paths = [str(path), os.environ.get("PYTHONPATH", "")]
        env = os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, paths))}
    return timed(_sphinx_command(src, out, jobs), out.parent / "time.txt", timeout, env)


# The layouts whose work is counted with ``--instructions``: the floor, this project, and both
# with many categories and tags (Hugo and ABlog are peers, not what a target compares).
COUNTED = ("floor", "project", "taxonomies", "floor-taxonomies")


def count_instructions(results: dict, work: Path, slow: float) -> None:
    """One more clean build of each counted layout, under valgrind: its instructions."""
    for kind in COUNTED:
        if kind in results:
            src = results["folders"][kind][0]
            out = work / f"{kind}-counted" / "html"
            shutil.rmtree(out.parent, ignore_errors=True)
            command = _sphinx_command(src, out)
            results[kind]["instructions"] = instructions.counted(command, out.parent, slow * 200)


def project(kind: str, corpus: Path, target: Path) -> Path:
    """Lay out one of the three projects around the generated articles."""
    if target.exists():
        shutil.rmtree(target)
    if kind == "hugo":
        return hugo.site(corpus, target)
    if kind in ("project", "cards", "taxonomies"):
        shutil.copytree(ROOT / "docs", target, ignore=shutil.ignore_patterns("_build", "articles"))
        for generated in ("archive", "categories", "tags", "edition.md"):
            path = target / generated
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        shutil.copytree(corpus, target / "articles")
        if kind == "cards":  # sphinxext-opengraph draws a card per page (matplotlib)
            with (target / "conf.py").open("a", encoding="utf-8") as conf:
                conf.write('\nogp_image = None\nogp_social_cards = {"enable": True}\n')
        return target
    (target / "articles").mkdir(parents=True)
    floor = kind in ("floor", "floor-taxonomies")
    conf, index = (FLOOR_CONF, FLOOR_INDEX) if floor else (ABLOG_CONF, ABLOG_INDEX)
    if kind == "floor-taxonomies":
        index += _floor_group_pages(corpus, target / "groups")
    (target / "conf.py").write_text(conf, "utf-8")
    (target / "index.md").write_text(index, "utf-8")
    if kind == "ablog":
        # Only ABlog's sidebar templates: its page.html would replace Furo's.
        import ablog

        templates = Path(ablog.__file__).parent / "templates" / "ablog"
        shutil.copytree(templates, target / "_templates" / "ablog")
    for article in corpus.glob("*.md"):
        text = article.read_text("utf-8")
        if kind == "ablog":
            text = _as_ablog_post(text)
        (target / "articles" / article.name).write_text(text, "utf-8")
    return target


def _floor_group_pages(corpus: Path, folder: Path) -> str:
    """The floor's page per category and tag: a heading and links to its articles.

    What Sphinx itself costs for as many pages as this project's category and tag
    pages (the floor's toctree entry for them is returned).
    """
    groups: dict[str, list[str]] = {}
    for article in sorted(corpus.glob("*.md")):
        front = article.read_text("utf-8").split("\n---\n", 1)[0]
        for names in re.findall(r"^(?:categories|tags): \[(.*)\]$", front, flags=re.M):
            for name in names.split(", "):
                groups.setdefault(name, []).append(article.stem)
    folder.mkdir(parents=True)
    for number, (name, stems) in enumerate(groups.items()):
        links = "".join(f"- {{doc}}`/articles/{stem}`\n" for stem in stems)
        (folder / f"group-{number:05d}.md").write_text(f"# {name}\n\n{links}", "utf-8")
    return "\n```{toctree}\n:glob:\n:hidden:\n\ngroups/*\n```\n"


def _as_ablog_post(text: str) -> str:
    head, body = text[4:].split("\n---\n", 1)
    fields = dict(line.split(": ", 1) for line in head.splitlines())
    title = fields.pop("title").strip('"')
    lines = ["blogpost: true", f"date: {fields['date']}"]
    if "categories" in fields:
        lines.append(f"category: {fields['categories'].strip('[]')}")
    return "---\n" + "\n".join(lines) + f"\n---\n\n# {title}\n{body}"


def output_size(out: Path) -> tuple[float, float]:
    """Total output in MB, and one article page in KB."""
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    page = out / "articles" / "statia-00001.html"
    if not page.exists():  # Hugo: a folder per page
        page = out / "articles" / "statia-00001" / "index.html"
    return total / 2**20, page.stat().st_size / 1024


def full_build(
    kind: str, corpus: Path, work: Path, slow: float, jobs: int = 1, cards: Path | None = None
):
    """One clean full build of a layout; the build, and its project and output folders."""
    name = kind if jobs == 1 else f"{kind}-j{jobs}"
    src = project(kind, corpus, work / name)
    out = work / f"{name}-out" / "html"
    shutil.rmtree(out.parent, ignore_errors=True)
    out.parent.mkdir(parents=True)
    if kind == "hugo":
        return timed(hugo.build_command(src, out), out.parent / "time.txt", slow * 20), src, out
    path = cards if kind == "cards" else None  # matplotlib for the cards build only
    return sphinx_build(src, out, timeout=slow * 20, jobs=jobs, path=path), src, out


def measure(
    kinds: list[str], corpora: dict[str, Path], work: Path, args: argparse.Namespace
) -> dict:
    """Full builds of every layout, then sizes, incremental builds and this project's ``-j 2``.

    The runs take turns (floor, project, ...; then again), so that a shared machine whose
    speed drifts during the benchmark slows every layout alike and the ratios hold.
    """
    variants = [(kind, 1) for kind in kinds] + [("project", 2)]
    builds: dict[tuple[str, int], list[Build]] = {v: [] for v in variants}
    folders: dict[str, tuple[Path, Path]] = {}
    for round_ in range(args.runs):
        if round_ and any(done[0].seconds > args.slow for done in builds.values()):
            break  # one run of a slow build; of the others too, or the fastest of 3 beats 1
        for kind, jobs in variants:
            done = builds[kind, jobs]
            corpus = corpora.get(kind, corpora["default"])
            build, src, out = full_build(kind, corpus, work, args.slow, jobs, args.cards_site)
            done.append(build)
            if jobs == 1:
                folders[kind] = (src, out)
    results = {}
    for kind in kinds:
        done, (src, out) = builds[kind, 1], folders[kind]
        results[kind] = {
            "seconds": min(b.seconds for b in done),
            "runs": len(done),
            "peak_mb": max(b.peak_mb for b in done),
            "size": output_size(out),
        }
    steps = incremental({k: folders[k] for k in ("floor", "project")}, args.runs)
    for kind, by_step in steps.items():
        results[kind]["incremental"] = by_step
    parallel = builds["project", 2]
    results["project"]["parallel"] = min(b.seconds for b in parallel)
    results["folders"] = folders
    return results


# Two categories the corpus has: moving an article between them is a change of listings
# only (a new category would add a section to every page's sidebar).
_CATEGORIES = category_names()[:2]


def _change_step(src: Path, step: str, round_: int) -> None:
    """Make a step's change to the first article; the no-op step leaves it untouched."""
    article = src / "articles" / "statia-00001.md"
    text = article.read_text("utf-8")
    if step == "edit one article's body":
        article.write_text(text + f"\nНовый абзац номер {round_}.\n", "utf-8")
    elif step == "change one article's category":
        text = re.sub(r"^categories: .*\n", "", text, flags=re.M)
        new = f"\ncategories: [{_CATEGORIES[round_ % 2]}]\n---\n"
        article.write_text(text.replace("\n---\n", new, 1), "utf-8")


def incremental(folders: dict[str, tuple[Path, Path]], runs: int) -> dict[str, dict[str, Build]]:
    """Edit one body, change one category, rebuild with no change: each ``runs`` times.

    The layouts take turns at each step; each step's figure is its fastest run.
    """
    steps = ["edit one article's body", "change one article's category", "no-op rebuild"]
    done: dict[str, dict[str, list[Build]]] = {k: {s: [] for s in steps} for k in folders}
    for round_ in range(runs):
        for step in steps:
            for kind, (src, out) in folders.items():
                _change_step(src, step, round_)
                done[kind][step].append(sphinx_build(src, out, timeout=3600))
    return {
        kind: {step: min(builds, key=lambda b: b.seconds) for step, builds in by_step.items()}
        for kind, by_step in done.items()
    }


def report(results: dict[int, dict[str, dict]], kinds: list[str]) -> str:
    """The results as Markdown, ratios to the floor first."""
    lines = [
        "# Benchmark results",
        "",
        f"Generated by `python benchmarks/run.py` on {time.strftime('%Y-%m-%d %H:%M')}, "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}.",
        "Times are the fastest of the runs (in brackets: a shared machine's noise only adds",
        "time); ratios are to the floor built in the same run.",
        "",
        "| N | build | time, s | × floor | per article | peak RSS, MB | × floor "
        "| output, MB | one article page, KB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for n, by_kind in results.items():
        floor = by_kind["floor"]
        for kind in kinds:
            if kind not in by_kind:
                continue
            r = by_kind[kind]
            lines.append(
                f"| {n} | {kind} | {r['seconds']:.1f} ({r['runs']}) "
                f"| {r['seconds'] / floor['seconds']:.2f} | {r['seconds'] / n * 1000:.1f} ms "
                f"| {r['peak_mb']:.0f} | {r['peak_mb'] / floor['peak_mb']:.2f} "
                f"| {r['size'][0]:.1f} | {r['size'][1]:.1f} |"
            )
    lines += ["", "## Incremental builds", ""]
    lines += [
        "The same change made to this project and to the floor; each as a share of its own",
        "full build. The floor shows what Sphinx itself costs: start-up, loading the saved",
        "environment, the search index and the pages it always writes. The layouts take",
        "turns at each step; each figure is the fastest of the runs.",
        "",
        "| N | change | project, s | % of full build | pages written | floor, s "
        "| floor % of its full build |",
        "|---|---|---|---|---|---|---|",
    ]
    for n, by_kind in results.items():
        project, floor = by_kind["project"], by_kind["floor"]
        for step, b in project["incremental"].items():
            f = floor["incremental"][step]
            share, floor_share = b.seconds / project["seconds"], f.seconds / floor["seconds"]
            lines.append(
                f"| {n} | {step} | {b.seconds:.1f} | {share:.1%} | {len(b.written)} "
                f"| {f.seconds:.1f} | {floor_share:.1%} |"
            )
    if any("cards" in by_kind for by_kind in results.values()):
        lines += ["", "## Social cards", ""]
        lines += [
            "sphinxext-opengraph can draw a preview card per page with matplotlib",
            "(`ogp_social_cards`); the publication shows one card of its own instead. The cost,",
            "from this project built with and without drawn cards in the same run (matplotlib",
            "on the cards build's path only: sphinxext-opengraph imports it wherever it can):",
            "",
            "| N | without, s | with cards, s | per page drawn |",
            "|---|---|---|---|",
        ]
        for n, by_kind in results.items():
            if "cards" in by_kind:
                plain, cards = by_kind["project"]["seconds"], by_kind["cards"]["seconds"]
                each = (cards - plain) / n * 1000
                lines.append(f"| {n} | {plain:.1f} | {cards:.1f} | {each:.0f} ms |")
    lines += ["", "## Parallel builds of this project", ""]
    lines += ["| N | serial, s | `-j 2`, s | speed-up |", "|---|---|---|---|"]
    for n, by_kind in results.items():
        serial, parallel = by_kind["project"]["seconds"], by_kind["project"]["parallel"]
        lines.append(f"| {n} | {serial:.1f} | {parallel:.1f} | {serial / parallel:.2f}x |")
    lines += _taxonomies(results) + _instructions(results) + _previews(results)
    lines += _searches(results) + _targets(results)
    return "\n".join(lines) + "\n"


def _section(title: str, intro: list[str], columns: list[str], rows: list[list]) -> list[str]:
    """A report section: its heading, the lines saying what it measures, then its table."""
    lines = ["", f"## {title}", "", *intro, ""]
    lines += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    return lines + ["| " + " | ".join(map(str, row)) + " |" for row in rows]


def _taxonomies(results: dict) -> list[str]:
    rows = []
    for n, by_kind in results.items():
        if "taxonomies" in by_kind:
            plain, many = by_kind["project"], by_kind["taxonomies"]
            page, many_page = plain["size"][1], many["size"][1]
            floor = by_kind.get("floor-taxonomies", {}).get("seconds")
            rows.append([
                n, f"{plain['seconds']:.1f}", f"{many['seconds']:.1f}",
                f"{many['seconds'] / plain['seconds']:.2f}", f"{page:.1f} → {many_page:.1f}",
                f"{many_page / page:.2f}",
                f"{floor / by_kind['floor']['seconds']:.2f}" if floor else "–",
            ])  # fmt: skip
    intro = [
        "The same articles with 300 categories and 1000 tags (1–3 categories and 2–6 tags",
        "each, a few popular and most rare) against 12 categories and no tags. The last",
        "column is what Sphinx itself costs for that many pages: the floor with a page per",
        "category and tag (a heading and links to its articles) against the plain floor.",
    ]
    columns = [
        "N", "12 categories, s", "300 + 1000 tags, s", "×", "article page, KB", "×",
        "floor with as many pages, ×",
    ]  # fmt: skip
    return _section("Many categories and tags", intro, columns, rows)


def _instructions(results: dict) -> list[str]:
    """The instructions each counted layout executed (``--instructions``), if counted."""
    rows = []
    for n, by_kind in results.items():
        if "instructions" not in by_kind["floor"]:
            continue
        counts = {kind: by_kind[kind]["instructions"] for kind in COUNTED if kind in by_kind}
        floor, project = counts["floor"], counts["project"]
        for kind, count in counts.items():
            to_project = f"{count / project:.2f}" if kind == "taxonomies" else "–"
            rows.append([n, kind, f"{count / 1e9:.1f}", f"{count / floor:.2f}", to_project])
    if not rows:
        return []
    intro = [
        "One more clean build of each, under valgrind's cachegrind, which counts the",
        "instructions it and its child processes (Pagefind) execute: the work a build does,",
        "the same on every run, which a shared machine's noise does not move; what waiting",
        "on memory and the disk costs is not in it (`benchmarks/instructions.py`).",
    ]
    columns = ["N", "build", "instructions, G", "× floor", "× project"]
    return _section("Work: instructions executed", intro, columns, rows)


def _previews(results: dict) -> list[str]:
    rows = []
    for n, by_kind in results.items():
        if "preview" in by_kind:
            ours, theirs = by_kind["preview"]["project"], by_kind["preview"]["hugo"]
            reload = by_kind["preview"].get("project reload")
            shown = "–" if reload is None else f"{reload:.2f}"
            rows.append([n, f"{ours:.2f}", shown, f"{theirs:.2f}", f"{ours / theirs:.2f}"])
    intro = [
        "Median seconds from saving an article to its page being served rewritten",
        "(`sphinx-articles serve` against `hugo server`, saves in turns; `benchmarks/preview.py`),",
        "and to the event that makes an open page of ours reload.",
    ]
    columns = ["N", "sphinx-articles serve, s", "… page reloads, s", "hugo server, s", "× Hugo"]
    return _section("Live preview", intro, columns, rows)


def _searches(results: dict) -> list[str]:
    rows = []
    for n, by_kind in results.items():
        if "search" in by_kind:
            found = by_kind["search"]
            sphinx = ", ".join(f"{b / 1024:.0f}" for b in found["sphinx"])
            pagefind = ", ".join(f"{b / 1024:.0f}" for b in found["pagefind"])
            rows.append([
                n, ", ".join(found["words"]), ", ".join(map(str, found["results"])), pagefind,
                f"{sphinx} ({found['gzipped_index'] / 1024:.0f})",
            ])  # fmt: skip
    intro = [
        "From an article page, in Chromium, a frequent, a middling and a rare word",
        "(`benchmarks/search.py`): the bytes of every file the server sends for the search",
        "page, but those the article page loaded (cached): with Pagefind's index (the page,",
        "Pagefind's scripts and WebAssembly, the index chunks the word needs, the first ten",
        "results) and the same page falling back to Sphinx's search (its whole index, then",
        "each result's page for its summary), as without `_pagefind/`. KB are 1024 bytes,",
        "uncompressed; `searchindex.js` gzipped in brackets.",
    ]
    columns = ["N", "words", "results", "Pagefind, KB", "Sphinx's search, KB"]
    return _section("Search: bytes a reader downloads for one query", intro, columns, rows)


def _targets(results: dict) -> list[str]:
    """Each target of the performance issue, met or not, at the largest size measured."""
    rows = []
    for n, by_kind in results.items():
        project, floor = by_kind["project"], by_kind["floor"]
        rows.append((n, "full build ≤ 1.5× the floor", project["seconds"] / floor["seconds"], 1.5))
        if "instructions" in floor:
            rows.append((n, "… counted in instructions",
                         project["instructions"] / floor["instructions"], 1.5))  # fmt: skip
        rows.append((n, "peak memory ≤ 1.5× the floor", project["peak_mb"] / floor["peak_mb"], 1.5))
        rows.append((n, "`-j 2` speed-up ≥ 1.2", -project["seconds"] / project["parallel"], -1.2))
        if "taxonomies" in by_kind:
            many = by_kind["taxonomies"]
            rows.append((n, "300 categories + 1000 tags ≤ 1.1× the build",
                         many["seconds"] / project["seconds"], 1.1))  # fmt: skip
            if "instructions" in many:
                rows.append((n, "… counted in instructions",
                             many["instructions"] / project["instructions"], 1.1))  # fmt: skip
            rows.append((n, "… and the article page within 10 %",
                         abs(many["size"][1] / project["size"][1] - 1), 0.1))  # fmt: skip
        if "preview" in by_kind:
            ours, theirs = by_kind["preview"]["project"], by_kind["preview"]["hugo"]
            rows.append((n, "preview save-to-page ≤ 0.5 s", ours, 0.5))
            rows.append((n, "preview no slower than Hugo's", ours / theirs, 1.0))
        if "search" in by_kind:
            worst = max(by_kind["search"]["pagefind"]) / 1024
            rows.append((n, "search ≤ 300 KB per query", worst, 300))
    lines = [
        "",
        "## Targets",
        "",
        "| N | target | measured | limit | met |",
        "|---|---|---|---|---|",
    ]
    for n, target, measured, limit in rows:  # a lower limit is given negated
        met = "yes" if measured <= limit else "**no**"
        lines.append(f"| {n} | {target} | {abs(measured):.2f} | {abs(limit):.2f} | {met} |")
    return lines


def search_words() -> list[str]:
    """Three words to search for: a frequent one, a middling one and a rare one."""
    words = vocabulary()[0]
    return [words[300], words[3000], words[15000]]


def extras(n: int, results: dict, work: Path, args: argparse.Namespace) -> None:
    """The live previews against Hugo's server, and search bytes, at size ``n``."""
    folders = results.pop("folders")
    if n <= args.preview_max and "hugo" in folders:
        src, hugo_src = folders["project"][0], folders["hugo"][0]
        ours, theirs = preview.free_port(), preview.free_port()
        command = [sys.executable, "-m", "sphinx_article_indexes.cli", "serve", str(src)]
        command += [str(work / "preview-out"), "--port", str(ours), "-q"]
        servers = {
            "project": preview.Preview(
                command, src / "articles" / "statia-00002.md", "articles/statia-00002.html", ours
            ),
            "hugo": preview.Preview(
                hugo.serve_command(hugo_src, theirs),
                hugo_src / "content" / "articles" / "statia-00002.md",
                "articles/statia-00002/", theirs,
            ),
        }  # fmt: skip
        results["preview"] = preview.save_to_page(servers, edits=args.edits)
    if not args.no_search:
        out = folders["project"][1]
        sphinx_out = search.without_pagefind(out, work / "sphinx-search-out")
        words = search_words()
        found = search.bytes_per_query(out, sphinx_out, "articles/statia-00001.html", words)
        results["search"] = found | {"words": words, "gzipped_index": search.gzipped_index(out)}


def main() -> None:
    """Parse the arguments, run every size and write RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 2000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--slow", type=float, default=120, help="run once if slower (s)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--no-ablog", action="store_true", help="leave the peer out")
    parser.add_argument(
        "--peer-max", type=int, default=0, help="build ABlog only up to this N (0: always)"
    )
    parser.add_argument("--preview-max", type=int, default=1000, help="time previews up to N")
    parser.add_argument("--cards-max", type=int, default=1000, help="draw social cards up to N")
    parser.add_argument(
        "--cards-site", type=Path, help="a folder matplotlib is installed in: draw social cards"
    )
    parser.add_argument("--edits", type=int, default=7, help="saves per preview timing")
    parser.add_argument("--no-search", action="store_true", help="leave search bytes out")
    parser.add_argument(
        "--instructions", action="store_true", help="count each build's instructions (valgrind)"
    )
    parser.add_argument(
        "--instructions-max", type=int, default=0, help="count instructions up to N (0: always)"
    )
    args = parser.parse_args()
    if args.instructions and not instructions.available():
        parser.error("--instructions runs the builds under valgrind, which is not installed")
    kinds = ["floor", "project", "hugo", "taxonomies", "floor-taxonomies"]
    kinds += [] if args.no_ablog else ["ablog"]
    if importlib.util.find_spec("matplotlib") is not None:
        # sphinxext-opengraph would import it in every build, not only in the cards'.
        parser.error(
            "matplotlib is importable here, so every build would pay for it: install it "
            "apart (pip install --target DIR matplotlib) and pass --cards-site DIR"
        )
    if args.cards_site is not None:
        kinds.append("cards")  # the cost of drawn social cards (nox -s bench installs them)
    results: dict[int, dict[str, dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            taxonomies = Path(tmp) / f"tax-{n}"
            corpora = {"default": Path(tmp) / f"corpus-{n}", "taxonomies": taxonomies}
            corpora["floor-taxonomies"] = taxonomies
            write_corpus(corpora["default"], n)
            write_corpus(corpora["taxonomies"], n, categories=300, tags=1000)
            here = [k for k in kinds if k != "ablog" or not 0 < args.peer_max < n]
            here = [k for k in here if k != "cards" or n <= args.cards_max]
            work = Path(tmp) / str(n)
            results[n] = measure(here, corpora, work, args)
            if args.instructions and not 0 < args.instructions_max < n:
                count_instructions(results[n], work, args.slow)
            extras(n, results[n], work, args)
            for kind, result in results[n].items():
                if "seconds" in result:
                    print(f"N={n} {kind}: {result['seconds']:.1f} s", flush=True)
    text = report(results, kinds)
    args.output.write_text(text, "utf-8")
    print(text)


if __name__ == "__main__":
    main()
