"""Which view the window shows (welcome or compare) and what it remembers between runs (settings)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QByteArray, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStackedWidget

from variorum.ui import settings
from variorum.ui.panes.slices import SlicedWork
from variorum.ui.window.docks import Docks
from variorum.ui.window.welcome import WelcomeView

CASE_DOCK = "shownForSomeCases"  # a dock's property: shown when the case needs it, not with the others


class WindowLayout(QObject):
    """The welcome view stands alone; the panels appear with the first case, as the user last arranged them."""

    docksShown = Signal()  # the docks are up: a dock shown only for some cases (the source) hides if need be

    def __init__(self, window: QMainWindow, stack: QStackedWidget, welcome: WelcomeView, docks: Docks,
                 hide_cosmetic: QAction) -> None:
        super().__init__(window)
        self._window, self._stack, self._welcome, self._docks = window, stack, welcome, docks
        self._hide_cosmetic = hide_cosmetic
        self._dock_state: QByteArray | None = None
        self._restored = False
        self._bringing = SlicedWork(self, slice_ms=0)  # the docks coming up after the files are opened

    def _dock_widgets(self) -> list[QDockWidget]:
        return self._window.findChildren(QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)

    def on_welcome(self) -> bool:
        return self._stack.currentWidget() is self._welcome

    def show_welcome(self) -> None:
        if not self.on_welcome():
            self._bringing.finish_now()  # the docks the user sees are those the state keeps
            self._dock_state = self._window.saveState()
            for dock in self._dock_widgets():
                dock.hide()
            self._stack.setCurrentWidget(self._welcome)
        self._welcome.open_button.setFocus()  # the keyboard starts on Open files…, Tab goes on to the demo

    def show_compare(self, *, docks_later: bool = False) -> None:
        """The compare view with its docks; ``docks_later``: the docks in the next event-loop turn (files were
        opened: the turn that takes them starts their reading and comparing, and showing every dock with the view
        there too held the window for 25-40 ms)."""
        if not self.on_welcome():
            return
        self._stack.setCurrentIndex(1)
        self._docks.findings.view.setFocus()  # not left on the hidden welcome view: the findings are read first
        if docks_later:
            self._bringing.start(self._showing_docks(), first=True)  # before the panes' filling goes on
        else:
            for _ in self._showing_docks():
                pass

    def _showing_docks(self) -> Iterator[None]:
        """The docks as the user last arranged them, else all of them but those a case shows only when it needs
        them (``CASE_DOCK``), findings in front, each in a turn of its own (each holds the window 2-7 ms: all at
        once, 25-30 ms); on a first start, sizes that suit the window a turn later, once it has its size."""
        if self._dock_state is not None:
            self._window.restoreState(self._dock_state)
        else:
            findings = self._docks.findings_dock
            others = [d for d in self._dock_widgets() if d is not findings and not d.property(CASE_DOCK)]
            for dock in [findings, *others]:
                dock.show()
                findings.raise_()  # a dock shown in its tab group takes the front; findings are read first
                yield
        self.docksShown.emit()
        if not self._restored:  # first start: sizes that suit the window, once it has its size
            self._restored = True
            yield
            QTimer.singleShot(0, self, lambda: self._docks.default_sizes(self._window))

    def restore(self) -> None:
        geometry = settings.get(settings.WINDOW_GEOMETRY)
        if geometry is not None:
            self._window.restoreGeometry(geometry)
        state = settings.get(settings.WINDOW_STATE)
        self._restored = state is not None and self._window.restoreState(state)
        self._dock_state = self._window.saveState() if self._restored else None
        for dock in self._dock_widgets():  # the window opens on the welcome view
            dock.hide()
        self._welcome.open_button.setFocus()
        self._hide_cosmetic.setChecked(settings.get(settings.HIDE_COSMETIC))

    def save(self) -> None:
        self._bringing.finish_now()
        settings.put(settings.WINDOW_GEOMETRY, self._window.saveGeometry())
        state = self._dock_state if self.on_welcome() else self._window.saveState()
        if state is not None:
            settings.put(settings.WINDOW_STATE, state)
        settings.put(settings.HIDE_COSMETIC, self._hide_cosmetic.isChecked())
