"""A pane's header: the version's colour bar, its id and label, and its role (base, compared, related…).

Every header has the same height whatever it says, so the texts below start level; the compared version's header
is filled with its colour and marked ▶, so among many panes it is plain which one the highlights refer to. A
notice ("no evidence in this version") stands in for the role until the next selection clears it.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from variorum.core.model import Comparison, Version
from variorum.ui.widgets.elided_label import ElidedLabel

STRIPE_HEIGHT = 4
COMPARED_MARK = "▶ "


def role_of(comparison: Comparison, version_id: str, compared: str | None) -> str:
    v = comparison.version(version_id)
    if not v.ok:
        return "could not be read"
    rel = comparison.relations.get(version_id)
    if version_id == comparison.base:
        return "base"
    if rel is None:
        return ""
    if rel.kind == "same-article":
        role = f"same article · {rel.similarity:.0%} similar"
    elif rel.kind == "related":
        role = f"related coverage · {rel.similarity:.0%} similar"
    else:
        role = f"unrelated · {rel.similarity:.0%} similar"
    if version_id == compared:
        return f"compared · {rel.similarity:.0%} similar"
    return role


class PaneHeader(QWidget):
    def __init__(self, version: Version, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.version = version
        self.colour = colour
        self.emphasised = False
        self.notice = ""
        self._role = ""
        self._stripe = QFrame(self)
        self._stripe.setFixedHeight(STRIPE_HEIGHT)
        self._fill = QFrame(self)
        self._fill.setObjectName("paneHeader")
        self.header = ElidedLabel(self._fill)
        self.header.setContentsMargins(8, 4, 8, 0)
        bold = self.header.font()
        bold.setBold(True)
        self.header.setFont(bold)
        self.role = ElidedLabel(self._fill)
        self.role.setContentsMargins(8, 0, 8, 4)
        self.role.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        inner = QVBoxLayout(self._fill)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(0)
        inner.addWidget(self.header)
        inner.addWidget(self.role)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._stripe)
        outer.addWidget(self._fill)
        self.set_role("")
        self.set_colour(colour)

    def set_colour(self, colour: QColor) -> None:
        self.colour = colour
        _restyle(self._stripe, f"background: {colour.name()};")
        self._paint()

    def set_role(self, role: str, *, emphasised: bool = False) -> None:
        self._role = role
        self.emphasised = emphasised
        v = self.version
        self.header.set_full_text(f"{COMPARED_MARK if emphasised else ''}{v.id}  {v.label}")
        self._show()
        self._paint()

    def set_notice(self, notice: str) -> None:
        if notice != self.notice:
            self.notice = notice
            self._show()

    def _show(self) -> None:
        """The role, or while there is one the notice instead (a narrow pane could not show both in full)."""
        v = self.version
        self.role.set_full_text(self.notice or self._role or " ")
        italic = self.role.font()
        italic.setItalic(bool(self.notice))
        self.role.setFont(italic)
        line = " · ".join(p for p in (self._role, self.notice) if p)
        tip = f"{v.label}\n{v.path or 'pasted text'}\nsha256 {v.sha256}" + (f"\n{line}" if line else "")
        self.header.setToolTip(tip)
        self.role.setToolTip(tip)

    def _paint(self) -> None:
        if self.emphasised:
            c = self.colour
            _restyle(self._fill, f"#paneHeader {{ background: rgba({c.red()}, {c.green()}, {c.blue()}, 60); }}")
        else:
            _restyle(self._fill, "")


def _restyle(widget: QWidget, sheet: str) -> None:
    """Set a style sheet only when it changes: every call re-styles the widget and its children, and the
    headers are re-labelled each time the compared version changes."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
