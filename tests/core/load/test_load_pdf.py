"""PDF text layers: pages joined, page furniture dropped, damaged and protected files explained."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter

from variorum.core.load import load_bytes

PAGE_1 = ["The Daily Example        19 August 2020",
          "The Kremlin said Wednesday that events in Belarus did not yet warrant",
          "Russia's military involvement, while the foreign minister admitted",
          "shortcomings in the disputed elections.",
          "Both, however, criticized alleged foreign interference in the post-",
          "Soviet country's affairs following major protests against the claim to",
          "victory on Aug. 9 and the weeks of unrest that followed it in the capital.",
          "1"]
PAGE_2 = ["The Daily Example        19 August 2020",
          "Peskov added Wednesday that foreign interference in Belarus is",
          "\u201cunacceptable,\u201d according to the RBC news website (and others).",
          "2"]
PAGE_3 = ["The Daily Example        19 August 2020",
          "Lavrov noted that the elections \u201cwere not ideal.\u201d",
          "3"]


def load(raw: bytes, name: str = "article.pdf"):
    return load_bytes(raw, version_id="v1", label=name)


def test_text_layer_with_furniture_removed(make_pdf):
    v = load(make_pdf([PAGE_1, PAGE_2, PAGE_3], title="Kremlin Says No Need"))
    assert v.ok and v.format == "pdf" and v.encoding is None
    assert v.text == (
        "The Kremlin said Wednesday that events in Belarus did not yet warrant\n"
        "Russia's military involvement, while the foreign minister admitted\n"
        "shortcomings in the disputed elections.\n"
        "\n"
        "Both, however, criticized alleged foreign interference in the post-\n"
        "Soviet country's affairs following major protests against the claim to\n"
        "victory on Aug. 9 and the weeks of unrest that followed it in the capital.\n"
        "\n"
        "Peskov added Wednesday that foreign interference in Belarus is\n"
        "\u201cunacceptable,\u201d according to the RBC news website (and others).\n"
        "\n"
        "Lavrov noted that the elections \u201cwere not ideal.\u201d"
    )
    assert v.warnings == ("Repeated page headers and footers were left out: 'The Daily Example 19 August 2020', "
                          "page numbers.",)
    assert v.metadata.title == "Kremlin Says No Need"
    assert v.metadata.source_of("title") == "PDF document info"


def test_single_page_keeps_everything(make_pdf):
    v = load(make_pdf([["Header line", "Body of a one-page document.", "1"]]))
    assert v.text == "Header line\nBody of a one-page document.\n1"
    assert v.warnings == ()


def test_page_without_text_layer_is_reported(make_pdf):
    v = load(make_pdf([PAGE_1, PAGE_2, []]))
    assert v.ok
    assert "Page 3 has no text layer (scanned image?)." in v.warnings


def test_scanned_pdf_without_any_text(make_pdf):
    v = load(make_pdf([[], []]))
    assert v.error == ("This PDF has no text layer, and text recognition (OCR) found no text on its pages (they "
                       "may be blank or pictures).")


def test_truncated_pdf(make_pdf):
    raw = make_pdf([PAGE_1, PAGE_2])
    v = load(raw[: len(raw) // 3])
    assert v.error == "This PDF is damaged or incomplete (perhaps cut short while downloading) and could not be read."


def test_pdf_missing_only_its_end_is_recovered(make_pdf):
    raw = make_pdf([PAGE_1, PAGE_2])
    v = load(raw[: raw.rindex(b"startxref")])
    assert v.ok and "Peskov added Wednesday" in v.text
    assert v.warnings[0] == ("This PDF is incomplete (its end is missing, perhaps cut short while downloading); "
                             "the text shown is what could be recovered.")


def test_random_bytes_named_pdf():
    v = load(b"this is not a pdf at all, just some words\n" * 20)
    assert v.error == "This file is not a PDF (it has no PDF header); it may be damaged or misnamed."


def test_binary_junk_named_pdf():
    v = load(bytes(range(256)) * 30)
    assert v.error == "This file is not a PDF (it has no PDF header); it may be damaged or misnamed."


def _encrypted(raw: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(raw)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_password_protected_pdf(make_pdf):
    v = load(_encrypted(make_pdf([PAGE_1]), "secret"))
    assert v.error == ("This PDF is password-protected; open it in a PDF reader, save a copy without the password, "
                       "and try again.")


def test_encrypted_pdf_without_open_password_is_read(make_pdf):
    v = load(_encrypted(make_pdf([PAGE_2]), ""))
    assert v.ok and "Peskov added Wednesday" in v.text


def test_pdf_named_txt_is_read_as_pdf(make_pdf):
    v = load(make_pdf([PAGE_2]), name="article.txt")
    assert v.ok and v.format == "pdf"
    assert "Peskov added Wednesday" in v.text
    assert v.warnings[0] == ("The file is named like a text file but is a PDF file; it was read as PDF.")


def test_link_annotations_become_links_on_their_anchor_text(make_pdf):
    page_1 = PAGE_1[:4] + ["Related article: Belarus Opposition Urges EU to Reject Vote"] + PAGE_1[4:]
    raw = make_pdf([page_1, PAGE_2],
                   links=[(0, 4, "https://news.example.com/2025/02/21/belarus-opposition-urges-eu"),
                          (1, 2, "https://www.rbc.example/politics")])
    v = load(raw)
    assert [(link.text, link.url) for link in v.metadata.links] == [
        ("Related article: Belarus Opposition Urges EU to Reject Vote",
         "https://news.example.com/2025/02/21/belarus-opposition-urges-eu"),
        ("\u201cunacceptable,\u201d according to the RBC news website (and others).", "https://www.rbc.example/politics"),
    ]
    for link in v.metadata.links:
        assert v.text[link.start:link.end] == link.text


def test_damaged_link_annotations_cost_only_the_links(make_pdf):
    raw = make_pdf([PAGE_1, PAGE_2], raw_annots=b"<< /Type /Annot /Subtype /Link /Rect [1 2] /A << /S /URI >> >>"
                                                b" << /Subtype /Link /A 5 >> 42")
    v = load(raw)
    assert v.ok and "The Kremlin said Wednesday" in v.text and v.metadata.links == ()
