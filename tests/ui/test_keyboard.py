"""The window from the keyboard alone: Tab leaves every widget, F6 crosses panels, and a whole check (open the
demo, reach a finding, note selected words, set the note's status, export) needs no mouse."""

from __future__ import annotations

import json

from app_helpers import WAIT_MS, make_window, open_and_wait
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QToolButton

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


class MouseWatch(QObject):
    """Counts mouse presses anywhere in the application."""

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self.presses += 1
        return False


def press(qtbot, key, modifier=NO_MODIFIER, times: int = 1) -> None:
    """A key press where the keyboard focus is, as the user's keyboard sends it."""
    for _ in range(times):
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        qtbot.keyClick(target, key, modifier)


def tab_until(qtbot, found, limit: int = 80, modifier=NO_MODIFIER) -> int:
    for n in range(limit):
        if found(QApplication.focusWidget()):
            return n
        press(qtbot, Qt.Key.Key_Backtab if modifier == SHIFT else Qt.Key.Key_Tab, modifier)
    raise AssertionError("Tab never got there")


def inside(holder):
    return lambda w: w is not None and (w is holder or holder.isAncestorOf(w))


def demo_in_versions_list(qtbot, tmp_path, seed_paths):
    """The demo at 1280×720, the keyboard in the version list."""
    window = make_window(qtbot, tmp_path, 1280, 720)
    open_and_wait(qtbot, window, seed_paths)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.docks.versions.view.setFocus()
    return window


def test_tab_and_shift_tab_leave_every_widget_and_reach_the_texts(qtbot, tmp_path, seed_paths):
    window = demo_in_versions_list(qtbot, tmp_path, seed_paths)
    visited = []
    for _ in range(80):
        visited.append(QApplication.focusWidget())
        press(qtbot, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is window.docks.versions.view:
            break
    else:
        raise AssertionError("Tab did not come back round: some widget keeps it")
    assert window.docks.metadata.view in visited
    assert visited.count(window.docks.metadata.view) == 1  # one Tab into the table, one out
    editors = {p.editor for p in window.panes.panes()}
    assert editors <= set(visited)  # every text can be reached, to select words in it
    for widget in {w for w in visited if w is not None}:  # and Shift+Tab leaves each of them
        widget.setFocus()
        press(qtbot, Qt.Key.Key_Backtab, SHIFT)
        assert QApplication.focusWidget() is not widget, widget
    window.close()


def test_f6_and_shift_f6_cycle_the_panels(qtbot, tmp_path, seed_paths):
    window = demo_in_versions_list(qtbot, tmp_path, seed_paths)
    names = []
    for _ in range(len(window.panel_focus.shown())):
        press(qtbot, Qt.Key.Key_F6)
        names.append(window.statusBar().currentMessage())
    assert names == [f"{p[0]} panel" for p in window.panel_focus.shown()][2:] + ["Texts panel", "Versions panel"]
    assert QApplication.focusWidget() is window.docks.versions.view  # once round
    press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert inside(window.panes)(QApplication.focusWidget())  # the texts come before the versions
    assert QApplication.focusWidget() is window.panes.pane(window.compared).editor
    window.close()


def test_a_whole_check_with_the_keyboard_only(qtbot, tmp_path, monkeypatch):
    report = tmp_path / "check.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(report), "JSON, variorum.report/1 (*.json)")))
    watch = MouseWatch()
    QApplication.instance().installEventFilter(watch)
    try:
        window = make_window(qtbot, tmp_path, 1280, 720)
        with qtbot.waitActive(window):
            window.activateWindow()
        assert QApplication.focusWidget() is window.welcome.open_button
        # open the demo
        tab_until(qtbot, lambda w: w is window.welcome.demo_button)
        with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
            press(qtbot, Qt.Key.Key_Space)
        # reach the first finding and show its evidence
        for _ in range(6):
            if inside(window.docks.findings_dock)(QApplication.focusWidget()):
                break
            press(qtbot, Qt.Key.Key_F6)
        assert QApplication.focusWidget() is window.docks.findings.view
        press(qtbot, Qt.Key.Key_Home)
        first = window.docks.findings.shown_findings()[0]
        assert window.docks.findings.current_finding() == first
        press(qtbot, Qt.Key.Key_Return)
        # into the text being read; select the first three words there
        press(qtbot, Qt.Key.Key_F6, SHIFT)
        press(qtbot, Qt.Key.Key_F6, SHIFT)
        editor = QApplication.focusWidget()
        pane = next(p for p in window.panes.panes() if p.editor is editor)
        press(qtbot, Qt.Key.Key_Home, CTRL)
        press(qtbot, Qt.Key.Key_Right, CTRL | SHIFT, times=3)
        start, end = pane.selected_range()
        words = window.comparison.version(pane.version_id).text[start:end].strip()
        assert len(words.split()) >= 2
        # a note on those words, with its text and status
        press(qtbot, Qt.Key.Key_M, CTRL)
        panel = window.case_notes.panel
        assert QApplication.focusWidget() is panel.body_edit
        qtbot.keyClicks(panel.body_edit, "Checked against the wire copy.")
        press(qtbot, Qt.Key.Key_Backtab, SHIFT)
        assert QApplication.focusWidget() is panel.status_combo
        press(qtbot, Qt.Key.Key_Down)
        note = panel.current_note()
        assert note.status == panel.status_combo.currentText() != "open"
        assert note.anchor.quote.exact.strip() == words
        # export
        press(qtbot, Qt.Key.Key_E, CTRL)
        data = json.loads(report.read_text(encoding="utf-8"))
        assert "Checked against the wire copy." in json.dumps(data)
        assert watch.presses == 0
        window.close()
    finally:
        QApplication.instance().removeEventFilter(watch)


def _menu_actions(menu) -> set:
    found = set()
    for action in menu.actions():
        found.add(action)
        if action.menu() is not None:
            found |= _menu_actions(action.menu())
    return found


def test_every_action_has_a_shortcut_or_a_menu_entry(qtbot, tmp_path, seed_paths):
    window = make_window(qtbot, tmp_path, 1280, 720)
    open_and_wait(qtbot, window, seed_paths)
    in_menus = set()
    for action in window.menuBar().actions():
        in_menus |= _menu_actions(action.menu())
    for button in window.findChildren(QToolButton):  # a menu button is reached with Tab, opened with Space
        if button.menu() is not None and button.focusPolicy() & Qt.FocusPolicy.TabFocus:
            in_menus |= _menu_actions(button.menu())

    lacking = [a.text() for a in window.findChildren(QAction)
               if a.text() and not a.isSeparator() and a.menu() is None and a.shortcut().isEmpty()
               and a not in in_menus and a.parent() is not window.actions_.recent_menu]
    assert lacking == []
    window.close()
