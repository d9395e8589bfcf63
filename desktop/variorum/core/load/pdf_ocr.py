"""PDF pages without a text layer (scans, pages printed to images): rendered with pypdfium2 and read by OCR.

Word boxes of a scanned page are kept in PDF points from the page's top-left corner, so they fit the page at any
rendering scale.
"""

from __future__ import annotations

from collections.abc import Sequence

from variorum.core.load import ocr
from variorum.core.load.errors import LoadError

RENDER_DPI = 300  # what scanners produce and Tesseract reads well
POINTS_PER_INCH = 72
# A page is never rendered larger than this (a poster-sized or hostile page would need gigabytes at 300 dpi).
MAX_RENDER_PIXELS = 40_000_000


def render_scale(width_pt: float, height_pt: float) -> float:
    """Pixels per point for rendering a page: 300 dpi, less for a page too large to render whole at that."""
    scale = RENDER_DPI / POINTS_PER_INCH
    area = max(1.0, width_pt * height_pt)
    return min(scale, (MAX_RENDER_PIXELS / area) ** 0.5)


def recognise_pages(raw: bytes, indexes: Sequence[int]) -> list[tuple[list[ocr.Paragraph], float]]:
    """The recognised paragraphs of the given pages (0-based), boxes in pixels, each with its pixels per
    point."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        raise LoadError(f"The PDF's pages could not be rendered for text recognition ({exc}).") from exc
    try:
        out = []
        for i in indexes:
            page = document[i]
            try:
                scale = render_scale(*page.get_size())
                bitmap = page.render(scale=scale)
                out.append((ocr.recognise(bitmap.to_pil(), upscale=False), scale))
            finally:
                page.close()
        return out
    finally:
        document.close()


def page_lines(paragraphs: list[ocr.Paragraph]) -> list[str]:
    """A recognised page as text lines, as the text layer of a page would give them."""
    lines: list[str] = []
    for paragraph in paragraphs:
        if lines:
            lines.append("")
        lines += [" ".join(w.text for w in line) for line in paragraph]
    return lines


def scanned_text(raw: bytes, pages: int):
    """The text and word boxes of a PDF whose pages all lack a text layer."""
    recognised = recognise_pages(raw, range(pages))
    return ocr.assemble([paragraphs for paragraphs, _ in recognised], scales=[1 / scale for _, scale in recognised])


def fill_blank_pages(raw: bytes, texts: list[list[str]], blank: Sequence[int]) -> list[str]:
    """Put the recognised text of the pages without a text layer into ``texts`` (a list of lines per page);
    returns what the user should be told."""
    try:
        recognised = recognise_pages(raw, blank)
    except LoadError as exc:
        return [f"The pages without a text layer could not be read by OCR: {exc}"]
    read = []
    for i, (paragraphs, _scale) in zip(blank, recognised, strict=True):
        lines = page_lines(paragraphs)
        if lines:
            texts[i] = lines
            read.append(str(i + 1))
    if not read:
        return []
    return [f"Page{'s' if len(read) > 1 else ''} {', '.join(read)} {'were' if len(read) > 1 else 'was'} read by OCR: "
            "check names and numbers against the page."]


def read_scanned(raw: bytes, pages: int):
    """The text and word boxes of a PDF whose pages all lack a text layer, or a clear error."""
    try:
        text, words = scanned_text(raw, pages)
    except LoadError as exc:
        raise LoadError(f"This PDF has no text layer (it is probably a scanned image). {exc}") from exc
    if not text.strip():
        raise LoadError("This PDF has no text layer, and text recognition (OCR) found no text on its pages (they "
                        "may be blank or pictures).")
    return text, words
