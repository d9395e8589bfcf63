"""Between the notes and the rest of the window: what Ctrl+M attaches a note to, and where a note leads.

"Add note" attaches to what the user looks at: the finding last activated, the difference Alt+Down reached, or
the words just selected with the mouse. Activating a note goes back to its finding, difference or words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton

from variorum.core.model import Finding
from variorum.ui.preferences import PreferencesDialog

if TYPE_CHECKING:
    from variorum.ui.main_window import MainWindow


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class NotesLinks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._w = window
        self._on_words = False  # "Add note" attaches to words the user selected
        notes = window.case_notes
        window.navigator.currentChanged.connect(self._on_current_stop)
        window.panes.textSelected.connect(self._on_text_selected)
        window.docks.findingActivated.connect(self._on_finding)
        notes.findingRequested.connect(self._go_to_finding)
        notes.differenceRequested.connect(self._go_to_difference)
        notes.rangeRequested.connect(lambda vid, s, e: window.panes.select_ranges({vid: (s, e)}))
        notes.statusesChanged.connect(window.docks.findings.set_statuses)
        notes.marksChanged.connect(window.panes.set_note_ranges)
        findings = window.docks.findings
        findings.view.selectionModel().currentRowChanged.connect(self._on_finding_row)
        if notes.add_note_action is not None:
            notes.add_note_action.triggered.connect(self._show_notes)
            add_note = QAction("Add note…", self)
            add_note.setShortcut(notes.add_note_action.shortcut())
            add_note.setShortcutVisibleInContextMenu(True)
            add_note.triggered.connect(notes.add_note_action.trigger)
            add_note.setEnabled(notes.add_note_action.isEnabled())  # greyed out while no case is open
            notes.add_note_action.changed.connect(lambda: add_note.setEnabled(notes.add_note_action.isEnabled()))
            window.panes.context_actions.append(add_note)
            findings.context_actions.append(add_note)
            self.context_add_note = add_note

        window.actions_.preferences.triggered.connect(self.edit_preferences)
        if notes.error is not None:
            self._say_notes_unavailable(window, notes.error)

    def _say_notes_unavailable(self, window: MainWindow, error: str) -> None:
        """A lasting sign in the status bar; it and Ctrl+M show the notes panel, which says why and what to do."""
        warning = QToolButton()
        warning.setObjectName("notesWarning")
        warning.setAutoRaise(True)
        warning.setText("⚠ Notes unavailable")
        warning.setToolTip(error)
        warning.clicked.connect(self._show_notes)
        window.statusBar().addPermanentWidget(warning)
        self.warning = warning
        explain = QAction("Add note", self)
        explain.setShortcut("Ctrl+M")
        explain.triggered.connect(self._show_notes)
        explain.triggered.connect(lambda: window.statusBar().showMessage(
            "Notes cannot be added: the notes store could not be opened (see the Notes panel).", 10000))
        window.addAction(explain)

    def edit_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self._w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.authorChanged.connect(self._w.case_notes.set_author)
        dialog.open()
        return dialog

    def _on_finding_row(self, *_args) -> None:
        """A finding selected in the list (click, arrow keys, right-click) is what Ctrl+M attaches to."""
        finding = self._w.docks.findings.current_finding()
        if finding is not None:
            self._on_finding(finding)

    def _on_finding(self, finding: Finding) -> None:
        self._on_words = False
        self._w.case_notes.set_context(f"finding:{finding.id}", finding.message)

    def _on_current_stop(self, stop) -> None:
        d = stop.difference if stop is not None else None
        if stop is not None and stop.finding is not None:  # related coverage: Alt+Down goes through findings
            self._on_finding(stop.finding)
        if d is not None:
            self._on_words = False
            words = _short(d.other.text or d.base.text)
            self._w.case_notes.set_context(f"difference:{d.id}", f"{d.kind} in {d.version}: “{words}”")

    def _on_text_selected(self, version_id: str, start: int, end: int) -> None:
        full = self._w.comparison.version(version_id).text
        while start < end and full[start].isspace():  # word-wise selection takes the space after the word
            start += 1
        while end > start and full[end - 1].isspace():
            end -= 1
        if end <= start:  # the selection was cleared: a note would no longer attach to those words
            if self._on_words:
                self._on_words = False
                self._w.case_notes.set_context("case", "the case")
            return
        self._on_words = True
        text = _short(full[start:end])
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
