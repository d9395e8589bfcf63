"""The Source panel: a screenshot's or a PDF's page beside the text, the selected words boxed where they are."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from app_helpers import make_window, open_and_wait
from PIL import Image, ImageChops
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPageSize, QPainter, QPdfWriter, QTextDocument

from scan_builders import render_png, scanned_pdf
from variorum.core.load import ocr
from variorum.ui.findings.panel import COL_MESSAGE
from variorum.ui.source.pages import PDF_SCALE

PARAGRAPHS = ["The harbour bridge will stay closed for 45 days after the storm damaged two of its cables, the "
              "transport office said on Friday.",
              "Commuters were told to use the ferry, which will run every twenty minutes from six in the morning."]
CHANGED = [PARAGRAPHS[0].replace("45 days", "54 days"), PARAGRAPHS[1]]

needs_ocr = pytest.mark.skipif(not ocr.engine_available(), reason="the Tesseract engine is not installed")


@pytest.fixture
def window(qtbot, tmp_path):
    return make_window(qtbot, tmp_path, 1600, 1000)


def changed_pixels(a: Image.Image, b: Image.Image) -> QRectF:
    """Where two renderings of the same layout differ: the changed word, drawn."""
    left, top, right, bottom = ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox()
    return QRectF(left, top, right - left, bottom - top)


def png(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def pdf_page(path: Path) -> Image.Image:
    """The first page as the Source panel renders it."""
    document = pdfium.PdfDocument(str(path))
    try:
        return document[0].render(scale=PDF_SCALE).to_pil()
    finally:
        document.close()


def click_finding(qtbot, window, kind: str):
    panel = window.docks.findings
    row = next(r for r, f in enumerate(panel.shown_findings()) if f.kind == kind)
    pos = panel.view.visualRect(panel.proxy.index(row, COL_MESSAGE)).center()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    return panel.shown_findings()[row]


def covers(box: QRectF, target: QRectF, slack: float) -> bool:
    return box.adjusted(-slack, -slack, slack, slack).contains(target)


@needs_ocr
def test_a_screenshot_finding_is_boxed_on_the_picture(qtbot, window, tmp_path):
    text = tmp_path / "article.txt"
    text.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    before, after = render_png(PARAGRAPHS), render_png(CHANGED)
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(after)
    open_and_wait(qtbot, window, [text, shot])
    source = window.source
    assert source.dock.isVisible()
    view = source.view
    shot_id = next(v.id for v in window.comparison.versions if v.format == "image")
    assert view.version_id == shot_id and view.page_count == 1 and view.boxes == []

    finding = click_finding(qtbot, window, "number-changed")
    assert shot_id in finding.versions
    word = changed_pixels(png(before), png(after))
    (box,) = view.boxes
    assert covers(box, word, 3)  # the box holds the changed figure, and not much more
    assert box.width() < 4 * word.width() and box.height() < 3 * word.height()


@needs_ocr
def test_a_scanned_pdf_page_is_rendered_and_boxed_in_its_own_pixels(qtbot, window, tmp_path):
    text = tmp_path / "article.txt"
    text.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    before, after = render_png(PARAGRAPHS), render_png(CHANGED)
    pdf = scanned_pdf(after, tmp_path / "scan.pdf")
    open_and_wait(qtbot, window, [text, pdf])
    view = window.source.view
    click_finding(qtbot, window, "number-changed")
    (box,) = view.boxes
    word = changed_pixels(pdf_page(scanned_pdf(before, tmp_path / "before.pdf")), pdf_page(pdf))
    # the page picture is scaled, so the changed pixels bleed a little around the word: the box lies on them
    assert covers(word, box, 2) and box.width() * box.height() > 0.4 * word.width() * word.height()
    assert view.page_image.size() == QSize(*pdf_page(pdf).size)


def text_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF with a text layer, one page per list of paragraphs."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    for n, paragraphs in enumerate(pages):
        if n:
            writer.newPage()
        doc = QTextDocument()
        doc.setDefaultFont(QFont("DejaVu Sans", 12))
        doc.setTextWidth(painter.viewport().width() - 100)
        doc.setPlainText("\n\n".join(paragraphs))
        painter.save()
        painter.translate(50, 50)
        doc.drawContents(painter)
        painter.restore()
    painter.end()
    del writer
    return path


SECOND_PAGE = "A second page follows with the mayor's statement on repairs."


def open_text_and_pdf(qtbot, window, tmp_path, pdf_pages: list[list[str]]) -> None:
    """The article as text (with its second page's paragraph) and as a two-page PDF with a text layer."""
    text = tmp_path / "article.txt"
    text.write_text("\n\n".join(PARAGRAPHS + [SECOND_PAGE]), encoding="utf-8")
    open_and_wait(qtbot, window, [text, text_pdf(tmp_path / "article.pdf", pdf_pages)])


def test_a_difference_in_a_text_layer_pdf_is_boxed_on_its_page(qtbot, window, tmp_path):
    open_text_and_pdf(qtbot, window, tmp_path, [CHANGED, [SECOND_PAGE.replace("repairs.", "tolls.")]])
    c = window.comparison
    pdf_id = next(v.id for v in c.versions if v.format == "pdf")
    view = window.source.view
    assert view.version_id == pdf_id and view.page_count == 2
    window.set_compared(pdf_id)
    editor = window.panes.pane(c.base).editor
    editor.setFocus()
    seen: dict[str, tuple[int, list[QRectF]]] = {}
    for _ in range(len([d for d in c.differences if d.version == pdf_id and not d.cosmetic])):
        qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        stop = window.navigator.current
        if stop is not None and stop.difference is not None:
            seen[stop.difference.other.text.strip()] = (view.page, view.boxes)
    page, boxes = seen["54"]
    assert page == 0 and len(boxes) == 1
    page, boxes = seen["tolls."] if "tolls." in seen else seen["tolls"]
    assert page == 1 and len(boxes) == 1  # the view went to the page holding the word
    # the box sits on the drawn word: dark pixels inside it, the page white around the text
    image = view.page_image
    rect = boxes[0].toRect()
    dark = sum(1 for y in range(rect.top(), rect.bottom()) for x in range(rect.left(), rect.right())
               if QColor(image.pixel(x, y)).lightness() < 128)
    assert dark > 20


def test_text_only_cases_keep_the_source_panel_closed(qtbot, window, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    b.write_text("\n\n".join(CHANGED), encoding="utf-8")
    open_and_wait(qtbot, window, [a, b])
    assert not window.source.dock.isVisible()
    assert window.source.view.version_id is None


def test_pages_are_turned_and_zoomed_from_the_keyboard(qtbot, window, tmp_path):
    open_text_and_pdf(qtbot, window, tmp_path, [PARAGRAPHS, [SECOND_PAGE]])
    view = window.source.view
    graphics = view.graphics
    graphics.setFocus()
    assert (view.page, view.page_count) == (0, 2) and "1 of 2" in view.page_label.text()
    qtbot.keyClick(graphics, Qt.Key.Key_PageDown)
    assert view.page == 1 and "2 of 2" in view.page_label.text() and not view.act_next.isEnabled()
    qtbot.keyClick(graphics, Qt.Key.Key_PageDown)
    assert view.page == 1
    fitted = graphics.transform().m11()
    assert abs(fitted * view.page_image.width() - (graphics.viewport().width() - 4)) < 2  # the page's width
    qtbot.keyClick(graphics, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert graphics.transform().m11() > fitted * 1.2
    qtbot.keyClick(graphics, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    whole = graphics.mapFromScene(view.scene.sceneRect()).boundingRect()
    assert whole.height() <= graphics.viewport().height() + 2  # the whole page in sight
    qtbot.keyClick(graphics, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert abs(graphics.transform().m11() - fitted) < 1e-6
    qtbot.keyClick(graphics, Qt.Key.Key_PageUp)
    assert view.page == 0


def open_documents() -> set[int]:
    """The PDF documents pdfium has open (those it closes itself as the program exits, saying each was still
    open)."""
    from pypdfium2.internal.bases import ObjectTracker

    return {id(d) for d in (ref() for ref in ObjectTracker[pdfium.PdfDocument]) if d is not None}


def test_the_original_is_closed_when_the_window_closes_and_opened_again_when_it_is_shown(qtbot, window, tmp_path):
    before = open_documents()
    open_text_and_pdf(qtbot, window, tmp_path, [CHANGED, [SECOND_PAGE]])
    view = window.source.view
    assert view.page_count == 2 and open_documents() - before
    window.close()
    assert not open_documents() - before
    window.show()
    qtbot.waitUntil(lambda: view.page_count == 2)
    assert open_documents() - before


@needs_ocr
def test_a_screenshots_uncertain_readings_are_marked_in_its_pane(qtbot, window, tmp_path):
    text = tmp_path / "article.txt"
    text.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    shot = tmp_path / "smudged.png"
    shot.write_bytes(render_png(PARAGRAPHS, smudges=[(300, 26, 60, 6)]))  # across a word of the first line
    open_and_wait(qtbot, window, [text, shot])
    v = next(v for v in window.comparison.versions if v.format == "image")
    doubtful = [(w.start, w.end) for w in v.ocr if w.low_confidence]
    assert doubtful, "the smudge was read with confidence"
    pane = window.panes.pane(v.id)
    marked = [(s, e) for s, e, kind in pane.painted_ranges() if kind == "uncertain"]
    assert marked and set(marked) <= set(doubtful)  # a difference may paint over some of them
    start, end = marked[0]
    assert "uncertain OCR reading" in pane.tooltip_for(start)
