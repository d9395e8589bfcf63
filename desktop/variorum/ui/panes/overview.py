"""A narrow strip beside the panes: one tick per difference along the base text, the visible part outlined,
and a notch on the left edge where a note is attached. As a heat map, it shades each variation place instead, by
how many versions differ there (the shades of the Variants dock's heat map legend).

Clicking the strip asks to jump to the difference nearest to that point.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from variorum.ui.palette import Role

STRIP_WIDTH = 16
TICKS_TIP = "Where the differences are. Click to jump to the nearest one."
HEAT_TIP = ("Heat map: each place shaded by how many versions differ from the base there (darker: more; the legend "
            "is in the Variants dock). Click to jump to the nearest difference.")


class OverviewStrip(QWidget):
    """Marks are (fraction_start, fraction_end, colour); ``jumpRequested`` carries a fraction 0..1."""

    jumpRequested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(STRIP_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(TICKS_TIP)
        self._marks: list[tuple[float, float, QColor]] = []
        self._heat: list[tuple[float, float, QColor]] | None = None
        self._current: tuple[float, float] | None = None
        self._notes: list[tuple[float, float]] = []
        self._view = (0.0, 0.0)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(STRIP_WIDTH, 200)

    def set_marks(self, marks: list[tuple[float, float, QColor]]) -> None:
        self._marks = marks
        self.update()

    def marks(self) -> list[tuple[float, float, QColor]]:
        return list(self._marks)

    def set_heat(self, bands: list[tuple[float, float, QColor]] | None) -> None:
        """Shade the strip as a heat map (bands as fractions of the base text, in their shades) instead of one
        tick per difference; None goes back to the ticks."""
        self._heat = list(bands) if bands is not None else None
        self.setToolTip(TICKS_TIP if bands is None else HEAT_TIP)
        self.update()

    def heat(self) -> list[tuple[float, float, QColor]] | None:
        return None if self._heat is None else list(self._heat)

    def set_note_marks(self, marks: list[tuple[float, float]]) -> None:
        """Where notes sit, as fractions of the base text."""
        self._notes = list(marks)
        self.update()

    def note_marks(self) -> list[tuple[float, float]]:
        return list(self._notes)

    def set_current(self, mark: tuple[float, float] | None) -> None:
        self._current = mark
        self.update()

    def set_view(self, top: float, bottom: float) -> None:
        if (top, bottom) != self._view:
            self._view = (top, bottom)
            self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        pal = self.palette()
        h = max(1, self.height() - 4)
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.AlternateBase))
        top, bottom = self._view
        if bottom > top:
            view = QColor(pal.color(QPalette.ColorRole.Highlight))
            view.setAlpha(50)
            p.fillRect(QRectF(0, 2 + top * h, self.width(), max(3.0, (bottom - top) * h)), view)
        if self._heat is not None:
            for start, end, colour in self._heat:  # full width: the shade, not a tick, is what is read
                p.fillRect(QRectF(1, 2 + start * h, self.width() - 2, max(3.0, (end - start) * h)), colour)
        else:
            for start, end, colour in self._marks:
                y = 2 + start * h
                p.fillRect(QRectF(3, y, self.width() - 6, max(2.0, (end - start) * h)), colour)
        notch = Role.NOTE.colour(pal.color(QPalette.ColorRole.Window).lightness() < 128)
        for start, end in self._notes:
            y = 2 + (start + end) / 2 * h
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(notch)
            p.drawPolygon(QPolygonF([QPointF(0, y - 4), QPointF(6, y), QPointF(0, y + 4)]))
        p.setBrush(Qt.BrushStyle.NoBrush)
        if self._current is not None:
            pen = QPen(pal.color(QPalette.ColorRole.Text))
            pen.setWidth(2)
            p.setPen(pen)
            y = 2 + self._current[0] * h
            p.drawRect(QRectF(1, y - 1, self.width() - 2, max(4.0, (self._current[1] - self._current[0]) * h) + 2))
        p.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            h = max(1, self.height() - 4)
            self.jumpRequested.emit(min(1.0, max(0.0, (event.position().y() - 2) / h)))
