"""Edit → Preferences…: the name written as the author of new notes and in their history.

It defaults to the operating-system user (or ``$VARIORUM_AUTHOR``); a name set here is kept in the settings
and used from then on. Left empty, the default applies again.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from variorum.core.notes import default_author
from variorum.ui import settings


def note_author() -> str:
    """The author for new notes: the name set in Preferences, else the OS user."""
    return settings.get(settings.AUTHOR) or default_author()


class PreferencesDialog(QDialog):
    authorChanged = Signal(str)  # the author now in effect

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.author_edit = QLineEdit(settings.get(settings.AUTHOR))
        self.author_edit.setPlaceholderText(default_author())
        self.author_edit.setAccessibleName("Author of notes")
        hint = QLabel("Written on every note you add or change, and in its history. "
                      "Leave empty to use your user name on this computer.")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        form = QFormLayout(self)
        form.addRow("Author of notes:", self.author_edit)
        form.addRow(hint)
        form.addRow(buttons)
        self.resize(420, self.sizeHint().height())

    def accept(self) -> None:
        settings.put(settings.AUTHOR, self.author_edit.text().strip())
        self.authorChanged.emit(note_author())
        super().accept()
