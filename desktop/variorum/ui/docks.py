"""The dockable panels around the panes: versions, findings, metadata (and notes, when present)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QWidget

from variorum.core.model import Comparison
from variorum.ui.version_list import VersionListWidget


class _Placeholder(QLabel):
    """Stands in for a panel this build does not have yet."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setEnabled(False)

    def set_comparison(self, _comparison) -> None:
        pass


class Docks(QObject):
    findingActivated = Signal(object)  # a Finding

    def __init__(self, window: QMainWindow, view_menu: QMenu) -> None:
        super().__init__(window)
        self.versions = VersionListWidget()
        self.findings = _Placeholder("Findings appear here.")
        self.metadata = _Placeholder("Metadata appears here.")
        self.version_dock = self._dock(window, view_menu, "Versions", "versionsDock", self.versions,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.findings_dock = self._dock(window, view_menu, "Findings", "findingsDock", self.findings,
                                        Qt.DockWidgetArea.LeftDockWidgetArea)
        self.metadata_dock = self._dock(window, view_menu, "Metadata", "metadataDock", self.metadata,
                                        Qt.DockWidgetArea.BottomDockWidgetArea)
        window.resizeDocks([self.version_dock], [330], Qt.Orientation.Horizontal)
        window.resizeDocks([self.metadata_dock], [170], Qt.Orientation.Vertical)

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
        return [self.versions.view.viewport()]

    def set_comparison(self, comparison: Comparison | None, colours: dict[str, QColor]) -> None:
        self.versions.set_comparison(comparison, colours)
        self.findings.set_comparison(comparison)
        self.metadata.set_comparison(comparison)
