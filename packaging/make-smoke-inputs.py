"""Write the files packaging/smoke-test.sh opens: one version of a short article in every format Variorum reads
through a library the bundle carries, so a build that leaves out a module, a codec or a plugin those formats
need fails the smoke test instead of a user's file.

Usage (from the repository root, with the development venv):
    PYTHONPATH=desktop:tests .venv/bin/python packaging/make-smoke-inputs.py packaging/smoke-inputs

The files are committed; run this again only to change them. Qt (offscreen) renders the text; pypdf encrypts the
PDFs; python-docx writes the Word file; warcio the web archives; Pillow converts the screenshot to JPEG and WebP.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from archive_builders import ARTICLE_URL, article_html, build_wacz, build_warc  # noqa: E402
from scan_builders import render_png, scanned_pdf  # noqa: E402

TITLE = "Harbour bridge closed after storm damage"


def paragraphs(days: str) -> list[str]:
    return [f"The harbour bridge will stay closed for {days} days after the storm damaged two of its cables, the "
            "transport office said on Friday.",
            "Commuters were told to use the ferry, which will run every twenty minutes from six in the morning."]


def text_pdf(paras: list[str], path: Path) -> None:
    """A PDF with a text layer (Qt prints the paragraphs), so pypdf reads its words."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    doc = QTextDocument()
    doc.setHtml(f"<h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in paras))
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc.print_(writer)
    del writer


def encrypt(path: Path, algorithm: str) -> None:
    """Encrypt with an owner password and no open password, as publishers restrict copying and printing."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(path))
    writer.encrypt(user_password="", owner_password="owner", algorithm=algorithm)
    with path.open("wb") as f:
        writer.write(f)


def word(paras: list[str], path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading(TITLE, level=1)
    for p in paras:
        doc.add_paragraph(p)
    doc.save(str(path))


def mhtml(html: bytes) -> bytes:
    return (b"From: <Saved by a browser>\r\nSnapshot-Content-Location: " + ARTICLE_URL.encode()
            + b"\r\nSubject: " + TITLE.encode() + b"\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/related; type="text/html"; boundary="----=_Part"\r\n\r\n'
            b"------=_Part\r\nContent-Type: text/html\r\nContent-ID: <frame-0@mhtml.blink>\r\n"
            b"Content-Transfer-Encoding: binary\r\nContent-Location: " + ARTICLE_URL.encode() + b"\r\n\r\n"
            + html + b"\r\n------=_Part--\r\n")


def main(folder: str) -> None:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # Qt lays out and paints the text
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    (out / "page.html").write_bytes(article_html(closed_days="ten"))
    (out / "page.mhtml").write_bytes(mhtml(article_html(closed_days="eleven")))
    word(paragraphs("twelve"), out / "article.docx")
    for name, algorithm, days in (("aes256.pdf", "AES-256", "thirteen"), ("rc4.pdf", "RC4-128", "fourteen")):
        text_pdf(paragraphs(days), out / name)
        encrypt(out / name, algorithm)
    warc = build_warc([(ARTICLE_URL, "2024-03-01T09:00:00Z", article_html(closed_days="fifteen")),
                       (ARTICLE_URL, "2024-03-02T09:00:00Z", article_html(closed_days="sixteen"))])
    (out / "captures.warc.gz").write_bytes(warc)
    (out / "captures.wacz").write_bytes(build_wacz(warc, [(ARTICLE_URL, "2024-03-01T09:00:00Z", TITLE)]))
    # Pictures hold one paragraph: OCR takes seconds per picture, and the smoke test reads each twice.
    (out / "screenshot.png").write_bytes(render_png(paragraphs("seventeen")[:1]))
    for days, fmt, suffix in (("eighteen", "JPEG", "jpg"), ("nineteen", "WEBP", "webp")):
        buf = io.BytesIO()
        Image.open(io.BytesIO(render_png(paragraphs(days)[:1]))).convert("RGB").save(buf, fmt, quality=90)
        (out / f"screenshot.{suffix}").write_bytes(buf.getvalue())
    scanned_pdf(render_png(paragraphs("twenty")[:1]), out / "scan.pdf")
    del app


if __name__ == "__main__":
    main(sys.argv[1])
