import io
import re
import tokenize
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat

import variorum.ui
from variorum.ui.palette import (
    Role,
    badge_text_colour,
    dark_palette,
    diff_formats,
    is_dark,
    mark_colour,
    severity_colours,
    version_colours,
)

UI = Path(variorum.ui.__file__).parent
HEX = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
STRINGS = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}  # f-strings split from 3.12
COLOUR_FROM_LITERAL = re.compile(r"QColor\(\s*(?:[\"'\d]|Qt\.GlobalColor)")

KEYS = {"insert", "delete", "replace", "move", "cosmetic", "current", "fact-shared", "fact-conflict", "note",
        "uncertain"}


def test_version_colours_are_distinct_and_stable_per_position(qapp):
    ids = [f"v{i}" for i in range(20)]
    colours = version_colours(ids)
    assert list(colours) == ids
    assert len({c.name() for c in colours.values()}) == 20
    again = version_colours(["x", "y", "z"])
    assert [c.name() for c in again.values()] == [colours[i].name() for i in ("v0", "v1", "v2")]


def test_is_dark_follows_the_palette(qapp):
    light = QPalette(QColor("#f0f0f0"))
    dark = QPalette(QColor("#202020"))
    assert not is_dark(light)
    assert is_dark(dark)


def _contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def lin(x: float) -> float:
            return x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4

        return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_diff_formats_are_readable_and_never_colour_only(qapp):
    U = QTextCharFormat.UnderlineStyle
    for dark, text in ((False, QColor("#000000")), (True, QColor("#eeeeee"))):
        fmts = diff_formats(dark)
        assert set(fmts) == KEYS
        for key, f in fmts.items():
            if f.background().style() != Qt.BrushStyle.NoBrush:
                fg = f.foreground().color() if f.foreground().style() != Qt.BrushStyle.NoBrush else text
                assert _contrast(fg, f.background().color()) >= 4.5, (dark, key)
        assert fmts["insert"].underlineStyle() == U.SingleUnderline
        assert fmts["delete"].fontStrikeOut()
        assert fmts["replace"].underlineStyle() == U.DotLine
        assert fmts["move"].underlineStyle() == U.DashUnderline
        assert fmts["note"].underlineStyle() == U.WaveUnderline
        # an uncertain OCR reading: a grey dotted line, no tint, so a difference painted over it shows as usual
        assert fmts["uncertain"].underlineStyle() == U.DotLine
        assert fmts["uncertain"].background().style() == Qt.BrushStyle.NoBrush
        styles = {fmts[k].underlineStyle() for k in ("insert", "replace", "move", "fact-shared", "fact-conflict")}
        assert len(styles) == 5


def test_severity_colours_carry_readable_text(qapp):
    for dark in (False, True):
        colours = severity_colours(dark)
        assert set(colours) == {"high", "medium", "low", "info"}
        for c in colours.values():
            assert _contrast(badge_text_colour(c), c) >= 3.0


def test_every_role_has_a_light_and_a_dark_colour(qapp):
    for role in Role:
        light, dark = role.colour(False), role.colour(True)
        assert light.isValid() and dark.isValid(), role
        assert role.css(False).startswith("#") and role.css(True).startswith("#")


def test_marks_on_the_overview_strip_differ_by_kind_and_stand_out_from_the_pane_backgrounds(qapp):
    kinds = [k for k in diff_formats(False) if k not in ("note", "current", "uncertain")]  # no mark on the strip
    for dark in (False, True):
        marks = {k: mark_colour(k, dark).name() for k in kinds}
        assert len(set(marks.values())) == len(kinds)
        backgrounds = diff_formats(dark)
        for k in kinds:
            assert marks[k] != backgrounds[k].background().color().name()
        assert mark_colour("no such kind", dark) == Role.NEUTRAL.colour(dark)


def test_the_dark_window_palette_is_dark(qapp):
    assert is_dark(dark_palette())


def test_no_colour_is_written_out_in_a_ui_module_other_than_the_palette():
    """Nor in the PDF report's drawing: its colours are the reports' (core/report/presentation.py)."""
    offenders = []
    for path in [*sorted(UI.rglob("*.py")), UI.parent / "report_pdf.py"]:
        if path.name == "palette.py":
            continue
        source = path.read_text(encoding="utf-8")
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type in STRINGS and HEX.search(tok.string):
                offenders.append(f"{path.name}:{tok.start[0]}: {tok.string}")
        for n, line in enumerate(source.splitlines(), 1):
            if COLOUR_FROM_LITERAL.search(line):
                offenders.append(f"{path.name}:{n}: {line.strip()}")
    assert offenders == []
