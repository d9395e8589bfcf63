"""A finding in full, in a window of its own: for messages and evidence too long for the details under the list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class FindingView(QDialog):
    """Read-only, wrapping and selectable; as tall as its text needs, up to most of the window."""

    def __init__(self, parent: QWidget, title: str, html: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        window = parent.window()
        width = min(720, max(360, int(window.width() * 0.6)))
        self.browser.document().setTextWidth(width - 40)
        needed = int(self.browser.document().size().height()) + 60 + buttons.sizeHint().height()
        self.resize(width, min(needed, int(window.height() * 0.85)))
