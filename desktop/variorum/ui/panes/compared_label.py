"""The status bar's lasting word on what the highlights refer to: "Comparing v3 with base v4" (file names in its
tooltip).

It follows the session, so it is current whatever changed: another version chosen, the compared one hidden, a new
base, the case closed. The version's colour is shown beside its id, as on its pane's header.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from variorum.ui.session import Session


def compared_text(session: Session, *, labels: bool = False) -> str:
    """What the label says, in plain words ("" when nothing is compared); with ``labels`` the file names too."""
    c = session.comparison
    if c is None or c.base is None or not session.is_final():
        return ""
    base = c.version(c.base)
    base_name = f"{base.id} ({base.label})" if labels else base.id
    if session.compared is None:
        return f"Base {base_name}; no other version to compare"
    v = c.version(session.compared)
    return f"Comparing {f'{v.id} ({v.label})' if labels else v.id} with base {base_name}"


class ComparedLabel(QLabel):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("comparedLabel")
        self.setTextFormat(Qt.TextFormat.RichText)
        for signal in (session.comparisonChanged, session.versionsChanged, session.currentChanged, session.closed):
            signal.connect(self.refresh)
        self.refresh()

    def plain_text(self) -> str:
        return compared_text(self._session)

    def refresh(self) -> None:
        text = compared_text(self._session)
        self.setToolTip(compared_text(self._session, labels=True))
        compared = self._session.compared
        colour = self._session.colours().get(compared) if compared and text.startswith("Comparing") else None
        swatch = f'<span style="color:{colour.name()}">■</span> ' if colour is not None else ""
        self.setText(swatch + escape(text))
        self.setVisible(bool(text))
