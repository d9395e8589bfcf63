"""Juxta's heat map: the base text with each variation place shaded by how many versions differ there, and a
legend with one shade per count. Clicking a shaded place selects it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextEdit, QVBoxLayout, QWidget

from variorum.core.model import Comparison, Place
from variorum.ui.palette import badge_text_colour, heat_colour
from variorum.ui.textpos import from_qt, to_qt


class _Text(QTextEdit):
    clickedAt = Signal(int)  # code-point offset in the base text

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clickedAt.emit(from_qt(self.toPlainText(), self.cursorForPosition(event.position().toPoint())
                                        .position()))


class HeatMap(QWidget):
    placeClicked = Signal(object)  # a Place

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = _Text()
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)  # Tab moves on
        self.text.setObjectName("heatMapText")
        self.legend = QHBoxLayout()
        self.legend.setContentsMargins(0, 0, 0, 0)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        legend_box = QWidget()
        legend_box.setLayout(self.legend)
        lay.addWidget(legend_box)
        lay.addWidget(self.text, 1)
        self._places: tuple[Place, ...] = ()
        self._shades: dict[int, QColor] = {}
        self.text.clickedAt.connect(self._on_click)

    def shades(self) -> dict[int, QColor]:
        """The shade used for each differing-version count (what the legend shows)."""
        return dict(self._shades)

    def set_comparison(self, comparison: Comparison | None, *, cosmetic: bool = False) -> None:
        base = comparison.base_version if comparison else None
        self._places = tuple(p for p in (comparison.places if comparison else ()) if cosmetic or not p.cosmetic)
        text = base.text if base else ""
        self.text.setPlainText(text)
        most = max(0, len(comparison.alignments)) if comparison else 0
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self._shades = {k: heat_colour(k, most, dark) for k in range(1, most + 1)}
        cursor = QTextCursor(self.text.document())
        for p in self._places:
            count = len(p.differing)
            if count == 0:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(self._shades[count])
            fmt.setForeground(badge_text_colour(self._shades[count]))
            start, end = to_qt(text, p.start), to_qt(text, p.end)
            if start == end:  # an insertion: shade the character before it, so it can be seen
                start = max(0, start - 1)
                end = start + 1
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        self._fill_legend()

    def _fill_legend(self) -> None:
        while self.legend.count():
            item = self.legend.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not self._shades:
            return
        self.legend.addWidget(QLabel("Versions differing:"))
        for k, colour in self._shades.items():
            swatch = QLabel(f" {k} ")
            swatch.setObjectName(f"heatLegend{k}")
            swatch.setAutoFillBackground(True)
            pal = swatch.palette()
            pal.setColor(QPalette.ColorRole.Window, colour)
            pal.setColor(QPalette.ColorRole.WindowText, badge_text_colour(colour))
            swatch.setPalette(pal)
            swatch.setToolTip(f"{k} version{'s' * (k > 1)} read differently from the base here")
            self.legend.addWidget(swatch)
        self.legend.addStretch(1)

    def _on_click(self, offset: int) -> None:
        for p in self._places:
            if p.start <= offset <= max(p.end, p.start + 1):
                self.placeClicked.emit(p)
                return

    def show_place(self, place: Place) -> None:
        text = self.text.toPlainText()
        cursor = self.text.textCursor()
        cursor.setPosition(to_qt(text, place.start))
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
