"""F6 / Shift+F6: move the keyboard focus from panel to panel (the texts, versions, findings, metadata, notes).

Tab walks every control of a panel; F6 jumps to the next panel as a whole, landing on its main list or on the
text of the version being read, so a keyboard user crosses the window in a few presses.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

# A panel: its name, the widget that holds it (focus inside means "in this panel") and where focus lands.
Panel = tuple[str, QWidget, Callable[[], QWidget | None]]


class PanelFocus(QObject):
    def __init__(self, window: QMainWindow, menu: QMenu, panels: Callable[[], list[Panel]],
                 say: Callable[[str], None]) -> None:
        super().__init__(window)
        self._panels, self._say = panels, say
        self.next_panel = QAction("Next &panel", window)
        self.next_panel.setShortcut(QKeySequence(Qt.Key.Key_F6))
        self.previous_panel = QAction("Previous pa&nel", window)
        self.previous_panel.setShortcut(QKeySequence("Shift+F6"))
        for action, step in ((self.next_panel, +1), (self.previous_panel, -1)):
            action.setStatusTip("Move the keyboard focus to the " + ("next" if step > 0 else "previous") + " panel")
            action.triggered.connect(lambda _=False, s=step: self.step(s))
            window.addAction(action)  # works wherever the focus is
            menu.addAction(action)

    def shown(self) -> list[Panel]:
        """The panels a user can see now, in order."""
        return [p for p in self._panels() if p[1].isVisible() and p[2]() is not None]

    def current(self) -> int:
        """Index in :meth:`shown` of the panel holding the focus, or -1."""
        focus = QApplication.focusWidget()
        for i, (_name, holder, _target) in enumerate(self.shown()):
            if focus is not None and (focus is holder or holder.isAncestorOf(focus)):
                return i
        return -1

    def step(self, delta: int) -> str | None:
        """Focus the next (+1) or previous (-1) panel; its name, or None when no panel is shown."""
        panels = self.shown()
        if not panels:
            return None
        index = self.current()
        index = (index + delta) % len(panels) if index >= 0 else (0 if delta > 0 else len(panels) - 1)
        name, _holder, target = panels[index]
        widget = target()
        if widget is None:
            return None
        widget.setFocus(Qt.FocusReason.TabFocusReason if delta > 0 else Qt.FocusReason.BacktabFocusReason)
        self._say(f"{name} panel")
        return name
