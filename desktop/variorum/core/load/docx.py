"""DOCX: paragraphs and table cells as text (python-docx), hyperlinks kept, core properties as metadata.

The ZIP container is checked before parsing: a file that would unpack to more than 200 MB, or that is compressed
more than 100 times over, is refused as a possible zip bomb.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from variorum.core.load.builder import TextBuilder
from variorum.core.load.errors import LoadError
from variorum.core.load.extracted import Extracted
from variorum.core.model import Metadata

MB = 1024 * 1024
MAX_UNPACKED_BYTES = 200 * MB
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1 * MB  # tiny archives may be highly compressed without harm


def human_size(n: int) -> str:
    if n >= 10 * MB:
        return f"{n / MB:.0f} MB"
    if n >= MB:
        return f"{n / MB:.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


def check_zip(raw: bytes) -> None:
    """Refuse what is not a Word document or would unpack to far more than it weighs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise LoadError("This is not a valid DOCX file: it is not a ZIP archive (it may be damaged, or an older "
                        ".doc file renamed to .docx).") from exc
    with archive:
        infos = archive.infolist()
        total = sum(i.file_size for i in infos)
        if total > MAX_UNPACKED_BYTES:
            raise LoadError(f"This DOCX file would unpack to {human_size(total)} (the limit is "
                            f"{human_size(MAX_UNPACKED_BYTES)}); it was not opened, as it may be a zip bomb.")
        ratio = total / max(1, len(raw))
        if total > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            raise LoadError(f"This DOCX file unpacks to {ratio:.0f} times its size (the limit is {MAX_RATIO}); "
                            "it was not opened, as it may be a zip bomb.")
        if "word/document.xml" not in {i.filename for i in infos}:
            raise LoadError("This ZIP file is not a Word document (it has no word/document.xml).")


class _Renderer:
    def __init__(self) -> None:
        self.out = TextBuilder()

    def block(self, item) -> None:
        from docx.table import Table

        if isinstance(item, Table):
            self.table(item)
        else:
            self.out.paragraph()
            self.paragraph(item)
            self.out.paragraph()

    def paragraph(self, para) -> None:
        from docx.text.hyperlink import Hyperlink

        for item in para.iter_inner_content():
            if isinstance(item, Hyperlink):
                url = item.url if item.address else ""
                if url:
                    self.out.begin_link(url)
                self.runs(item.text)
                if url:
                    self.out.end_link()
            else:
                self.runs(item.text)

    def runs(self, text: str) -> None:
        for n, piece in enumerate(text.split("\n")):
            if n:
                self.out.line_break()
            self.out.write(piece)

    def table(self, table) -> None:
        for row in table.rows:
            self.out.paragraph()
            seen: set[int] = set()
            first = True
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
                    continue
                seen.add(id(cell._tc))
                if not first:
                    self.out.write(" | ")
                first = False
                self.cell(cell)
            self.out.paragraph()

    def cell(self, cell) -> None:
        from docx.table import Table

        for n, item in enumerate(cell.iter_inner_content()):
            if isinstance(item, Table):
                self.table(item)
            else:
                if n:
                    self.out.line_break()
                self.paragraph(item)


def _metadata(document, links) -> Metadata:
    props = document.core_properties
    sources: list[tuple[str, str]] = []

    def text(value: object) -> str | None:
        return " ".join(value.split()) or None if isinstance(value, str) else None

    def date(value: object) -> str | None:
        return value.isoformat() if isinstance(value, datetime) else None

    title = text(props.title)
    if title:
        sources.append(("title", "DOCX core properties (title)"))
    else:
        for para in document.paragraphs:
            if para.style is not None and para.style.name in ("Title", "Heading 1") and para.text.strip():
                title = " ".join(para.text.split())
                sources.append(("title", f"DOCX {para.style.name} paragraph"))
                break
    byline = text(props.author)
    if byline:
        sources.append(("byline", "DOCX core properties (author)"))
    published = date(props.created)
    if published:
        sources.append(("published", "DOCX core properties (created)"))
    modified = date(props.modified)
    if modified:
        sources.append(("modified", "DOCX core properties (modified)"))
    return Metadata(title=title, published=published, modified=modified, byline=byline, links=links,
                    sources=tuple(sources))


def extract(raw: bytes) -> Extracted:
    check_zip(raw)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, XMLSyntaxError, zipfile.BadZipFile) as exc:
        raise LoadError(f"This DOCX file is damaged and could not be read ({exc}).") from exc
    r = _Renderer()
    for item in document.iter_inner_content():
        r.block(item)
    text, links = r.out.build()
    return Extracted(text=text, encoding=None, metadata=_metadata(document, links))
