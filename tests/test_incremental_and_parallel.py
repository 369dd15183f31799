"""Incremental and parallel builds give the same pages as a clean serial build."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import time
from pathlib import Path

import jinja2
import pytest
from sphinx.builders.html import StandaloneHTMLBuilder

from sphinx_article_indexes import i18n
from sphinx_article_indexes.indexes.pages import MARKER
from sphinx_article_indexes.website import stale_output, tag_pages
from util import EDITS, build, copy_project, edit, page, warnings


def rendered(app) -> dict[str, str]:
    """Each page's main content, sidebar and next/previous links, normalised."""
    pages = {}
    for docname in sorted(app.env.found_docs | tag_pages.pagenames(app)):
        soup = page(app, docname)
        parts = [
            soup.select_one("article[role=main]"),
            soup.select_one(".sidebar-tree"),
            soup.select_one(".related-pages"),
        ]
        pages[docname] = " ".join(" ".join(str(p).split()) for p in parts)
    return pages


def feeds(app) -> dict[str, str]:
    """Each Atom feed's text, by path in the output folder."""
    out = Path(app.outdir)
    return {p.relative_to(out).as_posix(): p.read_text("utf-8") for p in out.rglob("*.atom")}


def output_files(app) -> set[str]:
    """The pages, sources and feeds in the output folder (a removed page must not stay)."""
    out = Path(app.outdir)
    kinds = ("*.html", "*.txt", "*.atom")
    return {p.relative_to(out).as_posix() for kind in kinds for p in out.rglob(kind)}


@pytest.mark.parametrize("size", [50, 1])  # 1: every listing split into numbered pages
@pytest.mark.parametrize("change", sorted(EDITS))
def test_incremental_build_matches_a_clean_build(make_app, rootdir, tmp_path, change, size):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    paging = {"articles_page_size": size}
    build(make_app, src, confoverrides=paging)
    EDITS[change](src)
    incremental = build(make_app, src, confoverrides=paging)
    clean = build(make_app, copy_project(src, tmp_path / "clean"), confoverrides=paging)
    assert rendered(incremental) == rendered(clean)
    assert feeds(incremental) == feeds(clean)
    assert output_files(incremental) == output_files(clean)
    assert warnings(incremental) == ""


def _toctree_map_seen_by_articles(make_app, src, **kwargs) -> dict[str, int]:
    """Build, noting how many toctree entries Sphinx had to walk as each article was read."""
    app = make_app("html", srcdir=src, **kwargs)
    seen: dict[str, int] = {}

    def note(app, docname, source):
        if docname.startswith("articles/"):
            seen[docname] = len(app.env.files_to_rebuild)

    app.connect("source-read", note)
    app.build()
    app.cleanup()
    return seen


def test_articles_are_read_while_the_toctree_map_is_empty(make_app, rootdir, tmp_path):
    # Sphinx walks the whole map before reading each document; it stays empty for articles:
    # in a full build (the year pages that fill it are read after them) ...
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    seen = _toctree_map_seen_by_articles(make_app, src)
    assert len(seen) >= 4 and set(seen.values()) == {0}
    # ... and when a changed setting makes Sphinx read everything again.
    seen = _toctree_map_seen_by_articles(
        make_app, src, confoverrides={"articles_words_per_minute": 100}
    )
    assert len(seen) >= 4 and set(seen.values()) == {0}


def test_a_no_op_rebuild_rewrites_nothing(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    build(make_app, src)
    again = make_app("html", srcdir=src)
    written = []
    again.connect("html-page-context", lambda app, name, *args: written.append(name))
    again.build()
    again.cleanup()
    assert [name for name in written if name in again.env.found_docs] == []
    assert [name for name in written if name.startswith("tags/")] == []


def _rebuild_after(make_app, src, old: str, new: str) -> set[str]:
    """Edit the first article, build again; the documents whose pages were written."""
    make_app("html", srcdir=src).build()
    edit(src / "articles/first.md", old, new)
    again = make_app("html", srcdir=src)
    written = []
    again.connect("html-page-context", lambda app, name, *args: written.append(name))
    again.build()
    again.cleanup()
    return set(written) & again.env.found_docs


def _tag_pages_written(make_app, src) -> set[str]:
    """Build again; the tag pages written."""
    again = make_app("html", srcdir=src)
    written = []
    again.connect("html-page-context", lambda app, name, *args: written.append(name))
    again.build()
    again.cleanup()
    return {name for name in written if name.startswith("tags/")}


def test_a_tag_page_is_written_again_only_when_what_it_shows_changed(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    build(make_app, src)
    # A new opening (and summary): the tag pages show titles, dates and categories only.
    edit(src / "articles/third.md", "**Третья**", "**Третья**, дополненная")
    assert _tag_pages_written(make_app, src) == set()
    edit(src / "articles/third.md", '"Третья"', '"Третья, другая"')
    assert _tag_pages_written(make_app, src) == {"tags/modeli", "tags/odin"}
    assert "Третья, другая" in page(build(make_app, src), "tags/odin").get_text()


def test_a_tag_page_where_an_older_build_had_a_document_stays(make_app, rootdir, tmp_path):
    # Tag pages were generated documents before: the first build since deletes their
    # sources, and the pages of the removed documents, but for the tag pages now there.
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    app = build(make_app, src)
    record = Path(app.doctreedir) / stale_output.RECORD
    pages = json.loads(record.read_text("utf-8"))
    for key in pages:
        pages[key]["tags/odin"] = ["tags/odin.html", "_sources/tags/odin.md.txt"]
    record.write_text(json.dumps(pages), "utf-8")
    old = src / "tags" / "odin.md"
    old.parent.mkdir()
    old.write_text(f"{MARKER}\n\n# Один\n", "utf-8")
    app = build(make_app, src)
    assert not old.exists()
    assert (Path(app.outdir) / "tags" / "odin.html").is_file()


def test_editing_one_summary_rewrites_only_what_shows_it(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    docs = _rebuild_after(make_app, src, "Первая статья о", "Первая статья, дополненная, о")
    # The article, and the listings that show its summary: its year, its categories,
    # the home page and the indexes. Not the editions' contents: no title changed.
    assert docs == {
        "articles/first",
        "archive/2024",
        "archive/index",
        "categories/index",
        "categories/python",
        "categories/generativnyi-ii",
        "index",
    }


def test_editing_below_the_summary_rewrites_the_article_alone(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    # An opening longer than the summary, so that a paragraph added after it is not shown.
    opening = "Первая статья о генеративных моделях. " * 10 + "\n"
    edit(src / "articles/first.md", "Первая статья о генеративных моделях.\n", opening)
    docs = _rebuild_after(make_app, src, opening, opening + "\nВторой абзац, не в анонсе.\n")
    assert docs == {"articles/first"}


def test_a_new_title_rewrites_the_pages_whose_toctree_holds_it(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    docs = _rebuild_after(make_app, src, "title: Первая статья", "title: Первая, другая")
    assert {"articles/first", "archive/2024", "edition"} <= docs


def test_neighbours_are_compared_only_when_a_page_is_retitled_or_removed(
    make_app, rootdir, tmp_path, monkeypatch
):
    from sphinx_article_indexes.internals import toctree_changes

    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    make_app("html", srcdir=src).build()
    compared = []
    original = toctree_changes.neighbours
    counted = lambda env: compared.append(1) or original(env)  # noqa: E731
    monkeypatch.setattr(toctree_changes, "neighbours", counted)

    def rebuild_after(change) -> int:
        change()
        make_app("html", srcdir=src).build()
        return len(compared)

    article = src / "articles/first.md"
    assert rebuild_after(lambda: edit(article, "моделях.", "моделях. Ещё.")) == 0
    assert rebuild_after(lambda: edit(article, "title: Первая статья", "title: Первая")) == 1
    assert rebuild_after(lambda: (src / "articles/fourth.md").unlink()) == 2


def test_parallel_build_matches_serial(make_app, rootdir, tmp_path):
    serial = build(make_app, copy_project(rootdir / "test-publication", tmp_path / "a"))
    parallel = build(
        make_app, copy_project(rootdir / "test-publication", tmp_path / "b"), parallel=2
    )
    assert parallel.parallel == 2
    assert rendered(parallel) == rendered(serial)
    assert warnings(parallel) == ""


def test_a_parallel_build_writes_pages_in_the_main_process_while_the_worker_is_busy(
    make_app, rootdir, tmp_path, monkeypatch
):
    """internals/shared_writing.py: each page written once, some by each process, as serially."""
    main, log = os.getpid(), tmp_path / "writers.txt"
    write_doc = StandaloneHTMLBuilder.write_doc

    def logged(self, docname, doctree):
        if os.getpid() != main:
            time.sleep(0.2)  # a worker busy long enough for the main process to take pages
        with log.open("a", encoding="utf-8") as writers:
            writers.write(f"{os.getpid() == main} {docname}\n")
        write_doc(self, docname, doctree)

    monkeypatch.setattr(StandaloneHTMLBuilder, "write_doc", logged)
    serial = build(make_app, copy_project(rootdir / "test-publication", tmp_path / "a"))
    written_serially = sorted(line.split()[1] for line in log.read_text("utf-8").splitlines())
    log.unlink()
    parallel = build(
        make_app, copy_project(rootdir / "test-publication", tmp_path / "b"), parallel=2
    )
    writers = [line.split() for line in log.read_text("utf-8").splitlines()]
    assert sorted(docname for _, docname in writers) == written_serially  # each once
    documents = [(in_main, name) for in_main, name in writers if name in parallel.env.found_docs]
    by_main = [docname for in_main, docname in documents if in_main == "True"]
    assert len(by_main) > 1  # Sphinx's own first page, and more
    assert len(by_main) < len(documents)
    assert rendered(parallel) == rendered(serial)
    assert warnings(parallel) == ""


def test_a_page_that_fails_in_the_main_process_stops_the_build_and_its_worker(
    make_app, rootdir, tmp_path, monkeypatch
):
    """internals/shared_writing.py: the error is the build's, and no worker is left running."""
    main, calls = os.getpid(), []
    write_doc = StandaloneHTMLBuilder.write_doc

    def failing(self, docname, doctree):
        if os.getpid() != main:
            time.sleep(0.2)
        elif calls.append(docname) or len(calls) > 1:  # after Sphinx's own first page
            raise RuntimeError(f"cannot write {docname}")
        write_doc(self, docname, doctree)

    monkeypatch.setattr(StandaloneHTMLBuilder, "write_doc", failing)
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    with pytest.raises(RuntimeError, match="cannot write"):
        build(make_app, src, parallel=2)
    for worker in multiprocessing.active_children():  # stopped, not left to write its pages
        worker.join(timeout=1)
        assert worker.exitcode == -signal.SIGTERM


_EQUATIONS = "\n".join(
    [
        "\\begin{equation}",
        "a = b",
        "\\end{equation}",
        "",
        "\\begin{equation}",
        "c = d",
        "\\end{equation}",
    ]
)


def _equation_ids(app) -> list[str]:
    return [
        div["id"]
        for name in ("articles/first", "articles/fourth")
        for div in page(app, name).select("div.math[id]")
    ]


def test_numbered_equations_get_the_same_ids_in_every_build(make_app, rootdir, tmp_path):
    """internals/equation_labels.py: MyST labelled them with a new uuid4 in each build."""
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    for name in ("first", "fourth"):
        with_math = "\nmyst:\n  enable_extensions: [amsmath]\n---\n\n" + _EQUATIONS
        edit(src / f"articles/{name}.md", "\n---\n", with_math)
    serial = build(make_app, copy_project(src, tmp_path / "a"))
    ids = _equation_ids(serial)
    assert len(ids) == len(set(ids)) == 4
    assert _equation_ids(build(make_app, copy_project(src, tmp_path / "b"))) == ids
    parallel = build(make_app, copy_project(src, tmp_path / "c"), parallel=2)
    assert _equation_ids(parallel) == ids
    assert rendered(parallel) == rendered(serial)
    assert warnings(parallel) == ""


def test_front_matter_is_parsed_once_and_only_when_the_file_changed(
    make_app, rootdir, tmp_path, monkeypatch
):
    from sphinx_article_indexes.records import scanned as cache

    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    build(make_app, src)
    scanned = []
    read = cache.read_article
    monkeypatch.setattr(cache, "read_article", lambda d, t, z: scanned.append(d) or read(d, t, z))
    EDITS["categories"](src)
    app = build(make_app, src)
    assert scanned == ["articles/first"]
    # The cached records still give every index: the new category has its page.
    assert "Первая статья" in page(app, "categories/nauka").get_text()
    build(make_app, src)
    assert scanned == ["articles/first"]  # nothing changed: nothing read


class Cycle:
    """An object that can refer to itself, and be referred to weakly."""

    me: object = None


def test_the_environment_is_kept_out_of_collections_and_freed_by_the_next_build(
    make_app, rootdir, tmp_path
):
    import gc
    import weakref

    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    build(make_app, src)
    # A reference cycle alive while the build starts (as the environment is), dropped after.
    cycle = Cycle()
    cycle.me = cycle
    kept = weakref.ref(cycle)
    loaded = []
    app = make_app("html", srcdir=src)
    app.connect("env-before-read-docs", lambda *args: loaded.append(gc.get_freeze_count()))
    app.build()
    app.cleanup()
    del cycle
    # The environment loaded from disk was frozen, and is left so after the build:
    # the exiting process needs no last pass over it ...
    assert loaded[0] > 10_000
    gc.collect()
    assert kept() is not None and gc.isenabled()
    # ... and the next build in this process hands it back to the collector as it starts.
    make_app("html", srcdir=src).cleanup()
    assert kept() is None


def test_compiled_templates_are_kept_and_recompiled_when_changed(
    make_app, rootdir, tmp_path, monkeypatch
):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    brand = src / "_templates" / "sidebar" / "brand.html"
    brand.parent.mkdir(parents=True)
    brand.write_text('<p class="brand-mark">один</p>', "utf-8")
    conf = {"templates_path": ["_templates"]}
    build(make_app, src, confoverrides=conf)
    compiled: list[str] = []
    compile_ = jinja2.Environment.compile

    def counted(self, source, name=None, *args, **kwargs):
        compiled.append(name)
        return compile_(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    brand.write_text('<p class="brand-mark">два</p>', "utf-8")
    app = build(make_app, src, confoverrides=conf)
    # Only the changed template is compiled again; the theme's come from the cache.
    assert [name for name in compiled if name] == ["sidebar/brand.html"]
    assert page(app, "index").select_one(".brand-mark").get_text() == "два"


def test_what_babel_answered_is_kept_for_the_next_build(make_app, rootdir, tmp_path, monkeypatch):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    monkeypatch.setattr(i18n, "_ANSWERS", {})  # as if this were the first build in the process
    build(make_app, src)
    # As in a new process: nothing asked yet, and Babel's data may not be loaded.
    monkeypatch.setattr(i18n, "_ANSWERS", {})
    for ask in ("format_date", "get_month_names", "get_global"):
        monkeypatch.setattr(i18n, ask, None)
    edit(src / "articles/first.md", "Первая статья о", "Первая статья, дополненная, о")
    app = build(make_app, src)
    assert warnings(app) == ""
    doc = page(app, "articles/first")
    assert doc.select_one(".article-meta .article-date").get_text() == "5 марта 2024\u202fг."
    assert doc.select_one('meta[property="og:locale"]')["content"] == "ru_RU"


def _image_sources(app, docname: str) -> list[bytes]:
    """The bytes of each image a page shows, read from the output folder."""
    html = Path(app.outdir) / f"{docname}.html"
    return [(html.parent / img["src"]).read_bytes() for img in page(app, docname).select("img")]


def test_images_of_one_name_in_two_folders_get_the_same_names_in_every_build(
    make_app, rootdir, tmp_path
):
    """Sphinx numbers a second ``1.png`` in the order it meets it; the order is the build's."""
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    for folder, colour in (("a", b"red"), ("b", b"blue")):
        (src / "articles" / folder).mkdir()
        (src / "articles" / folder / "1.png").write_bytes(colour)
    edit(src / "articles/second.md", "\n---\n", "\n---\n\n![Синий](b/1.png)\n")
    build(make_app, src)
    # The first article is read before the second: it takes the plain name, if names are by order.
    edit(src / "articles/first.md", "\n---\n", "\n---\n\n![Красный](a/1.png)\n")
    incremental = build(make_app, src)
    clean = build(make_app, copy_project(src, tmp_path / "clean"))
    parallel = build(make_app, copy_project(src, tmp_path / "parallel"), parallel=2)
    for app in (incremental, clean, parallel):
        assert warnings(app) == ""
        assert _image_sources(app, "articles/first") == [b"red"]
        assert _image_sources(app, "articles/second") == [b"blue"]
    assert rendered(incremental) == rendered(clean) == rendered(parallel)
    names = sorted(p.name for p in (Path(clean.outdir) / "_images").iterdir())
    assert len(names) == 2 and all(n.startswith("1-") and n.endswith(".png") for n in names)
