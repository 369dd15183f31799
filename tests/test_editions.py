"""The PDF and EPUB editions of the real publication, built and read back."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from sphinx_article_indexes.editions import tex
from util import build, copy_project, need

ROOT = Path(__file__).parents[1]
# CI installs the tools and sets this, so that these tests cannot quietly skip there.
REQUIRED = "PUBLICATION_REQUIRE_EDITIONS"
DATA = Path(__file__).parent / "data"
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


@pytest.fixture(scope="module")
def publication(tmp_path_factory) -> Path:
    """A copy of docs/ with articles whose text LaTeX would choke on, and formulas."""
    src = copy_project(ROOT / "docs", tmp_path_factory.mktemp("editions") / "docs")
    for name in ("hostile.md", "symbols-title.md", "xss.md", "formulas.md"):
        shutil.copy(DATA / name, src / "articles" / name)
    return src


@pytest.fixture(scope="module")
def pdf_text(publication, make_app_module) -> tuple[str, str]:
    """Build the PDF edition; return its text and the LaTeX log."""
    need("TeX (" + ", ".join(tex.missing()) + ")", not tex.missing(), REQUIRED)
    app = build(make_app_module, publication, "latex")
    assert app.warning.getvalue() == ""
    outdir = Path(app.outdir)
    subprocess.run(["make", "-C", str(outdir), "all-pdf"], check=True, capture_output=True)
    pdf = outdir / "generative-ai-notes.pdf"
    # -layout keeps line ends as printed, hyphens included.
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    )
    log = (outdir / "generative-ai-notes.log").read_text("utf-8", errors="replace")
    return text.stdout, log


def _flat(text: str) -> str:
    """PDF text with hyphenation at line ends undone and whitespace folded."""
    return " ".join(re.sub(r"(?<=\w)-\n\s*(?=\w)", "", text).split())


def test_pdf_has_every_article_in_date_order_with_its_byline(pdf_text):
    text, _log = pdf_text
    flat = _flat(text)
    titles = [
        "Раскрываем Секреты: Как Генеративные Модели 2025 Стартуют Новую Революцию в Мире ИИ?",
        "Топ-5 секретов Генеративного ИИ: революция 2025 года, как ей быть?",
    ]
    body = flat[re.search(r"ГЛАВА\s+1\b", flat).end() :]
    # Chapters oldest first: the two hostile May articles, then December's two by title.
    positions = [body.index(t) for t in ["%%% & ### _{}\\ ~^ $", "!!! ??? ***", *titles]]
    assert positions == sorted(positions)
    assert "27 декабря 2025 г." in flat
    assert "5 мая 2025 г." in flat
    for sentence in (
        "Генеративные модели - это тип искусственного интеллекта",
        "Одним из ключевых секретов Генеративного ИИ является использование автокодировщиков",
    ):
        assert sentence in flat


def test_pdf_indexes_are_sections_that_refer_to_pages(pdf_text):
    text, _log = pdf_text
    flat = _flat(text)
    archive = re.search(r"ГЛАВА\s+\d+\s+Архив", flat).end()
    categories = re.search(r"ГЛАВА\s+\d+\s+Категории", flat).end()
    assert archive < categories
    assert re.search(r"Декабрь 2025 \(страница \d+\)", flat[archive:])
    assert re.search(r"ИИ\? \(страница \d+\)", flat[archive:categories])
    assert re.search(r"C# \(страница \d+\) \(1\)", flat[categories:])


def test_pdf_shows_hostile_text_as_written(pdf_text):
    text, log = pdf_text
    flat = _flat(text)
    for written in (
        "%%% & ### _{}\\ ~^ $",
        "50% скидка, #хэштег, R&D, snake_case, {фигурные}, обратный \\слеш",
        "Сверхдлиннейшееслововкотороммногобуквчтобыпроверитьпереносстроки-и-ещё",
        "🚀",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
    ):
        assert written in flat
    assert "Missing character" not in log
    assert "Overfull \\hbox" not in log


def test_pdf_prints_formulas_and_code_whole(pdf_text):
    flat = _flat(pdf_text[0])
    assert "Формулы внимания" in flat
    assert "softmax" in flat
    assert "Attention" in flat
    assert "scaled_dot_product_attention" in flat.replace(" ", "")


def test_long_words_break_but_math_code_and_addresses_stay_whole(make_app, tmp_path):
    src = copy_project(ROOT / "docs", tmp_path / "docs")
    shutil.copy(DATA / "formulas.md", src / "articles" / "formulas.md")
    shutil.copy(DATA / "hostile.md", src / "articles" / "hostile.md")
    app = build(make_app, src, "latex")
    latex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert r"\operatorname{softmax}(\mathbf{z})_i=\frac{e^{z_i}}" in latex
    assert r"\mathrm{Attention}(Q,K,V)=\mathrm{softmax}" in latex
    assert "https://example.org/articles/attention-is-all-you-need" in latex
    assert r"scaled\_dot\_product\_attention" in latex
    assert r"Сверхдлинней\-шееслововкот\-" in latex  # running text still gets break points


def test_pdf_hyphenates_russian(pdf_text):
    text, log = pdf_text
    assert re.search(r"[а-я]-\n\s*[а-я]", text), "no Russian word was hyphenated"
    assert "russian" in log.lower()


@pytest.fixture(scope="module")
def epub(publication, make_app_module) -> Path:
    app = build(make_app_module, publication, "epub")
    assert app.warning.getvalue() == ""
    return next(Path(app.outdir).glob("*.epub"))


def test_epub_passes_epubcheck(epub):
    need("epubcheck", EPUBCHECK.is_file() and shutil.which("java") is not None, REQUIRED)
    result = subprocess.run(
        ["java", "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True, check=False
    )
    assert "No errors or warnings detected" in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0


ACE = Path(__file__).parent / "browser" / "node_modules" / ".bin" / "ace-puppeteer"
CHROMIUM = Path("/usr/bin/chromium")


def test_epub_passes_ace_by_daisy(epub, tmp_path):
    """Ace 1.4.6 (axe rules and EPUB accessibility metadata): no violation at all."""
    need("Ace by DAISY (npm ci --prefix tests/browser)", ACE.is_file(), REQUIRED)
    need("Chromium", CHROMIUM.is_file(), REQUIRED)
    env = os.environ | {"PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM)}
    command = [str(ACE), "--silent", "--outdir", str(tmp_path), str(epub)]
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    failed = [
        (test["earl:test"]["dct:title"], subject["earl:testSubject"]["url"])
        for subject in report["assertions"]
        for test in subject.get("assertions", [])
        if test["earl:result"]["earl:outcome"] == "fail"
    ]
    assert failed == []


def test_epub_declares_its_language_and_accessibility(epub):
    with zipfile.ZipFile(epub) as book:
        page = book.read("articles/xss.xhtml").decode()
        nav = book.read("nav.xhtml").decode()
        opf = book.read("content.opf").decode()
    assert re.search(r'<html [^>]*\blang="ru" xml:lang="ru"', page)
    assert '<nav epub:type="toc" role="doc-toc">' in nav
    for prop in ("accessMode", "accessModeSufficient", "accessibilityFeature",
                 "accessibilityHazard", "accessibilitySummary"):  # fmt: skip
        assert f'<meta property="schema:{prop}">' in opf
    assert epub.name == "generative-ai-notes.epub"


def test_epub_shows_html_in_front_matter_as_text(epub):
    with zipfile.ZipFile(epub) as book:
        xhtml = book.read("articles/xss.xhtml").decode()
        everything = "".join(
            book.read(n).decode() for n in book.namelist() if n.endswith((".xhtml", ".ncx"))
        )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in xhtml
    assert "<script>alert(1)" not in everything
    assert "<img src=x" not in everything


def test_epub_writes_formulas_as_mathml(epub):
    """Reading systems run no MathJax: each formula is MathML, numbered as on the site."""
    math = "{http://www.w3.org/1998/Math/MathML}math"
    with zipfile.ZipFile(epub) as book:
        page = ElementTree.fromstring(book.read("articles/formulas.xhtml"))
        opf = book.read("content.opf").decode()
    text = "".join(page.itertext())
    assert r"\(" not in text and r"\[" not in text and r"\frac" not in text
    formulas = list(page.iter(math))
    assert [f.get("display") for f in formulas] == ["inline", "block", "block", "block"]
    assert "".join(formulas[2].itertext()) == "s=1dk"  # the fraction and root, as MathML
    assert len(list(formulas[3].iter("{http://www.w3.org/1998/Math/MathML}mtr"))) == 2
    eqno = next(e for e in page.iter() if "eqno" in e.get("class", ""))
    assert "".join(eqno.itertext()).startswith("(1)")
    assert re.search(r'href="articles/formulas\.xhtml"[^>]*properties="mathml"', opf)
    assert not re.search(r'href="articles/xss\.xhtml"[^>]*properties=', opf)
    assert '<meta property="schema:accessibilityFeature">MathML</meta>' in opf


def test_tex_mathml_cannot_hold_is_shown_as_tex_with_a_warning(make_app, tmp_path):
    src = copy_project(ROOT / "docs", tmp_path / "docs")
    article = "---\ntitle: Скобка\ndate: 2025-01-01\n---\n\nДробь {math}`\\frac{1}{` оборвана.\n"
    (src / "articles" / "broken.md").write_text(article, "utf-8")
    app = build(make_app, src, "epub")
    warning = app.warning.getvalue()
    assert "broken.md:6" in warning and "cannot be written as MathML" in warning
    page = (Path(app.outdir) / "articles" / "broken.xhtml").read_text("utf-8")
    assert r"\frac{1}{" in page and "<math" not in page


def test_epub_metadata_spine_and_links(epub):
    ns = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
    with zipfile.ZipFile(epub) as book:
        opf = ElementTree.fromstring(book.read("content.opf"))
        assert opf.findtext("opf:metadata/dc:language", namespaces=ns) == "ru"
        assert opf.findtext("opf:metadata/dc:title", namespaces=ns) == "Генеративный ИИ: заметки"
        assert opf.findtext("opf:metadata/dc:identifier", namespaces=ns) == "generative-ai-notes-ru"
        assert opf.findtext("opf:metadata/dc:date", namespaces=ns)
        items = {i.get("id"): i.get("href") for i in opf.iterfind("opf:manifest/opf:item", ns)}
        spine = [items[r.get("idref")] for r in opf.iterfind("opf:spine/opf:itemref", ns)]
        for page in ("archive/index.xhtml", "archive/2025.xhtml", "categories/index.xhtml"):
            assert page in spine
        nav = book.read("nav.xhtml").decode()
        assert 'href="archive/index.xhtml"' in nav
        assert 'href="categories/index.xhtml"' in nav
        names = set(book.namelist())
        for name in names:
            if not name.endswith(".xhtml"):
                continue
            base = Path(name).parent
            for href in re.findall(r'href="([^"#:]+)(?:#[^"]*)?"', book.read(name).decode()):
                target = (base / href).as_posix()
                target = os.path.normpath(target)
                assert target in names, f"{name} links to missing {href}"


def test_a_missing_tex_is_explained_with_the_packages(monkeypatch, capsys):
    monkeypatch.setattr(tex.shutil, "which", lambda name: None)
    monkeypatch.setattr(tex, "_installed_fonts", lambda: "")
    assert tex.main([]) == 1
    message = capsys.readouterr().err
    assert "latexmk, lualatex" in message
    assert "the Symbola font" in message
    assert "sudo apt-get install latexmk texlive-luatex texlive-lang-cyrillic" in message
    assert "Traceback" not in message
