"""The PDF report: drawn offscreen by Qt, paginated, with the title and page numbers on every page."""

from __future__ import annotations

import io
import subprocess
import sys
import unicodedata

from pypdf import PdfReader

from reportcase import ROOT, XSS_SCRIPT, hostile_comparison, hostile_notes, seed_report
from variorum.core.report import build_report
from variorum.report_pdf import render_pdf


def _pages(data: bytes) -> list[str]:
    # NFKC: the PDF's fonts use ligatures (ﬁ, ﬀ) that text extraction gives back as single characters
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split())
            for page in PdfReader(io.BytesIO(data)).pages]


def test_pdf_holds_the_findings_notes_and_versions_with_a_header_on_every_page(qapp):
    report = seed_report()
    data = render_pdf(report)
    assert data.startswith(b"%PDF")
    pages = _pages(data)
    assert len(pages) > 1
    text = " ".join(pages)
    for f in report.findings:
        assert " ".join(f.message.split()) in text
    for v in report.versions:
        assert f"SHA-256 {v.sha256}" in text
    assert "The 2025 link is a CMS error;" in text
    assert "[EXPLAINED]" in text
    for number, page in enumerate(pages, start=1):
        assert page.startswith("Variorum comparison report:"), page[:80]
        assert f"Page {number} of {len(pages)}" in page
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta.title == report.title


def test_pdf_shows_hostile_text_as_text(qapp):
    data = render_pdf(build_report(hostile_comparison(), notes=hostile_notes()))
    text = " ".join(_pages(data))
    assert XSS_SCRIPT in text.replace(" ", "") or "<script>alert(1)</script>" in text


def test_pdf_renders_without_a_display_or_a_running_application(tmp_path):
    code = (
        "import sys; sys.path.insert(0, 'tests')\n"
        "from reportcase import seed_report\n"
        "from variorum.report_pdf import render_pdf\n"
        "sys.stdout.buffer.write(render_pdf(seed_report()))\n"
    )
    env = {k: v for k, v in __import__("os").environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, check=True)
    assert out.stdout.startswith(b"%PDF") and len(_pages(out.stdout)) > 1


def test_pdf_of_a_case_with_unreadable_files(qapp, tmp_path, seed_paths):
    from variorum.core.case import load_case

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    report = build_report(load_case([seed_paths[0], empty]).compare())
    text = " ".join(_pages(render_pdf(report)))
    assert "Could not be read: The file is empty (0 bytes)." in text
    assert "Fewer than two versions could be read: nothing to compare." in text


def test_the_report_dispatch_draws_the_pdf_once_its_renderer_is_loaded(qapp):
    from variorum.core.report import render

    data = render(seed_report(), "pdf")
    assert data.startswith(b"%PDF")
    assert " ".join(_pages(data)).count("Variorum comparison report:") >= 2


def test_pdf_holds_the_variant_table_and_the_estimated_stemma(qapp):
    from variorum.core.case import load_case

    c = load_case(sorted((ROOT / "tests" / "data" / "darwin-origin-ch1-para1").glob("*.txt"))).compare()
    report = build_report(c)
    text = " ".join(" ".join(p.split()) for p in _pages(render_pdf(report)))
    assert f"Variant table ({len(report.variants)} places)" in text
    assert "much more" in text
    assert "Derivation (estimated stemma)" in text and "Estimated, not proven" in text
