"""Between the notes and the rest of the window: what Ctrl+M attaches a note to, and where a note leads.

"Add note" attaches to what the user looks at: the finding last activated, the difference Alt+Down reached, or
the words just selected with the mouse. Activating a note goes back to its finding, difference or words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from variorum.core.model import Finding

if TYPE_CHECKING:
    from variorum.ui.main_window import MainWindow


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class NotesLinks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._w = window
        notes = window.case_notes
        window.navigator.currentChanged.connect(self._on_current_stop)
        window.panes.textSelected.connect(self._on_text_selected)
        window.docks.findingActivated.connect(self._on_finding)
        notes.findingRequested.connect(self._go_to_finding)
        notes.differenceRequested.connect(self._go_to_difference)
        notes.rangeRequested.connect(lambda vid, s, e: window.panes.select_ranges({vid: (s, e)}))
        notes.statusesChanged.connect(window.docks.findings.set_statuses)
        if notes.add_note_action is not None:
            notes.add_note_action.triggered.connect(self._show_notes)

    def _on_finding(self, finding: Finding) -> None:
        self._w.case_notes.set_context(f"finding:{finding.id}", finding.message)

    def _on_current_stop(self, stop) -> None:
        d = stop.difference if stop is not None else None
        if d is not None:
            words = _short(d.other.text or d.base.text)
            self._w.case_notes.set_context(f"difference:{d.id}", f"{d.kind} in {d.version}: “{words}”")

    def _on_text_selected(self, version_id: str, start: int, end: int) -> None:
        text = _short(self._w.comparison.version(version_id).text[start:end])
        self._w.case_notes.set_context(f"quote:{version_id}:{start}-{end}", f"“{text}” in {version_id}")

    def _show_notes(self) -> None:
        self._w.case_notes.dock.show()
        self._w.case_notes.dock.raise_()

    def _go_to_finding(self, finding_id: str) -> None:
        c = self._w.comparison
        finding = next((f for f in c.findings if f.id == finding_id), None) if c else None
        if finding is None:
            self._w.statusBar().showMessage("That finding is not in this comparison any more.", 5000)
            return
        self._w.docks.findings.select_finding(finding_id)
        self._w.show_finding(finding)

    def _go_to_difference(self, difference_id: str) -> None:
        w = self._w
        c = w.comparison
        diff = next((d for d in c.differences if d.id == difference_id), None) if c else None
        if diff is None:
            w.statusBar().showMessage("That difference is not in this comparison any more.", 5000)
            return
        if diff.cosmetic and w.actions_.hide_cosmetic.isChecked():
            w.actions_.hide_cosmetic.setChecked(False)
        w.set_compared(diff.version)
        w.navigator.go_to_difference(diff)
