"""The line above the notes: which case is open, and renaming or deleting it.

Deleting asks first; a deleted case and its notes stay in the store's audit log and come back with
``variorum notes cases --restore CASE_ID``. Opening the same files afterwards starts a new, empty case.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QMessageBox, QToolButton, QWidget

from variorum.core.notes import NotesError, NotesStore
from variorum.ui.widgets.elided_label import ElidedLabel


class CaseBar(QWidget):
    caseDeleted = Signal(str)  # case id
    message = Signal(str)  # for the status bar

    def __init__(self, store: NotesStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.case_id: str | None = None
        self.name_label = ElidedLabel()  # a long name is shortened, never pushing the buttons out of the dock
        self.name_label.setObjectName("caseName")
        self.rename_button = QToolButton()
        self.rename_button.setText("Rename…")
        self.rename_button.setToolTip("Give this case a name of your own")
        self.rename_button.clicked.connect(self.rename)
        self.delete_button = QToolButton()
        self.delete_button.setText("Delete case…")
        self.delete_button.setToolTip("Delete this case and its notes (they stay recoverable)")
        self.delete_button.clicked.connect(self.delete)
        row = QHBoxLayout(self)
        row.setContentsMargins(9, 0, 9, 0)  # in line with the notes panel below
        row.addWidget(self.name_label, 1)
        row.addWidget(self.rename_button)
        row.addWidget(self.delete_button)
        self.set_case(None)

    def set_case(self, case_id: str | None) -> None:
        self.case_id = case_id
        name = None
        if case_id is not None:
            try:
                name = self.store.case(case_id).name
            except NotesError:
                name = None
        self.name_label.set_full_text(f"Case: {name}" if name else "No case open")
        self.name_label.setToolTip(self.name_label.full_text())
        self.rename_button.setEnabled(name is not None)
        self.delete_button.setEnabled(name is not None)

    def rename(self) -> None:
        if self.case_id is None:
            return
        current = self.store.case(self.case_id).name
        name, ok = QInputDialog.getText(self, "Rename case", "Name of this case:", text=current)
        if not ok or not name.strip():
            return
        try:
            self.store.rename_case(self.case_id, name)
        except NotesError as exc:
            self.message.emit(f"Not renamed: {exc}")
            return
        self.set_case(self.case_id)

    def delete(self) -> None:
        if self.case_id is None:
            return
        case = self.store.case(self.case_id)
        answer = QMessageBox.question(
            self, "Delete case",
            f"Delete the case “{case.name}” and its notes?\n\nThey stay in the notes store's history: "
            f"“variorum notes cases --restore {case.id}” brings them back. Opening these files again "
            f"starts a new, empty case.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.delete_case(case.id)
        except NotesError as exc:
            self.message.emit(f"Not deleted: {exc}")
            return
        self.message.emit(f"Case “{case.name}” deleted. To restore it: variorum notes cases --restore {case.id}")
        self.caseDeleted.emit(case.id)

