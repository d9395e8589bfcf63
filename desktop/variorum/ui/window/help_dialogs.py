"""Help → Keyboard shortcuts and Help → About."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from variorum import __version__

SHORTCUTS = (
    ("Alt+Down / Alt+Up", "next / previous difference, in every pane"),
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


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, "About Variorum",
                      f"<h3>Variorum {__version__}</h3><p>Compare versions of a news article side by side, see what "
                      "changed word by word, and flag the discrepancies a fact-checker needs to explain.</p>"
                      "<p>Variorum never connects to the network.</p>")
