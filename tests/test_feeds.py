"""Atom feeds: the whole publication and each category, valid and linked from every page."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from util import article_body, build, copy_project, page, warnings

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://example.org/journal/ru/latest/"


def parse(app, path: str) -> ElementTree.Element:
    return ElementTree.parse(Path(app.outdir) / path).getroot()


def check_atom(feed: ElementTree.Element, self_url: str) -> list[ElementTree.Element]:
    """The elements RFC 4287 requires, with absolute links and zoned dates."""
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") and feed.findtext(f"{ATOM}title")
    dt.datetime.fromisoformat(feed.findtext(f"{ATOM}updated"))
    links = {link.get("rel"): link.get("href") for link in feed.iter(f"{ATOM}link")}
    assert links["self"] == self_url
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        assert re.fullmatch(
            r"tag:example\.org,\d{4}-\d\d-\d\d:articles/[\w/-]+", entry.findtext(f"{ATOM}id")
        )
        assert entry.find(f"{ATOM}link").get("href").startswith(BASE)
        for field in ("updated", "published"):
            moment = dt.datetime.fromisoformat(entry.findtext(f"{ATOM}{field}"))
            assert moment.tzinfo is not None
    return entries


@pytest.mark.sphinx(
    "html", testroot="publication", confoverrides={"articles_timezone": "Europe/Moscow"}
)
def test_publication_feed_lists_articles_newest_first(app):
    app.build()
    entries = check_atom(parse(app, "feed.atom"), f"{BASE}feed.atom")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Вторая: про автокодировщики", "Третья", "Четвёртая", "Первая статья",
    ]  # fmt: skip
    first = entries[0]
    assert first.findtext(f"{ATOM}id") == "tag:example.org,2025-12-27:articles/second"
    assert first.find(f"{ATOM}link").get("href") == f"{BASE}articles/second.html"
    assert first.findtext(f"{ATOM}published") == "2025-12-27T00:00:00+03:00"
    assert [c.get("term") for c in first.iter(f"{ATOM}category")] == ["Генеративный ИИ"]
    assert first.findtext(f"{ATOM}summary").startswith("Автокодировщики сжимают")


@pytest.mark.sphinx("html", testroot="publication")
def test_category_feeds_and_links_in_head(app):
    app.build()
    entries = check_atom(
        parse(app, "categories/generativnyi-ii.atom"), f"{BASE}categories/generativnyi-ii.atom"
    )
    assert len(entries) == 3
    for docname in app.env.found_docs:
        heads = page(app, docname).select('link[rel=alternate][type="application/atom+xml"]')
        assert f"{BASE}feed.atom" in [link["href"] for link in heads]
    heads = page(app, "categories/python").select('link[type="application/atom+xml"]')
    assert [link["href"] for link in heads] == [f"{BASE}feed.atom", f"{BASE}categories/python.atom"]
    visible = article_body(app, "categories/python").select_one(".article-subscribe a")
    assert visible["href"] == "python.atom"


def test_feeds_escape_markup_and_survive_incremental_builds(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    build(make_app, src)
    (src / "articles" / "xss.md").write_text(
        "---\ntitle: <script>alert(1)</script>\ndate: 2026-01-01\n---\n\nТекст.\n", "utf-8"
    )
    app = build(make_app, src)
    raw = (Path(app.outdir) / "feed.atom").read_text("utf-8")
    assert "<script>" not in raw
    titles = [e.findtext(f"{ATOM}title") for e in parse(app, "feed.atom").iter(f"{ATOM}entry")]
    assert titles[0] == "<script>alert(1)</script>"
    assert len(titles) == 5  # the four articles not re-read are still in the feed


def _feed_times(app) -> dict[str, int]:
    """When each feed file was last written, by path in the output folder."""
    out = Path(app.outdir)
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.atom")}


def test_a_rebuild_rewrites_only_the_feeds_whose_entries_changed(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    # An opening longer than the summary, so that a paragraph added after it is not shown.
    article = src / "articles" / "second.md"
    opening = "Автокодировщики сжимают и восстанавливают данные. " * 10
    article.write_text(article.read_text("utf-8") + opening + "\n", "utf-8")
    first = _feed_times(build(make_app, src))
    tags = {"tags/modeli.atom", "tags/odin.atom", "tags/proshchanie.atom"}
    assert (
        set(first)
        == {"feed.atom", "categories/generativnyi-ii.atom", "categories/python.atom"} | tags
    )
    # A paragraph below the summary changes no entry: every feed is left as it was.
    article.write_text(article.read_text("utf-8") + "\nЕщё абзац.\n", "utf-8")
    assert _feed_times(build(make_app, src)) == first
    # A new title is in the feeds that list the article, and only in those.
    third = src / "articles" / "third.md"
    third.write_text(third.read_text("utf-8").replace('"Третья"', "Третья!"), "utf-8")
    app = build(make_app, src)
    again = _feed_times(app)
    changed = [p for p in first if again[p] != first[p]]
    assert sorted(changed) == [
        "categories/generativnyi-ii.atom", "feed.atom", "tags/modeli.atom", "tags/odin.atom"
    ]  # fmt: skip
    for path in changed:
        assert "Третья!" in [
            e.findtext(f"{ATOM}title") for e in parse(app, path).iter(f"{ATOM}entry")
        ]
    # A feed deleted from the output folder is written again, even with no change.
    (Path(app.outdir) / "feed.atom").unlink()
    app = build(make_app, src)
    assert len(parse(app, "feed.atom").findall(f"{ATOM}entry")) == 4
    assert _feed_times(app)["categories/python.atom"] == first["categories/python.atom"]


def test_the_feed_record_cannot_delete_files_outside_the_feeds(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    app = build(make_app, src)
    outdir = Path(app.outdir)
    victims = [tmp_path / "victim.atom", src / "conf.py", outdir / "index.html"]
    (tmp_path / "victim.atom").write_text("<feed/>", "utf-8")
    record = Path(app.doctreedir) / "feeds.json"
    names = [f"{outdir}/../../../victim.atom", str(src / "conf.py"), str(outdir / "index.html")]
    record.write_text(json.dumps(dict.fromkeys(names, "0")), "utf-8")
    build(make_app, src)
    assert (outdir / ".." / ".." / ".." / "victim.atom").resolve() == victims[0]
    assert all(victim.is_file() for victim in victims)


# The smallest PNG: one transparent pixel.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def test_full_text_feeds_have_the_body_with_absolute_links(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    (src / "articles" / "pixel.png").write_bytes(PIXEL)
    (src / "articles" / "linked.md").write_text(
        "---\ntitle: Со ссылками\ndate: 2026-01-02\ncategories: ИИ\n---\n\n"
        "(razdel)=\n## Раздел\n\nСм. [вторую статью](second.md) и [раздел](#razdel).\n\n"
        "![Точка](pixel.png)\n\n<b>жирный</b> & «кавычки»\n",
        "utf-8",
    )
    full = {"confoverrides": {"articles_feed_content": "full"}}
    first = build(make_app, src, **full)
    assert warnings(first) == ""
    linked = Path(first.outdir) / "articles" / "linked.html"
    written = linked.stat().st_mtime_ns
    # Re-build after a change elsewhere: the linked article is not re-written.
    (src / "articles" / "first.md").write_text(
        (src / "articles" / "first.md").read_text("utf-8") + "\nЕщё абзац.\n", "utf-8"
    )
    app = build(make_app, src, **full)
    assert warnings(app) == ""
    assert linked.stat().st_mtime_ns == written
    for path in ("feed.atom", "categories/ii.atom"):
        entry = parse(app, path).find(f"{ATOM}entry")
        assert entry.findtext(f"{ATOM}title") == "Со ссылками"
        content = entry.find(f"{ATOM}content")
        assert content.get("type") == "html"
        body = BeautifulSoup(content.text, "html.parser")
        assert "Со ссылками" not in body.get_text()  # the title is the entry's own
        assert not body.select(".article-meta, .article-around, .headerlink")
        hrefs = [a["href"] for a in body.select("a")]
        assert f"{BASE}articles/second.html" in hrefs
        assert f"{BASE}articles/linked.html#razdel" in hrefs
        image = body.select_one("img")["src"]
        assert image.startswith(f"{BASE}_images/pixel-") and image.endswith(".png")
        assert (Path(app.outdir) / image.removeprefix(BASE)).read_bytes() == PIXEL
        assert "& «кавычки»" in body.get_text()
    # The default is the summary alone.
    plain = build(make_app, src)
    assert parse(plain, "feed.atom").find(f"{ATOM}entry").find(f"{ATOM}content") is None


def _ids(app) -> dict[str, list[str]]:
    out = Path(app.outdir)
    return {
        path.relative_to(out).as_posix(): [
            node.text for node in ElementTree.parse(path).getroot().iter(f"{ATOM}id")
        ]
        for path in sorted(out.rglob("*.atom"))
    }


def test_atom_ids_stay_when_the_site_moves_or_the_builder_changes(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    authority = {"articles_feed_authority": "example.org,2024"}
    here = _ids(build(make_app, src, confoverrides=authority))
    moved = authority | {"html_baseurl": "https://new.example.net/ru/v2/"}
    assert _ids(build(make_app, src, confoverrides=moved)) == here
    assert _ids(build(make_app, src, "dirhtml", confoverrides=authority)) == here
    ids = [i for feed in here.values() for i in feed]
    assert "tag:example.org,2025-12-27:articles/second" in ids
    assert here["feed.atom"][0].startswith("tag:example.org,")  # the feed's own id


def test_atom_ids_follow_the_configured_authority(make_app, rootdir, tmp_path):
    src = copy_project(rootdir / "test-publication", tmp_path / "src")
    app = build(make_app, src, confoverrides={"articles_feed_authority": "journal.example,2020"})
    ids = _ids(app)["feed.atom"]
    assert ids[0] == "tag:journal.example,2020:feed.atom"
    assert "tag:journal.example,2025-12-27:articles/second" in ids
