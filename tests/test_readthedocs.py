"""Hosting on Read the Docs: its configuration file, and canonical URLs under its variables."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from util import build, copy_project, page, sitemap_urls

ROOT = Path(__file__).parents[1]
RTD_URL = "https://example.readthedocs.io/ru/latest/"


def test_readthedocs_yaml_has_what_read_the_docs_requires():
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text("utf-8"))
    assert config["version"] == 2
    assert config["build"]["os"].startswith("ubuntu-")
    assert float(config["build"]["tools"]["python"]) >= 3.11
    assert {"method": "pip", "path": "."} in config["python"]["install"]
    assert (ROOT / config["sphinx"]["configuration"]).is_file()
    assert set(config["formats"]) == {"pdf", "epub"}
    assert set(config) <= {
        "version", "build", "python", "sphinx", "formats", "submodules", "search", "conda",
    }  # fmt: skip


def _pins(path: Path) -> dict[str, str]:
    lines = path.read_text("utf-8").splitlines()
    pins = [line.split("==") for line in lines if "==" in line and not line.startswith("#")]
    return {canonicalize_name(name): version for name, version in pins}


def test_read_the_docs_installs_the_locked_versions_that_ci_tests():
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text("utf-8"))
    installs = config["python"]["install"]
    assert installs[0] == {"requirements": "tests/constraints/locked.txt"}
    locked = _pins(ROOT / "tests/constraints/locked.txt")
    oldest = _pins(ROOT / "tests/constraints/oldest.txt")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    for requirement in map(Requirement, project["dependencies"]):
        name = canonicalize_name(requirement.name)
        # Locked and oldest versions both satisfy pyproject; the oldest is its lower bound.
        assert requirement.specifier.contains(locked[name]), requirement
        assert requirement.specifier.contains(oldest[name]), requirement
        lower = next(s.version for s in requirement.specifier if s.operator == ">=")
        assert Version(oldest[name]) == Version(lower), requirement


def test_a_read_the_docs_build_has_canonical_urls_everywhere(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("READTHEDOCS", "True")
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", RTD_URL)
    app = build(make_app, copy_project(ROOT / "docs", tmp_path / "docs"))
    docs = sorted(app.env.found_docs)
    for docname in docs:
        canonical = page(app, docname).select_one("link[rel=canonical]")
        assert canonical["href"] == f"{RTD_URL}{docname}.html"
    urls = sitemap_urls(app)
    assert f"{RTD_URL}index.html" in urls
    assert f"{RTD_URL}categories/ai.html" in urls
    assert all(u.startswith(RTD_URL) and "/ru/latest/ru/" not in u for u in urls)
    assert not any("latest/latest" in u for u in urls)


@pytest.mark.parametrize("value", ["", None])
def test_a_local_build_falls_back_to_the_configured_url(monkeypatch, value):
    import runpy

    if value is None:
        monkeypatch.delenv("READTHEDOCS_CANONICAL_URL", raising=False)
    else:
        monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", value)
    settings = runpy.run_path(str(ROOT / "docs" / "conf.py"))
    assert settings["html_baseurl"] == "https://generative-ai-notes.readthedocs.io/ru/latest/"


def test_the_404_page_works_at_any_depth(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", RTD_URL)
    app = build(make_app, copy_project(ROOT / "docs", tmp_path / "docs"))
    doc = page(app, "404")
    assert "Страница не найдена" in doc.select_one("article").get_text()
    assets = [
        tag.get("href") or tag.get("src") for tag in doc.select("link[rel=stylesheet], script[src]")
    ]
    assert assets and all(a.startswith("/ru/latest/_static/") for a in assets)
    nav = [a["href"] for a in doc.select(".sidebar-tree a")]
    assert "/ru/latest/archive/index.html" in nav
    assert "404.html" not in " ".join(sorted(sitemap_urls(app)))
