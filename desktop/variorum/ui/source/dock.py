"""The Source dock: follows the case (which versions have an original), the compared version, the current
difference and the selected finding."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, SignalInstance
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from variorum.core.model import Finding
from variorum.ui.panes.highlights import Stop
from variorum.ui.session import Session
from variorum.ui.source.pages import has_source
from variorum.ui.source.view import SourceView
from variorum.ui.window.window_layout import CASE_DOCK


class SourceDock(QObject):
    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.view = SourceView()
        self.dock = QDockWidget("Source", window)
        self.dock.setObjectName("sourceDock")  # saveState/restoreState need it
        self.dock.setWidget(self.view)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetClosable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()  # shown when the case comes to hold a PDF or an image, hidden when it holds none
        self.dock.setProperty(CASE_DOCK, True)  # so not shown with the other docks on a first start
        action = self.dock.toggleViewAction()
        action.setText("&Source")
        action.setStatusTip("Show the original page of a PDF or image version, the selected words boxed")
        menu.addAction(action)
        self._to_widen = False  # the dock has just been shown for a case's originals
        self._sources: frozenset[str] = frozenset()  # the PDF and image versions the dock was last shown for
        self._following = False  # follow() has been given the session
        self._window = window
        window.installEventFilter(self)  # the original is let go when the window closes

    def follow(self, session: Session, current_stop: SignalInstance, finding_activated: SignalInstance,
               comparison_shown: SignalInstance) -> None:
        """Follow the case, the current difference (a Stop), the activated finding; widen the dock it shows
        once the comparison is on screen (the panes have their sizes then)."""
        self._session = session
        self._following = True
        comparison_shown.connect(self._widen)
        session.comparisonChanged.connect(self._on_versions)
        session.versionsChanged.connect(self._on_versions)
        session.currentChanged.connect(self._on_compared)
        session.closed.connect(self._on_closed)
        current_stop.connect(self._on_stop)
        finding_activated.connect(self._on_finding)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        """The window closed (or hidden by the program, not minimised): the PDF shown is closed; shown again:
        the original is opened again."""
        if obj is self._window and not event.spontaneous():
            if event.type() == QEvent.Type.Hide:
                self.view.set_versions([])
            elif event.type() == QEvent.Type.Show and self._following:
                self._on_versions()
        return super().eventFilter(obj, event)

    def _preferred(self) -> list[str]:
        c = self._session.comparison
        return [vid for vid in (self._session.compared, c.base if c else None) if vid]

    def _on_versions(self) -> None:
        versions = self._session.versions
        self.view.set_versions(versions, self._preferred() if self.view.version_id is None else ())
        sources = frozenset(v.id + v.sha256 for v in versions if has_source(v))
        if not sources:  # nothing to show: the texts keep the room
            self.dock.hide()
        elif sources != self._sources:  # a user's choice to close the dock holds until the originals change
            self.dock.show()
            self._to_widen = True
        self._sources = sources

    def docks_shown(self) -> None:
        """The window brought its docks up (this one among them, as the user last left it, or with the others on
        a first start): hidden again while the case holds no PDF or image."""
        if not self._sources:
            self.dock.hide()

    def _widen(self) -> None:
        """Room to read the page beside the texts: a third of the window."""
        window = self.dock.parentWidget()
        if not self._to_widen:
            return
        self._to_widen = False
        if isinstance(window, QMainWindow) and self.dock.isVisible() and not self.dock.isFloating():
            window.resizeDocks([self.dock], [max(360, window.width() // 3)], Qt.Orientation.Horizontal)

    def _on_closed(self) -> None:
        self._sources = frozenset()
        self.view.set_versions([])

    def _on_compared(self) -> None:
        compared = self._session.compared
        if compared:
            self.view.show_version(compared)

    def _on_stop(self, stop: Stop | None) -> None:
        c = self._session.comparison
        if stop is None or c is None:
            return
        if stop.finding is not None:
            self._on_finding(stop.finding)
            return
        d = stop.difference
        if d is None:
            return
        spans = {d.version: [(d.other.start, d.other.end)]}
        if c.base:
            spans[c.base] = [(d.base.start, d.base.end)]
        self.view.show_spans(spans)

    def _on_finding(self, finding: Finding) -> None:
        spans: dict[str, list[tuple[int, int]]] = {}
        for e in finding.evidence:
            spans.setdefault(e.version, []).append((e.start, e.end))
        if self.view.version_id not in spans:
            shown = next((vid for vid in spans if self.view.choice.findData(vid) >= 0), None)
            if shown is not None:
                self.view.show_version(shown)
        self.view.show_spans(spans)
