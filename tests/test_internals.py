"""Canaries: the private behaviour of other packages that ``internals/`` relies on is still there.

Each module of ``sphinx_article_indexes/internals`` names what it relies on;
these tests fail loudly, naming it, when a new Sphinx, Furo or sphinx-sitemap
changes it (the behaviour tests would only show a slower or odd build).
"""

from __future__ import annotations

import inspect
import os
from pathlib import Path

import furo
import pytest
import sphinx
import sphinx_sitemap
from bs4 import BeautifulSoup
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors.toctree import TocTreeCollector

from util import build, copy_project, edit


def test_sitemap_handler_queue_and_link_function(make_app, rootdir, tmp_path):
    """internals/sitemap.py: ``record_builder_type``, ``app.sitemap_links``, ``add_html_link``."""
    assert inspect.signature(sphinx_sitemap.add_html_link).parameters.keys() >= {"app", "pagename"}
    source = inspect.getsource(sphinx_sitemap)
    assert "app.sitemap_links" in source and "def record_builder_type" in source
    app = make_app("html", srcdir=copy_project(rootdir / "test-publication", tmp_path / "s"))
    handlers = [listener.handler for listener in app.events.listeners["builder-inited"]]
    assert sphinx_sitemap.record_builder_type not in handlers  # replaced by ours
    app.cleanup()


def test_environment_maps_that_the_rebuild_logic_reads():
    """internals/read_order.py and toctree_changes.py: the toctree map and relations."""
    assert "files_to_rebuild" in inspect.getsource(TocTreeCollector.clear_doc)
    assert callable(BuildEnvironment.collect_relations)
    write = inspect.getsource(sphinx.builders.Builder.write)
    assert "write-started" in write and "files_to_rebuild" in inspect.getsource(
        sphinx.builders.Builder
    )


def test_builder_renders_titles_through_render_partial():
    """internals/title_cache.py: titles go through ``render_partial`` in ``get_doc_context``."""
    assert "render_partial" in inspect.getsource(StandaloneHTMLBuilder.get_doc_context)


def test_furo_asks_the_page_context_for_its_toctree():
    """internals/navigation.py: Furo's sidebar calls ``context["toctree"]``."""
    assert 'context["toctree"]' in inspect.getsource(furo)


def test_furo_wraps_tables_and_math_with_their_attributes():
    """internals/wrapper_ids.py: Furo's wrapping transform, which ours follows."""
    from sphinx_article_indexes.internals.wrapper_ids import WrapperIds

    wrap = furo.WrapTableAndMathInAContainerTransform
    source = inspect.getsource(wrap)
    assert "update_all_atts" in source and '"math-wrapper"' in source
    assert wrap.default_priority < WrapperIds.default_priority


def test_sphinx_translations_object_and_toc_notice():
    """internals/search_page.py and quiet_log.py: ``Documentation.TRANSLATIONS``, the notice."""
    doctools = Path(sphinx.__file__).parent / "themes/basic/static/doctools.js"
    assert "TRANSLATIONS" in doctools.read_text("utf-8")
    source = inspect.getsource(sphinx.environment)
    assert "multiple_toc_parents" in source
    # quiet_log gives the notice in Sphinx's words, so that its translation is Sphinx's.
    assert "document is referenced in multiple toctrees: %s, selecting: %s <- %s" in source
    assert sphinx.environment.logger.logger.name == "sphinx.sphinx.environment"


def test_template_environment_is_jinja(make_app, rootdir, tmp_path):
    """internals/template_cache.py: the HTML builder's templates are a Jinja environment."""
    import jinja2

    app = build(make_app, copy_project(rootdir / "test-publication", tmp_path / "s"))
    assert isinstance(app.builder.templates.environment, jinja2.Environment)
    assert app.builder.templates.environment.bytecode_cache is not None


def test_parallel_readers_send_their_environment_back_pickled():
    """internals/reader_answers.py: ``_read_parallel`` returns ``pickle.dumps(env)`` per chunk."""
    from sphinx.builders import Builder

    source = inspect.getsource(Builder._read_parallel)
    assert "pickle.dumps(self.env" in source


def test_parallel_writing_makes_its_tasks_by_the_module_s_name():
    """internals/shared_writing.py: ``_write_parallel``'s ``ParallelTasks``, ``add_task``, state."""
    from sphinx.builders import Builder
    from sphinx.util.parallel import ParallelTasks

    write = inspect.getsource(Builder._write_parallel)
    assert "tasks = ParallelTasks(nproc)" in write and "tasks.add_task(" in write
    assert sphinx.builders.ParallelTasks is ParallelTasks  # put back after each build
    tasks = inspect.getsource(ParallelTasks)
    assert "def _join_one(self)" in tasks and "self._pworking += 1" in tasks


def test_a_parallel_build_keeps_every_article_s_front_matter(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    app = build(make_app, src, parallel=2)
    scanned = app.env.domains["articles"].data["scanned"]
    assert set(scanned) == set(app.env.domains["articles"].articles)


def test_parallel_readers_merge_what_they_read_document_by_document():
    """internals/reader_answers.py: Sphinx merges a reader's per-document tables by docname."""
    merge = inspect.getsource(BuildEnvironment.merge_info_from)
    assert "other.all_docs[docname]" in merge and "other.included[docname]" in merge
    assert "other.tocs[docname]" in inspect.getsource(TocTreeCollector.merge_other)
    assert "fnset & set(docnames)" in inspect.getsource(TocTreeCollector.merge_other)
    assert BuildEnvironment.__getstate__.articles_answer  # ours wraps Sphinx's


def _tables(env) -> dict:
    """The environment's per-document tables, as comparable values."""
    domain = env.domains["articles"]
    return {
        "docs": set(env.all_docs),
        "titles": {d: t.astext() for d, t in env.titles.items()},
        "tocs": {d: t.astext() for d, t in env.tocs.items()},
        "metadata": dict(env.metadata),
        "includes": dict(env.toctree_includes),
        "rebuild": dict(env.files_to_rebuild),
        "articles": dict(domain.articles),
        "listings": dict(domain.data["listings"]),
    }


def test_a_parallel_reader_answers_with_the_documents_it_read(make_app, rootdir, tmp_path):
    import pickle

    app = build(make_app, copy_project(rootdir / "test-publication", tmp_path / "s"))
    env, mine = app.env, {"articles/first", "categories/python"}
    read, write = os.pipe()
    if (child := os.fork()) == 0:  # as Sphinx's parallel reader: a worker forked by the builder
        env._articles_read_here = set(mine)
        os.write(write, pickle.dumps(env.__getstate__()))
        os._exit(0)
    os.waitpid(child, 0)
    with os.fdopen(read, "rb") as answer:
        os.close(write)
        state = pickle.loads(answer.read())
    assert set(state["all_docs"]) == set(state["titles"]) == set(state["tocs"]) == mine
    assert set(state["domaindata"]["articles"]["articles"]) == {"articles/first"}
    assert set(state["domaindata"]["articles"]["listings"]) == {"categories/python"}
    assert all(parents <= mine for parents in state["files_to_rebuild"].values())
    assert "scanned" not in state["domaindata"]["articles"]  # the builder scanned every file
    saved = pickle.loads(pickle.dumps(env))  # the builder saves the environment whole
    assert set(saved.titles) == set(env.titles) and len(saved.titles) > len(mine)
    assert set(saved.domaindata["articles"]["scanned"]) == set(env.domains["articles"].articles)


def test_a_parallel_build_keeps_the_environment_of_a_serial_one(make_app, rootdir, tmp_path):
    serial = build(make_app, copy_project(rootdir / "test-publication", tmp_path / "a"))
    parallel = build(
        make_app, copy_project(rootdir / "test-publication", tmp_path / "b"), parallel=2
    )
    # Read in two chunks or more: a later worker is forked once an earlier one is merged.
    assert parallel.parallel == 2 and len(serial.env.all_docs) >= 2 * 6
    assert _tables(parallel.env) == _tables(serial.env)


def test_documents_get_their_docutils_settings_from_sphinx_and_myst_helpers():
    """internals/docutils_settings.py: Sphinx 9's ``_get_settings`` and MyST's eager default."""
    from myst_parser.mdit_to_docutils.base import DocutilsRenderer

    if sphinx.version_info >= (9,):
        assert "_get_settings(" in inspect.getsource(sphinx.util.docutils._parse_str_to_doctree)
    assert 'options.get("document", make_document())' in inspect.getsource(
        DocutilsRenderer.setup_render
    )


def test_docutils_settings_are_made_once_and_each_document_keeps_its_own(
    make_app, rootdir, tmp_path, monkeypatch
):
    from docutils import frontend

    src = copy_project(rootdir / "test-publication", tmp_path / "s")
    (src / "snippet.txt").write_text("Вставка из файла.\n", "utf-8")
    # Not an article, so it may insert a file; read before the index pages (read_order.py).
    about = "---\norphan: true\n---\n\n# О журнале\n\n```{include} snippet.txt\n```\n"
    (src / "about.md").write_text(about, "utf-8")
    made = []
    original = frontend.OptionParser.__init__
    monkeypatch.setattr(
        frontend.OptionParser,
        "__init__",
        lambda self, *a, **k: made.append(1) or original(self, *a, **k),
    )
    app = build(make_app, src)
    assert len(made) < len(app.env.all_docs) / 2  # not one or two per document
    assert "Вставка из файла" in (Path(app.outdir) / "about.html").read_text("utf-8")
    # Each document's dependencies are its own, as with settings made afresh.
    assert {d for d, files in app.env.dependencies.items() if files} == {"about"}


def test_a_document_read_after_its_settings_were_made_ahead_makes_none(
    make_app, rootdir, tmp_path, monkeypatch
):
    """The live preview makes the first document's settings before the save."""
    from docutils import frontend

    from sphinx_article_indexes.internals.docutils_settings import make_ahead

    src = copy_project(rootdir / "test-publication", tmp_path / "s")
    build(make_app, src)
    edit(src / "articles/first.md", "моделях.", "моделях. Ещё.")
    app = make_app("html", srcdir=src)
    make_ahead(app)
    made = []
    original = frontend.OptionParser.__init__
    monkeypatch.setattr(
        frontend.OptionParser,
        "__init__",
        lambda self, *a, components=(), **k: (
            made.append(components) or original(self, *a, components=components, **k)
        ),
    )
    app.build()
    # Sphinx 8 reads through a publisher it keeps; Sphinx 9 asked for the reader's settings.
    assert not [c for c in made if "standalone" in repr(c)], made
    assert "Ещё" in (Path(app.outdir) / "articles/first.html").read_text("utf-8")


def test_images_get_their_names_in_the_output_from_the_environment_s_add_file():
    """internals/image_names.py: the collector and the ``-j`` merge name images by add_file."""
    from sphinx.environment.collectors.asset import ImageCollector
    from sphinx.util._files import FilenameUniqDict

    assert "env.images.add_file(docname, imgpath)" in inspect.getsource(ImageCollector.process_doc)
    assert "self.add_file(doc, filename)" in inspect.getsource(FilenameUniqDict.merge_other)
    assert "self.images[candidate] = self.env.images[candidate][1]" in inspect.getsource(
        sphinx.builders.Builder.post_process_images
    )


class _Pid:
    """Pickles as the id of the process that pickles it."""

    def __reduce__(self):
        return (int, (os.getpid(),))


def test_sphinx_saves_the_environment_through_its_builders_pickle_module():
    """internals/environment_save.py: ``Builder.build`` dumps the environment into a file."""
    import pickle

    import sphinx.builders

    assert sphinx.builders.pickle is pickle
    source = inspect.getsource(sphinx.builders.Builder.build)
    assert "pickle.dump(self.env, f, pickle.HIGHEST_PROTOCOL)" in source


def test_the_environment_saved_aside_is_whole_once_the_build_ends(tmp_path):
    import pickle

    import sphinx.builders

    from sphinx_article_indexes.internals.environment_save import saved_aside

    saved, broken = tmp_path / "environment.pickle", tmp_path / "broken.pickle"
    with saved_aside():
        with saved.open("wb") as file:
            sphinx.builders.pickle.dump({"pid": _Pid(), "data": list(range(10**5))}, file)
        with broken.open("wb") as file:
            sphinx.builders.pickle.dump(lambda: None, file)  # cannot be pickled
    assert sphinx.builders.pickle is pickle
    loaded = pickle.loads(saved.read_bytes())
    assert loaded["data"] == list(range(10**5)) and loaded["pid"] != os.getpid()
    assert not broken.exists()  # the next build starts afresh, not from half a file


@pytest.fixture
def preview(rootdir, tmp_path):
    """Make a preview's loaded Sphinx on a copy of the publication (with ``files``), built once."""
    from sphinx_article_indexes.cli.preview.builds import WarmSphinx

    made = []

    def make(files: dict[str, bytes] | None = None):
        src, out = copy_project(rootdir / "test-publication", tmp_path / "s"), tmp_path / "out"
        for name, content in (files or {}).items():
            (src / name).write_bytes(content)
        made.append(warm := WarmSphinx(src, out, quiet=True))
        assert warm.build([]) == 0
        return src, out, warm

    yield make
    for warm in made:  # a failed test leaves no docutils registrations to the next
        warm.close()


def test_a_preview_build_saves_the_environment_it_read(preview):
    import pickle

    src, out, warm = preview()
    article = src / "articles" / "third.md"
    article.write_text(article.read_text("utf-8").replace('"Третья"', '"Изменённая"'), "utf-8")
    warm.load(warnings=False)
    assert warm.build([article]) == 0
    with (out / ".doctrees" / "environment.pickle").open("rb") as file:
        env = pickle.load(file)
    assert env.titles["articles/third"].astext() == "Изменённая"
    assert "Изменённая" in (out / "articles" / "third.html").read_text("utf-8")


def test_the_preview_s_search_index_is_a_clean_build_s(make_app, preview, tmp_path):
    """internals/search_ahead.py: the index read before the save is the one the build adds to."""
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.search import js_index

    source = inspect.getsource(StandaloneHTMLBuilder.prepare_writing)
    assert "self.indexer = IndexBuilder(" in source and "self.load_indexer(docnames)" in source
    src, out, warm = preview()
    article = src / "articles" / "third.md"
    text = article.read_text("utf-8")
    article.write_text(text.replace("Текст третьей статьи.", "Зебра полосатая."), "utf-8")
    warm.load(warnings=False)
    assert warm.app.builder.load_indexer.__name__ == "load_indexer"  # ours, on the instance
    (src / "articles" / "fourth.md").unlink()  # its words go too, though it is not written
    assert warm.build([article, src / "articles" / "fourth.md"]) == 0
    clean = build(
        make_app, copy_project(src, tmp_path / "clean"), confoverrides={"articles_pagefind": False}
    )

    def index(out) -> dict:
        found = js_index.loads((Path(out) / "searchindex.js").read_text("utf-8"))
        # Sphinx's own rebuilds keep a word no page has any more, with no pages: not a result.
        for words in ("terms", "titleterms"):
            found[words] = {word: pages for word, pages in found[words].items() if pages != []}
        return found

    preview = index(out)
    assert preview == index(clean.outdir)
    third = preview["docnames"].index("articles/third")
    found = preview["terms"]["зебр"]  # the stem of «Зебра»: one document's index, or a list
    assert third in (found if isinstance(found, list) else [found])
    assert "текст" not in preview["terms"]  # the words it no longer has are gone
    assert "articles/fourth" not in preview["docnames"]


def test_a_preview_build_reads_every_document_changed_since_its_files_were_found(preview):
    """internals/sources_ahead.py: the files found before the save, and what changed since."""
    from sphinx.builders import Builder

    source = inspect.getsource(Builder.read)
    assert "self.env.find_files(self.config, self)" in source
    assert "self.env.get_outdated_files(updated)" in source
    src, out, warm = preview()
    warm.load(warnings=False)
    first, second = src / "articles" / "first.md", src / "articles" / "second.md"
    edit(first, "Первая статья о", "Статья о")  # the save the build is told of
    edit(second, "сжимают и восстанавливают", "сжимают")  # saved too, but not told
    assert warm.build([first]) == 0
    assert "Статья о генеративных" in (out / "articles" / "first.html").read_text("utf-8")
    assert "сжимают данные" in (out / "articles" / "second.html").read_text("utf-8")
    warm.load(warnings=False)  # the environment saved after the build is whole
    assert warm.app.env.all_docs.keys() >= {"articles/first", "articles/second"}


def test_a_preview_build_reads_again_a_page_that_includes_the_one_saved(preview):
    """internals/sources_ahead.py: an included document is a dependency, as Sphinx has it."""
    orphan = "---\norphan: true\n---\n\n"
    about = orphan + "# О журнале\n\n```{include} snippet.md\n```\n"  # a page, not an article
    files = {"snippet.md": orphan + "Общий абзац.\n", "about.md": about}
    src, out, warm = preview({name: text.encode() for name, text in files.items()})
    assert "Общий абзац" in (out / "about.html").read_text("utf-8")
    warm.load(warnings=False)
    edit(src / "snippet.md", "Общий абзац", "Исправленный абзац")
    assert warm.build([src / "snippet.md"]) == 0
    assert "Исправленный абзац" in (out / "about.html").read_text("utf-8")


def _assets(page: Path) -> list[str]:
    """The stylesheets and scripts a page loads, with their ``?v=`` digests."""
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    return [
        tag.get("href") or tag.get("src")
        for tag in soup.select("link[rel=stylesheet], script[src]")
    ]


def test_a_preview_build_for_a_text_edit_leaves_the_static_files_it_copied(
    preview, make_app, tmp_path
):
    """internals/assets_kept.py: copied by the first build and for a save of conf.py only."""
    source = inspect.getsource(StandaloneHTMLBuilder.copy_assets)
    assert "self.copy_static_files" in source and "self.copy_extra_files" in source
    assert "self.create_pygments_style_file()" in inspect.getsource(
        StandaloneHTMLBuilder.copy_static_files
    )
    src, out, warm = preview()
    # Rendered from the theme's template at each copy, so rewritten whenever copied.
    rendered = out / "_static" / "documentation_options.js"
    assert rendered.is_file() and (out / "_static" / "article-indexes.css").is_file()
    copied = rendered.stat().st_mtime_ns
    warm.load(warnings=False)
    edit(src / "articles" / "first.md", "Первая статья о", "Статья о")
    assert warm.build([src / "articles" / "first.md"]) == 0
    assert "Статья о генеративных" in (out / "articles" / "first.html").read_text("utf-8")
    assert rendered.stat().st_mtime_ns == copied
    clean = build(
        make_app, copy_project(src, tmp_path / "clean"), confoverrides={"articles_pagefind": False}
    )
    # Each file's address carries a digest of it (?v=…), as a clean build computes it.
    assert _assets(out / "articles" / "first.html") == _assets(
        clean.outdir / "articles" / "first.html"
    )
    warm.load(warnings=False)
    assert warm.build([src / "conf.py"]) == 0
    assert rendered.stat().st_mtime_ns != copied


def test_a_static_folder_outside_the_source_folder_is_copied_at_every_preview_build(
    preview, rootdir, tmp_path
):
    """internals/assets_kept.py: the preview does not watch it, so Sphinx copies it as usual."""
    theirs = tmp_path / "outside" / "theirs.css"
    theirs.parent.mkdir()
    theirs.write_text("p { color: red }", "utf-8")
    conf = (rootdir / "test-publication" / "conf.py").read_bytes()
    src, out, warm = preview({"conf.py": conf + b'\nhtml_static_path = ["../outside"]\n'})
    theirs.write_text("p { color: blue }", "utf-8")  # a save the preview does not see
    warm.load(warnings=False)
    edit(src / "articles" / "first.md", "Первая статья о", "Статья о")
    assert warm.build([src / "articles" / "first.md"]) == 0
    assert "blue" in (out / "_static" / "theirs.css").read_text("utf-8")


def test_the_preview_writes_every_page_out_of_date_before_or_after_the_save(preview):
    """internals/outdated_ahead.py: pages to write, looked up before the save and after."""
    from sphinx.builders import Builder

    assert "to_build = self.get_outdated_docs()" in inspect.getsource(Builder.build_update)
    src, out, warm = preview()
    (out / "articles" / "second.html").unlink()  # before the loaded Sphinx looks
    warm.load(warnings=False)
    assert warm.app.builder.get_outdated_docs.__name__ == "get_outdated_docs"  # ours
    (out / "articles" / "fourth.html").unlink()  # after it looked
    article = src / "articles" / "third.md"
    article.write_text(article.read_text("utf-8") + "\nДописано.\n", "utf-8")
    assert warm.build([article]) == 0
    assert (out / "articles" / "second.html").is_file()
    assert (out / "articles" / "fourth.html").is_file()
    assert "Дописано" in (out / "articles" / "third.html").read_text("utf-8")


def test_a_preview_build_says_its_pages_are_written_before_its_search_index(preview, tmp_path):
    """internals/pages_written.py: the open pages reload before the search index is written."""
    import json

    from sphinx.builders.html import StandaloneHTMLBuilder

    assert "self.handle_finish()" in inspect.getsource(StandaloneHTMLBuilder.finish)
    src, out, warm = preview({"articles/pixel.png": b"png"})
    article = src / "articles" / "third.md"
    article.write_text(article.read_text("utf-8") + "\n![Точка](pixel.png)\n", "utf-8")
    warm.load(warnings=False)
    index, seen = out / "searchindex.js", tmp_path / "seen.json"
    before = index.stat().st_mtime_ns

    def written() -> None:  # in the build's process: say what is there
        page = (out / "articles" / "third.html").read_text("utf-8")
        images = [p.read_bytes() for p in (out / "_images").glob("pixel-*.png")]
        state = {"page": "pixel-" in page, "images": images == [b"png"]}
        seen.write_text(json.dumps(state | {"index": index.stat().st_mtime_ns}), "utf-8")

    assert warm.build([article], written) == 0
    state = json.loads(seen.read_text("utf-8"))
    assert state["page"] and state["images"]  # the page and its image, when it is said
    assert state["index"] == before < index.stat().st_mtime_ns  # the index, after


def test_the_server_reloads_once_per_build_when_its_pages_are_written():
    from multiprocessing import Pipe

    from sphinx_article_indexes.cli.preview.builds import WRITTEN, wait

    ours, theirs = Pipe()
    reloads = []
    theirs.send(WRITTEN)
    theirs.send(1)  # written, then done with warnings
    assert wait(ours, lambda: reloads.append("build")) == 1 and reloads == ["build"]
    theirs.send(2)  # failed before its pages: the pages still reload, to show where it stopped
    assert wait(ours, lambda: reloads.append("failed")) == 2
    assert reloads == ["build", "failed"]


def test_the_search_index_is_pruned_against_a_set_of_documents(make_app, rootdir, tmp_path):
    """internals/search_prune.py: Sphinx intersects each word's documents with what it is given."""
    from sphinx.search import IndexBuilder

    from sphinx_article_indexes.internals.search_prune import with_a_set

    assert "wordnames.intersection_update(docnames)" in inspect.getsource(IndexBuilder.prune)
    given = []
    with_a_set(lambda self, docnames: given.append(docnames))(None, {"a": 1, "b": 2})
    assert given == [{"a", "b"}] and isinstance(given[0], set)
    build(make_app, copy_project(rootdir / "test-publication", tmp_path / "s"))
    assert IndexBuilder.prune.articles_set


def test_an_image_whose_name_is_taken_gets_another_digest_and_keeps_its_file_name():
    from sphinx_article_indexes.internals.image_names import PathNamedImages, image_name

    images = PathNamedImages()
    images._existing.add(image_name("posts/a/1.png"))  # as if another path had that digest
    name = images.add_file("posts/a", "posts/a/1.png")
    assert name != image_name("posts/a/1.png")
    assert name.startswith("1-") and name.endswith(".png") and len(name) == len("1-12345678.png")
    assert images.add_file("posts/b", "posts/a/1.png") == name  # one file, one name


def test_myst_reads_front_matter_through_yaml_safe_load_and_gets_libyaml(
    make_app, rootdir, tmp_path, monkeypatch
):
    """internals/libyaml_front_matter.py: MyST's ``yaml.safe_load`` of each page's front matter."""
    import yaml
    from myst_parser.config import main as myst_config
    from myst_parser.mdit_to_docutils import base as myst_renderer

    renderer = myst_renderer.DocutilsRenderer
    assert "yaml.safe_load(" in inspect.getsource(myst_config.read_topmatter)
    assert "yaml.safe_load(" in inspect.getsource(renderer.render_front_matter)
    assert yaml.__with_libyaml__  # PyYAML's wheels are built with LibYAML
    pure, loaded = [], []
    monkeypatch.setattr(yaml.SafeLoader, "__init__", _counted(yaml.SafeLoader.__init__, pure))
    monkeypatch.setattr(yaml.CSafeLoader, "__init__", _counted(yaml.CSafeLoader.__init__, loaded))
    app = build(make_app, copy_project(rootdir / "test-publication", tmp_path / "s"))
    articles = [d for d in app.env.found_docs if d.startswith("articles/")]
    assert pure == []  # nothing parsed with the pure Python parser
    # Each article's front matter: by our records once, by MyST twice.
    assert len(loaded) >= 3 * len(articles) > 0
    # What MyST read from it is the page's metadata, as before.
    assert app.env.metadata["edition"].get("nosearch") is not None
    assert yaml.safe_load.__module__ == "yaml"  # given back once parsed


def _counted(function, calls: list):
    def counted(self, *args, **kwargs):
        calls.append(type(self).__name__)
        return function(self, *args, **kwargs)

    return counted
