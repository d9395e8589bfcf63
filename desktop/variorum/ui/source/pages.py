"""A PDF or image version's pages as pictures, and where a stretch of its text sits on them.

Boxes are in the coordinates of the picture :func:`SourcePages.image` returns: the image's own pixels, or a PDF page
rendered at :data:`PDF_SCALE` pixels per point from the page's top-left corner. A scanned version's words carry
their boxes from OCR; a PDF with a text layer is searched with pdfium's text page for the words of the span.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from variorum.core.model import Version
from variorum.core.quick_dataclass import dataclass

PDF_SCALE = 2.0  # 144 dpi: sharp enough to read, quick enough to render one page when asked
SOURCE_FORMATS = frozenset({"pdf", "image"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Box:
    page: int  # 0-based
    rect: QRectF  # in the page picture's pixels


def has_source(v: Version) -> bool:
    return v.ok and v.format in SOURCE_FORMATS and bool(v.path)


class SourcePages:
    """One version's original file, opened for showing; read from disk once, never written."""

    def __init__(self, version: Version) -> None:
        self.version = version
        self._pdf: pdfium.PdfDocument | None = None
        self._image: QImage | None = None
        self.error: str | None = None
        path = version.path or ""
        try:
            if version.format == "pdf":
                with open(path, "rb") as f:
                    self._pdf = pdfium.PdfDocument(f.read())
            else:
                image = QImage(path)
                if image.isNull():
                    raise OSError("the picture could not be read")
                self._image = image
        except (OSError, pdfium.PdfiumError) as exc:
            self.error = f"The original of {version.id} cannot be shown: {exc}"

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    @property
    def page_count(self) -> int:
        if self._pdf is not None:
            return len(self._pdf)
        return 1 if self._image is not None else 0

    def image(self, page: int) -> QImage:
        if self._image is not None:
            return self._image
        if self._pdf is None:
            return QImage()
        pil = self._pdf[page].render(scale=PDF_SCALE).to_pil().convert("RGB")
        data = pil.tobytes("raw", "RGB")
        return QImage(data, pil.width, pil.height, 3 * pil.width, QImage.Format.Format_RGB888).copy()

    def boxes(self, start: int, end: int) -> list[Box]:
        """Where the text ``[start, end)`` of the version sits on its pages (none for an empty span)."""
        if end <= start or self.page_count == 0:
            return []
        if self.version.ocr:
            scale = PDF_SCALE if self._pdf is not None else 1.0
            return [Box(w.page, QRectF(w.left * scale, w.top * scale, w.width * scale, w.height * scale))
                    for w in self.version.ocr if w.start < end and start < w.end]
        if self._pdf is not None:
            return self._text_layer_boxes(start, end)
        return []

    # --- a PDF's text layer -----------------------------------------------------------------------------------
    def _text_layer_boxes(self, start: int, end: int) -> list[Box]:
        """The span's words found in the pages' text (whitespace aside); the n-th time they occur in the version's
        text is the n-th time they occur on the pages."""
        wanted = _SPACE.sub("", self.version.text[start:end])
        if not wanted or self._pdf is None:
            return []
        nth = _SPACE.sub("", self.version.text[:start]).count(wanted)
        seen = 0
        for n in range(len(self._pdf)):
            textpage = self._pdf[n].get_textpage()
            try:
                squeezed, index = _squeeze(textpage.get_text_range())
                at = squeezed.find(wanted)
                while at >= 0:
                    if seen == nth:
                        return [Box(n, r) for r in _char_rects(textpage, index[at:at + len(wanted)],
                                                                self._pdf[n].get_height())]
                    seen += 1
                    at = squeezed.find(wanted, at + 1)
            finally:
                textpage.close()
        return []


def _squeeze(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, and each kept character's index in the text."""
    kept = [(i, c) for i, c in enumerate(text) if not c.isspace()]
    return "".join(c for _, c in kept), [i for i, _ in kept]


def _char_rects(textpage: pdfium.PdfTextPage, indexes: list[int], page_height: float) -> list[QRectF]:
    """One rectangle per line the characters run over, in rendered pixels from the page's top-left."""
    rects: list[QRectF] = []
    for i in indexes:
        left, bottom, right, top = textpage.get_charbox(i)
        if right <= left or top <= bottom:
            continue
        r = QRectF(left * PDF_SCALE, (page_height - top) * PDF_SCALE, (right - left) * PDF_SCALE,
                   (top - bottom) * PDF_SCALE)
        last = rects[-1] if rects else None
        same_line = last is not None and r.left() >= last.left() - 1 and \
            abs(r.center().y() - last.center().y()) < max(r.height(), last.height()) / 2
        if last is not None and same_line:
            rects[-1] = last.united(r)
        else:
            rects.append(r)
    return rects
