"""PDF: the text layer (pypdf), page furniture removed, pages joined with blank lines (unless a sentence runs on).

Running headers and footers and bare page numbers that repeat at the top or bottom of the pages are dropped
(and the user is told what was dropped). Within a page, a short line that ends a sentence closes a paragraph,
so the text reads in paragraphs like the other formats. Pages without a text layer are reported.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import warnings as py_warnings
from collections import Counter

from pypdf import PdfReader
from pypdf.errors import DependencyError, LimitReachedError, PdfReadError

from variorum.core.load import pdf_ocr
from variorum.core.load.errors import LoadError
from variorum.core.load.extracted import Extracted
from variorum.core.load.pdf_links import PageLinks, locate, page_links
from variorum.core.load.pdf_repair import rebuild_truncated
from variorum.core.model import Link, Metadata

# pypdf logs every repair it makes to a damaged file; the user gets one clear message from this module instead.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)

DAMAGED = "This PDF is damaged or incomplete (perhaps cut short while downloading) and could not be read."
TOO_LARGE = ("This PDF's pages are too large once decompressed (more than pypdf's limit of 75 MB each): it is "
             "damaged or built to exhaust memory (a decompression bomb), and could not be read.")
_READ_ERRORS = (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError,
                OSError)
EDGE_LINES = 3  # how many lines at the top and at the bottom of a page may be furniture
PARAGRAPH_END_FILL = 0.9  # proportional fonts: a "full" line may hold ~10% fewer characters than the fullest
STRADDLE_MIN_CHARS = 20  # shorter repeats ("Yes.") may be real text
NUMBERED_FURNITURE_MAX = 60  # a header/footer with a changing number ("Page 3 of 9") is a short line
_DIGITS = re.compile(r"\d+")
# Some PDF producers place every word on its own, and the text layer then separates words with tabs or runs of
# spaces; within a line they read as one space.
_SPACING = re.compile(r"[ \t]{2,}|\t")
# Typographic ligatures (ﬁ, ﬂ, ﬀ…) are one glyph for two or three letters; the text should hold the letters.
_LIGATURES = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFB00, 0xFB07)}
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|of)\s*\d{1,4})?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;\"'”’»)\]]$")
_SENTENCE_START = re.compile(r"[\"'“‘«(\[]*[A-Z0-9\u00c0-\u00de\u0391-\u03a9\u0410-\u042f]")
_JUNK_TITLE = re.compile(r"^(?:microsoft word\s*-|untitled)|\.(?:docx?|pdf|rtf|odt|indd|txt)$", re.IGNORECASE)


def _furniture_key(line: str) -> str:
    """Lines compare without case and spacing; short ones also without their numbers ("Page 3", "- 4 -")."""
    text = " ".join(line.split()).casefold()
    return _DIGITS.sub("#", text) if len(text) <= NUMBERED_FURNITURE_MAX else text


def _edges(lines: list[str]) -> list[tuple[int, str]]:
    """The first and last few non-empty lines of a page with their side ("top", "bottom"); on a short page one
    line may be at both."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return [(i, "top") for i in filled[:EDGE_LINES]] + [(i, "bottom") for i in filled[-EDGE_LINES:]]


def strip_furniture(pages: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Drop lines that repeat at the same edge of many pages; return the pages and what was dropped.

    A line is furniture when the same line (numbers aside, for short lines) is among the first lines, or among
    the last lines, of at least half of the pages, and of two pages at least.
    """
    with_text = [p for p in pages if any(line.strip() for line in p)]
    if len(with_text) < 2:
        return pages, []
    counts: Counter[tuple[str, str]] = Counter()
    for lines in with_text:
        counts.update({(side, _furniture_key(lines[i])) for i, side in _edges(lines)})
    need = max(2, (len(with_text) + 1) // 2)
    furniture = {k for k, n in counts.items() if n >= need}
    dropped: dict[str, str] = {}
    out = []
    for lines in pages:
        drop = set()
        for i, side in _edges(lines):
            key = _furniture_key(lines[i])
            if (side, key) in furniture:
                drop.add(i)
                dropped.setdefault(key, "page numbers" if _PAGE_NUMBER.match(lines[i].strip())
                                   else " ".join(lines[i].split()))
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out, list(dict.fromkeys(dropped.values()))


def drop_straddling_lines(pages: list[list[str]]) -> list[int]:
    """A line cut by a page break is sometimes drawn on both pages; keep it once. Returns the pages fixed."""
    fixed = []
    previous: list[str] | None = None
    for n, lines in enumerate(pages, start=1):
        filled = [i for i, line in enumerate(lines) if line.strip()]
        if previous and filled:
            first = " ".join(lines[filled[0]].split())
            if len(first) >= STRADDLE_MIN_CHARS and first == previous[-1]:
                del lines[filled[0]]
                fixed.append(n)
        body = [" ".join(line.split()) for line in lines if line.strip()]
        previous = body or previous
    return fixed


def page_text(lines: list[str]) -> str:
    """A page's lines, with a blank line where a paragraph ends.

    A paragraph ends after a line that ends a sentence when the next line starts a sentence whose first word
    would have fitted on that line: the writer broke the line, not the layout.
    """
    lines = [line.strip() for line in lines]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        return ""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    full = lengths[int(0.9 * (len(lengths) - 1))]  # a full line's length, robust to one long URL
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        stripped = line.strip()
        following = lines[i + 1].split() if i + 1 < len(lines) else []
        if stripped and following and _SENTENCE_END.search(stripped) and _SENTENCE_START.match(following[0]) \
                and len(stripped) + 1 + len(following[0]) < PARAGRAPH_END_FILL * full:
            out.append("")
    return "\n".join(out)


def join_pages(pages: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Pages joined with a blank line, except where a sentence runs on from one page to the next (the page
    ends without end punctuation and the next begins in lower case): there the paragraph simply continues.
    Also returns where each page's text lies in the result ((0, 0) for a page without text)."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    for page in pages:
        if not page:
            spans.append((0, 0))
            continue
        if parts:
            runs_on = not _SENTENCE_END.search(parts[-1]) and page[:1].islower()
            sep = "\n" if runs_on else "\n\n"
            parts.append(sep)
            length += len(sep)
        spans.append((length, length + len(page)))
        parts.append(page)
        length += len(page)
    return "".join(parts), spans


def _recover_truncated(raw: bytes) -> PdfReader | None:
    """A PDF cut short (a download that stopped) loses its cross-reference table first: pypdf can rebuild it by
    scanning the objects when the file is given back an end; when the page tree or catalog are lost too, a new
    file is built from the complete pages that remain (:mod:`.pdf_repair`)."""
    if b"%%EOF" in raw[-1024:]:
        return None
    for attempt in (lambda: raw + b"\nstartxref\n0\n%%EOF\n", lambda: rebuild_truncated(raw)):
        try:
            candidate = attempt()
            if candidate is None:
                continue
            reader = PdfReader(io.BytesIO(candidate), strict=False)
            if len(reader.pages):
                return reader
        except _READ_ERRORS:
            continue
    return None


def _reader(raw: bytes) -> tuple[PdfReader, bool]:
    """The opened PDF, and whether it had to be recovered from a truncated file."""
    if b"%PDF-" not in raw[:1024]:
        raise LoadError("This file is not a PDF (it has no PDF header); it may be damaged or misnamed.")
    recovered = False
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
    except _READ_ERRORS as exc:
        salvaged = _recover_truncated(raw)
        if salvaged is None:
            raise LoadError(DAMAGED) from exc
        reader, recovered = salvaged, True
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except (DependencyError, NotImplementedError, PdfReadError) as exc:
            raise LoadError("This PDF is encrypted in a way Variorum cannot open; save an unprotected copy "
                            "and try again.") from exc
        if not opened:
            raise LoadError("This PDF is password-protected; open it in a PDF reader, save a copy without the "
                            "password, and try again.")
    return reader, recovered


def _check_content(page) -> None:
    """Decode the page's content streams, raising what pypdf's text extraction swallows (a stream over its
    decompression limit, a broken filter)."""
    contents = page.get_contents()
    if contents is not None:
        contents.get_data()


def _page_links(page) -> PageLinks | None:
    try:
        return page_links(page)
    except _READ_ERRORS:
        return None  # broken annotations cost the links, never the text


def _title(reader: PdfReader) -> str | None:
    try:
        info = reader.metadata
        title = " ".join(str(info.title).split()) if info and info.title else ""
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return title if title and not _JUNK_TITLE.search(title) else None


def _metadata(title: str | None, links: tuple[Link, ...] = ()) -> Metadata:
    return Metadata(title=title, links=links, sources=(("title", "PDF document info"),) if title else (),
                    carrier="document properties" if title else None)


def extract(raw: bytes) -> Extracted:
    warnings: list[str] = []
    with py_warnings.catch_warnings():
        py_warnings.simplefilter("ignore")  # pypdf's complaints about odd files; failures are reported below
        reader, recovered = _reader(raw)
        if recovered:
            warnings.append("This PDF is incomplete (its end is missing, perhaps cut short while downloading); "
                            "the text shown is what could be recovered.")
        try:
            pages = list(reader.pages)
        except _READ_ERRORS as exc:
            raise LoadError(DAMAGED) from exc
        if not pages:
            raise LoadError("This PDF has no pages.")
        texts: list[list[str]] = []
        blank: list[int] = []  # pages without a text layer, read by OCR below
        anchors: list[list[tuple[str, str]]] = []
        unreadable: list[Exception] = []
        for n, page in enumerate(pages, start=1):
            try:
                links = _page_links(page)
                text = (page.extract_text(visitor_text=links.visitor) if links else page.extract_text()) or ""
                anchors.append(links.anchors() if links else [])
                if not text.strip():
                    _check_content(page)  # an empty text may hide a content stream pypdf gave up on
            except Exception as exc:  # one broken page must not lose the others
                unreadable.append(exc)
                why = ("too large once decompressed" if isinstance(exc, LimitReachedError)
                       else f"{type(exc).__name__}: {exc}")
                warnings.append(f"Page {n} could not be read ({why}); it is left out.")
                text = ""
                if len(anchors) < n:
                    anchors.append([])
            else:
                if not text.strip():
                    warnings.append(f"Page {n} has no text layer (scanned image?).")
                    blank.append(n - 1)
            text = _SPACING.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")).translate(_LIGATURES)
            texts.append(text.split("\n"))
        title = _title(reader)
    if not any(line.strip() for lines in texts for line in lines):
        if any(isinstance(exc, LimitReachedError) for exc in unreadable):
            raise LoadError(TOO_LARGE)
        if unreadable:
            raise LoadError(DAMAGED)
        text, words = pdf_ocr.read_scanned(raw, len(texts))
        warnings.append("The text was read from the page images by OCR: check names and numbers against them.")
        return Extracted(text=text, metadata=_metadata(title), warnings=tuple(warnings), ocr=words)
    if blank:
        warnings += pdf_ocr.fill_blank_pages(raw, texts, blank)
    texts, dropped = strip_furniture(texts)
    if dropped:
        shown = ", ".join(repr(d) if d != "page numbers" else d for d in dropped[:3])
        more = f" and {len(dropped) - 3} more" if len(dropped) > 3 else ""
        warnings.append(f"Repeated page headers and footers were left out: {shown}{more}.")
    straddling = drop_straddling_lines(texts)
    if straddling:
        pages_named = ", ".join(str(n) for n in straddling[:5]) + ("…" if len(straddling) > 5 else "")
        warnings.append(f"A line drawn at both the foot of one page and the head of the next was kept once "
                        f"(page {pages_named}).")
    body, spans = join_pages([page_text(lines) for lines in texts])
    body_links = tuple(link for found, (start, end) in zip(anchors, spans, strict=True) if found
                       for link in locate(body, found, start, end))
    return Extracted(text=body, encoding=None, metadata=_metadata(title, body_links), warnings=tuple(warnings))
