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
import sphinx
import sphinx_sitemap
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors.toctree import TocTreeCollector

from util import build, copy_project


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


def test_sphinx_translations_object_and_toc_notice():
    """internals/search_page.py and quiet_log.py: ``Documentation.TRANSLATIONS``, the notice."""
    doctools = Path(sphinx.__file__).parent / "themes/basic/static/doctools.js"
    assert "TRANSLATIONS" in doctools.read_text("utf-8")
    source = inspect.getsource(sphinx.environment)
    assert "multiple_toc_parents" in source
    assert sphinx.environment.logger.logger.name == "sphinx.sphinx.environment"


def test_template_environment_is_jinja(make_app, rootdir, tmp_path):
    """internals/template_cache.py: the HTML builder's templates are a Jinja environment."""
    import jinja2

    app = build(make_app, copy_project(rootdir / "test-publication", tmp_path / "s"))
    assert isinstance(app.builder.templates.environment, jinja2.Environment)
    assert app.builder.templates.environment.bytecode_cache is not None


def test_parallel_readers_send_their_environment_back_pickled():
    """internals/worker_local.py: ``_read_parallel`` returns ``pickle.dumps(env)`` per chunk."""
    from sphinx.builders import Builder

    source = inspect.getsource(Builder._read_parallel)
    assert "pickle.dumps(self.env" in source


def test_a_worker_local_dict_pickles_empty_in_another_process():
    import pickle

    from sphinx_article_indexes.internals.worker_local import WorkerLocalDict

    cache = WorkerLocalDict(a=1)
    assert pickle.loads(pickle.dumps(cache)) == {"a": 1}  # the owner saves it whole
    read, write = os.pipe()
    if (child := os.fork()) == 0:  # as Sphinx's parallel reader: the worker has it by fork
        os.write(write, pickle.dumps(cache))
        os._exit(0)
    os.waitpid(child, 0)
    assert pickle.loads(os.read(read, 1 << 16)) == {}
    loaded = pickle.loads(pickle.dumps(cache))
    assert loaded.owner == os.getpid() and loaded == {"a": 1}  # loaded: owned here


def test_a_parallel_build_keeps_every_article_s_front_matter(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    app = build(make_app, src, parallel=2)
    scanned = app.env.domains["articles"].data["scanned"]
    assert set(scanned) == set(app.env.domains["articles"].articles)
