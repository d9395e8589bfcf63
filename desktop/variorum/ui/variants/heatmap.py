"""Juxta's heat map: the base text with each variation place shaded by how many versions differ there, and a
legend with one shade per count. Clicking a shaded place selects it. The same shading can be drawn on the panes'
overview strip ("Shade the overview strip"), so the whole text's hot spots stay in view beside the panes."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QTextEdit, QVBoxLayout, QWidget

from variorum.core.model import Comparison, Place
from variorum.ui import settings
from variorum.ui.palette import badge_text_colour, heat_colour
from variorum.ui.textpos import TextPositions, from_qt, to_qt


class _Text(QTextEdit):
    clickedAt = Signal(int)  # code-point offset in the base text

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clickedAt.emit(from_qt(self.toPlainText(), self.cursorForPosition(event.position().toPoint())
                                        .position()))


HeatBand = tuple[float, float, QColor]  # a place as fractions of the base text, and its shade


class HeatMap(QWidget):
    placeClicked = Signal(object)  # a Place
    stripChanged = Signal(object)  # the overview strip's shading: a list of HeatBand, or None for its usual marks

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
        self.on_strip = QCheckBox("Shade the overview strip")
        self.on_strip.setObjectName("heatOnStrip")
        self.on_strip.setToolTip("Draw this heat map on the narrow strip beside the panes instead of one tick per "
                                 "difference")
        self.on_strip.setChecked(settings.get(settings.HEAT_ON_STRIP))
        lay.addWidget(legend_box)
        lay.addWidget(self.on_strip)
        lay.addWidget(self.text, 1)
        self._places: tuple[Place, ...] = ()
        self._shades: dict[int, QColor] = {}
        self._length = 0
        self.text.clickedAt.connect(self._on_click)
        self.on_strip.toggled.connect(self._on_strip_toggled)

    def shades(self) -> dict[int, QColor]:
        """The shade used for each differing-version count (what the legend shows)."""
        return dict(self._shades)

    def showing(self, comparison: Comparison | None, *, cosmetic: bool = False) -> Iterator[None]:
        """Show ``comparison``'s places in two steps (a generator pausing between them): the places, the legend and the
        overview strip's bands, then the base text shaded place by place (a long text takes a while)."""
        base = comparison.base_version if comparison else None
        self._places = tuple(p for p in (comparison.places if comparison else ()) if cosmetic or not p.cosmetic)
        text = base.text if base else ""
        self._length = len(text)
        most = max(0, len(comparison.alignments)) if comparison else 0
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self._shades = {k: heat_colour(k, most, dark) for k in range(1, most + 1)}
        self._fill_legend()
        self.stripChanged.emit(self.strip_bands())
        yield
        self.text.setPlainText(text)
        cursor = QTextCursor(self.text.document())
        positions = TextPositions(text)
        cursor.beginEditBlock()  # one layout pass for all the shades, not one per place
        for p in self._places:
            count = len(p.differing)
            if count == 0:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(self._shades[count])
            fmt.setForeground(badge_text_colour(self._shades[count]))
            start, end = positions.to_qt(p.start), positions.to_qt(p.end)
            if start == end:  # an insertion: shade the character before it, so it can be seen
                start = max(0, start - 1)
                end = start + 1
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def strip_bands(self) -> list[HeatBand] | None:
        """The places as bands for the overview strip, each in its count's shade; None when the strip is to show
        its usual marks (the box is unticked, or there is no text)."""
        if not self.on_strip.isChecked() or not self._length:
            return None
        n = self._length
        return [(p.start / n, max(p.end, p.start + 1) / n, self._shades[len(p.differing)])
                for p in self._places if p.differing and len(p.differing) in self._shades]

    def _on_strip_toggled(self, on: bool) -> None:
        settings.put(settings.HEAT_ON_STRIP, on)
        self.stripChanged.emit(self.strip_bands())

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
