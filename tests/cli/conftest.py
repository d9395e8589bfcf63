"""Fixtures for the command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def files(tmp_path, seed_paths) -> list[Path]:
    """The demo case, copied so a test may edit a file."""
    out = []
    for p in seed_paths[:3]:
        q = tmp_path / p.name
        q.write_bytes(p.read_bytes())
        out.append(q)
    return out
