"""Notes and export from the main window: Ctrl+M attaches a note to what is selected, Ctrl+E writes a report."""

from __future__ import annotations

import json

from app_helpers import WAIT_MS, open_and_wait
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog


def export_json(window, tmp_path, monkeypatch) -> dict:
    target = tmp_path / "report.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "JSON"))
    window.actions_.export.trigger()
    return json.loads(target.read_text(encoding="utf-8"))


def test_ctrl_e_exports_the_comparison(qtbot, window, seed_paths, tmp_path, monkeypatch):
    open_and_wait(qtbot, window, seed_paths[:3])
    report = export_json(window, tmp_path, monkeypatch)
    assert report["schema"] == "variorum.report/1"
    assert [v["label"] for v in report["versions"]] == [p.name for p in seed_paths[:3]]


def test_a_note_added_after_alt_down_is_anchored_to_that_difference(qtbot, window, seed_paths, tmp_path,
                                                                     monkeypatch):
    open_and_wait(qtbot, window, seed_paths[:3])
    editor = window.panes.pane(window.comparison.base).editor
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    current = window.navigator.current.difference
    qtbot.keyClick(editor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel = window.case_notes.panel
    assert window.case_notes.dock.isVisible()
    qtbot.keyClicks(panel.body_edit, "The title is missing from the PDF text.")
    report = export_json(window, tmp_path, monkeypatch)
    (note,) = report["notes"]
    assert note["anchor"] == f"difference:{current.id}"
    assert note["body"] == "The title is missing from the PDF text."


def test_notes_come_back_when_the_case_is_reopened(qtbot, window, seed_paths, tmp_path):
    open_and_wait(qtbot, window, seed_paths[:2])
    window.case_notes.add_note_action.trigger()
    qtbot.keyClicks(window.case_notes.panel.body_edit, "Checked with the newsroom.")
    window.case_notes.panel.flush()
    window.close_case()
    open_and_wait(qtbot, window, seed_paths[:2])
    notes = window.notes()
    assert [n["body"] for n in notes] == ["Checked with the newsroom."]
    assert window.case_notes.panel.note_list.topLevelItemCount() == 1
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.add_paths(seed_paths[2:3])  # another version: another case, no notes yet
    assert window.notes() == []
