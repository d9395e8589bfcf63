"""Screenshots and scans read by OCR (Tesseract): rendered here with Qt from the demo article's text."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest

from scan_builders import render_png, scanned_pdf
from variorum.core.compare import compare_versions
from variorum.core.load import load_bytes, load_file, load_pasted
from variorum.core.load.ocr import NO_ENGINE, engine_available
from variorum.core.normalize import normalize_token

pytestmark = pytest.mark.skipif(not engine_available(), reason="the tesseract-ocr program is not installed")

ACCURACY_FLOOR = 0.98
CHANGED = ("foreign minister", "defence minister")  # a word changed in the second screenshot


@pytest.fixture(scope="module")
def paragraphs(request) -> list[str]:
    demo = request.config.rootpath / "resources" / "demo" / "002_b7fdf649bdad1003.txt"
    return [p for p in demo.read_text(encoding="utf-8").split("\n") if p.strip()]


@pytest.fixture(scope="module")
def screenshot(qapp, paragraphs) -> bytes:
    return render_png(paragraphs)


@pytest.fixture(scope="module")
def read(screenshot):
    return load_bytes(screenshot, version_id="v2", label="screenshot.png")


def word_accuracy(expected: str, got: str) -> float:
    """The share of the expected words read exactly (typographic and straight quotes count as the same)."""
    a = [normalize_token(w) for w in expected.split()]
    b = [normalize_token(w) for w in got.split()]
    return sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()) / len(a)


def test_a_screenshot_reads_back_as_its_text(read, paragraphs, screenshot):
    assert read.ok, read.error
    assert read.format == "image"
    accuracy = word_accuracy(" ".join(paragraphs), read.text)
    assert accuracy >= ACCURACY_FLOOR, f"OCR word accuracy {accuracy:.1%}"
    assert read.text.count("\n\n") >= 5  # paragraphs stay paragraphs
    assert any("OCR" in w for w in read.warnings)


def test_every_recognised_word_keeps_its_place_box_and_confidence(read, qapp, screenshot):
    from PySide6.QtGui import QImage

    image = QImage.fromData(screenshot)
    assert len(read.ocr) == len(read.text.split())
    assert [read.text[w.start:w.end] for w in read.ocr] == read.text.split()
    for w in read.ocr:
        assert 0 <= w.left < w.left + w.width <= image.width()
        assert 0 <= w.top < w.top + w.height <= image.height()
        assert 0 <= w.conf <= 100 and w.page == 0
    first = read.ocr[0]  # "The", at the top left of the picture
    assert first.left < 40 and first.top < 40
    assert sorted(read.ocr, key=lambda w: w.start) == list(read.ocr)


def test_a_changed_word_is_a_substantive_difference(qapp, paragraphs, read):
    edited = [p.replace(*CHANGED) for p in paragraphs]
    assert edited != paragraphs
    changed = load_bytes(render_png(edited), version_id="v3", label="edited.png")
    text = load_pasted("\n\n".join(paragraphs), version_id="v1")
    c = compare_versions([text, read, changed], options=None)
    assert c.base in ("v1", "v2")
    found = [d for d in c.differences if not d.cosmetic and "defence" in (d.other.text + d.base.text)]
    assert len(found) == 1 and found[0].version in ("v3", "v1")
    assert not [d for d in c.differences_for("v2", cosmetic=False) if "foreign" in d.base.text + d.other.text]


def test_smudges_read_as_uncertain_words_stay_cosmetic(qapp, paragraphs):
    text = load_pasted("\n\n".join(paragraphs[:2]), version_id="v1")
    smudges = [(640, 30, 60, 6), (860, 28, 8, 14)]  # across "military", and at the end of the first line
    smudged = load_bytes(render_png(paragraphs[:2], smudges=smudges), version_id="v2", label="smudged.png")
    c = compare_versions([text, smudged], options=None)
    assert c.base == "v1"
    assert all(d.cosmetic for d in c.differences), [(d.other.text, d.category) for d in c.differences]
    noise = [d for d in c.differences if d.category == "ocr"]
    assert noise, "the smudges were not read at all"
    assert all(d.other.start < len(paragraphs[0]) for d in noise)  # both smudges are on the first paragraph
    assert not c.findings


def test_a_changed_name_in_a_scan_is_substantive_however_sure_the_reading(qapp, tmp_path, paragraphs):
    """A name replaced by another is a change even when the engine doubts a letter of the new one (this
    engine reads the scanned "Ivanov" as an uncertain "lvanov"): only misreadings are excused."""
    edited = [p.replace("Sergei Lavrov", "Sergei Ivanov") for p in paragraphs]
    assert edited != paragraphs
    scan = load_file(scanned_pdf(render_png(edited), tmp_path / "scan.pdf"), version_id="v2")
    text = load_pasted("\n\n".join(paragraphs), version_id="v1")
    c = compare_versions([text, scan], options=None)
    changed = [d for d in c.differences if "Lavrov" in d.base.text]
    assert changed and all(not d.cosmetic and "vanov" in d.other.text for d in changed)


def test_a_scanned_pdf_is_read_page_by_page(qapp, tmp_path, screenshot, paragraphs):
    v = load_file(scanned_pdf(screenshot, tmp_path / "scan.pdf"), version_id="v1")
    assert v.ok, v.error
    assert v.format == "pdf"
    assert word_accuracy(" ".join(paragraphs), v.text) >= ACCURACY_FLOOR
    assert v.ocr and all(w.page == 0 for w in v.ocr)
    a4_width, a4_height = 595, 842  # points
    assert all(0 <= w.left < a4_width for w in v.ocr) and all(0 <= w.top < a4_height for w in v.ocr)
    assert any("OCR" in w for w in v.warnings)


def test_without_the_ocr_engine_each_picture_says_what_is_missing(qapp, tmp_path, monkeypatch, screenshot):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "no-tesseract-here"))
    v = load_bytes(screenshot, version_id="v1", label="screenshot.png")
    assert v.error == NO_ENGINE
    pdf = load_file(scanned_pdf(screenshot, tmp_path / "scan.pdf"), version_id="v2")
    assert pdf.error == f"This PDF has no text layer (it is probably a scanned image). {NO_ENGINE}"


def test_a_damaged_picture_is_a_clear_error():
    v = load_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, version_id="v1", label="cut.png")
    assert v.error == "This image is damaged or in a format that cannot be read."


@pytest.mark.parametrize("fmt,name", [("JPEG", "photo.jpg"), ("WEBP", "post.webp")])
def test_jpeg_and_webp_screenshots_are_read_too(qapp, paragraphs, fmt, name):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.open(io.BytesIO(render_png(paragraphs[:2]))).convert("RGB").save(buffer, fmt, quality=90)
    v = load_bytes(buffer.getvalue(), version_id="v1", label=name)
    assert v.ok and v.format == "image", v.error
    assert word_accuracy(" ".join(paragraphs[:2]), v.text) >= ACCURACY_FLOOR


def test_a_scanned_page_among_text_pages_is_read_by_ocr(qapp, tmp_path, make_pdf, paragraphs):
    import io

    from pypdf import PdfWriter

    typed = ["The transport office published the notice below on Friday morning.",
             "It is reproduced here as it was scanned."]
    writer = PdfWriter()
    writer.append(io.BytesIO(make_pdf([typed])))
    writer.append(str(scanned_pdf(render_png(paragraphs[:2]), tmp_path / "scan.pdf")))
    mixed = tmp_path / "mixed.pdf"
    with mixed.open("wb") as f:
        writer.write(f)
    v = load_file(mixed, version_id="v1")
    assert v.ok, v.error
    typed_part, _, scanned_part = v.text.partition("as it was scanned.")
    assert typed_part.startswith("The transport office published")
    assert word_accuracy(" ".join(paragraphs[:2]), scanned_part) >= ACCURACY_FLOOR
    assert "Page 2 has no text layer (scanned image?)." in v.warnings
    assert "Page 2 was read by OCR: check names and numbers against the page." in v.warnings


def test_a_huge_page_is_rendered_within_bounds():
    from variorum.core.load.pdf_ocr import MAX_RENDER_PIXELS, RENDER_DPI, render_scale

    assert render_scale(595, 842) == RENDER_DPI / 72  # A4 at scanning resolution
    scale = render_scale(14400, 14400)  # the largest page PDF allows: 5 metres square
    assert (14400 * scale) ** 2 <= MAX_RENDER_PIXELS * 1.001
