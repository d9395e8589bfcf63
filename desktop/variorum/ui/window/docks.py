"""The dockable panels around the panes: versions, findings, metadata, variants (and notes, when present)."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from itertools import chain

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from variorum.core.model import Comparison
from variorum.ui.findings.panel import FindingsPanel
from variorum.ui.metadata.table import MetadataTable
from variorum.ui.panes.slices import SlicedWork
from variorum.ui.session import Session
from variorum.ui.variants.panel import VariantsPanel
from variorum.ui.versions.panel import VersionListWidget

_DONE = object()  # what a finished sequence of steps gives


class Docks(QObject):
    findingActivated = Signal(object)  # a Finding
    placeActivated = Signal(object)  # a variation Place
    detailsShown = Signal()  # findings, metadata and variants show ``details_for``, the session's comparison

    def __init__(self, window: QMainWindow, view_menu: QMenu, session: Session) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._details_for: weakref.ref[Comparison] | None = None  # the comparison whose details are drawn
        self._fitted: tuple[int, bool] | None = None  # (version rows, metadata empty) the docks were sized for
        self._details = SlicedWork(self, slice_ms=0)  # findings, metadata, variants: a panel per turn
        self._sizing = SlicedWork(self, slice_ms=0)  # the docks' sizes once the files are read
        self.versions = VersionListWidget(session)
        self.findings = FindingsPanel(session)
        self.metadata = MetadataTable(session)
        self.version_dock = self._dock(window, view_menu, "Versions", "versionsDock", self.versions,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.findings_dock = self._dock(window, view_menu, "Findings", "findingsDock", self.findings,
                                        Qt.DockWidgetArea.LeftDockWidgetArea)
        self.metadata_dock = self._dock(window, view_menu, "Metadata", "metadataDock", self.metadata,
                                        Qt.DockWidgetArea.BottomDockWidgetArea)
        self.variants = VariantsPanel(session)
        self.variants_dock = self._dock(window, view_menu, "Variants", "variantsDock", self.variants,
                                        Qt.DockWidgetArea.LeftDockWidgetArea)
        window.splitDockWidget(self.version_dock, self.findings_dock, Qt.Orientation.Vertical)
        self.findings.findingActivated.connect(self.findingActivated)
        self.variants.placeActivated.connect(self.placeActivated)
        self.variants_dock.visibilityChanged.connect(self._on_variants_visibility)

    def _on_variants_visibility(self, shown: bool) -> None:
        if shown:  # its tab comes to the front (or the dock is opened): the table waiting for it is filled
            self.variants.fill_pending()

    def arrange(self, window: QMainWindow, beside_findings: list[QDockWidget]) -> None:
        """A left column (versions over findings, with notes and the variants in tabs beside findings), metadata
        below the panes."""
        for dock in [*beside_findings, self.variants_dock]:
            window.tabifyDockWidget(self.findings_dock, dock)
        self.findings_dock.raise_()

    def default_sizes(self, window: QMainWindow) -> None:
        """Sizes that suit a first start (applied once the window has its size)."""
        height = window.height()
        window.resizeDocks([self.version_dock], [min(400, window.width() // 4)], Qt.Orientation.Horizontal)
        window.resizeDocks([self.metadata_dock], [max(150, height // 5)], Qt.Orientation.Vertical)
        window.resizeDocks([self.version_dock, self.findings_dock], [200, max(200, height - 300)],
                           Qt.Orientation.Vertical)

    @staticmethod
    def _dock(window: QMainWindow, menu: QMenu, title: str, name: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, window)
        dock.setObjectName(name)  # saveState/restoreState need it
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        window.addDockWidget(area, dock)
        menu.addAction(dock.toggleViewAction())
        return dock

    def drop_targets(self) -> list[QWidget]:
        """Children that accept drops of their own; file drops on them must still open files."""
        return [self.versions.view.viewport(), self.findings.search, self.findings.view.viewport(),
                self.metadata.view.viewport()]

    @property
    def details_for(self) -> Comparison | None:
        """The comparison whose findings, metadata and variants are drawn (if it is still the session's)."""
        return self._details_for() if self._details_for is not None else None

    def follow(self) -> None:
        """Show the session's case: each panel drawn in an event-loop turn of its own once a comparison arrives
        (the version list first, then findings, metadata and variants), and what changes after."""
        session = self._session
        session.comparisonChanged.connect(self._on_comparison)
        session.versionsChanged.connect(lambda: self.set_visible_ids(session.visible_ids()))
        session.currentChanged.connect(self._show_compared)
        session.closed.connect(self._on_closed)

    def _on_comparison(self) -> None:
        s = self._session
        if s.is_final():
            self._details.start(self._showing_details())
        elif s.comparison is not None:
            self._sizing.start(self._taking_sizes(), first=True)  # before the panes' filling goes on

    def _on_closed(self) -> None:
        self._details.cancel()
        self._sizing.cancel()
        self._details_for = None

    def _showing_versions(self) -> None:
        self.versions.redraw()
        self._show_compared()

    def _taking_sizes(self) -> Iterator[None]:
        """The files are read and compared meanwhile: the version list shows them, and what metadata they carry
        is known, so the docks take their sizes now, before the panes get their texts, not after (when every
        pane would be laid out and painted again at its new height). Each in a turn of its own, ahead of the
        panes' filling: the version list and the metadata table each hold the window for a while when the
        comparison is running beside them."""
        self._showing_versions()
        yield
        if self._session.comparison is None:
            return
        self.metadata.redraw()  # the files' metadata (the same once they are compared)
        yield
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the panel's new shape first
        self.fit_to_content()
        yield

    def _showing_details(self) -> Iterator[None]:
        """The version list, findings, metadata, the variant table, then its other views: each a step of sliced
        work (the window repaints and takes input in between, and the panes' own filling takes turns with them),
        so a large comparison never holds the window for all of them at once. Each reads the session's
        comparison when its turn comes; a newer one (or none) starts the steps again."""
        s = self._session
        shown = weakref.ref(s.comparison) if s.comparison is not None else None

        def metadata() -> Iterator[None]:
            self.metadata.redraw()
            self.set_visible_ids(s.visible_ids())
            yield
            self.fit_to_content()
            yield

        def views() -> Iterator[None]:
            yield from self.variants.redrawing_views()
            self._details_for = shown
            self.detailsShown.emit()

        def once(step: Callable[[], None]) -> Iterator[None]:
            step()
            yield

        steps = chain(once(self._showing_versions), self.findings.redrawing(), metadata(), once(self.variants.redraw_table), views())
        yield  # from the next turn on: the panes show the comparison first
        while shown is not None and shown() is s.comparison:  # else another comparison (or none) is on show now
            if next(steps, _DONE) is _DONE:
                return
            yield

    def fit_to_content(self) -> None:
        """The version list as tall as its rows (up to 40% of the window); an empty metadata panel as small as
        its one-line message, a filled one back to a useful height."""
        window = self._window
        view = self.versions.view
        rows = self.versions.model.rowCount()
        row_height = max(view.sizeHintForRow(0), 16) if rows else 0
        wanted = (self.versions.toolbar.sizeHint().height() + view.header().sizeHint().height() + rows * row_height
                  + 2 * view.frameWidth() + 12 + self._title_height(self.version_dock))
        fitted = (rows, self.metadata.is_empty())
        if fitted == self._fitted:
            return  # the same shape as last time: keep what the user may have dragged since
        self._fitted = fitted
        if self.version_dock.isVisible() and self.findings_dock.isVisible():
            wanted = min(wanted, int(window.height() * 0.4))
            window.resizeDocks([self.version_dock], [wanted], Qt.Orientation.Vertical)
        if self.metadata_dock.isVisible():
            if self.metadata.is_empty():
                height = self.metadata.hint.sizeHint().height() + self._title_height(self.metadata_dock) + 6
            else:
                height = max(150, window.height() // 5)
            window.resizeDocks([self.metadata_dock], [height], Qt.Orientation.Vertical)

    @staticmethod
    def _title_height(dock: QDockWidget) -> int:
        return dock.height() - dock.widget().height() if dock.widget().height() else 24

    def _show_compared(self) -> None:
        if self._session.compared:
            self.versions.set_current(self._session.compared)

    def set_visible_ids(self, ids: list[str]) -> None:
        self.metadata.set_visible_ids(ids)
