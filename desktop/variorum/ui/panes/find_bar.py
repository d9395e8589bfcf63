"""Ctrl+F: a find bar under the panes that searches every visible version at once."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from variorum.ui.panes.view import PanesView

MAX_MARKED_PER_PANE = 1000  # beyond this, matches are counted but not painted (painting them would stall)
TYPING_PAUSE_MS = 150


class FindBar(QWidget):
    message = Signal(str)

    def __init__(self, panes: PanesView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panes = panes
        self._hits: list[tuple[str, int, int]] = []
        self._index = -1

        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find in every version")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel(self)
        prev_btn, next_btn, close_btn = QToolButton(self), QToolButton(self), QToolButton(self)
        for button, label, tip in ((prev_btn, "Previous", "Previous match (Shift+Enter)"),
                                   (next_btn, "Next", "Next match (Enter)"), (close_btn, "✕", "Close (Esc)")):
            button.setText(label)
            button.setToolTip(tip)
        close_btn.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(prev_btn)
        layout.addWidget(next_btn)
        layout.addWidget(self.count)
        layout.addWidget(close_btn)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(lambda: self.search(self.edit.text()))
        self.edit.textChanged.connect(self._typing.start)
        self.edit.returnPressed.connect(self._enter)
        prev_btn.clicked.connect(self.previous)
        next_btn.clicked.connect(self.next)
        close_btn.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.edit, self.previous,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Escape"), self, self.close_bar,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        if self.edit.text():
            self.search(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        for pane in self._panes.panes():
            pane.set_search_hits([])
        self._hits = []

    def hits(self) -> list[tuple[str, int, int]]:
        """(version id, start, end) of every match, pane by pane."""
        return list(self._hits)

    def _enter(self) -> None:
        if self._typing.isActive():  # Enter right after typing: search first, then go to the first match
            self._typing.stop()
            self.search(self.edit.text())
        self.next()

    def search(self, text: str) -> None:
        self._hits, self._index = [], -1
        versions = 0
        capped = False
        for pane in self._panes.panes():
            found = pane.find_all(text)
            pane.set_search_hits(found[:MAX_MARKED_PER_PANE])
            capped = capped or len(found) > MAX_MARKED_PER_PANE
            versions += bool(found)
            self._hits.extend((pane.version_id, s, e) for s, e in found)
        if not text:
            self.count.setText("")
        elif not self._hits:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{len(self._hits)} matches in {versions} version{'s' if versions != 1 else ''}"
                               + (f" (the first {MAX_MARKED_PER_PANE} in each marked)" if capped else ""))

    def refresh(self) -> None:
        if self.isVisible() and self.edit.text():
            self.search(self.edit.text())

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self._hits:
            return
        self._index = (self._index + delta) % len(self._hits)
        vid, start, end = self._hits[self._index]
        pane = self._panes.pane(vid)
        if pane is None:
            return
        pane.select(start, end)
        self._panes.scroll_pane_into_view(vid)
        self._panes.sync_to(vid)
        self.count.setText(f"Match {self._index + 1} of {len(self._hits)} (in {vid})")
