"""Small pictures that carry colour together with shape or text: version swatches, severity dots and badges."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from variorum.ui.palette import Role, badge_text_colour, is_dark, severity_colours

SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2  # the item's severity name, for SeverityDelegate


def _ratio() -> float:
    app = QApplication.instance()
    return app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0


def swatch_icon(colour: QColor, *, filled: bool = True, size: int = 14) -> QIcon:
    """A small rounded square in the version's colour; hollow when the version is hidden."""
    ratio = _ratio()
    pix = QPixmap(round(size * ratio), round(size * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    # A pale halo keeps the swatch visible on a selected row of the same hue and on dark backgrounds.
    p.setPen(QPen(Role.SWATCH_HALO.colour(False), 1.0))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 3.5, 3.5)
    rect = QRectF(1.75, 1.75, size - 3.5, size - 3.5)
    if filled:
        p.setPen(QPen(colour.darker(140), 1.5))
        p.setBrush(colour)
    else:  # hidden: an empty ring
        p.setPen(QPen(colour, 1.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(rect, 3, 3)
    p.end()
    return QIcon(pix)


SWATCH_SLOTS = 4
SWATCH_SIZE = 12
SWATCH_GAP = 2


def swatches_icon(colours: list[QColor], size: int = SWATCH_SIZE) -> QIcon:
    """Small squares side by side, one per version involved in a finding, on a fixed-width strip.

    The strip always has room for ``SWATCH_SLOTS`` squares so the text after it lines up; with more versions
    than that, the last slot shows an ellipsis.
    """
    ratio = _ratio()
    width = SWATCH_SLOTS * (size + SWATCH_GAP)
    pix = QPixmap(round(width * ratio), round(size * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    overflow = len(colours) > SWATCH_SLOTS
    shown = colours[: SWATCH_SLOTS - 1] if overflow else colours
    for i, c in enumerate(shown):
        p.setPen(QPen(c.darker(140), 1))
        p.setBrush(c)
        p.drawRoundedRect(QRectF(i * (size + SWATCH_GAP) + 1, 1, size - 2, size - 2), 2, 2)
    if overflow:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(Role.NEUTRAL.colour(False))
        x0 = (SWATCH_SLOTS - 1) * (size + SWATCH_GAP)
        for k in range(3):
            p.drawEllipse(QRectF(x0 + 1 + k * 4, size / 2 - 1, 2.5, 2.5))
    p.end()
    return QIcon(pix)


def dot_icon(colour: QColor, *, filled: bool, size: int = 12) -> QIcon:
    """A round dot in a severity's colour: filled when that severity is shown, a ring when it is hidden."""
    pix = QPixmap(size * 2, size * 2)
    pix.setDevicePixelRatio(2.0)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(colour, 1.5))
    p.setBrush(colour if filled else Qt.BrushStyle.NoBrush)
    p.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3))
    p.end()
    return QIcon(pix)


class SeverityDelegate(QStyledItemDelegate):
    """Draws the severity as a coloured badge with its name written on it (colour is never the only cue)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        severity = index.data(SEVERITY_ROLE) or ""
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        dark = is_dark(option.palette)
        colour = severity_colours(dark).get(severity, Role.NEUTRAL.colour(dark))
        text = severity.upper()
        fm = option.fontMetrics
        w = fm.horizontalAdvance(text) + 12
        h = min(option.rect.height() - 4, fm.height() + 2)
        rect = QRectF(option.rect.left() + 4, option.rect.center().y() - h / 2 + 0.5, w, h)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, h / 2, h / 2)
        painter.setPen(badge_text_colour(colour))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        fm = option.fontMetrics
        return QSize(fm.horizontalAdvance("MEDIUM") + 12 + 12, fm.height() + 8)
