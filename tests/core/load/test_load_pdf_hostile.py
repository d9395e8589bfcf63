"""PDFs that used to get a misleading message: AES encryption (with and without an open password), a
decompression bomb, and a file cut short, whose complete pages are now recovered."""

from __future__ import annotations

import io
import re
import zlib

import pytest
from pypdf import PdfReader, PdfWriter

from variorum.core.load import load_bytes

PAGES = [["Minsk, Aug. 19 -- The Kremlin said on Wednesday that events in Belarus did not warrant help."],
         ["Peskov added Wednesday that Moscow saw no need for military assistance at this stage."],
         ["Opposition leaders called for new elections and the release of detained protesters."]]
BOMB = ("This PDF's pages are too large once decompressed (more than pypdf's limit of 75 MB each): it is damaged "
        "or built to exhaust memory (a decompression bomb), and could not be read.")


def load(raw: bytes):
    return load_bytes(raw, version_id="v1", label="story.pdf")


def _encrypted(raw: bytes, user_password: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(raw)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_encrypted_pdf_without_open_password_is_read(make_pdf, algorithm):
    v = load(_encrypted(make_pdf(PAGES), "", algorithm))
    assert v.ok, v.error
    assert "Peskov added Wednesday" in v.text


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_encrypted_pdf_with_a_password_says_so(make_pdf, algorithm):
    v = load(_encrypted(make_pdf(PAGES), "secret", algorithm))
    assert v.error == ("This PDF is password-protected; open it in a PDF reader, save a copy without the password, "
                       "and try again.")


def _with_bomb(raw: bytes, page: int, megabytes: int = 80) -> bytes:
    """``raw`` (from make_pdf) with page ``page``'s content replaced by a Flate stream of ``megabytes`` MB of
    spaces: a few tens of KB on disk. The file is rebuilt around it with a fresh cross-reference table."""
    squeeze = zlib.compressobj(9)
    block = b" " * (1024 * 1024)
    data = b"".join(squeeze.compress(block) for _ in range(megabytes)) + squeeze.flush()
    reader = PdfReader(io.BytesIO(raw))
    content = reader.pages[page].raw_get("/Contents").idnum
    objects = {int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj\n(.*?)\nendobj", raw, re.S)}
    objects[content] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    root = int(re.search(rb"/Root (\d+) 0 R", raw).group(1))
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objects[n] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (max(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, max(objects) + 1))
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (max(objects) + 1, root, xref)
    return bytes(out)


def test_decompression_bomb_is_not_called_a_scan(make_pdf):
    raw = _with_bomb(make_pdf(PAGES[:1]), 0)
    assert len(raw) < 200_000
    v = load(raw)
    assert v.error == BOMB


def test_a_bomb_page_costs_only_that_page(make_pdf):
    v = load(_with_bomb(make_pdf(PAGES), 1))
    assert v.ok and "The Kremlin said" in v.text and "Opposition leaders" in v.text
    assert "Page 2 could not be read (too large once decompressed); it is left out." in v.warnings


def _cut_after_page(raw: bytes, page: int) -> bytes:
    """``raw`` cut a few bytes into the object that follows page ``page``'s page object."""
    number = PdfReader(io.BytesIO(raw)).pages[page].indirect_reference.idnum
    end = raw.index(b"endobj", raw.index(b"\n%d 0 obj" % number)) + len(b"endobj")
    return raw[:end + 20]


@pytest.mark.parametrize("pages_kept", [1, 2])
def test_pdf_cut_short_keeps_the_pages_that_arrived(make_pdf, pages_kept):
    raw = make_pdf(PAGES)
    v = load(_cut_after_page(raw, pages_kept - 1))
    assert v.ok, v.error
    texts = [p[0].split(" -- ")[-1][:30] for p in PAGES]
    assert [t in v.text for t in texts] == [True] * pages_kept + [False] * (3 - pages_kept)
    assert v.warnings[0] == ("This PDF is incomplete (its end is missing, perhaps cut short while downloading); "
                             "the text shown is what could be recovered.")


def test_pdf_written_by_another_producer_and_cut_short_is_recovered(make_pdf):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(PAGES))))
    out = io.BytesIO()
    writer.write(out)
    raw = out.getvalue()
    v = load(raw[: raw.rindex(b"xref") - 5])  # the last object and the table that finds them are gone
    assert v.ok, v.error
    assert "Opposition leaders" in v.text and "The Kremlin said" in v.text
