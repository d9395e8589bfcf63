"""A PDF as real producers write it (embedded subset fonts, word-by-word placement), made with Qt's QPdfWriter."""

from __future__ import annotations

import re

import pytest

from variorum.core.load import load_file


@pytest.fixture
def qt_pdf(qapp, tmp_path, darwin_paths):
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    words = darwin_paths[0].read_text(encoding="utf-8").split()
    paragraphs = [" ".join(words[i:i + 45]) for i in range(0, len(words), 45)]
    document = QTextDocument()
    document.setHtml("<h1>On the Origin of Species</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs))
    path = tmp_path / "origin.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    writer.setTitle("On the Origin of Species")
    document.print_(writer)  # QTextDocument numbers the pages at their foot
    del writer
    return path, paragraphs


def test_qt_pdf_reads_back_as_its_paragraphs(qt_pdf):
    path, paragraphs = qt_pdf
    v = load_file(path, version_id="v1")
    assert v.ok and v.format == "pdf"
    assert v.metadata.title == "On the Origin of Species"
    assert "\t" not in v.text and "  " not in v.text
    # every word, in order, and no page number left between them
    expected = ["On", "the", "Origin", "of", "Species"] + " ".join(paragraphs).split()
    assert v.text.split() == expected
    assert "page numbers" in v.warnings[0]
    assert not re.search(r"^\d+$", v.text, re.MULTILINE)


def test_qt_pdf_links_keep_their_anchor_text(qapp, tmp_path):
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    document = QTextDocument()
    document.setHtml("<p>Related article: <a href='https://www.example.com/2025/02/21/belarus-opposition'>Belarus "
                     "Opposition Urges EU To Reject Vote as Leaders Hold Emergency Talks</a> and the text goes on "
                     "after the link for a while.</p>")
    path = tmp_path / "linked.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))  # narrow: the link is broken over lines
    document.print_(writer)
    del writer
    v = load_file(path, version_id="v1")
    [link] = v.metadata.links
    assert link.url == "https://www.example.com/2025/02/21/belarus-opposition"
    assert " ".join(link.text.split()) == "Belarus Opposition Urges EU To Reject Vote as Leaders Hold Emergency Talks"
    assert v.text[link.start:link.end] == link.text
