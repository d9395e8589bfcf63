"""The notes panel driven as a user would: add, type, change status, delete, undo, quit and come back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from session_helpers import session_with

from variorum.core.case import load_case
from variorum.core.notes import NotesStore, read_anchor
from variorum.ui.notes.panel import NotesPanel

ARTICLE = (
    "Library extends opening hours\n\n"
    "The city library will stay open until nine on weekdays from next month, the director said on Friday.\n\n"
    "The change follows a survey in which most students asked for quiet study space in the evening.\n"
)


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    texts = [ARTICLE, ARTICLE.replace("until nine", "until ten"), ARTICLE.replace("most students", "students")]
    out = []
    for n, text in enumerate(texts, start=1):
        p = tmp_path / f"copy-{n}.txt"
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "notes.sqlite3"


def open_panel(qtbot, store_path, files):
    store = NotesStore(store_path, user="checker")
    comparison = load_case(files).compare()
    case = store.open_case(comparison.versions)
    panel = NotesPanel(store, session_with(comparison))
    qtbot.addWidget(panel)
    panel.set_case(case.id)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    return panel, store, case, comparison


def rows(panel) -> list[list[str]]:
    lst = panel.note_list
    return [[lst.topLevelItem(i).text(c) for c in range(4)] for i in range(lst.topLevelItemCount())]


def history(panel) -> list[str]:
    return [panel.history_view.topLevelItem(i).text(2) for i in range(panel.history_view.topLevelItemCount())]


def click(qtbot, panel, item) -> None:
    rect = panel.note_list.visualItemRect(item)
    qtbot.mouseClick(panel.note_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 8, rect.center().y()))


def add_note_with_keyboard(qtbot, panel, anchor, label):
    panel.set_context(read_anchor(anchor), label)
    panel.note_list.setFocus()
    with qtbot.waitSignal(panel.notesChanged):
        qtbot.keyClick(panel.note_list, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)


def test_a_note_written_in_the_panel_is_there_after_reopening(qtbot, store_path, files):
    panel, store, case, comparison = open_panel(qtbot, store_path, files)
    diff = next(d for d in comparison.differences if "ten" in d.other.text)
    add_note_with_keyboard(qtbot, panel, f"difference:{diff.id}", "until nine → until ten")
    assert panel.context_label.text() == "Add note to: until nine → until ten"
    assert panel.body_edit.hasFocus()

    qtbot.keyClicks(panel.body_edit, "Closing hour changed; the library's site says ten.")
    qtbot.waitUntil(lambda: store.notes(case.id)[0].body.endswith("says ten."))  # autosaved, no Save button
    qtbot.keyClicks(panel.status_combo, "explained")
    assert store.notes(case.id)[0].status == "explained"
    assert rows(panel)[0][:3] == ["difference: “ten”", "explained", "checker"]
    assert history(panel) == ["create", "edit", "status"]
    store.close()
    panel.close()

    again, store2, case2, _ = open_panel(qtbot, store_path, files)
    assert case2.id == case.id
    assert rows(again)[0][:3] == ["difference: “ten”", "explained", "checker"]
    again.note_list.setCurrentItem(again.note_list.topLevelItem(0))
    assert again.body_edit.toPlainText() == "Closing hour changed; the library's site says ten."
    assert again.status_combo.currentText() == "explained"
    assert history(again) == ["create", "edit", "status"]
    store2.close()


def test_leaving_the_editor_saves_at_once(qtbot, store_path, files):
    panel, store, case, _ = open_panel(qtbot, store_path, files)
    add_note_with_keyboard(qtbot, panel, "case", "the whole case")
    qtbot.keyClicks(panel.body_edit, "Saved on focus out")
    panel._autosave.setInterval(60_000)  # only leaving the editor can save it now
    panel._autosave.start()
    with qtbot.waitSignal(panel.notesChanged):
        panel.note_list.setFocus()
    assert store.notes(case.id)[0].body == "Saved on focus out"
    store.close()


def test_undo_puts_back_the_last_change_with_a_new_audited_change(qtbot, store_path, files):
    panel, store, case, _ = open_panel(qtbot, store_path, files)
    add_note_with_keyboard(qtbot, panel, "version:v2", "copy-2.txt")
    qtbot.keyClicks(panel.body_edit, "First thought")
    panel.note_list.setFocus()
    qtbot.waitUntil(lambda: store.notes(case.id)[0].body == "First thought")
    qtbot.keyClicks(panel.status_combo, "dismissed")
    assert store.notes(case.id)[0].status == "dismissed"

    with qtbot.waitSignal(panel.notesChanged):
        qtbot.keyClick(panel.note_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    note = store.notes(case.id)[0]
    assert (note.status, note.body) == ("open", "First thought")
    assert history(panel)[-1] == "undo"
    assert panel.status_combo.currentText() == "open"

    with qtbot.waitSignal(panel.notesChanged):
        qtbot.keyClick(panel.note_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.notes(case.id)[0].body == ""
    with qtbot.waitSignal(panel.notesChanged):
        panel.undo_action.trigger()  # undoing the addition removes the note (it stays in the history)
    assert store.notes(case.id) == [] and rows(panel) == []
    assert [e.action for e in store.history(note.id)] == ["create", "edit", "status", "undo", "undo", "undo"]
    store.close()


def test_delete_asks_first_and_undo_brings_the_note_back(qtbot, store_path, files, monkeypatch):
    panel, store, case, _ = open_panel(qtbot, store_path, files)
    add_note_with_keyboard(qtbot, panel, "case", "the case")
    qtbot.keyClicks(panel.body_edit, "Keep me")
    panel.note_list.setFocus()

    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    qtbot.keyClick(panel.note_list, Qt.Key.Key_Delete)
    assert asked and "Delete this note?" in asked[0]
    assert len(store.notes(case.id)) == 1  # answered No

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(panel.notesChanged):
        qtbot.keyClick(panel.note_list, Qt.Key.Key_Delete)
    assert store.notes(case.id) == [] and rows(panel) == []

    with qtbot.waitSignal(panel.notesChanged):
        panel.undo_action.trigger()
    assert [n.body for n in store.notes(case.id)] == ["Keep me"]
    assert rows(panel)[0][0] == "the case"
    store.close()


def test_clicking_a_note_asks_the_window_to_jump_to_its_anchor(qtbot, store_path, files):
    panel, store, case, comparison = open_panel(qtbot, store_path, files)
    start = comparison.version("v1").text.index("quiet study space")
    add_note_with_keyboard(qtbot, panel, f"quote:v1:{start}-{start + 17}", "“quiet study space”")
    assert rows(panel)[0][0] == "v1: “quiet study space”"
    item = panel.note_list.topLevelItem(0)
    with qtbot.waitSignal(panel.noteActivated) as signal:
        click(qtbot, panel, item)
    assert signal.args == [read_anchor(f"quote:v1:{start}-{start + 17}")]
    assert panel.anchor_statuses() == {read_anchor(f"quote:v1:{start}-{start + 17}"): "open"}
    store.close()


def test_a_note_whose_words_disappeared_is_marked_orphaned_not_dropped(qtbot, store_path, files):
    panel, store, case, comparison = open_panel(qtbot, store_path, files)
    start = comparison.version("v1").text.index("quiet study space")
    add_note_with_keyboard(qtbot, panel, f"quote:v1:{start}-{start + 17}", "selection")
    qtbot.keyClicks(panel.body_edit, "Ask the students' union")
    panel.note_list.setFocus()
    store.close()
    panel.close()

    files[0].write_text(ARTICLE.replace(" in which most students asked for quiet study space in the evening", ""),
                        encoding="utf-8")
    again, store2, _, _ = open_panel(qtbot, store_path, files)
    (row,) = rows(again)
    assert row[0].startswith("⚠ orphaned: v1: ")
    again.note_list.setCurrentItem(again.note_list.topLevelItem(0))
    assert again.body_edit.toPlainText() == "Ask the students' union"
    assert history(again)[-1] == "orphan"
    store2.close()


def test_an_anchor_that_does_not_exist_is_reported_not_added(qtbot, store_path, files):
    panel, store, case, _ = open_panel(qtbot, store_path, files)
    panel.set_context(read_anchor("finding:gone"), "a stale finding")
    panel.add_note_action.trigger()
    assert store.notes(case.id) == []
    assert "no finding gone" in panel.save_state.text()
    store.close()


def test_one_undo_takes_back_a_whole_spell_of_typing(qtbot, store_path, files):
    panel, store, case, _ = open_panel(qtbot, store_path, files)
    add_note_with_keyboard(qtbot, panel, "case", "the case")
    qtbot.keyClicks(panel.body_edit, "Called the library")
    qtbot.waitUntil(lambda: store.notes(case.id)[0].body == "Called the library")
    qtbot.keyClicks(panel.body_edit, "; no answer yet")
    qtbot.waitUntil(lambda: store.notes(case.id)[0].body.endswith("no answer yet"))
    assert history(panel) == ["create", "edit", "edit"]  # every autosave is in the history

    panel.note_list.setFocus()
    with qtbot.waitSignal(panel.notesChanged):
        qtbot.keyClick(panel.note_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.notes(case.id)[0].body == ""
    assert panel.body_edit.toPlainText() == ""
    store.close()


def test_a_note_found_again_after_the_file_changed_says_so_and_jumps_to_the_new_place(qtbot, store_path, files):
    panel, store, case, comparison = open_panel(qtbot, store_path, files)
    start = comparison.version("v1").text.index("quiet study space")
    add_note_with_keyboard(qtbot, panel, f"quote:v1:{start}-{start + 17}", "selection")
    store.close()
    panel.close()

    new_text = ARTICLE.replace("The change follows", "After complaints, the change follows")
    files[0].write_text(new_text, encoding="utf-8")
    again, store2, _, _ = open_panel(qtbot, store_path, files)
    new_start = new_text.index("quiet study space")
    (row,) = rows(again)
    assert row[0] == "v1: “quiet study space” (re-anchored)"
    item = again.note_list.topLevelItem(0)
    with qtbot.waitSignal(again.noteActivated) as signal:
        click(qtbot, again, item)
    assert signal.args == [read_anchor(f"quote:v1:{new_start}-{new_start + 17}")]
    again.note_list.setCurrentItem(item)
    assert history(again)[-1] == "reanchor"
    store2.close()


def test_an_edit_made_in_another_window_is_kept_in_the_history_not_lost(qtbot, store_path, files):
    panel, store, case, _ = open_panel(qtbot, store_path, files)
    add_note_with_keyboard(qtbot, panel, "case", "the case")
    note_id = store.notes(case.id)[0].id
    with NotesStore(store_path, user="colleague") as other:
        other.update_note(note_id, body="Written in the other window")

    qtbot.keyClicks(panel.body_edit, "Written here")
    with qtbot.waitSignal(panel.notesChanged):
        panel.note_list.setFocus()
    assert store.note(note_id).body == "Written here"
    assert "changed in another window" in panel.save_state.text()
    bodies = [e.after["body"] for e in store.history(note_id)]
    assert bodies == ["", "Written in the other window", "Written here"]
    store.close()


def test_when_the_store_cannot_be_written_the_text_stays_in_the_editor(qtbot, store_path, files):
    panel, store, case, _ = open_panel(qtbot, store_path, files)
    add_note_with_keyboard(qtbot, panel, "case", "the case")
    store.close()  # as if the disk went away
    qtbot.keyClicks(panel.body_edit, "Do not lose this")
    panel.flush()
    assert "Not saved" in panel.save_state.text()
    assert panel.body_edit.toPlainText() == "Do not lose this"


def test_deleting_while_typing_saves_the_text_first_and_undo_brings_it_all_back(qtbot, store_path, files,
                                                                                 monkeypatch):
    panel, store, case, _ = open_panel(qtbot, store_path, files)
    add_note_with_keyboard(qtbot, panel, "case", "the case")
    qtbot.keyClicks(panel.body_edit, "Typed just now")
    assert panel.body_edit.hasFocus()  # the toolbar button does not take the focus
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(panel.notesChanged):
        panel.delete_action.trigger()
    assert store.notes(case.id) == []
    with qtbot.waitSignal(panel.notesChanged):
        panel.undo_action.trigger()
    assert [n.body for n in store.notes(case.id)] == ["Typed just now"]
    store.close()
