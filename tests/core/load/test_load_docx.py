"""Word documents: paragraphs and tables as text, hyperlinks kept, properties as metadata, bombs refused."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from variorum.core.load import docx as docx_loader
from variorum.core.load import load_bytes
from variorum.core.model import Link


def load(raw: bytes, name: str = "article.docx"):
    return load_bytes(raw, version_id="v1", label=name)


def test_paragraphs_tables_and_links(make_docx):
    raw = make_docx(["Kremlin Says No Need for Military Help",
                     "Related article: Opposition Urges EU to Reject Vote, as reported.",
                     "A line\nbroken by hand."],
                    links={"Opposition Urges EU to Reject Vote": "https://e.example/2025/02/21/opposition"},
                    table=[["Candidate", "Share"], ["Lukashenko", "80%"]],
                    title="Kremlin Says No Need", author="Jane Roe",
                    created=datetime(2020, 8, 19, 9, 38, tzinfo=UTC))
    v = load(raw)
    assert v.ok and v.format == "docx" and v.encoding is None
    assert v.text == ("Kremlin Says No Need for Military Help\n\n"
                      "Related article: Opposition Urges EU to Reject Vote, as reported.\n\n"
                      "A line\nbroken by hand.\n\n"
                      "Candidate | Share\n\n"
                      "Lukashenko | 80%")
    assert v.metadata.links == (Link("Opposition Urges EU to Reject Vote", "https://e.example/2025/02/21/opposition",
                                     57, 91),)
    assert v.text[57:91] == "Opposition Urges EU to Reject Vote"
    m = v.metadata
    assert (m.title, m.byline) == ("Kremlin Says No Need", "Jane Roe")
    assert (m.published, m.modified) == ("2020-08-19T09:38:00+00:00", "2020-08-19T09:38:00+00:00")
    assert m.source_of("title") == "DOCX core properties (title)"
    assert m.source_of("published") == "DOCX core properties (created)"


def test_placeholder_author_and_template_dates_are_not_metadata(make_docx):
    m = load(make_docx(["Text."], author="Microsoft Office User")).metadata
    assert (m.byline, m.published, m.modified) == (None, None, None)  # dates never set: the blank template's


def test_title_falls_back_to_title_style(make_docx):
    import docx

    document = docx.Document(io.BytesIO(make_docx(["Body paragraph."])))
    document.core_properties.title = ""
    document.paragraphs[0].insert_paragraph_before("The Styled Title", style="Title")
    out = io.BytesIO()
    document.save(out)
    v = load(out.getvalue())
    assert v.metadata.title == "The Styled Title"
    assert v.metadata.source_of("title") == "DOCX Title paragraph"


def test_zip_bomb_is_refused_before_parsing(zip_bomb):
    v = load(zip_bomb)
    assert v.error == ("This DOCX file unpacks to 1014 times its size (the limit is 100); it was not opened, as it "
                       "may be a zip bomb.")


def test_oversized_unpacked_content_is_refused(make_docx, monkeypatch):
    monkeypatch.setattr(docx_loader, "MAX_UNPACKED_BYTES", 100 * 1024)  # a real document, a lower limit
    raw = make_docx(["Some text."])
    unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(raw)).infolist())
    assert unpacked > 100 * 1024
    v = load(raw)
    assert v.error == (f"This DOCX file would unpack to {docx_loader.human_size(unpacked)} (the limit is 100 KB); "
                       "it was not opened, as it may be a zip bomb.")


def test_limits_as_shipped():
    assert docx_loader.human_size(docx_loader.MAX_UNPACKED_BYTES) == "200 MB"
    assert docx_loader.MAX_RATIO == 100
    assert docx_loader.human_size(docx_loader.MAX_XML_BYTES) == "64 MB"


def test_random_bytes_named_docx():
    v = load(b"not a zip archive, just words " * 10)
    assert v.error == ("This is not a valid DOCX file: it is not a ZIP archive (it may be damaged, or an older .doc "
                       "file renamed to .docx).")


def test_zip_that_is_not_a_word_document():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("photos/one.txt", "hello")
    v = load(out.getvalue())
    assert v.error == "This ZIP file is not a Word document (it has no word/document.xml)."


def test_damaged_document_part(make_docx):
    src = zipfile.ZipFile(io.BytesIO(make_docx(["Text."])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            data = src.read(info)
            z.writestr(info, b"<w:document><unclosed" if info.filename == "word/document.xml" else data)
    v = load(out.getvalue())
    assert v.error == "This DOCX file is damaged or incomplete and could not be read."


def test_old_word_doc_renamed_docx():
    v = load(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    assert v.error == ("This is an old Word .doc (or other Office 97-2003) file, not a document that can be compared; "
                       "save it as .docx and try again.")


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC_NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def _with_body_xml(raw: bytes, *fragments: str) -> bytes:
    """The document with raw WordprocessingML paragraphs appended to its body."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document(io.BytesIO(raw))
    body = document.element.body
    for fragment in fragments:
        body.insert(len(body) - 1, parse_xml(fragment))  # before the section properties
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_tracked_changes_content_controls_fields_and_text_boxes(make_docx):
    raw = _with_body_xml(
        make_docx(["Opening paragraph."]),
        f'<w:p {W_NS}><w:r><w:t xml:space="preserve">Turnout was </w:t></w:r>'
        '<w:del w:id="1" w:author="Ed" w:date="2020-08-19T10:00:00Z"><w:r><w:delText>80</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="Ed" w:date="2020-08-19T10:00:00Z"><w:r><w:t>68</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> percent.</w:t></w:r></w:p>',
        f'<w:sdt {W_NS}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Inside a content control.</w:t></w:r></w:p>'
        "</w:sdtContent></w:sdt>",
        f'<w:p {W_NS}><w:r><w:t xml:space="preserve">See </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://e.example/2025/02/21/x" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>the field link</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> and </w:t></w:r>'
        '<w:fldSimple w:instr=\' HYPERLINK "https://e.example/simple" \'><w:r><w:t>a simple one</w:t></w:r>'
        "</w:fldSimple><w:r><w:t>.</w:t></w:r></w:p>",
        f'<w:p {W_NS} {MC_NS}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        "<w:p><w:r><w:t>Boxed caption.</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed caption.</w:t></w:r></w:p></w:txbxContent>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
    )
    v = load(raw)
    assert v.text == ("Opening paragraph.\n\nTurnout was 68 percent.\n\nInside a content control.\n\n"
                      "See the field link and a simple one.\n\nBoxed caption.")
    assert [(link.text, link.url) for link in v.metadata.links] == [
        ("the field link", "https://e.example/2025/02/21/x"), ("a simple one", "https://e.example/simple")]
    for link in v.metadata.links:
        assert v.text[link.start:link.end] == link.text
