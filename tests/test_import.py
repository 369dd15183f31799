"""``sphinx-articles import`` on small sites written in each engine's dialect, then built."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from bs4 import BeautifulSoup

from sphinx_article_indexes.cli import main
from util import build, nu_errors, warnings

SITES = Path(__file__).parent / "importer"
ROOT = Path(__file__).parent / "roots" / "test-import"
# Text that means a template tag, shortcode, attribute list or placeholder was printed.
LEFTOVER = re.compile(r"\{%|%\}|\{\{|\}\}|\{:|\{static\}|\{filename\}|\[TOC\]|:::python")

# Per engine: each post's title → (date shown in the archive's year, categories).
EXPECTED = {
    "jekyll": {
        "Закон Мура: что дальше": ("2009", {"Железо", "История"}),
        "Вторая статья": ("2010", {"Железо"}),
        # "date: весной": dated by its file's name, 2012-3-5-…, unpadded
        "Третья, с якорями": ("2012", {"История"}),
    },
    "hugo": {
        "Первый пост": ("2021", {"Заметки"}),
        "Второй пост": ("2021", {"Заметки"}),
        "Опыт": ("2021", {"Заметки"}),  # at the content folder's root: /opyt/
    },
    "pelican": {
        "Первая заметка Пеликана": ("2019", {"Python"}),
        "Вторая заметка Пеликана": ("2019", {"Python"}),
    },
    "ablog": {
        "Первый пост ABlog": ("2024", {"Sphinx"}),
        "Второй пост ABlog": ("2025", {"Sphinx"}),
        "Третий пост ABlog": ("2023", {"Sphinx"}),  # blogpost: true in the front matter
    },
}
OLD_URLS = {
    "jekyll": [
        "blog/2009/01/13/zakon-mura.html",
        "blog/2010/02/01/vtoroi.html",
        "vtoroi/index.html",
    ],
    "hugo": [
        "2021/05/first/index.html",
        "old/vtoroi.html",
        "2021/06/vtoroi/index.html",
        "opyt/index.html",
    ],
    "pelican": ["2019/pelican-one.html", "2019/pelican-two.html"],
    "ablog": ["posts/2024/first.html", "posts/2025/second.html", "posts/2023/third.html"],
}


def _import(tmp_path: Path, engine: str, *options: str) -> tuple[Path, int]:
    docs = tmp_path / "docs"
    if not docs.exists():
        shutil.copytree(ROOT, docs)
    # The build check is tested on its own; here the tests build the site themselves.
    return docs, main(["import", str(SITES / engine), "--into", str(docs), "--no-check", *options])


def _pages(app) -> dict[str, BeautifulSoup]:
    out = Path(app.outdir)
    return {
        p.relative_to(out).as_posix(): BeautifulSoup(p.read_text("utf-8"), "html.parser")
        for p in out.rglob("*.html")
    }


@pytest.fixture(scope="module")
def site_of(make_app_module, tmp_path_factory):
    """Import one engine's site and build it, once per module and engine."""
    built = {}

    def site(engine: str):
        if engine not in built:
            docs, status = _import(tmp_path_factory.mktemp(engine), engine)
            assert status == 0
            built[engine] = (engine, docs, build(make_app_module, docs))
        return built[engine]

    return site


@pytest.fixture(params=sorted(EXPECTED))
def imported(request, site_of):
    return site_of(request.param)


def test_every_post_is_listed_with_its_date_and_categories(imported):
    engine, _, app = imported
    pages = _pages(app)
    for title, (year, categories) in EXPECTED[engine].items():
        archive = pages[f"archive/{year}.html"].select_one("article[role=main]")
        assert title in archive.get_text(), (engine, title)
        for category in categories:
            listed = [
                page for name, page in pages.items()
                if name.startswith("categories/") and page.h1
                and page.h1.get_text(strip=True).rstrip("¶") == category
            ]  # fmt: skip
            assert listed and title in listed[0].get_text(), (engine, title, category)


def test_builds_without_warnings(imported):
    _, _, app = imported
    assert warnings(app) == ""


def test_no_template_text_left_in_any_page(imported):
    engine, _, app = imported
    for name, page in _pages(app).items():
        main_text = page.select_one("article[role=main]")
        if name.startswith("articles/") and main_text is not None:
            text = main_text.get_text()
            assert not LEFTOVER.search(text), (engine, name, LEFTOVER.search(text).group(0))


def test_links_between_posts_and_images_work(imported):
    engine, _, app = imported
    out = Path(app.outdir)
    images = links = 0
    for name, page in _pages(app).items():
        if not name.startswith("articles/"):
            continue
        body = page.select_one("article[role=main]")
        for image in body.select("img"):
            assert (out / name).parent.joinpath(image["src"]).resolve().is_file(), (name, image)
            images += 1
        for link in body.select("a[href]"):
            href = link["href"].split("#")[0]
            if href and not re.match(r"[a-z]+:", href):
                assert (out / name).parent.joinpath(href).resolve().is_file(), (name, href)
                links += 1
    assert images >= {"jekyll": 4, "hugo": 2, "pelican": 2, "ablog": 1}[engine]
    assert links > 0


def test_links_to_anchors_and_heading_levels(site_of):
    _, _, app = site_of("jekyll")
    page = _pages(app)["articles/2012/tretii.html"].select_one("article[role=main]")
    for anchor in ("razdel", "vyvody", "itog"):  # <a name>, alone, kramdown's {#id}
        href = page.select_one(f'a[href="#{anchor}"]')
        assert href is not None and page.select_one(f'[id="{anchor}"]') is not None
    # ### and ##### under the title: one level under it, then the next.
    assert [h.name for h in page.select("h1, h2, h3, h4, h5")] == ["h1", "h2", "h3", "h3"]
    assert page.select_one('a[href^="https://example.org/big.png"] img') is not None


def _heading_at(page: BeautifulSoup, href: str) -> str:
    """The heading of the section a link of ``page`` to ``#id`` lands on."""
    assert href.startswith("#"), href
    return page.select_one(f'section[id="{href[1:]}"]').find(re.compile("h[1-6]")).get_text()


def test_an_id_used_by_several_posts_is_each_post_s_own(site_of):
    """Hugo's heading ids are a page's own, MyST's labels global: both posts write
    ``{#theory}``, the second twice; each link still lands on its post's heading."""
    _, _, app = site_of("hugo")  # no "duplicate label" warning: test_builds_without_warnings
    first, second = (_pages(app)[f"articles/2021/{n}.html"] for n in ("first", "vtoroi"))
    page, fragment = second.find("a", string="первому")["href"].split("#")
    assert page == "first.html" and "Теория" in _heading_at(first, "#" + fragment)
    for text in ("теория", "она же"):  # a Markdown link and one in raw HTML
        href = second.find("a", string=text)["href"]
        assert "Теория второго поста" in _heading_at(second, href), (text, href)
    again = next(h for h in second.select("h3") if "Снова теория" in h.get_text())
    assert again.find_parent("section")["id"] != href[1:]
    ids = [s["id"] for s in second.select("[id]")]
    assert len(ids) == len(set(ids))


def test_imported_pages_and_redirects_are_valid_html(imported):
    _, _, app = imported
    assert nu_errors(Path(app.outdir)) == []


def test_old_addresses_redirect_to_the_articles(imported):
    engine, _, app = imported
    out = Path(app.outdir)
    for old in OLD_URLS[engine]:
        redirect = BeautifulSoup((out / old).read_text("utf-8"), "html.parser")
        refresh = redirect.select_one('meta[http-equiv="refresh"]')["content"]
        target = refresh.split("url=", 1)[1]
        assert (out / old).parent.joinpath(target).resolve().is_file(), (old, target)
        assert redirect.select_one('link[rel="canonical"]')["href"].startswith("https://")


def _files(docs: Path) -> dict[str, bytes]:
    return {
        p.relative_to(docs).as_posix(): p.read_bytes()
        for p in sorted(docs.rglob("*"))
        if p.is_file() and "_build" not in p.parts
    }


def test_a_date_not_understood_is_reported_and_the_file_name_dates_the_post(tmp_path, capsys):
    docs, _ = _import(tmp_path, "jekyll")
    assert "got 'весной'; dated by its file's name" in capsys.readouterr().out
    front = yaml.safe_load((docs / "articles/2012/tretii.md").read_text("utf-8").split("---")[1])
    assert str(front["date"]).startswith("2012-03-05")


def test_re_running_gives_the_same_files(tmp_path, capsys):
    docs, _ = _import(tmp_path, "jekyll")
    first = _files(docs)
    capsys.readouterr()
    assert _import(tmp_path, "jekyll")[1] == 0
    assert _files(docs) == first
    assert "wrote 0 files" in capsys.readouterr().out


def test_hand_edits_are_kept_unless_forced(tmp_path, capsys):
    docs, _ = _import(tmp_path, "hugo")
    article = docs / "articles" / "2021" / "first.md"
    edited = article.read_text("utf-8").replace("Начало первого поста.", "Исправлено вручную.")
    article.write_text(edited, "utf-8")
    capsys.readouterr()
    _import(tmp_path, "hugo")
    assert article.read_text("utf-8") == edited
    assert "kept 1 files edited since the last import" in capsys.readouterr().out
    _import(tmp_path, "hugo", "--force")
    assert "Начало первого поста." in article.read_text("utf-8")


def test_dry_run_writes_nothing(tmp_path, capsys):
    docs = shutil.copytree(ROOT, tmp_path / "docs")
    before = _files(docs)
    assert _import(tmp_path, "pelican", "--dry-run")[1] == 0
    assert _files(docs) == before
    assert "would write 3 files" in capsys.readouterr().out  # 2 articles, 1 image both use


def test_nothing_already_in_docs_is_lost(tmp_path):
    docs = shutil.copytree(ROOT, tmp_path / "docs")
    mine = docs / "articles" / "2010" / "vtoroi.md"  # where the import would write
    mine.parent.mkdir(parents=True)
    mine.write_text("---\ntitle: Моя\ndate: 2010-01-01\n---\n\nМоя статья.\n", "utf-8")
    _import(tmp_path, "jekyll")
    assert mine.read_text("utf-8").endswith("Моя статья.\n")


def test_a_folder_that_is_no_site_is_refused(tmp_path, capsys):
    docs = shutil.copytree(ROOT, tmp_path / "docs")
    (tmp_path / "empty").mkdir()
    assert main(["import", str(tmp_path / "empty"), "--into", str(docs)]) == 2
    assert "is not a Jekyll, Hugo, Pelican or ABlog site" in capsys.readouterr().err
    assert main(["import", str(SITES / "jekyll"), "--into", str(tmp_path / "empty")]) == 2
    assert "no conf.py in" in capsys.readouterr().err


def test_other_encodings_and_leftovers_are_reported(tmp_path, capsys):
    site = shutil.copytree(SITES / "jekyll", tmp_path / "site")
    post = "---\ntitle: Кодировка\ndate: 2012-01-01\n---\n\nТекст {% include note.html %} конец.\n"
    post += "\n{{< music id=1 >}}\n\n`{{ code }}` остаётся.\n"
    (site / "_posts" / "2012-01-01-cp1251.md").write_bytes(post.encode("cp1251"))
    docs = shutil.copytree(ROOT, tmp_path / "docs")
    assert main(["import", str(site), "--into", str(docs)]) == 0
    said = capsys.readouterr().out
    assert "it was read as Windows-1251" in said
    assert "_posts/2009-01-13-zakon-mura.md → articles/2009/zakon-mura.md (converted: " in said
    assert "{% highlight %} 1" in said
    assert "articles/2012/cp1251.md:8: not converted, set aside: {% include note.html %}" in said
    assert "articles/2012/cp1251.md:10: not converted, set aside: {{< music id=1 >}}" in said
    article = (docs / "articles" / "2012" / "cp1251.md").read_text("utf-8")
    assert "Кодировка" in article and "Текст  конец." in article
    assert "\n% {{< music id=1 >}}\n" in article and "`{{ code }}` остаётся." in article


def test_help_describes_import(capsys):
    assert main(["import", "--help"]) == 0
    assert "--dry-run" in capsys.readouterr().out


def test_tex_written_for_mathjax_becomes_math(site_of):
    """``\\(…\\)`` and ``\\[…\\]``, Markdown's escapes inside them undone; not in code."""
    _, _, app = site_of("hugo")
    page = _pages(app)["articles/2021/first.html"].select_one("article[role=main]")
    assert [m.get_text() for m in page.select("span.math")] == [r"\(E = mc^2\)"]
    alone, in_list, environment, in_text = page.select("div.math")
    assert r"\sum_k k" in in_text.get_text()  # $$ in a line: MathJax displayed it
    assert r"a_{i} = b \\ c = d" in environment.get_text()  # as the old site's Markdown left it
    assert r"{}^{[^{-}]}d_{AB} = \angle AQB" in alone.get_text()
    item = in_list.find_parent("li")  # display math in a list item's line: its own block there
    assert "Сумма" in item.get_text() and len(item.find_parent("ul").find_all("li")) == 2
    assert r"\\(не формула\\)" in [c.get_text() for c in page.select("code")]


def test_images_in_html_blocks_are_images(site_of):
    """Markdown is not read in an HTML block: an image there is moved out of its tags."""
    _, _, app = site_of("jekyll")
    page = _pages(app)["articles/2010/vtoroi.html"].select_one("article[role=main]")
    for alt in ("Чип в блоке", "Чип в абзаце"):  # the file: test_links_between_posts_and…
        assert page.select_one(f'img[alt="{alt}"]') is not None, alt
    assert "![" not in page.get_text()
    assert "Подпись под чипом" in page.select_one(".imgcap ~ .thecap, .imgcap .thecap").text


def test_hugo_blox_s_math_shortcode_is_math(site_of, tmp_path, capsys):
    _, _, app = site_of("hugo")
    page = _pages(app)["articles/2021/vtoroi.html"].select_one("article[role=main]")
    assert [m.get_text() for m in page.select("span.math")] == [r"\(\pi r^2\)"]
    assert r"\int_0^1 x\,dx" in page.select_one("div.math").get_text()
    capsys.readouterr()
    _import(tmp_path, "hugo")
    report = capsys.readouterr().out
    assert "{{< math >}} 2" in report and "set aside: {{< math" not in report


def test_kramdown_s_inline_dollars_are_inline_math(site_of):
    _, _, app = site_of("jekyll")
    page = _pages(app)["articles/2010/vtoroi.html"].select_one("article[role=main]")
    assert [m.get_text() for m in page.select("span.math")] == [r"\(a^2 + b^2\)"]
    assert "E = mc^2" in page.select_one("div.math").get_text()
    # An environment in $$: kramdown left it as written (its \\ and \_ are TeX's).
    assert "a &= b \\\\\nc\\_1 &= d" in page.select("div.math")[1].get_text()
    assert "$" not in page.get_text()


def test_the_site_s_own_embeds_become_links_in_its_tabs(site_of):
    """``rutube``, ``vkvideo``: the site's templates (an <iframe src>) read, not run."""
    _, _, app = site_of("hugo")
    page = _pages(app)["articles/2021/first.html"].select_one("article[role=main]")
    assert [t.get_text(strip=True) for t in page.select(".sd-tab-set label")] == ["RuTube", "VK"]
    hrefs = [a["href"] for a in page.select(".sd-tab-set a[href]")]
    assert hrefs == [
        "https://rutube.ru/play/embed/951fc2e6bf2157c298e019136b83992b",
        "https://vkvideo.ru/video_ext.php?oid=-1&id=2&hd=2",  # named arguments
        "https://vkvideo.ru/video_ext.php?oid=3&id=4&hd=5",  # the template's other branch
    ]


def test_theme_shortcodes_become_links_dropdowns_and_admonitions(site_of):
    _, _, app = site_of("hugo")
    page = _pages(app)["articles/2021/vtoroi.html"].select_one("article[role=main]")
    assert page.select_one('a[href="https://gohugo.io/"]').get_text() == "Сайт Hugo"
    assert "Скрытый текст." in page.select_one("details").get_text()
    assert "Осторожно" in page.select_one(".admonition.warning").get_text()
    # A theme's table of contents, tabs and a dropdown holding code blocks.
    assert page.select_one(".contents") is None  # Furo shows the page's contents beside it
    assert [t.get_text(strip=True) for t in page.select(".sd-tab-set label")] == ["Видео", "Код"]
    assert 'print("вкладка")' in page.select(".sd-tab-set .sd-tab-content")[1].get_text()
    assert "ls -la" in page.select("details")[-1].get_text()


def test_hugo_s_embeds_become_links_and_headings_skip_no_level(site_of):
    _, _, app = site_of("hugo")
    page = _pages(app)["articles/2021/first.html"].select_one("article[role=main]")
    links = {a["href"] for a in page.select("a[href]")}
    assert "https://vimeo.com/146022717" in links
    assert "https://x.com/SanDiegoZoo/status/1453110110599868418" in links
    assert "https://www.instagram.com/p/BWNjjyYFxVx/" in links
    # ## then ####: the second one level under the first, as a reader sees them.
    headings = [(h.name, h.get_text().rstrip("¶")) for h in page.select("h2, h3, h4, h5, h6")]
    assert headings == [("h2", "Теория"), ("h3", "Встроенное"), ("h3", "Итог")]


def test_a_link_out_of_the_site_is_not_read(tmp_path, capsys):
    site = shutil.copytree(SITES / "jekyll", tmp_path / "site")
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Секрет\ndate: 2020-01-01\n---\n\nПароль.\n", "utf-8")
    (site / "_posts" / "2020-01-01-link.md").symlink_to(secret)
    (site / "images" / "out.png").symlink_to(secret)
    post = "---\ntitle: T\ndate: 2020-01-02\n---\n\n![x](/images/out.png)\n"
    (site / "_posts" / "2020-01-02-image.md").write_text(post, "utf-8")
    docs = shutil.copytree(ROOT, tmp_path / "docs")
    assert main(["import", str(site), "--into", str(docs)]) == 0
    written = "".join(p.read_text("utf-8", "replace") for p in docs.rglob("*") if p.is_file())
    assert "Пароль" not in written
    assert "missing file: /images/out.png" in capsys.readouterr().out


def test_the_build_s_warnings_are_reported_with_what_to_do(tmp_path, capsys):
    site = shutil.copytree(SITES / "jekyll", tmp_path / "site")
    post = "---\ntitle: T\ndate: 2020-01-02\n---\n\n![x](/images/gone.png)\n\n[к якорю](#nowhere)\n"
    (site / "_posts" / "2020-01-02-broken.md").write_text(post, "utf-8")
    docs = shutil.copytree(ROOT, tmp_path / "docs")
    assert main(["import", str(site), "--into", str(docs)]) == 0
    said = capsys.readouterr().out
    assert "articles/2020/broken.md:10: build: image file not readable" in said
    assert "the image is not in the old site: add the file or take the image out" in said
    assert "build warnings in imported articles: 2" in said


def test_a_named_engine_s_site_without_its_settings_file_is_imported_with_defaults(tmp_path):
    """``--engine ablog`` on a folder without ``conf.py`` (a repository's root): no traceback."""
    site = tmp_path / "site"
    shutil.copytree(SITES / "ablog" / "posts", site / "posts")
    docs = tmp_path / "docs"
    shutil.copytree(ROOT, docs)
    command = ["import", str(site), "--into", str(docs), "--engine", "ablog", "--no-check"]
    assert main(command) == 0
    assert len(list((docs / "articles").rglob("*.md"))) == 4  # a draft too


def test_a_sphinx_blog_s_references_roles_and_updates_carry_over(site_of):
    """ABlog's reST: labels, :doc:, extlinks roles, rst_epilog's links, ``update``."""
    _, _, app = site_of("ablog")
    pages = _pages(app)
    first = pages["articles/2024/first.html"].select_one("article[role=main]")
    second = pages["articles/2025/second.html"].select_one("article[role=main]")
    links = {a.get_text(): a["href"] for a in first.select("a[href]")}
    # A post's label (and its file's name, as ABlog names posts) and its old name: the article.
    assert links["Второй пост ABlog"] == "../2025/second.html"
    assert links["по имени"] == "../2025/second.html"
    assert links["подраздел"] == "../2025/second.html#podrazdel"
    assert second.select_one("section#podrazdel h2").get_text().startswith("Подраздел")
    assert links["задача 7"] == "https://github.com/example/ablog/issues/7"
    links = {a.get_text(): a["href"] for a in second.select("a[href]")}
    assert links["задача 12"] == "https://github.com/example/ablog/issues/12"
    assert links["Sphinx"] == "https://www.sphinx-doc.org/"  # from the old site's rst_epilog
    # Defined at the end, used in two sections: each is a link.
    assert [a["href"] for a in second.select("a") if a.get_text() == "ABlog"] == [
        "https://ablog.readthedocs.io/"
    ] * 2
    updates = [a.select_one(".admonition-title").get_text() for a in second.select(".admonition")]
    assert updates == ["Обновлено June 7, 2025"]
    assert "Добавлена картинка." in second.select_one(".admonition").get_text()
    # Their own contents lists: Furo shows each page's beside it (and flags one in the page).
    assert first.select_one(".contents") is None and second.select_one(".contents") is None
    update = first.select_one(".admonition")
    assert update.select_one(".admonition-title").get_text() == "Обновлено Jan 9th, 2024"
    assert "Исправлена опечатка." in update.get_text()


def test_a_pelican_folder_of_rest_posts_with_their_fields_first(tmp_path, capsys):
    """Pelican without ``PATH`` reads where it runs; after ``:title:``, a title is a section."""
    site = tmp_path / "site"
    site.mkdir()
    post = ":title: Заметки\n:date: 2014-12-26 18:56\n:category: Misc\n\nLinux\n=====\n\nТекст.\n\n"
    post += "Libnotify\n---------\n\nЕщё.\n\nMac OS X\n========\n\nКонец.\n"
    (site / "notes.rst").write_text(post, "utf-8")
    docs = shutil.copytree(ROOT, tmp_path / "docs")
    assert main(["import", str(site), "--into", str(docs), "--engine", "pelican"]) == 0
    said = capsys.readouterr().out
    assert "pelican: 1 posts read" in said
    assert "build warnings in imported articles: 0 " in said, said
    text = (docs / "articles" / "2014" / "notes.md").read_text("utf-8")
    assert "title: Заметки" in text
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == ["## Linux", "### Libnotify", "## Mac OS X"]


def test_jekyll_s_url_filters_and_its_pages_sources(site_of):
    """``{{ 'x' | relative_url }}``: the site's file, or the old page; no link left empty."""
    _, _, app = site_of("jekyll")
    page = _pages(app)["articles/2010/vtoroi.html"].select_one("article[role=main]")
    assert page.select_one('img[alt="Схема"]')["src"].endswith(".png")
    links = {a.get_text(): a["href"] for a in page.select("a[href]")}
    assert links["обо мне"] == "https://old.example.org/about.html"
    # The source of a page the old engine rendered is not a file to publish.
    assert links["исходник страницы"] == "https://old.example.org/about.md"
    assert "репозиторий" in page.get_text() and "репозиторий" not in links


def test_links_to_headings_by_their_text_and_links_with_no_address(site_of):
    """Python-Markdown's ``#Итоги`` finds the heading ``Итоги``; ``[text]()`` is no broken link."""
    _, _, app = site_of("pelican")
    page = _pages(app)["articles/2019/pelican-one.html"].select_one("article[role=main]")
    links = {a.get_text(): a["href"] for a in page.select("a[href]")}
    target = page.find(id=unquote(links["итогам"].removeprefix("#")))
    assert target.get_text().strip().startswith("Итоги")
    assert links["https://example.org/docs"] == "https://example.org/docs"
    assert "в никуда" in page.get_text() and "в никуда" not in links
    # Relative to the post's old address (Pelican's RELATIVE_URLS, a hand-written link).
    assert links["по её адресу"] == links["здесь"] == "pelican-two.html"


@pytest.mark.parametrize(("engine", "name"), [("jekyll", "nabrosok"), ("ablog", "draft")])
def test_a_draft_without_a_date_is_dated_by_its_file_and_kept_a_draft(site_of, engine, name):
    """Jekyll's _drafts and ABlog's undated posts: no 'date' is missing warning, listed nowhere."""
    _, docs, app = site_of(engine)
    (article,) = (docs / "articles").rglob(f"{name}.md")
    front = yaml.safe_load(article.read_text("utf-8").split("---\n")[1])
    assert front["draft"] is True and front["date"]
    title = front["title"]
    for page_name, page in _pages(app).items():
        if page_name.startswith(("archive/", "categories/", "tags/")):
            assert title not in page.get_text(), page_name
    assert (
        title
        in _pages(app)[article.relative_to(docs).with_suffix(".html").as_posix()].h1.get_text()
    )


def test_an_extlinks_pattern_sphinx_cannot_fill_is_left_not_a_crash(tmp_path):
    """``extlinks`` is the old site's code, read not run: a broken pattern leaves its role."""
    site = shutil.copytree(SITES / "ablog", tmp_path / "site")
    conf = (site / "conf.py").read_text("utf-8")
    conf = conf.replace(
        'extlinks = {"issue"', 'extlinks = {"bad": ("https://x.example/%s?q=%20", None), "issue"'
    )
    (site / "conf.py").write_text(conf, "utf-8")
    post = site / "posts" / "2025" / "second.rst"
    post.write_text(post.read_text("utf-8") + "\nСм. :bad:`1`.\n", "utf-8")
    docs = shutil.copytree(ROOT, tmp_path / "docs")
    assert main(["import", str(site), "--into", str(docs), "--no-check"]) == 0
    text = (docs / "articles" / "2025" / "second.md").read_text("utf-8")
    assert ":bad:`1`" in text and "https://github.com/example/ablog/issues/12" in text


def test_a_multilingual_hugo_site_brings_the_publication_s_language(tmp_path, capsys):
    """``post.ru.md`` beside ``post.en.md``: the Russian one, its address with ``/ru/``."""
    site = tmp_path / "site"
    (site / "content" / "posts" / "bundle").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        'baseURL = "https://ml.example.org/"\ndefaultContentLanguage = "en"\n'
        '[languages.en]\ntitle = "EN"\n[languages.ru]\ntitle = "RU"\n',
        "utf-8",
    )
    posts = site / "content" / "posts"
    for language, title in (("ru", "Пакет"), ("en", "Bundle")):
        (posts / "bundle" / f"index.{language}.md").write_text(
            f"---\ntitle: {title}\ndate: 2024-01-02\n---\n\nText.\n", "utf-8"
        )
    (posts / "single.ru.md").write_text(
        '---\ntitle: Одна\ndate: 2024-02-03\n---\n\n[Пакет]({{< relref "bundle" >}}).\n', "utf-8"
    )
    (posts / "single.en.md").write_text("---\ntitle: One\ndate: 2024-02-03\n---\n\nOne.\n", "utf-8")
    docs = shutil.copytree(ROOT, tmp_path / "docs")
    assert main(["import", str(site), "--into", str(docs)]) == 0
    said = capsys.readouterr().out
    assert "translations into other languages than the publication's, left out: 2" in said
    assert "dead links: 0" in said and "build warnings in imported articles: 0 " in said
    articles = sorted(p.relative_to(docs).as_posix() for p in (docs / "articles").rglob("*.md"))
    assert articles == ["articles/2024/bundle.md", "articles/2024/single.md"]
    single = (docs / "articles" / "2024" / "single.md").read_text("utf-8")
    assert "/ru/posts/single/" in single and "](bundle.md)" in single


def test_a_hugo_site_translated_by_content_folder(tmp_path, capsys):
    """``languages.ru.contentDir = "content_ru"``: the Russian folder's posts, not the English."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "hugo.toml").write_text(
        'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content_en"\n'
        '[languages.ru]\ncontentDir = "content_ru"\n',
        "utf-8",
    )
    for language, title in (("ru", "Пост"), ("en", "Post")):
        folder = site / f"content_{language}" / "posts"
        folder.mkdir(parents=True)
        (folder / "post.md").write_text(f"---\ntitle: {title}\ndate: 2024-01-02\n---\n\nText.\n")
    docs = shutil.copytree(ROOT, tmp_path / "docs")
    assert main(["import", str(site), "--into", str(docs), "--no-check"]) == 0
    assert "left out: 1" in capsys.readouterr().out
    (article,) = (docs / "articles").rglob("*.md")
    text = article.read_text("utf-8")
    assert "title: Пост" in text and "- /ru/posts/post/" in text  # its old address


def test_rest_links_to_posts_and_files_carry_over(site_of):
    """`text <{filename}/…>`_ and an old address in reST: the article; a label in it: there;
    a file: its download."""
    _, _, app = site_of("pelican")
    page = _pages(app)["articles/2019/pelican-two.html"].select_one("article[role=main]")
    links = {a.get_text(): a["href"] for a in page.select("a[href]")}
    assert links["первую"] == links["старую"] == "pelican-one.html"
    assert links["к итогам первой"] == "pelican-one.html#itogi"
    assert links["снимок"].endswith("foto.png")
    assert (Path(app.outdir) / "articles" / "2019" / links["снимок"]).resolve().is_file()
