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


def mark_top(window, pane) -> int:
    """Where the mark for text the pane lacks (at the current difference) is drawn, in window coordinates."""
    cursor = QTextCursor(pane.editor.document())
    cursor.setPosition(pane.editor.marker)
    return pane.editor.viewport().mapTo(window, pane.editor.cursorRect(cursor).topLeft()).y()


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


def shared_paragraphs(window) -> dict[int, dict[str, int]]:
    """Base paragraph -> where it starts in each lined-up version that has it as a paragraph of its own (not
    starting inside another one there, nor merged there with the base paragraph before it)."""
    from variorum.ui.panes.highlights import is_word_diffed

    c = window.comparison
    out: dict[int, dict[str, int]] = {}
    for vid in c.alignments:
        if not is_word_diffed(c, vid) or window.panes.pane(vid) is None:
            continue
        text = c.version(vid).text
        seen = set()
        for pair in c.alignments[vid].paragraphs:
            if pair.base is None or pair.other is None or pair.other[0] in seen:
                continue
            seen.add(pair.other[0])
            if text.rfind("\n", 0, pair.other[0]) + 1 == pair.other[0]:
                out.setdefault(pair.base[0], {}).setdefault(vid, pair.other[0])
    return out


def out_of_level(window, versions) -> list[tuple[str, str, int]]:
    """Paragraphs on screen in the base pane and in the pane of one of ``versions`` whose tops are more than a
    line apart: (version, the paragraph's first words, pixels apart)."""
    base = window.panes.pane(window.comparison.base)
    line = base.editor.fontMetrics().lineSpacing()
    wrong = []
    for b, row in shared_paragraphs(window).items():
        for vid, at in row.items():
            if vid not in versions:
                continue
            pane = window.panes.pane(vid)
            if on_screen(base, b) and on_screen(pane, at):
                apart = abs(line_top(window, pane, at) - line_top(window, base, b))
                if apart > line:
                    wrong.append((vid, base.version.text[b:b + 30], apart))
    return wrong


def in_filler_space(window) -> list[str]:
    """The versions whose pane marks the current place in filler space standing opposite several lines, to be
    checked against the base; when the base lacks the place, the versions that have it instead."""
    c = window.comparison
    ranges = {p.version_id: p.selected_range() for p in window.panes.panes()}
    lacking = [vid for vid, (s, e) in ranges.items() if s == e and window.panes.pane(vid).filler_before(s) > 1]
    if c.base in lacking:
        return [vid for vid, (s, e) in ranges.items() if e > s]
    return lacking
