"""Helpers for checking the comparison panes as a user sees them: where a passage sits on screen, what is marked."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QApplication

from variorum.ui.findings.model import COL_MESSAGE


def _rect(pane, offset: int, *, empty: bool = False):
    cursor = QTextCursor(pane.editor.document())
    cursor.setPosition(pane.place_qt(offset, empty=empty))
    return pane.editor.cursorRect(cursor)


def line_top(window, pane, offset: int, *, empty: bool = False) -> int:
    """Where the top of the line holding ``offset`` is drawn, in window coordinates (``empty``: where the pane
    marks text it lacks, at the top of any filler space there)."""
    return pane.editor.viewport().mapTo(window, _rect(pane, offset, empty=empty).topLeft()).y()


def on_screen(pane, offset: int) -> bool:
    """True when the line holding ``offset`` is inside the pane's viewport."""
    rect = _rect(pane, offset)
    return rect.top() >= 0 and rect.bottom() <= pane.editor.viewport().height()


def walk_stops(qtbot, window, limit: int = 1000):
    """Press Alt+Down in the base pane until it goes nowhere; yield (compared version, stop) after each press."""
    editor = window.panes.pane(window.comparison.base).editor
    editor.setFocus()
    for _ in range(limit):
        before = (window.compared, window.navigator.current)
        qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        after = (window.compared, window.navigator.current)
        if after == before:
            return
        yield after
    raise AssertionError("Alt+Down never reached the end")


def click_finding(qtbot, window, finding) -> None:
    """Click the finding's row in the findings list, as a user does."""
    panel = window.docks.findings
    index = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(finding.id), COL_MESSAGE))
    assert index.isValid(), f"{finding.kind} is not listed"
    panel.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)  # wholly in view: a press on a
    # row cut off at the edge scrolls the list first, and the release then lands on another row
    qtbot.waitUntil(lambda: panel.view.indexAt(_row_point(panel.view, index)).row() == index.row())
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # two clicks on one spot would make a double-click
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(panel.view, index))
    assert panel.current_finding() == finding


def _row_point(view, index) -> QPoint:
    rect = view.visualRect(index)
    return QPoint(rect.left() + 8, rect.center().y())
