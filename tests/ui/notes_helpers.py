"""Helpers for driving notes in the main window: select words as a user does, open context menus, read rows."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from variorum.ui.findings.model import COL_MESSAGE, COL_STATUS


def words_free_of_highlights(pane, text: str, phrase: str) -> tuple[int, int]:
    """The offsets of ``phrase`` in ``text`` where no highlight is painted (a click there navigates nowhere)."""
    painted = pane.painted_ranges()
    start = text.find(phrase)
    while start != -1:
        end = start + len(phrase)
        if not any(s < end and start < e for s, e, _k in painted):
            return start, end
        start = text.find(phrase, start + 1)
    raise AssertionError(f"{phrase!r} is not in an unhighlighted stretch of {pane.version_id}")


def point_of(pane, offset: int) -> QPoint:
    """Where the character at ``offset`` is drawn in the pane's viewport (its left edge, mid-line)."""
    editor = pane.editor
    cursor = QTextCursor(editor.document())
    cursor.setPosition(pane.to_qt(offset))  # filler lines and UTF-16 pairs counted
    rect = editor.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def select_with_keyboard(qtbot, pane, start: int, n_words: int) -> None:
    """Click before the words, then Ctrl+Shift+Right over them, as a user selects without dragging."""
    qtbot.mouseClick(pane.editor.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, start))
    for _ in range(n_words):
        qtbot.keyClick(pane.editor, Qt.Key.Key_Right,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def choose_from_context_menu(qtbot, open_menu, text: str) -> None:
    """Open a context menu with ``open_menu()`` and trigger its entry ``text`` (the menu runs its own loop)."""
    chosen = []

    def pick():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, pick)
            return
        action = next(a for a in menu.actions() if a.text() == text)
        chosen.append(action)
        menu.close()
        action.trigger()

    QTimer.singleShot(0, pick)
    open_menu()
    qtbot.waitUntil(lambda: bool(chosen))


def menu_texts(qtbot, open_menu) -> list[str]:
    seen: list[str] = []

    def read():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, read)
            return
        seen.extend(a.text() for a in menu.actions())
        menu.close()

    QTimer.singleShot(0, read)
    open_menu()
    qtbot.waitUntil(lambda: bool(seen))
    return seen


def note_rows(window) -> list[str]:
    lst = window.case_notes.panel.note_list
    return [lst.topLevelItem(i).text(0) for i in range(lst.topLevelItemCount())]


def finding_status(window, finding_id: str) -> str:
    findings = window.docks.findings
    row = findings.model.row_of(finding_id)
    return findings.model.index(row, COL_STATUS).data()


def history_actions(window) -> list[str]:
    view = window.case_notes.panel.history_view
    return [view.topLevelItem(i).text(2) for i in range(view.topLevelItemCount())]


def status_as_shown(window, finding_id: str) -> str:
    """The finding's row as the user reads it: the status column, or the message when that column is hidden."""
    findings = window.docks.findings
    row = findings.model.row_of(finding_id)
    col = COL_MESSAGE if findings.view.isColumnHidden(COL_STATUS) else COL_STATUS
    return findings.model.index(row, col).data()
