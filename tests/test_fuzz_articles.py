"""Fuzzing: hostile front matter and file bytes never crash, hang, run, read or lose.

Hypothesis writes a few hostile files beside the four good articles of the
test publication: random YAML structures (control characters, odd keys,
aliases, deep nesting), random bytes, other encodings and odd file names.
Whatever it writes, the build ends, a warning names each hostile file, every
good article is listed once, and nothing outside the project was read or written.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from util import article_body, build, titles, warnings

ROOT = Path(__file__).parent / "roots" / "test-publication"
GOOD = {"Первая статья", "Вторая: про автокодировщики", "Третья", "Четвёртая"}
SECRET = "fuzz-secret-3a9c"  # the text of a file outside the project
RAN = "fuzz-ran-code"  # the file a command would create

_text = st.text(st.characters(codec="utf-8"), max_size=30)
_scalars = st.none() | st.booleans() | st.integers() | st.floats() | _text
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=30,
)
# Keys an article may hold, and others; never both a usable title and date.
_keys = st.sampled_from(["categories", "tags", "myst", "og:image", "html_meta", "draft"]) | _text


@st.composite
def _yaml_front_matter(draw) -> bytes:
    data = draw(st.dictionaries(_keys, _values, max_size=6))
    text = yaml.safe_dump(data, allow_unicode=draw(st.booleans()))
    if draw(st.booleans()):  # an alias bomb or deep nesting, written by hand
        text += draw(
            st.sampled_from(
                [
                    "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n",
                    "d: " + "[" * 200 + "]" * 200 + "\n",
                    f"e: !!python/object/apply:os.system ['touch {RAN}']\n",
                    "title: " + "x: " * 500 + "\n",
                ]
            )
        )
    body = "\n{{ cycler.__init__.__globals__.os }}\n\n```{include} ../../secret.txt\n```\n"
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1"]))
    return ("---\n" + text + "---\n" + body).encode(encoding, errors="replace")


_contents = _yaml_front_matter() | st.binary(max_size=300).map(lambda b: b"---\n" + b)
_names = st.sampled_from(["fuzz", "a<b", "new\nline", "x" * 180, "50%", "q?", "пробел имя"])


def _write_project(tmp: Path, files: list[tuple[str, bytes]]) -> tuple[Path, list[str]]:
    shutil.rmtree(tmp, ignore_errors=True)
    src = tmp / "src"
    shutil.copytree(ROOT, src)
    (tmp / "secret.txt").write_text(SECRET, "utf-8")
    names = []
    for number, (name, content) in enumerate(files):
        filename = f"{name}-{number}.md"
        (src / "articles" / filename).write_bytes(content)
        names.append(filename)
    return src, names


@settings(
    max_examples=30,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking a build takes minutes
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(files=st.lists(st.tuples(_names, _contents), min_size=1, max_size=3))
def test_hostile_files_never_break_the_publication(make_app, tmp_path, files):
    src, names = _write_project(tmp_path / "project", files)
    before = {p for p in tmp_path.rglob("*") if "project" not in p.parts}
    app = build(make_app, src)
    said = warnings(app)
    for name in names:
        stem = name.removesuffix(".md")
        assert f"articles/{stem}" in said or str(src / "articles" / name) in said, name
    listed = titles(article_body(app, "index"))
    assert sorted(t for t in listed if t in GOOD) == sorted(GOOD)
    outdir = Path(app.outdir)
    for path in outdir.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
    assert not list(Path.cwd().glob(RAN)) and not list(tmp_path.rglob(RAN))
    after = {p for p in tmp_path.rglob("*") if "project" not in p.parts}
    assert after == before  # nothing written outside the project


# reST in an article's {eval-rst} blocks, parsed as one document: pieces that refer across.
_RST = [
    "[1]_", "[#]_", "[#a]_", "[*]_", ".. [1] n\n", ".. [#] n\n", ".. [#a] n\n", ".. [*] n\n",
    "[C]_", ".. [C] c\n", "`a`_", "a_", "__", ".. _a: http://x\n", ".. _a:\n", ".. __: http://y\n",
    "|s|", ".. |s| replace:: z\n", ".. contents::\n", ".. sectnum::\n", ".. class:: c\n",
    "Title\n=====\n", "Sub\n---\n", ".. include:: ../../secret.txt\n", ":ref:`a`", "`", "\n\n",
]  # fmt: skip
_block = st.lists(st.sampled_from(_RST) | st.text(max_size=8), max_size=12).map("".join)
_headings = st.sampled_from(["", "## Раздел\n\n", "## 2.3.0\n\n", "## Раздел\n\n(a)=\n"])
_rst_article = st.lists(st.tuples(_headings, _block), min_size=1, max_size=4).map(
    lambda blocks: (
        "---\ntitle: Сноски\ndate: 2024-05-06\n---\n\n"
        + "".join(f"{heading}```{{eval-rst}}\n{block}\n```\n\n" for heading, block in blocks)
    )
)


@settings(
    max_examples=20,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=_rst_article)
def test_embedded_rst_that_refers_across_blocks_never_breaks_the_publication(
    make_app, tmp_path, text
):
    """Footnotes, targets and substitutions across a page's blocks: it builds, nothing lost."""
    src, _ = _write_project(tmp_path / "project", [("rst", text.encode())])
    app = build(make_app, src)
    listed = titles(article_body(app, "index"))
    assert sorted(t for t in listed if t in GOOD) == sorted(GOOD)
    assert "Сноски" in listed
    page = (Path(app.outdir) / "articles" / "rst-0.html").read_text("utf-8")
    assert SECRET not in page
