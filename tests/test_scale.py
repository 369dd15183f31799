"""Pages stay small as the publication grows: no page but the lists carries the articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from util import build, copy_project, page


def _add_articles(src: Path, count: int) -> None:
    start = dt.date(2020, 1, 1)
    for index in range(count):
        day = start + dt.timedelta(days=index * 20)
        (src / "articles" / f"extra-{index:03d}.md").write_text(
            f"---\ntitle: Дополнительная {index}\ndate: {day}\ncategories: [Тема {index % 4}]\n"
            f"---\n\nТекст статьи {index}.\n",
            "utf-8",
        )


def test_article_pages_do_not_grow_with_the_publication(make_app, rootdir, tmp_path):
    small = build(make_app, copy_project(rootdir / "test-publication", tmp_path / "small"))
    large_src = copy_project(rootdir / "test-publication", tmp_path / "large")
    _add_articles(large_src, 80)
    large = build(make_app, large_src, confoverrides={"articles_latest_count": 5})

    def size(app) -> int:
        return len((Path(app.outdir) / "articles" / "first.html").read_bytes())

    # The sidebar grows by a few years and categories, not by 80 articles.
    assert size(large) < size(small) * 1.25
    nav = page(large, "articles/first").select_one(".sidebar-tree")
    assert not nav.select("a[href*='articles/']")
    home = page(large, "index")
    assert len(home.select(".article-cards .sd-card")) == 5
    # Every article is still reachable: through its year page.
    years = sorted(p.stem for p in (Path(large.outdir) / "archive").glob("2*.html"))
    linked = set()
    for year in years:
        linked |= {a["href"] for a in page(large, f"archive/{year}").select(".article-title a")}
    assert len(linked) == 84
