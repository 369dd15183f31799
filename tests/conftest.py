"""Sphinx's own test fixtures, pointed at this project's test roots."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``testroot='x'`` finds ``roots/test-x``."""
    return Path(__file__).parent / "roots"


@pytest.fixture(scope="module")
def make_app_module():
    """``make_app`` for fixtures that build once per module (an edition, an imported site)."""
    from sphinx.testing.util import SphinxTestApp

    apps = []

    def make(buildername, srcdir, **kwargs):
        app = SphinxTestApp(buildername, srcdir=srcdir, **kwargs)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.cleanup()
