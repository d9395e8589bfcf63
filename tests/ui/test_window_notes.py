"""Notes as a user meets them in the main window: Ctrl+M and context menus on a finding, a difference or a
selection; marks in the panes and the overview strip; statuses in the findings list."""

from __future__ import annotations

import pytest
from app_helpers import make_window, open_and_wait
from notes_helpers import (
    choose_from_context_menu,
    finding_status,
    menu_texts,
    note_rows,
    point_of,
    select_with_keyboard,
    status_as_shown,
    words_free_of_highlights,
)
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QContextMenuEvent, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from variorum.demo import demo_paths
from variorum.ui.findings.model import COL_STATUS

# Context menus are popups: the offscreen platform says it cannot grab the keyboard for them or raise them.
pytestmark = pytest.mark.qt_log_ignore("does not support grabbing the keyboard", "does not support raise")


@pytest.fixture
def demo():
    with demo_paths() as paths:
        yield paths


@pytest.fixture
def window(qtbot, tmp_path, demo):
    w = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, w, demo)
    yield w
    w.runner.invalidate()
    w.runner.wait()


def finding_of_kind(window, kind: str):
    return next(f for f in window.comparison.findings if f.kind == kind)


def stored_notes(window):
    notes = window.case_notes
    return notes.store.notes(notes.case_id)


def right_click(widget, pos) -> None:
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def row_rect(window, finding_id: str):
    findings = window.docks.findings
    index = findings.proxy.mapFromSource(findings.model.index(findings.model.row_of(finding_id), 0))
    return findings.view.visualRect(index)


def test_ctrl_m_on_a_finding_chosen_with_the_arrow_keys(qtbot, window):
    findings = window.docks.findings
    target = finding_of_kind(window, "url-date-mismatch")
    findings.view.setFocus()
    rows = findings.shown_findings()
    findings.view.setCurrentIndex(findings.proxy.index(0, 0))
    for _ in range(rows.index(target)):
        qtbot.keyClick(findings.view, Qt.Key.Key_Down)
    assert findings.current_finding() == target
    qtbot.keyClick(findings.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    (note,) = stored_notes(window)
    assert (note.anchor.kind, note.anchor.ref) == ("finding", target.id)
    # Every piece of evidence is marked in its pane; the strip has a notch for the base's evidence.
    for e in target.evidence:
        assert (e.start, e.end) in window.panes.pane(e.version).note_ranges()
    assert window.panes.overview.note_marks()


def test_add_note_from_the_findings_context_menu_and_its_status_in_the_list(qtbot, window):
    findings = window.docks.findings
    target = finding_of_kind(window, "title-mismatch")
    pos = row_rect(window, target.id).center()
    texts = menu_texts(qtbot, lambda: right_click(findings.view.viewport(), pos))
    assert "Add note…" in texts
    choose_from_context_menu(qtbot, lambda: right_click(findings.view.viewport(), pos), "Add note…")
    (note,) = stored_notes(window)
    assert (note.anchor.kind, note.anchor.ref) == ("finding", target.id)
    panel = window.case_notes.panel
    assert window.case_notes.dock.isVisible()
    qtbot.keyClicks(panel.body_edit, "The headline was rewritten after publication.")
    assert finding_status(window, target.id) == "○ open"
    panel.status_combo.setCurrentText("dismissed")
    assert finding_status(window, target.id) == "✘ dismissed"
    assert "✘ dismissed" in status_as_shown(window, target.id)
    findings.resize(400, findings.height())  # a narrow dock hides the status column: the message shows it
    qtbot.waitUntil(lambda: findings.view.isColumnHidden(COL_STATUS))
    assert status_as_shown(window, target.id).startswith("✘ dismissed · ")


def test_a_note_on_words_selected_with_the_keyboard(qtbot, window):
    base = window.comparison.base
    pane = window.panes.pane(base)
    text = window.comparison.version(base).text
    start, end = words_free_of_highlights(pane, text, "the EU said it does not")
    select_with_keyboard(qtbot, pane, start, 3)
    assert window.case_notes.panel.context_label.text() == f"Add note to: “the EU said” in {base}"
    qtbot.keyClick(pane.editor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    (note,) = stored_notes(window)
    assert note.anchor.kind == "quote"
    q = note.anchor.quote
    assert text[q.start:q.end] == q.exact == "the EU said"
    assert pane.note_ranges() == [(q.start, q.end)]
    assert note_rows(window) == [f"{base}: “the EU said”"]
    qtbot.keyClicks(window.case_notes.panel.body_edit, "Which EU body?")
    window.case_notes.panel.flush()
    pos = point_of(pane, q.start + 3)
    QApplication.sendEvent(pane.editor.viewport(),
                           QHelpEvent(QEvent.Type.ToolTip, pos, pane.editor.viewport().mapToGlobal(pos)))
    assert "Which EU body?" in QToolTip.text()
    assert [a.text() for a in window.actions_.edit_menu.actions()
            if a.text().startswith("Undo")] == ["Undo edit text"]  # Edit menu: undo the last note change


def test_the_pane_context_menu_adds_a_note_on_the_word_under_the_pointer(qtbot, window):
    pane = window.panes.pane("v4")  # related coverage
    text = window.comparison.version("v4").text
    start, _end = words_free_of_highlights(pane, text, "protests")
    pos = point_of(pane, start + 2)
    choose_from_context_menu(qtbot, lambda: right_click(pane.editor.viewport(), pos), "Add note…")
    (note,) = stored_notes(window)
    assert note.anchor.kind == "quote"
    assert note.anchor.quote.exact == "protests"
    assert pane.note_ranges() == [(start, start + len("protests"))]


def test_right_click_inside_the_current_difference_keeps_the_difference(qtbot, window):
    editor = window.panes.pane(window.comparison.base).editor
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    while window.navigator.current.difference.other.end == window.navigator.current.difference.other.start:
        qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # to words the version has
    d = window.navigator.current.difference
    compared = window.panes.pane(d.version)
    inside = point_of(compared, (d.other.start + d.other.end) // 2)
    choose_from_context_menu(qtbot, lambda: right_click(compared.editor.viewport(), inside), "Add note…")
    (note,) = stored_notes(window)
    assert (note.anchor.kind, note.anchor.ref) == ("difference", d.id)
    assert (d.other.start, d.other.end) in compared.note_ranges()
    assert (d.base.start, d.base.end) in window.panes.pane(window.comparison.base).note_ranges() \
        or d.base.end == d.base.start


def test_deleting_a_note_removes_its_mark_and_undo_brings_both_back(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    target = finding_of_kind(window, "url-date-mismatch")
    window.docks.findings.select_finding(target.id)
    window.case_notes.add_note_action.trigger()
    e = target.evidence[0]
    assert (e.start, e.end) in window.panes.pane(e.version).note_ranges()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel = window.case_notes.panel
    panel.delete_current()
    assert window.panes.pane(e.version).note_ranges() == []
    panel.undo()
    assert (e.start, e.end) in window.panes.pane(e.version).note_ranges()


def test_clearing_the_selection_stops_add_note_from_using_those_words(qtbot, window):
    base = window.comparison.base
    pane = window.panes.pane(base)
    text = window.comparison.version(base).text
    start, _end = words_free_of_highlights(pane, text, "the EU said it does not")
    select_with_keyboard(qtbot, pane, start, 2)
    assert "“the EU” in" in window.case_notes.panel.context_label.text()
    qtbot.keyClick(pane.editor, Qt.Key.Key_Right)  # the selection collapses
    assert window.case_notes.panel.context_label.text() == "Add note to: the case"
    qtbot.keyClick(pane.editor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    (note,) = stored_notes(window)
    assert note.anchor.kind == "case"


def test_alt_down_through_related_coverage_attaches_notes_to_its_findings(qtbot, window):
    window.set_compared("v4")  # as clicking v4 in the Versions list does
    editor = window.panes.pane(window.comparison.base).editor
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    finding = window.navigator.current.finding
    assert finding is not None and "v4" in finding.versions
    qtbot.keyClick(editor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    (note,) = stored_notes(window)
    assert (note.anchor.kind, note.anchor.ref) == ("finding", finding.id)


def test_a_note_on_words_dragged_over_with_the_mouse(qtbot, window):
    base = window.comparison.base
    pane = window.panes.pane(base)
    text = window.comparison.version(base).text
    start, _end = words_free_of_highlights(pane, text, "the EU said it does not")
    end = start + len("the EU said")
    viewport = pane.editor.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=point_of(pane, start))
    qtbot.mouseMove(viewport, point_of(pane, end))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point_of(pane, end))
    assert pane.selected_range() == (start, end)
    qtbot.keyClick(pane.editor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    (note,) = stored_notes(window)
    assert (note.anchor.kind, note.anchor.quote.exact) == ("quote", "the EU said")
    assert pane.note_ranges() == [(start, end)]
