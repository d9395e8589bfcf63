"""Shared test setup: offscreen Qt, data directories redirected into tmp, GUI tests marked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
DEMO = ROOT / "resources" / "demo"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/ui/" in item.nodeid or item.nodeid.startswith("ui/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _isolated_data_dirs(tmp_path_factory, monkeypatch):
    """Never touch the user's real notes, settings or recent files."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("VARIORUM_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    yield
    from variorum import logs

    logs.reset()  # a test that started the program's log closes it, so the next test writes to its own folder


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(DEMO.glob("*.txt"))


@pytest.fixture
def darwin_paths() -> list[Path]:
    return sorted((DATA / "darwin-origin-ch1-para1").glob("*.txt"))


@pytest.fixture
def energy_paths() -> list[Path]:
    d = DATA / "real" / "energy-gov-homepage-2017"  # one copy, shared with the real-case corpus
    return [d / "energy-gov-earlier.html", d / "energy-gov-later.html"]
