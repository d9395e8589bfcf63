"""File → Export…: the user picks a file and a format, the report is written there (or she is told why not)."""

from __future__ import annotations

import csv
import json

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reportcase import seed_comparison, seed_notes
from variorum.ui.export.dialog import EXPORT_FORMATS, export_comparison


@pytest.fixture
def window(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def case():
    c = seed_comparison()
    return c, seed_notes(c)


def _answer(monkeypatch, path, selected_filter=EXPORT_FORMATS[0][1]):
    asked = {}

    def fake(parent, caption, directory, filters, selected):
        asked.update(parent=parent, caption=caption, directory=directory, filters=filters, selected=selected)
        return (str(path) if path else "", selected_filter)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def _no_message_box(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a, **k: shown.append(a)))
    return shown


def test_dialog_offers_every_format_and_a_name_from_the_base_version(window, case, monkeypatch, tmp_path):
    comparison, notes = case
    asked = _answer(monkeypatch, None)
    assert export_comparison(window, comparison, notes) is None
    assert asked["parent"] is window
    assert asked["filters"].split(";;") == [f for _, f, _ in EXPORT_FORMATS]
    for label in ("HTML", "PDF", "Markdown", "JSON", "CSV"):
        assert label in asked["filters"]
    assert asked["directory"].endswith(f"{comparison.base_version.label.rsplit('.', 1)[0]}-report.html")


@pytest.mark.parametrize(("suffix", "check"), [
    (".html", lambda b: b.startswith(b"<!DOCTYPE html>") and b"Content-Security-Policy" in b),
    (".pdf", lambda b: b.startswith(b"%PDF")),
    (".md", lambda b: b.startswith(b"# Variorum comparison report")),
    (".json", lambda b: json.loads(b)["findings"][0]["status"] == "explained"),
    (".csv", lambda b: next(csv.reader(b.decode().splitlines())) == [
        "id", "kind", "severity", "versions", "message", "status", "note_count"]),
    (".xml", lambda b: b.startswith(b'<?xml') and b"parallel-segmentation" in b and b"<app " in b),
])
def test_export_writes_the_format_the_file_name_asks_for(window, case, monkeypatch, tmp_path, suffix, check):
    comparison, notes = case
    target = tmp_path / f"for the editor{suffix}"
    _answer(monkeypatch, target)
    shown = _no_message_box(monkeypatch)
    assert export_comparison(window, comparison, notes) == target
    assert check(target.read_bytes())
    assert shown == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary file left behind


def test_export_adds_the_suffix_of_the_chosen_filter(window, case, monkeypatch, tmp_path):
    comparison, notes = case
    pdf_filter = next(f for name, f, _ in EXPORT_FORMATS if name == "pdf")
    _answer(monkeypatch, tmp_path / "report", pdf_filter)
    written = export_comparison(window, comparison, notes)
    assert written == tmp_path / "report.pdf"
    assert written.read_bytes().startswith(b"%PDF")


def test_export_failure_is_explained_and_leaves_nothing(window, case, monkeypatch, tmp_path):
    comparison, notes = case
    target = tmp_path / "missing-folder" / "report.html"
    _answer(monkeypatch, target)
    shown = _no_message_box(monkeypatch)
    assert export_comparison(window, comparison, notes) is None
    assert len(shown) == 1
    parent, title, message = shown[0][:3]
    assert parent is window and title == "Export failed"
    assert str(target) in message and "Nothing was written" in message
    assert not target.parent.exists()


def test_a_full_disk_is_explained_and_the_previous_file_kept(window, case, monkeypatch, tmp_path):
    comparison, notes = case
    target = tmp_path / "report.json"
    target.write_text("previous report")
    _answer(monkeypatch, target)
    shown = _no_message_box(monkeypatch)

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("variorum.ui.export.dialog.atomic_write_bytes", broken)
    assert export_comparison(window, comparison, notes) is None
    assert "No space left on device" in shown[0][2]
    assert target.read_text() == "previous report"


def test_export_can_list_cosmetic_differences_as_the_window_shows_them(window, case, monkeypatch, tmp_path):
    comparison, notes = case
    target = tmp_path / "full.json"
    _answer(monkeypatch, target)
    export_comparison(window, comparison, notes, show_cosmetic=True)
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["options"]["cosmetic"] == "shown"
    assert any(d["cosmetic"] for d in report["differences"])
