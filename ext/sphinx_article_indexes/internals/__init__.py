"""Work relying on other packages' internals: what a new Sphinx, MyST, Furo or sitemap may break.

Each module names, in its docstring, the private behaviour it relies on and the versions it
was tested with, and has tests that fail when that behaviour changes. Most exist for speed.

- ``gc_pause``: the cycle collector kept off the loaded environment.
- ``docutils_settings``: docutils settings made once, not twice for every document.
- ``read_order``: articles read before the pages whose toctrees list them (no N² walk).
- ``toctree_changes``: re-write the parents and neighbours of a changed page, and only those.
- ``navigation``: the sidebar cut at sections, rendered once, instead of every article.
- ``title_cache``, ``template_cache``: titles rendered once per build; compiled templates kept.
- ``sitemap``: sphinx-sitemap lists every page, with no manager process.
- ``quiet_log``: Sphinx's notice of pages in two toctrees dropped for the editions' contents.
- ``search_page``: the search summary's words where Sphinx's Russian catalog has none.
- ``reader_answers``: a parallel reader pickles back only the documents it read.
- ``environment_save``: the live preview saves the environment while it writes the pages.
- ``search_ahead``: the live preview reads the search index before the save.
- ``outdated_ahead``: the live preview finds the out-of-date pages before the save.
- ``pages_written``: the live preview reloads the open pages before the search index is written.
- ``search_prune``: Sphinx's search index pruned against a set of documents, not a dict.
- ``image_names``: images named by their path, so that no build numbers them in its own order.
- ``libyaml_front_matter``: MyST reads front matter with LibYAML's parser (``safety.file_access``).
- ``shared_writing``: with ``-j``, the main process writes pages too while the workers are busy.
- ``wrapper_ids``: Furo's wrappers around tables and display math do not repeat their ids.
- ``page_renderer``: MyST renders a page with these parts of ours:
  ``eval_rst_blocks``, a page's ``{eval-rst}`` blocks parsed as one reST document (MyST-Parser#318);
  ``equation_labels``, numbered amsmath equations labelled the same in every build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import (
    docutils_settings,
    gc_pause,
    image_names,
    navigation,
    quiet_log,
    read_order,
    reader_answers,
    search_page,
    search_prune,
    shared_writing,
    sitemap,
    template_cache,
    title_cache,
    toctree_changes,
    wrapper_ids,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register each module's handlers."""
    for module in (
        gc_pause,
        docutils_settings,
        quiet_log,
        sitemap,
        title_cache,
        template_cache,
        toctree_changes,
        read_order,
        reader_answers,
        image_names,
        navigation,
        search_page,
        search_prune,
        shared_writing,
        wrapper_ids,
    ):
        module.setup(app)
