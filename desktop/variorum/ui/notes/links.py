"""Between the notes and the rest of the window: what Ctrl+M attaches a note to, and where a note leads.

"Add note" attaches to what the user looks at: the finding last activated, the difference Alt+Down reached, or
the words just selected with the mouse. Those become the session's focus, which the notes dock follows.
Activating a note goes back to its finding, difference or words.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolButton

from variorum.core.model import Finding
from variorum.core.notes.refs import AnchorRef
from variorum.ui.notes.case_notes import CaseNotes
from variorum.ui.panes.navigation import Navigator
from variorum.ui.panes.view import PanesView
from variorum.ui.session import Session
from variorum.ui.window.docks import Docks


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class NotesLinks(QObject):
    def __init__(self, window: QMainWindow, session: Session, notes: CaseNotes, panes: PanesView,
                 navigator: Navigator, docks: Docks) -> None:
        super().__init__(window)
        self._window, self._session, self._notes = window, session, notes
        self._panes, self._navigator, self._findings = panes, navigator, docks.findings
        navigator.currentChanged.connect(self._on_current_stop)
        panes.textSelected.connect(self._on_text_selected)
        docks.findingActivated.connect(self._on_finding)
        docks.findings.currentFindingChanged.connect(self._on_finding)
        notes.findingRequested.connect(self._go_to_finding)
        notes.differenceRequested.connect(self._go_to_difference)
        notes.rangeRequested.connect(panes.select_words)
        if notes.error is not None:
            self._say_notes_unavailable(notes.error)

    def _say(self, message: str, msecs: int = 5000) -> None:
        self._window.statusBar().showMessage(message, msecs)

    def _say_notes_unavailable(self, error: str) -> None:
        """A lasting sign in the status bar; it and Ctrl+M show the notes panel, which says why and what to do."""
        warning = QToolButton()
        warning.setObjectName("notesWarning")
        warning.setAutoRaise(True)
        warning.setText("⚠ Notes unavailable")
        warning.setToolTip(error)
        warning.clicked.connect(self._notes.show_dock)
        self._window.statusBar().addPermanentWidget(warning)
        self.warning = warning
        explain = QAction("Add note", self)
        explain.setShortcut("Ctrl+M")
        explain.triggered.connect(self._notes.show_dock)
        explain.triggered.connect(lambda: self._say(
            "Notes cannot be added: the notes store could not be opened (see the Notes panel).", 10000))
        self._window.addAction(explain)

    def _on_finding(self, finding: Finding) -> None:
        self._session.set_focus(AnchorRef("finding", finding.id), finding.message)

    def _on_current_stop(self, stop) -> None:
        d = stop.difference if stop is not None else None
        if stop is not None and stop.finding is not None:  # related coverage: Alt+Down goes through findings
            self._on_finding(stop.finding)
        if d is not None:
            words = _short(d.other.text or d.base.text)
            self._session.set_focus(AnchorRef("difference", d.id), f"{d.kind} in {d.version}: “{words}”")

    def _on_text_selected(self, version_id: str, start: int, end: int) -> None:
        comparison = self._session.comparison
        if comparison is None:
            return
        full = comparison.version(version_id).text
        while start < end and full[start].isspace():  # word-wise selection takes the space after the word
            start += 1
        while end > start and full[end - 1].isspace():
            end -= 1
        if end <= start:  # the selection was cleared: a note would no longer attach to those words
            if self._session.focus.kind == "quote":
                self._session.clear_focus()
            return
        text = _short(full[start:end])
        self._session.set_focus(AnchorRef("quote", version_id, start, end), f"“{text}” in {version_id}")

    def _go_to_finding(self, finding_id: str) -> None:
        c = self._session.comparison
        finding = next((f for f in c.findings if f.id == finding_id), None) if c else None
        if finding is None:
            self._say("That finding is not in this comparison any more.")
            return
        self._findings.select_finding(finding_id)
        self._navigator.select_finding(finding)

    def _go_to_difference(self, difference_id: str) -> None:
        c = self._session.comparison
        diff = next((d for d in c.differences if d.id == difference_id), None) if c else None
        if diff is None:
            self._say("That difference is not in this comparison any more.")
            return
        if diff.cosmetic:
            self._session.set_show_cosmetic(True)
        self._session.set_compared(diff.version)
        self._navigator.go_to_difference(diff)
