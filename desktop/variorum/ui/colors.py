"""Colours shared by every panel: one colour per version, highlight formats for differences, severity colours.

Colour is never the only signal: every highlight format also carries an underline or strike-out style, and
the version colours come from Paul Tol's colour-blind-safe qualitative palettes, so neighbouring versions stay
distinguishable for readers with the common colour-vision deficiencies. Every format exists in a light and a
dark variant so the text stays readable in both system palettes.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextFormat

# Paul Tol's colour-blind-safe schemes: "bright" first (mid-luminance, calm, most distinct), then the members of
# "vibrant" and "muted" that differ most from those; the grey comes last as it reads as "inactive".
_PALETTE = (
    "#4477AA",  # blue
    "#EE6677",  # rose red
    "#228833",  # green
    "#CCBB44",  # olive yellow
    "#66CCEE",  # cyan
    "#AA3377",  # purple
    "#EE7733",  # orange
    "#332288",  # indigo
    "#44AA99",  # teal
    "#999933",  # olive
    "#882255",  # wine
    "#BBBBBB",  # grey
)

#: The order in which diff formats are usually layered (later ones win when ranges overlap).
DIFF_FORMAT_KEYS = (
    "cosmetic",
    "insert",
    "delete",
    "replace",
    "move",
    "fact-shared",
    "fact-conflict",
    "note",
    "current",
)

#: A user property on every diff format naming its key, so highlighters and tests can tell them apart.
FORMAT_KIND_PROPERTY = QTextFormat.Property.UserProperty + 1


def palette_colour(index: int) -> QColor:
    """The colour for the version at ``index`` (0-based); stable for a given position."""
    if index < len(_PALETTE):
        return QColor(_PALETTE[index])
    # Past the hand-picked palette: spread hues by the golden angle at a calm saturation and value.
    hue = (int((index - len(_PALETTE)) * 137.508) + 20) % 360
    value = 200 if index % 2 else 160
    return QColor.fromHsv(hue, 140, value)


def version_colours(ids: list[str]) -> dict[str, QColor]:
    """Map each version id to its colour; the colour depends only on the id's position in ``ids``."""
    return {vid: palette_colour(i) for i, vid in enumerate(ids)}


def is_dark(palette: QPalette) -> bool:
    """True when the palette draws light text on a dark background."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    if window.lightness() == text.lightness():
        return window.lightness() < 128
    return window.lightness() < text.lightness()


def _fmt(
    key: str,
    background: str | None = None,
    *,
    underline: QTextCharFormat.UnderlineStyle | None = None,
    underline_colour: str | None = None,
    strike: bool = False,
    foreground: str | None = None,
) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setProperty(FORMAT_KIND_PROPERTY, key)
    if background:
        f.setBackground(QColor(background))
    if foreground:
        f.setForeground(QColor(foreground))
    if underline is not None:
        f.setUnderlineStyle(underline)
        if underline_colour:
            f.setUnderlineColor(QColor(underline_colour))
    if strike:
        f.setFontStrikeOut(True)
    return f


def diff_formats(dark: bool) -> dict[str, QTextCharFormat]:
    """Character formats for every kind of highlight, built for a light or a dark palette.

    Keys: insert, delete, replace, move, cosmetic, current, fact-shared, fact-conflict, note.
    Backgrounds are pale tints on a light palette and deep tints on a dark one, so the palette's own text colour
    stays readable on top of them; ``current`` sets its own foreground because its background is strong.
    ``note`` has no background, so it can be merged over a difference without hiding it.
    """
    U = QTextCharFormat.UnderlineStyle
    if dark:
        return {
            "insert": _fmt("insert", "#1E4D2B", underline=U.SingleUnderline, underline_colour="#7FD88F"),
            "delete": _fmt("delete", "#5C2326", strike=True),
            "replace": _fmt("replace", "#5A4512", underline=U.DotLine, underline_colour="#F2C14E"),
            "move": _fmt("move", "#1F3F66", underline=U.DashUnderline, underline_colour="#8AB8F0"),
            "cosmetic": _fmt("cosmetic", "#3A3A3A"),
            "current": _fmt("current", "#E8A33D", foreground="#000000",
                            underline=U.SingleUnderline, underline_colour="#FFFFFF"),
            "fact-shared": _fmt("fact-shared", "#164A46", underline=U.DashDotLine, underline_colour="#6FD3C6"),
            "fact-conflict": _fmt("fact-conflict", "#5A1F4A", underline=U.DashDotDotLine,
                                  underline_colour="#F08BD0"),
            "note": _fmt("note", None, underline=U.WaveUnderline, underline_colour="#E0B0FF"),
        }
    return {
        "insert": _fmt("insert", "#D4F5DC", underline=U.SingleUnderline, underline_colour="#1E7B34"),
        "delete": _fmt("delete", "#FAD7D9", strike=True),
        "replace": _fmt("replace", "#FCEBC0", underline=U.DotLine, underline_colour="#9A6B00"),
        "move": _fmt("move", "#D6E6FA", underline=U.DashUnderline, underline_colour="#1F5FAF"),
        "cosmetic": _fmt("cosmetic", "#EDEDED"),
        "current": _fmt("current", "#F5A623", foreground="#000000",
                        underline=U.SingleUnderline, underline_colour="#000000"),
        "fact-shared": _fmt("fact-shared", "#D2F0EC", underline=U.DashDotLine, underline_colour="#13786B"),
        "fact-conflict": _fmt("fact-conflict", "#F6D6EE", underline=U.DashDotDotLine,
                              underline_colour="#A0266F"),
        "note": _fmt("note", None, underline=U.WaveUnderline, underline_colour="#8E24AA"),
    }


def severity_colours(dark: bool) -> dict[str, QColor]:
    """Badge background colours for finding severities (high, medium, low, info).

    They are meant to be drawn with the severity's name on top, in :func:`badge_text_colour`.
    """
    if dark:
        return {
            "high": QColor("#E0605A"),
            "medium": QColor("#E6A23C"),
            "low": QColor("#6FA8DC"),
            "info": QColor("#9A9A9A"),
        }
    return {
        "high": QColor("#C0392B"),
        "medium": QColor("#D68910"),
        "low": QColor("#2E6DB4"),
        "info": QColor("#7F8C8D"),
    }


def badge_text_colour(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    r, g, b = background.redF(), background.greenF(), background.blueF()

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    return QColor("#000000") if luminance > 0.22 else QColor("#FFFFFF")
