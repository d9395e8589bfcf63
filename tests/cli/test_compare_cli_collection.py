"""`variorum compare` keeps Python's garbage collector from walking the comparison's objects while it runs (each
walk finds no garbage: a comparison makes almost no reference cycles), and leaves collection as it found it."""

from __future__ import annotations

import gc
import json

import pytest

from variorum import cli_compare
from variorum.core.case import Case


@pytest.fixture(autouse=True)
def collector_restored():
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()


def test_the_comparison_and_its_report_run_without_automatic_collection(files, monkeypatch, capsys):
    seen: list[bool] = []
    compare = Case.compare

    def watched(self, *args, **kwargs):
        seen.append(gc.isenabled())
        return compare(self, *args, **kwargs)

    monkeypatch.setattr(Case, "compare", watched)
    assert cli_compare.main([*map(str, files), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["differences"]
    assert seen == [False]
    assert gc.isenabled()


def test_collection_resumes_when_the_base_asked_for_is_not_there(files, capsys):
    assert cli_compare.main([*map(str, files), "--base", "no-such-version"]) != 0
    assert "no-such-version" in capsys.readouterr().err
    assert gc.isenabled()
