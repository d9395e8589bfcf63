"""Help → Keyboard shortcuts and Help → About."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from variorum import about

SHORTCUTS = (
    ("Alt+Down / Alt+Up", "next / previous difference, in every pane"),
    ("Alt+Down / Alt+Up in the variant table", "next / previous variation place, in every pane"),
    ("Ctrl+PgDown / Ctrl+PgUp", "compare the next / previous version with the base"),
    ("Ctrl+F", "find in every version (Enter: next match, Shift+Enter: previous)"),
    ("Ctrl+H", "hide or show cosmetic differences"),
    ("Ctrl+M", "add a note to the current finding, difference or selected words"),
    ("Ctrl+Z in the Notes panel", "undo the last note change (also Edit → Undo …)"),
    ("Right-click words or a finding", "Add note… to them"),
    ("Ctrl+O / Ctrl+Shift+V", "add files / add the clipboard's text as a version"),
    ("Ctrl+E", "export a report"),
    ("Ctrl+Shift+C", "copy the selected finding as a citation: file, SHA-256, character range, quoted words"),
    ("Ctrl+I", "show the selected finding in full, every piece of evidence included"),
    ("Alt+Shift+Up / Alt+Shift+Down", "move the selected version up / down in the list"),
    ("Ctrl+B / Space in the version list", "use the selected version as base / hide or show it"),
    ("F6 / Shift+F6", "move to the next / previous panel (texts, versions, findings, metadata, notes)"),
    ("Tab / Shift+Tab", "move between the controls of a panel; in a text, Shift+arrows select words"),
    ("Click a highlight or a finding", "select it and its counterparts in every pane"),
)


def show_shortcuts(parent: QWidget) -> None:
    table = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in SHORTCUTS)
    QMessageBox.information(parent, "Keyboard shortcuts", f"<table>{table}</table>")


def about_html(settings_place: str) -> str:
    """The About box's text: version, what Variorum promises, where its data lives, the libraries' licences."""
    from variorum.core.notes.paths import store_path
    from variorum.logs import log_path

    rows = "".join(
        f"<tr><td>{html.escape(lib.name)}&nbsp;</td><td>{html.escape(lib.version or 'not installed')}&nbsp;</td>"
        f"<td>{html.escape(lib.licence)}&nbsp;</td><td>{html.escape(lib.purpose)}</td></tr>"
        for lib in about.libraries())
    qt_dir = about.qt_library_dir()
    places = (("Notes", str(store_path())), ("Settings", settings_place), ("Log", str(log_path())))
    where = "".join(f"<tr><td><b>{k}</b>&nbsp;</td><td>{html.escape(v)}</td></tr>" for k, v in places)
    return (f"<h3>Variorum {html.escape(about.version())}</h3>"
            "<p>Compare versions of a news article side by side, see what changed word by word, and flag the "
            "discrepancies a fact-checker needs to explain. Variorum never connects to the network. "
            "It is free software under the MIT licence.</p>"
            f"<h4>Where your data lives</h4><table>{where}</table>"
            f"<h4>Libraries</h4><table>{rows}</table>"
            f"<p>{html.escape(about.QT_NOTICE.format(qt_dir=qt_dir or 'the PySide6 package'))}</p>")


class AboutDialog(QDialog):
    """Help → About: a scrollable page, so the library list never pushes the window off the screen."""

    def __init__(self, parent: QWidget | None, settings_place: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Variorum")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setHtml(about_html(settings_place))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.text)
        column.addWidget(buttons)
        self.resize(720, 560)


def show_about(parent: QWidget, settings_place: str) -> AboutDialog:
    dialog = AboutDialog(parent, settings_place)
    dialog.open()
    return dialog
