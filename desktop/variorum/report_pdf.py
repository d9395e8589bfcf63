"""The PDF report, drawn by Qt: the report model laid out by QTextDocument from a print template, painted page
by page into a QPdfWriter with the report's title in a header and page numbers in a footer on every page.

Works without a display: when no Qt application is running, an offscreen one is started for the drawing.
Importing this module registers it as the ``pdf`` renderer of :func:`variorum.core.report.render`; it stays out of
``core`` (which never imports Qt) and out of ``ui`` (which the command line never imports).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from variorum.core.report.model import Report
from variorum.core.report.presentation import MUTED_COLOUR, RULE_COLOUR, environment, view
from variorum.core.report.render import register

# The page header's colours match the HTML report's print style (muted grey text over a light rule).
_MUTED = QColor(MUTED_COLOUR)
_RULE = QColor(RULE_COLOUR)
_RESOLUTION = 300  # dots per inch of the layout: enough for exact text placement, small numbers to work with
_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """A QGuiApplication is needed to lay out text; start an offscreen one if the caller has none."""
    global _app
    existing = QGuiApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("a non-GUI Qt application is running; PDF reports need a QGuiApplication")
        return
    _app = QGuiApplication(["variorum", "-platform", "offscreen"])  # nothing is shown: no display needed


def print_html(report: Report) -> str:
    """The report as the print-friendly HTML that the PDF is laid out from."""
    return environment().get_template("report_print.html.j2").render(report=report, **view(report))


def _document(html: str, width: float, height: float, writer: QPdfWriter) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.5)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(width, height))
    return doc


def render_pdf(report: Report) -> bytes:
    """The whole report as the bytes of a PDF file (A4, paginated, title and page numbers on every page)."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(_RESOLUTION)
    writer.setTitle(report.title)
    writer.setCreator(f"{report.tool.name} {report.tool.version}")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(16, 12, 16, 12), QPageLayout.Unit.Millimeter))
    page = writer.pageLayout().paintRectPixels(_RESOLUTION)
    width, height = float(page.width()), float(page.height())

    small = QFont("DejaVu Sans")
    small.setPointSizeF(7.5)
    line = QFontMetricsF(small, writer).height()
    header_h = line * 2.2  # title line, a rule, and a gap before the body
    footer_h = line * 2.0
    body_h = height - header_h - footer_h
    doc = _document(print_html(report), width, body_h, writer)
    pages = max(1, doc.pageCount())

    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("Qt could not start drawing the PDF")
    try:
        grey = _MUTED
        for index in range(pages):
            if index:
                writer.newPage()
            painter.setFont(small)
            painter.setPen(grey)
            title = QFontMetricsF(small, writer).elidedText(report.title, Qt.TextElideMode.ElideMiddle,
                                                            width * 0.72)
            painter.drawText(QRectF(0, 0, width * 0.75, line), Qt.AlignmentFlag.AlignLeft, title)
            painter.drawText(QRectF(width * 0.75, 0, width * 0.25, line), Qt.AlignmentFlag.AlignRight,
                             report.generated_at[:10])
            painter.setPen(QPen(_RULE, _RESOLUTION / 150))
            painter.drawLine(0, int(line * 1.3), int(width), int(line * 1.3))
            painter.setPen(grey)
            painter.drawText(QRectF(0, height - line, width, line), Qt.AlignmentFlag.AlignCenter,
                             f"Page {index + 1} of {pages}")
            painter.save()
            painter.translate(0, header_h - index * body_h)
            doc.drawContents(painter, QRectF(0, index * body_h, width, body_h))
            painter.restore()
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


register("pdf", render_pdf)
