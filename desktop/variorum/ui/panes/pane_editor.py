"""The text widget of a pane: read-only, word-wrapped, with marks drawn over the text.

It reports plain clicks (not drag-selections) as Qt positions, draws a bar beside the lines holding a note's
words, and a caret-like marker where text missing from this version would be.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QTextCursor
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

from variorum.ui.palette import Role


class PaneEditor(QPlainTextEdit):
    clickedAt = Signal(int)  # Qt position of a plain click (not a drag-selection)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.document().setUndoRedoEnabled(False)  # nobody edits the text: the program's changes need no history
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setAcceptDrops(False)  # files dropped here go to the window, which adds them to the case
        self.viewport().setAcceptDrops(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._press: QPoint | None = None
        self.marker: int | None = None  # Qt position of an empty current difference (text missing here)
        self.marker_colour = Role.CURRENT.colour(False)
        self.note_spans: list[tuple[int, int]] = []  # Qt positions of words with a note: a bar in the margin
        self.note_colour = Role.NOTE.colour(False)
        self.shaped = True  # the text is laid out with the font's shaping (see set_shaped)

    def set_shaped(self, shaped: bool) -> None:
        """Lay the text out with the font's shaping (kerning, ligatures, joining), or without it where the text
        reads the same (:mod:`variorum.ui.panes.shaping`); the font is otherwise the window's. Set before the
        text: the text is laid out again when it changes."""
        if shaped == self.shaped:
            return
        self.shaped = shaped
        font = QFont()  # nothing set but the strategy: the rest follows the window's font
        if not shaped:
            font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        self.setFont(font)

    def _paint_note_bars(self) -> None:
        """A bar at the left edge beside the lines holding a note's words, visible even over a highlight."""
        painter = QPainter(self.viewport())
        height = self.viewport().height()
        last = self.document().characterCount() - 1
        for start, end in self.note_spans:
            a, b = QTextCursor(self.document()), QTextCursor(self.document())
            a.setPosition(min(start, last))
            b.setPosition(min(end, last))
            top, bottom = self.cursorRect(a).top(), self.cursorRect(b).bottom()
            if bottom >= 0 and top <= height:
                painter.fillRect(0, top, 3, max(2, bottom - top), self.note_colour)
        painter.end()

    def set_marker(self, position: int | None) -> None:
        self.marker = position
        self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.note_spans:
            self._paint_note_bars()
        if self.marker is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.marker, self.document().characterCount() - 1))
        rect = self.cursorRect(cursor)
        painter = QPainter(self.viewport())
        painter.fillRect(rect.left() - 1, rect.top(), 4, rect.height(), self.marker_colour)
        painter.fillRect(rect.left() - 4, rect.top(), 10, 2, self.marker_colour)
        painter.fillRect(rect.left() - 4, rect.bottom() - 1, 10, 2, self.marker_colour)
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if (event.button() == Qt.MouseButton.LeftButton and self._press is not None
                and (pos - self._press).manhattanLength() < 4):
            self.clickedAt.emit(self.cursorForPosition(pos).position())
        self._press = None
