"""Sphinx's own test fixtures, pointed at this project's test roots."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``testroot='x'`` finds ``roots/test-x``."""
    return Path(__file__).parent / "roots"
