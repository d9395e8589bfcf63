"""Builders for real test documents (PDF, DOCX) made inside the tests."""

from __future__ import annotations

import io
import zipfile

import pytest


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def build_pdf(pages: list[list[str]], *, title: str | None = None,
              links: list[tuple[int, int, str]] = (), raw_annots: bytes = b"") -> bytes:
    """A minimal PDF: one Helvetica text line per entry, top to bottom; an empty page list item = no text.

    ``links`` makes whole lines hyperlinks: (page index, line index, URI); ``raw_annots`` adds annotation
    dictionaries as they are to the first page (to test damaged ones)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        ops = [b"BT /F1 11 Tf 14 TL 72 740 Td"]
        for line in lines:
            ops.append(_pdf_string(line) + b" Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops) if lines else b""
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        annots = b"".join(
            b"<< /Type /Annot /Subtype /Link /Rect [70 %d %d %d] /Border [0 0 0] /A << /S /URI /URI (%s) >> >>"
            % (740 - 14 * li - 3, 72 + 6 * len(lines[li]), 740 - 14 * li + 11, uri.encode())
            for pi, li, uri in links if pi == len(kids))
        if not kids:
            annots += raw_annots
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R /Annots [%s] >>"
                        % (pages_obj, font, content, annots)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                              + b"] /Count %d >>" % len(kids))
    info = add(b"<< /Title " + _pdf_string(title) + b" >>") if title else None
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info:
        trailer += b" /Info %d 0 R" % info
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


@pytest.fixture
def make_pdf():
    return build_pdf


def build_docx(paragraphs: list[str], *, links: dict[str, str] | None = None, table: list[list[str]] | None = None,
               title: str | None = None, author: str | None = None, created=None) -> bytes:
    """A real .docx made with python-docx; ``links`` maps an anchor text (inside a paragraph) to its URL."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    document = docx.Document()
    links = links or {}
    for text in paragraphs:
        para = document.add_paragraph()
        rest = text
        while rest:
            hit = min(((rest.find(a), a) for a in links if a in rest), default=None)
            if hit is None:
                para.add_run(rest)
                break
            pos, anchor = hit
            if pos:
                para.add_run(rest[:pos])
            rel = para.part.relate_to(links[anchor], RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
            link = OxmlElement("w:hyperlink")
            link.set(qn("r:id"), rel)
            run = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = anchor
            t.set(qn("xml:space"), "preserve")
            run.append(t)
            link.append(run)
            para._p.append(link)
            rest = rest[pos + len(anchor):]
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    if title:
        document.core_properties.title = title
    if author:
        document.core_properties.author = author
    if created:
        document.core_properties.created = created
        document.core_properties.modified = created
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def make_docx():
    return build_docx


def zip_bomb_docx() -> bytes:
    """A .docx-shaped zip whose document part inflates a thousandfold (20 MB from about 20 KB)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * (20 * 1024 * 1024) + b"</w:document>")
    return out.getvalue()


@pytest.fixture
def zip_bomb() -> bytes:
    return zip_bomb_docx()
