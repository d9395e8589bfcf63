"""Screenshots and scans made inside the tests with Qt: text rendered to a PNG, and that PNG printed to a PDF."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter, QTextDocument

WIDTH = 900
MARGIN = 20


def render_png(paragraphs: list[str], *, smudges: list[tuple[int, int, int, int]] = ()) -> bytes:
    """The paragraphs as a screenshot would show them (12-point sans serif on white, 900 pixels wide), with
    grey ``smudges`` (x, y, width, height) painted over the picture."""
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", 12))
    doc.setTextWidth(WIDTH - 2 * MARGIN)
    doc.setHtml("".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in paragraphs))
    image = QImage(WIDTH, int(doc.size().height()) + 2 * MARGIN, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(MARGIN, MARGIN)
    doc.drawContents(painter)
    painter.resetTransform()
    for x, y, w, h in smudges:
        painter.fillRect(x, y, w, h, QColor(150, 150, 150))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def scanned_pdf(png: bytes, path: Path) -> Path:
    """A PDF with no text layer: the picture printed at the top of an A4 page, as a scanner would make it."""
    image = QImage.fromData(png)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    painter = QPainter(writer)
    page = painter.viewport()
    height = page.width() * image.height() / image.width()
    painter.drawImage(QRectF(0, 0, page.width(), height), image)
    painter.end()
    del writer
    return path
