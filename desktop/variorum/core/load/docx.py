"""DOCX: paragraphs and table cells as text (python-docx), hyperlinks kept, core properties as metadata.

The ZIP container is checked before parsing: a file that would unpack to more than 200 MB, or that is compressed
more than 100 times over, is refused as a possible zip bomb, and one whose XML parts (what is parsed: the text,
styles, headers…) unpack to more than 64 MB is refused as too large to read in bounded time and memory (its
pictures do not count). The sizes are counted while every part is actually unpacked (in chunks, never all at
once), not taken from the ZIP headers, which can lie.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from datetime import UTC, datetime

from lxml.etree import _Element

from variorum.core.load.builder import TextBuilder
from variorum.core.load.errors import LoadError
from variorum.core.load.extracted import Extracted
from variorum.core.model import Metadata

DAMAGED = "This DOCX file is damaged or incomplete and could not be read."
MISMATCHED = ("This DOCX file is damaged: what it unpacks to does not match the sizes and checksums it records "
              "(it may have been made to look smaller than it is), so it was not opened.")
MB = 1024 * 1024
MAX_UNPACKED_BYTES = 200 * MB
MAX_RATIO = 100
MAX_XML_BYTES = 64 * MB  # parsed into a tree of about ten times its size, and about half of it becomes text
RATIO_FLOOR_BYTES = 1 * MB  # tiny archives may be highly compressed without harm
UNPACK_CHUNK = 1 * MB
TITLE_SEARCH_PARAGRAPHS = 50  # a title styled as such is at the top; looking up every paragraph's style is slow


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
        stated = sum(i.file_size for i in infos)  # what the headers claim: enough to refuse, never to accept
        if stated > MAX_UNPACKED_BYTES:
            raise LoadError(f"This DOCX file would unpack to {human_size(stated)} (the limit is "
                            f"{human_size(MAX_UNPACKED_BYTES)}); it was not opened, as it may be a zip bomb.")
        if "word/document.xml" not in {i.filename for i in infos}:
            raise LoadError("This ZIP file is not a Word document (it has no word/document.xml).")
        total, xml = _unpacked_size(archive, ceiling=MAX_UNPACKED_BYTES)
    if xml > MAX_XML_BYTES:
        raise LoadError(f"This Word document's text and layout (its XML) unpack to more than "
                        f"{human_size(MAX_XML_BYTES)} (the limit, so that it can be read in bounded time and memory); "
                        "it was not opened. Save the part to compare as a separate document, or as plain text.")
    if total > MAX_UNPACKED_BYTES:
        raise LoadError(f"This DOCX file unpacks to more than {human_size(MAX_UNPACKED_BYTES)} (the limit); it was "
                        "not opened, as it may be a zip bomb.")
    ratio = total / max(1, len(raw))
    if total > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
        raise LoadError(f"This DOCX file unpacks to {ratio:.0f} times its size (the limit is {MAX_RATIO}); "
                        "it was not opened, as it may be a zip bomb.")


def _unpacked_size(archive: zipfile.ZipFile, ceiling: int) -> tuple[int, int]:
    """The bytes the archive's parts really unpack to, all of them and the XML parts alone, counted chunk by chunk;
    stops just past ``ceiling``, or past :data:`MAX_XML_BYTES` of XML. The sizes the ZIP headers state are not
    trusted: a part that unpacks to more or less than its header says, or to other bytes than its checksum, is
    refused before anything reads it whole."""
    total = xml = 0
    for info in archive.infolist():
        parsed = info.filename.lower().endswith((".xml", ".rels"))
        try:
            with archive.open(info) as member:  # read in chunks: one read of a forged part would unpack it whole
                while chunk := member.read(UNPACK_CHUNK):
                    total += len(chunk)
                    xml += len(chunk) if parsed else 0
                    if total > ceiling or xml > MAX_XML_BYTES:
                        return total, xml
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, zlib.error, EOFError, OSError,
                RuntimeError, ValueError) as exc:
            # zipfile checks each part's checksum over the bytes its header promises: a mismatch is a forged size
            forged = isinstance(exc, zipfile.BadZipFile) and str(exc).startswith("Bad CRC-32")
            raise LoadError(MISMATCHED if forged else DAMAGED) from exc
    return total, xml


# Author values Office and document generators fill in when nobody is named.
_PLACEHOLDER_AUTHORS = frozenset({"python-docx", "microsoft office user", "windows user", "administrator", "admin",
                                  "user", "owner", "author", "unknown", "apache poi", "phpword", "docx4j"})
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=UTC)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Not text: deleted (tracked) text, field instructions, properties, and the legacy copy of a drawing.
_SKIP = {_W + t for t in ("del", "delText", "moveFrom", "instrText", "rPr", "pPr", "sectPr", "tblPr", "trPr",
                          "tcPr", "tblGrid", "footnoteReference", "endnoteReference", "commentReference")}
_SKIP.add(_MC_FALLBACK)
_FIELD_LINK = re.compile(r'HYPERLINK\s+"([^"]+)"')


class _Renderer:
    """Walks the document body's XML: paragraphs, tables, content controls, tracked insertions (not deletions),
    text boxes, and hyperlinks both as elements and as HYPERLINK fields."""

    def __init__(self, rels) -> None:
        self.out = TextBuilder()
        self.rels = rels
        self.field_url: str | None = None
        self.field_link_open = False

    def _url(self, el) -> str:
        rid = el.get(_R_ID)
        rel = self.rels.get(rid) if rid else None
        if rel is None or not rel.is_external:
            return ""  # an anchor inside the document, not a target
        return rel.target_ref

    def walk(self, body: _Element) -> None:
        out = self.out
        cell_paragraphs: list[int] = []  # paragraphs seen so far in each open table cell
        stack: list[tuple[_Element, bool]] = [(body, True)]
        while stack:
            el, entering = stack.pop()
            tag = el.tag if isinstance(el.tag, str) else ""
            if not entering:
                if tag in (_W + "hyperlink", _W + "fldSimple"):
                    out.end_link()
                elif tag == _W + "p" and not cell_paragraphs:
                    out.paragraph()
                elif tag == _W + "tc":
                    cell_paragraphs.pop()
                elif tag == _W + "tr":
                    out.paragraph()
                continue
            if not tag or tag in _SKIP:
                if tag == _W + "instrText" and el.text:
                    m = _FIELD_LINK.search(el.text)
                    self.field_url = m.group(1) if m else self.field_url
                continue
            self._enter(el, tag, cell_paragraphs)
            stack.append((el, False))
            stack.extend((child, True) for child in reversed(el))

    def _enter(self, el, tag: str, cell_paragraphs: list[int]) -> None:
        out = self.out
        if tag == _W + "t":
            out.write(el.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            out.space()
        elif tag == _W + "cr" or (tag == _W + "br" and el.get(_W + "type") in (None, "textWrapping")):
            out.line_break()
        elif tag == _W + "noBreakHyphen":
            out.write("-")
        elif tag == _W + "p":
            if cell_paragraphs:
                if cell_paragraphs[-1]:
                    out.line_break()
                cell_paragraphs[-1] += 1
            else:
                out.paragraph()
        elif tag == _W + "tr":
            out.paragraph()
        elif tag == _W + "tc":
            if el.getprevious() is not None and el.getprevious().tag == _W + "tc":
                out.write(" | ")
            cell_paragraphs.append(0)
        elif tag == _W + "hyperlink":
            out.begin_link(self._url(el))
        elif tag == _W + "fldSimple":
            m = _FIELD_LINK.search(el.get(_W + "instr") or "")
            out.begin_link(m.group(1) if m else "")
        elif tag == _W + "fldChar":
            kind = el.get(_W + "fldCharType")
            if kind == "separate" and self.field_url:
                out.begin_link(self.field_url)
                self.field_link_open = True
            elif kind == "end":
                if self.field_link_open:
                    out.end_link()
                self.field_url, self.field_link_open = None, False


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
        for para in document.paragraphs[:TITLE_SEARCH_PARAGRAPHS]:
            if para.style is not None and para.style.name in ("Title", "Heading 1") and para.text.strip():
                title = " ".join(para.text.split())
                sources.append(("title", f"DOCX {para.style.name} paragraph"))
                break
    byline = text(props.author)
    if byline and byline.casefold() in _PLACEHOLDER_AUTHORS:
        byline = None  # the name of a program or of an unnamed account, not of a writer
    if byline:
        sources.append(("byline", "DOCX core properties (author)"))
    template_dates = props.created == _TEMPLATE_CREATED  # never set: the dates of python-docx's blank template
    published = None if template_dates else date(props.created)
    if published:
        sources.append(("published", "DOCX core properties (created)"))
    modified = None if template_dates else date(props.modified)
    if modified:
        sources.append(("modified", "DOCX core properties (modified)"))
    filled = any(src.startswith("DOCX core properties") for _field, src in sources)
    return Metadata(title=title, published=published, modified=modified, byline=byline, links=links,
                    sources=tuple(sources), carrier="document properties" if filled else None)


def extract(raw: bytes) -> Extracted:
    check_zip(raw)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, XMLSyntaxError, zipfile.BadZipFile, zlib.error, EOFError,
            OSError, NotImplementedError) as exc:
        raise LoadError(DAMAGED) from exc
    r = _Renderer(document.part.rels)
    r.walk(document.element.body)
    text, links = r.out.build()
    return Extracted(text=text, encoding=None, metadata=_metadata(document, links))
