"""The issue's "Done when", in the app: notes written on the demo case come back in place after the window is
closed and a new one opens the same files; changed files re-anchor or orphan notes, never drop them; a damaged
store is reported and left alone; the author name comes from Preferences."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from app_helpers import make_window, open_and_wait
from notes_helpers import (
    finding_status,
    history_actions,
    note_rows,
    select_with_keyboard,
    words_free_of_highlights,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from variorum.core.notes import store_path
from variorum.demo import demo_paths
from variorum.ui.window.preferences import PreferencesDialog

pytestmark = pytest.mark.qt_log_ignore("does not support raise")


@pytest.fixture
def windows(qtbot):
    made = []
    yield made
    for w in made:
        w.runner.invalidate()
        w.runner.wait()


def new_window(qtbot, tmp_path, windows, paths):
    w = make_window(qtbot, tmp_path)
    windows.append(w)
    open_and_wait(qtbot, w, paths)
    return w


def write_selection_note(qtbot, window, vid: str, phrase: str, n_words: int, body: str) -> None:
    pane = window.panes.pane(vid)
    start, _ = words_free_of_highlights(pane, window.comparison.version(vid).text, phrase)
    select_with_keyboard(qtbot, pane, start, n_words)
    qtbot.keyClick(pane.editor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.case_notes.panel.body_edit, body)


def select_note(qtbot, window, prefix: str):
    panel = window.case_notes.panel
    lst = panel.note_list
    item = next(lst.topLevelItem(i) for i in range(lst.topLevelItemCount())
                if lst.topLevelItem(i).text(0).startswith(prefix))
    lst.setCurrentItem(item)
    return panel.current_note()


def test_notes_on_the_demo_case_survive_quitting_and_relaunching(qtbot, tmp_path, windows):
    with demo_paths() as paths:
        w = new_window(qtbot, tmp_path, windows, paths)
        finding = next(f for f in w.comparison.findings if f.kind == "url-date-mismatch")
        w.docks.findings.select_finding(finding.id)
        qtbot.keyClick(w.docks.findings.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        panel = w.case_notes.panel
        qtbot.keyClicks(panel.body_edit, "The URL keeps the draft's date; the CMS explains it.")
        panel.status_combo.setCurrentText("explained")
        write_selection_note(qtbot, w, w.comparison.base, "the EU said it does not", 3,
                             "Check the EU statement of that day.")
        assert finding_status(w, finding.id) == "ℹ explained"
        w.close()  # the whole window goes: its store is closed, the text typed last is saved
        assert w.case_notes.store is None

        w2 = new_window(qtbot, tmp_path, windows, paths)
        base = w2.comparison.base
        text = w2.comparison.version(base).text
        rows = note_rows(w2)
        assert len(rows) == 2
        assert w2.case_notes.dock.windowTitle() == "Notes (2)"  # the tab beside Findings
        assert rows[0] == "finding: URL date mismatch"
        note = select_note(qtbot, w2, f"{w2.comparison.base}: ")
        q = note.anchor.quote
        assert text[q.start:q.end] == q.exact == "the EU said"
        assert rows[1] == f"{base}: “the EU said”"
        assert note.body == "Check the EU statement of that day."
        assert (q.start, q.end) in w2.panes.pane(base).note_ranges()
        assert finding_status(w2, finding.id) == "ℹ explained"
        for e in finding.evidence:
            assert (e.start, e.end) in w2.panes.pane(e.version).note_ranges()
        note = select_note(qtbot, w2, "finding:")
        assert (note.status, note.body) == ("explained", "The URL keeps the draft's date; the CMS explains it.")
        assert history_actions(w2)[0] == "create"
        assert "status" in history_actions(w2)
        changes = [w2.case_notes.panel.history_view.topLevelItem(i).text(3)
                   for i in range(w2.case_notes.panel.history_view.topLevelItemCount())]
        assert "status open → explained" in changes


def copy_demo(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "case"
    folder.mkdir()
    with demo_paths() as paths:
        return [Path(shutil.copy(p, folder / p.name)) for p in paths]


def test_a_selection_note_follows_its_words_when_the_file_changed(qtbot, tmp_path, windows):
    paths = copy_demo(tmp_path)
    w = new_window(qtbot, tmp_path, windows, paths)
    base = w.comparison.base
    base_path = Path(w.comparison.version(base).path)
    write_selection_note(qtbot, w, base, "the EU said it does not", 3, "Which EU body?")
    w.close()

    text = base_path.read_text(encoding="utf-8")
    cut = text.index("Russia criticized")
    base_path.write_text(text[:cut] + "A new opening paragraph, added in an update.\n\n" + text[cut:],
                         encoding="utf-8")
    w2 = new_window(qtbot, tmp_path, windows, paths)
    (row,) = note_rows(w2)
    assert row.endswith("(re-anchored)")
    note = select_note(qtbot, w2, f"{w2.comparison.base}: ")
    q = note.anchor.quote
    new_text = w2.comparison.version(base).text
    assert new_text[q.start:q.end] == "the EU said"
    assert q.start == new_text.index("the EU said")
    assert (q.start, q.end) in w2.panes.pane(base).note_ranges()
    assert "reanchor" in history_actions(w2)


def test_a_selection_note_whose_words_were_deleted_is_listed_as_orphaned(qtbot, tmp_path, windows):
    paths = copy_demo(tmp_path)
    w = new_window(qtbot, tmp_path, windows, paths)
    base = w.comparison.base
    base_path = Path(w.comparison.version(base).path)
    write_selection_note(qtbot, w, base, "the EU said it does not", 3, "Which EU body?")
    w.close()

    text = base_path.read_text(encoding="utf-8")
    base_path.write_text(text.replace("while the EU said it does not recognize the election's outcome", ""),
                         encoding="utf-8")
    w2 = new_window(qtbot, tmp_path, windows, paths)
    (row,) = note_rows(w2)
    assert row.startswith("⚠ orphaned")
    note = select_note(qtbot, w2, "⚠ orphaned")
    assert note.body == "Which EU body?"
    assert w2.panes.pane(base).note_ranges() == []
    assert "orphan" in history_actions(w2)


def test_a_damaged_notes_store_is_reported_kept_and_the_comparison_still_works(qtbot, tmp_path, windows):
    store = store_path()
    store.parent.mkdir(parents=True, exist_ok=True)
    junk = os.urandom(64) + b"this is not a notes store" * 200
    store.write_bytes(junk)
    with demo_paths() as paths:
        w = new_window(qtbot, tmp_path, windows, paths)
        assert w.comparison.findings  # the comparison is unaffected
        warning = w.statusBar().findChild(type(w.notes_links.warning), "notesWarning")
        assert warning is not None and warning.isVisible()
        assert "damaged" in warning.toolTip()
        qtbot.keyClick(w.panes.pane(w.comparison.base).editor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        message = w.case_notes.dock.findChild(QLabel, "notesError")
        assert w.case_notes.dock.isVisible() and message.isVisible()
        assert "Notes are not available" in message.text() and "damaged" in message.text()
        assert "could not be opened" in w.statusBar().currentMessage()
    assert store.read_bytes() == junk  # nothing overwritten
    backups = list(store.parent.glob(store.name + ".damaged-*"))
    assert backups and backups[0].read_bytes() == junk
    assert str(backups[0]) in message.text()


def test_the_author_set_in_preferences_is_written_on_new_notes_and_remembered(qtbot, tmp_path, windows):
    with demo_paths() as paths:
        w = new_window(qtbot, tmp_path, windows, paths)
        w.actions_.preferences.trigger()
        dialog = next(d for d in QApplication.topLevelWidgets() if isinstance(d, PreferencesDialog))
        qtbot.waitExposed(dialog)
        dialog.author_edit.clear()
        qtbot.keyClicks(dialog.author_edit, "M. Checker")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        w.case_notes.add_note_action.trigger()
        assert w.case_notes.panel.current_note().author == "M. Checker"
        w.close()
        w2 = new_window(qtbot, tmp_path, windows, paths)
        w2.case_notes.add_note_action.trigger()
        assert w2.case_notes.panel.current_note().author == "M. Checker"
        assert history_actions(w2) == ["create"]
        assert w2.case_notes.panel.history_view.topLevelItem(0).text(1) == "M. Checker"


def test_a_case_is_renamed_and_deleted_only_after_confirmation_from_the_notes_panel(qtbot, tmp_path, windows,
                                                                                    monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    with demo_paths() as paths:
        w = new_window(qtbot, tmp_path, windows, paths)
        bar = w.case_notes.case_bar
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Belarus meddling story", True))
        qtbot.mouseClick(bar.rename_button, Qt.MouseButton.LeftButton)
        w.case_notes.add_note_action.trigger()
        qtbot.keyClicks(w.case_notes.panel.body_edit, "Kept after deleting the case.")
        w.close()
        w2 = new_window(qtbot, tmp_path, windows, paths)
        bar = w2.case_notes.case_bar
        assert bar.name_label.full_text() == "Case: Belarus meddling story"
        case_id = w2.case_notes.case_id
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
        qtbot.mouseClick(bar.delete_button, Qt.MouseButton.LeftButton)
        assert note_rows(w2) and w2.case_notes.case_id == case_id  # said no: nothing happened
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        qtbot.mouseClick(bar.delete_button, Qt.MouseButton.LeftButton)
        assert note_rows(w2) == [] and bar.name_label.full_text() == "No case open"
        assert f"--restore {case_id}" in w2.statusBar().currentMessage()
        store = w2.case_notes.store
        (deleted,) = store.deleted_cases()
        assert deleted.id == case_id
        assert [n.body for n in store.notes(case_id, include_deleted=True)] == ["Kept after deleting the case."]
