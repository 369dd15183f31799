"""Fuzzing the importer: any post text imports without a crash, writes only inside DOCS,
and gives the same files when run again."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from sphinx_article_indexes.cli import main
from sphinx_article_indexes.records.frontmatter import read_article

SITES = Path(__file__).parent / "importer"
ROOT = Path(__file__).parent / "roots" / "test-import"

# Pieces of every engine's markup, glued at random with random text between.
_PIECES = [
    "{% highlight python %}", "{% endhighlight %}", "{% raw %}", "{% endraw %}", "{% img ",
    "{% codeblock lang:x %}", "{% endcodeblock %}", "{% post_url 2010-02-01-vtoroi %}",
    "{{ site.url }}", "{{< figure src=", "{{< /highlight >}}", "{{< ref \"", " >}}", "{{% x %}}",
    "```", "~~~", "```{figure} ", "$$", "<!--more-->", "<img src=\"/images/chip.png\">",
    "[a](/blog/2009/01/13/zakon-mura.html)", "![b](../x/../../etc/passwd)", "](", "[", "]",
    "<a name=\"x\"></a>", "# ", "### ", "\n", "\n\n", "    :::python\n", "{static}/", "{: .c}",
    "---\n", "+++\n", "|image0|", ".. |image0| image:: /images/chip.png\n", "\x00", "\ufeff",
]  # fmt: skip
_body = st.lists(st.sampled_from(_PIECES) | st.text(max_size=12), max_size=40).map("".join)
_front = st.sampled_from(
    [
        "---\ntitle: T\n---\n", "---\ntitle: [a\n---\n", "+++\ntitle = 1\n+++\n",
        '{"title": "J", "date": "2020-01-01"}\n', "", "---\ndate: 99999-01-01\n---\n",
        "---\ncategories: {a: b}\ntags: 1\n---\n", "---\npermalink: /../../x\n---\n",
    ]
)  # fmt: skip


# A Sphinx blog's reST (ABlog): titles, labels, roles, targets, footnotes, substitutions.
_RST_PIECES = [
    ".. post:: ", ".. post:: Jan 1, 2020\n", "   :tags: a, b\n", "   :category: C\n",
    ".. update:: ", ".. _label:\n", ".. _vtoroi:\n", "Title\n=====\n", "Sub\n---\n", "=====\n",
    ":ref:`", ":doc:`", ":issue:`", "{ref}`", "`a <b>`_", "`a`_", "a_", ".. _a: http://x\n",
    "[1]_", ".. [1] n\n", "[#]_", "|s|", ".. |s| replace:: z\n", ":title: T\n", "`", "<", ">",
    ".. more::\n", ".. contents::\n", "::\n\n    code\n", "\n", "\n\n", "   ", "\x00",
]  # fmt: skip
_rst_body = st.lists(st.sampled_from(_RST_PIECES) | st.text(max_size=12), max_size=40).map("".join)
_FUZZ = settings(
    max_examples=40,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@_FUZZ
@given(posts=st.lists(st.tuples(_front, _body), min_size=1, max_size=4))
def test_any_post_imports_inside_docs_and_again_the_same(tmp_path_factory, posts):
    tmp = tmp_path_factory.mktemp("fuzz")
    site = shutil.copytree(SITES / "jekyll", tmp / "site")
    for number, (front, body) in enumerate(posts):
        (site / "_posts" / f"2020-01-0{number + 1}-fuzz.md").write_text(front + body, "utf-8")
    _imports_inside_docs_and_again_the_same(tmp, site)


@_FUZZ
@given(posts=st.lists(_rst_body, min_size=1, max_size=4))
def test_any_rest_post_of_a_sphinx_blog_imports_the_same_way(tmp_path_factory, posts):
    tmp = tmp_path_factory.mktemp("fuzz")
    site = shutil.copytree(SITES / "ablog", tmp / "site")
    for number, body in enumerate(posts):
        (site / "posts" / f"fuzz{number}.rst").write_text(
            ".. post:: 2020-01-01\n\n" + body, "utf-8"
        )
    _imports_inside_docs_and_again_the_same(tmp, site)


def _imports_inside_docs_and_again_the_same(tmp: Path, site: Path) -> None:
    docs = shutil.copytree(ROOT, tmp / "docs")
    outside = {p for p in tmp.rglob("*") if docs not in p.parents}
    assert main(["import", str(site), "--into", str(docs), "--no-check"]) == 0
    assert {p for p in tmp.rglob("*") if docs not in p.parents} == outside
    written = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    for path in (docs / "articles").rglob("*.md"):
        read_article(path.stem, path.read_text("utf-8"))  # our reader takes what was written
    assert main(["import", str(site), "--into", str(docs), "--no-check"]) == 0
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == written
