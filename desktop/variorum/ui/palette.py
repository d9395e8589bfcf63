"""Every colour the app draws, in one place: named by role, each with a light and a dark value.

Colour is never the only signal: every highlight format also carries an underline or strike-out style, and
the version colours come from Paul Tol's colour-blind-safe qualitative palettes, so neighbouring versions stay
distinguishable for readers with the common colour-vision deficiencies. Every role has a light and a dark value
so text stays readable in both system palettes; ``Role.INSERT.colour(dark)`` picks one.
"""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextFormat


class Role(Enum):
    """What a colour is for."""

    # Highlights in the text panes: a background, and the underline that says the same without colour.
    INSERT = auto()
    INSERT_LINE = auto()
    DELETE = auto()
    REPLACE = auto()
    REPLACE_LINE = auto()
    MOVE = auto()
    MOVE_LINE = auto()
    COSMETIC = auto()
    CURRENT = auto()  # the difference the user is on
    CURRENT_TEXT = auto()
    CURRENT_LINE = auto()
    FACT_SHARED = auto()
    FACT_SHARED_LINE = auto()
    FACT_CONFLICT = auto()
    FACT_CONFLICT_LINE = auto()
    NOTE = auto()  # a note's wavy underline, its bar in the pane's margin and its notch on the overview strip
    FIND_MATCH = auto()  # Find: the words that match
    # Ticks on the overview strip beside the panes, one per difference.
    MARK_INSERT = auto()
    MARK_DELETE = auto()
    MARK_REPLACE = auto()
    MARK_MOVE = auto()
    MARK_COSMETIC = auto()
    MARK_FACT_SHARED = auto()
    MARK_FACT_CONFLICT = auto()
    # Findings: badge backgrounds, by severity.
    SEVERITY_HIGH = auto()
    SEVERITY_MEDIUM = auto()
    SEVERITY_LOW = auto()
    SEVERITY_INFO = auto()
    ERROR_TEXT = auto()  # a message that something failed (a file not read, a note not saved)
    NEUTRAL = auto()  # a version without a colour of its own, the "more" dots after version swatches
    SWATCH_HALO = auto()  # a pale ring that keeps a version swatch visible on a selected row
    # The PDF report is printed on white paper whatever the screen's palette, so its two roles read the same.

    def colour(self, dark: bool) -> QColor:
        """This role's colour on a light or a dark palette."""
        return QColor(_COLOURS[self][dark])

    def css(self, dark: bool) -> str:
        """This role's colour as CSS (style sheets and rich-text tooltips)."""
        return self.colour(dark).name()


# role -> (light, dark); "#AARRGGBB" where the colour is translucent.
_COLOURS: dict[Role, tuple[str, str]] = {
    Role.INSERT: ("#D4F5DC", "#1E4D2B"),
    Role.INSERT_LINE: ("#1E7B34", "#7FD88F"),
    Role.DELETE: ("#FAD7D9", "#5C2326"),
    Role.REPLACE: ("#FCEBC0", "#5A4512"),
    Role.REPLACE_LINE: ("#9A6B00", "#F2C14E"),
    Role.MOVE: ("#D6E6FA", "#1F3F66"),
    Role.MOVE_LINE: ("#1F5FAF", "#8AB8F0"),
    Role.COSMETIC: ("#EDEDED", "#3A3A3A"),
    Role.CURRENT: ("#F5A623", "#E8A33D"),
    Role.CURRENT_TEXT: ("#000000", "#000000"),
    Role.CURRENT_LINE: ("#000000", "#FFFFFF"),
    Role.FACT_SHARED: ("#D2F0EC", "#164A46"),
    Role.FACT_SHARED_LINE: ("#13786B", "#6FD3C6"),
    Role.FACT_CONFLICT: ("#F6D6EE", "#5A1F4A"),
    Role.FACT_CONFLICT_LINE: ("#A0266F", "#F08BD0"),
    Role.NOTE: ("#8E24AA", "#E0B0FF"),
    Role.FIND_MATCH: ("#FFF59D", "#6B5B00"),
    Role.MARK_INSERT: ("#2E9E4F", "#5CCB7A"),
    Role.MARK_DELETE: ("#D0434B", "#F06B72"),
    Role.MARK_REPLACE: ("#D99A00", "#F2C14E"),
    Role.MARK_MOVE: ("#3D7BD9", "#7FB0F0"),
    Role.MARK_COSMETIC: ("#A0A0A0", "#777777"),
    Role.MARK_FACT_SHARED: ("#1F9E8E", "#5FD0C0"),
    Role.MARK_FACT_CONFLICT: ("#B8338A", "#E07BC2"),
    Role.SEVERITY_HIGH: ("#C0392B", "#E0605A"),
    Role.SEVERITY_MEDIUM: ("#D68910", "#E6A23C"),
    Role.SEVERITY_LOW: ("#2E6DB4", "#6FA8DC"),
    Role.SEVERITY_INFO: ("#7F8C8D", "#9A9A9A"),
    Role.ERROR_TEXT: ("#C0392B", "#E0605A"),
    Role.NEUTRAL: ("#888888", "#888888"),
    Role.SWATCH_HALO: ("#8CFFFFFF", "#8CFFFFFF"),
}


def is_dark(palette: QPalette) -> bool:
    """True when the palette draws light text on a dark background."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    if window.lightness() == text.lightness():
        return window.lightness() < 128
    return window.lightness() < text.lightness()


# ---- versions -------------------------------------------------------------------------------------------------

# Paul Tol's colour-blind-safe schemes: "bright" first (mid-luminance, calm, most distinct), then the members of
# "vibrant" and "muted" that differ most from those; the grey comes last as it reads as "inactive". Versions
# keep their colour in both palettes.
_VERSION_COLOURS = (
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


def palette_colour(index: int) -> QColor:
    """The colour for the version at ``index`` (0-based); stable for a given position."""
    if index < len(_VERSION_COLOURS):
        return QColor(_VERSION_COLOURS[index])
    # Past the hand-picked palette: spread hues by the golden angle at a calm saturation and value.
    hue = (int((index - len(_VERSION_COLOURS)) * 137.508) + 20) % 360
    value = 200 if index % 2 else 160
    return QColor.fromHsv(hue, 140, value)


def version_colours(ids: list[str]) -> dict[str, QColor]:
    """Map each version id to its colour; the colour depends only on the id's position in ``ids``."""
    return {vid: palette_colour(i) for i, vid in enumerate(ids)}


# ---- highlight formats ----------------------------------------------------------------------------------------

#: A user property on every diff format naming its key, so highlighters and tests can tell them apart.
FORMAT_KIND_PROPERTY = QTextFormat.Property.UserProperty + 1

_U = QTextCharFormat.UnderlineStyle
# key -> (background, underline style, underline colour, struck out, text colour)
_FORMATS: dict[str, tuple[Role | None, QTextCharFormat.UnderlineStyle | None, Role | None, bool, Role | None]] = {
    "insert": (Role.INSERT, _U.SingleUnderline, Role.INSERT_LINE, False, None),
    "delete": (Role.DELETE, None, None, True, None),
    "replace": (Role.REPLACE, _U.DotLine, Role.REPLACE_LINE, False, None),
    "move": (Role.MOVE, _U.DashUnderline, Role.MOVE_LINE, False, None),
    "cosmetic": (Role.COSMETIC, None, None, False, None),
    "current": (Role.CURRENT, _U.SingleUnderline, Role.CURRENT_LINE, False, Role.CURRENT_TEXT),
    "fact-shared": (Role.FACT_SHARED, _U.DashDotLine, Role.FACT_SHARED_LINE, False, None),
    "fact-conflict": (Role.FACT_CONFLICT, _U.DashDotDotLine, Role.FACT_CONFLICT_LINE, False, None),
    "note": (None, _U.WaveUnderline, Role.NOTE, False, None),
    "uncertain": (None, _U.DotLine, Role.NEUTRAL, False, None),  # an uncertain OCR reading: under the rest
}


def _fmt(key: str, dark: bool) -> QTextCharFormat:
    background, underline, underline_colour, strike, foreground = _FORMATS[key]
    f = QTextCharFormat()
    f.setProperty(FORMAT_KIND_PROPERTY, key)
    if background is not None:
        f.setBackground(background.colour(dark))
    if foreground is not None:
        f.setForeground(foreground.colour(dark))
    if underline is not None:
        f.setUnderlineStyle(underline)
        if underline_colour is not None:
            f.setUnderlineColor(underline_colour.colour(dark))
    if strike:
        f.setFontStrikeOut(True)
    return f


def diff_formats(dark: bool) -> dict[str, QTextCharFormat]:
    """Character formats for every kind of highlight, built for a light or a dark palette.

    Keys: insert, delete, replace, move, cosmetic, current, fact-shared, fact-conflict, note, uncertain.
    Backgrounds are pale tints on a light palette and deep tints on a dark one, so the palette's own text colour
    stays readable on top of them; ``current`` sets its own foreground because its background is strong.
    ``note`` has no background, so it can be merged over a difference without hiding it.
    """
    return {key: _fmt(key, dark) for key in _FORMATS}


_MARKS = {"insert": Role.MARK_INSERT, "delete": Role.MARK_DELETE, "replace": Role.MARK_REPLACE,
          "move": Role.MARK_MOVE, "cosmetic": Role.MARK_COSMETIC, "fact-shared": Role.MARK_FACT_SHARED,
          "fact-conflict": Role.MARK_FACT_CONFLICT}


def mark_colour(kind: str, dark: bool) -> QColor:
    """The tick for a kind of difference on the overview strip: stronger than the pane's pale background."""
    return _MARKS.get(kind, Role.NEUTRAL).colour(dark)


# ---- findings -------------------------------------------------------------------------------------------------

_SEVERITIES = {"high": Role.SEVERITY_HIGH, "medium": Role.SEVERITY_MEDIUM, "low": Role.SEVERITY_LOW,
               "info": Role.SEVERITY_INFO}


def severity_colours(dark: bool) -> dict[str, QColor]:
    """Badge background colours for finding severities (high, medium, low, info).

    They are meant to be drawn with the severity's name on top, in :func:`badge_text_colour`.
    """
    return {name: role.colour(dark) for name, role in _SEVERITIES.items()}


def heat_colour(count: int, most: int, dark: bool) -> QColor:
    """The variants heat map's shade for ``count`` differing versions out of at most ``most``: one distinct step
    per count, darker (light theme) or brighter (dark theme) as more versions differ. Text on it reads in
    :func:`badge_text_colour`."""
    step = count / max(most, 1)
    if dark:
        return QColor.fromHsvF(0.06, 0.85, 0.25 + 0.6 * step)
    return QColor.fromHsvF(0.06, 0.12 + 0.78 * step, 1.0)


def badge_text_colour(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    r, g, b = background.redF(), background.greenF(), background.blueF()

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    return QColor(Qt.GlobalColor.black if luminance > 0.22 else Qt.GlobalColor.white)


# ---- the window's own dark palette (--dark) -------------------------------------------------------------------

_QT_DARK = {
    "Window": "#2B2D30", "WindowText": "#E6E6E6", "Base": "#1E1F22", "AlternateBase": "#313338",
    "ToolTipBase": "#3C3F41", "ToolTipText": "#E6E6E6", "Text": "#E6E6E6", "Button": "#3A3D41",
    "ButtonText": "#E6E6E6", "BrightText": "#FF6B6B", "Link": "#6CA6E8", "Highlight": "#2F65CA",
    "HighlightedText": "#FFFFFF", "PlaceholderText": "#8C8C8C", "Mid": "#55585D",
    "Midlight": "#46494E", "Dark": "#1A1B1E", "Shadow": "#111111", "Light": "#505357",
}
_QT_DARK_DISABLED_TEXT = "#7A7A7A"


def dark_palette() -> QPalette:
    """The Qt palette for ``--dark`` (or ``VARIORUM_THEME=dark``), whatever the system's."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for name, c in _QT_DARK.items():
        p.setColor(getattr(role, name), QColor(c))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor(_QT_DARK_DISABLED_TEXT))
    return p
