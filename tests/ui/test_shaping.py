"""A pane lays Latin, Greek and Cyrillic text out without the font's optional shaping (faster, and no ligature
joins letters a difference may part), and keeps the shaping of any text that needs it to be read."""

from __future__ import annotations

import pytest
from app_helpers import make_window, open_and_wait
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QTextLayout

from variorum.ui.panes.shaping import needs_shaping

ARABIC = "قال المتحدث باسم الحكومة إن الاجتماع سيعقد يوم الثلاثاء"


@pytest.mark.parametrize("text", [
    "The minister said on Tuesday that the reform would go ahead.",
    "Café, naïve, Nguyễn, Łódź, «quoted», “curly”, €5, ½, → ✓ — and a dash",
    "Cafe\u0301 with a combining accent",
    "Ο υπουργός είπε την Τρίτη. Министр сказал во вторник. Հայերեն",
])
def test_text_that_reads_the_same_unshaped(text):
    assert not needs_shaping(text)


@pytest.mark.parametrize("text", [
    f"An English report quoting {ARABIC}",
    "שלום עולם",
    "नमस्ते दुनिया",
    "สวัสดีชาวโลก",
    "新闻发布会",
    "a thumbs up 👍",
    "a heart \u2764\ufe0f with its emoji selector",
    "a joiner a\u200db, a right-to-left mark x\u200fy",
])
def test_text_that_needs_its_shaping(text):
    assert needs_shaping(text)


def glyphs(text: str, font: QFont) -> list[int]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    line.setPosition(QPointF(0, 0))
    layout.endLayout()
    return [i for run in layout.glyphRuns() for i in run.glyphIndexes()]


def test_arabic_in_a_pane_is_drawn_joined_while_english_panes_skip_shaping(qtbot, tmp_path):
    english = "The spokesman said the meeting would be held on Tuesday."
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_text(f"{english}\n\nIt was the first meeting this year.\n", encoding="utf-8")
    b.write_text(f"{english}\n\nIt was the second meeting this year.\n", encoding="utf-8")
    c.write_text(f"{english}\n\n{ARABIC}\n", encoding="utf-8")
    window = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, window, [a, b, c])
    panes = {p.version.label: p for p in window.panes.panes()}
    for label in ("a.txt", "b.txt"):  # the font the text is laid out in
        assert panes[label].editor.document().defaultFont().styleStrategy() & QFont.StyleStrategy.PreferNoShaping

    laid_out_in = panes["c.txt"].editor.document().defaultFont()
    shaped, unshaped = QFont(laid_out_in), QFont(laid_out_in)
    shaped.setStyleStrategy(QFont.StyleStrategy.PreferDefault)
    unshaped.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    if glyphs(ARABIC, shaped) == glyphs(ARABIC, unshaped):
        pytest.skip("no font here draws Arabic any differently when shaped")
    assert glyphs(ARABIC, laid_out_in) == glyphs(ARABIC, shaped)  # its letters joined, as shaping draws them
