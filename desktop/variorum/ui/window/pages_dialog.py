"""Which pages of a web archive to open: asked when an archive of many pages is opened or dropped.

The pages are listed with how often and when each was captured. Typing filters them by address (the focus stays
in the filter box); the arrow keys move through the list, Space checks or unchecks a page, Enter opens the checked
pages (or, with none checked, the highlighted ones: Ctrl and Shift highlight several), Esc opens nothing of the
archive.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from variorum.core.load.archive_choice import ArchivePage

COLUMNS = ("Page", "Captures", "First captured", "Last captured")
URL_ROLE = Qt.ItemDataRole.UserRole + 1
# keys the filter box passes to the list: moving through it from the box, without leaving the box
_MOVES = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


def shown_time(time: str | None) -> str:
    """``2024-03-01T09:00:00Z`` as ``2024-03-01 09:00 UTC``."""
    if not time:
        return "undated"
    return time[:16].replace("T", " ") + (" UTC" if time.endswith("Z") else "")


def _row(page: ArchivePage, checked: bool) -> list[QStandardItem]:
    cells = [QStandardItem(page.url), QStandardItem(), QStandardItem(shown_time(page.first)),
             QStandardItem(shown_time(page.last))]
    cells[0].setCheckable(True)
    cells[0].setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    cells[0].setToolTip(page.url)
    cells[1].setData(page.captures, Qt.ItemDataRole.DisplayRole)  # sorts as a number
    cells[1].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    cells[2].setData(page.first or "", Qt.ItemDataRole.UserRole)
    for cell in cells:
        cell.setEditable(False)
        cell.setData(page.url, URL_ROLE)
    return cells


class PagesDialog(QDialog):
    """The pages of one web archive to choose from; :meth:`chosen` gives the addresses of the chosen ones."""

    def __init__(self, archive: Path, pages: Sequence[ArchivePage], preselected: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Pages of {archive.name}")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        captures = sum(p.captures for p in pages)
        intro = QLabel(f"<b>{archive.name}</b> holds {captures} captures of {len(pages)} different pages. "
                       "Choose the pages to compare: each capture of a chosen page opens as a version.", self)
        intro.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Type to filter the pages by address")
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        for page in pages:
            self.model.appendRow(_row(page, page.url in preselected))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # in order of first capture
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.proxy.setSortRole(Qt.ItemDataRole.DisplayRole)
        self.filter.textChanged.connect(self._on_filter)
        self.filter.installEventFilter(self)
        self.view.installEventFilter(self)
        self.model.itemChanged.connect(self._update)
        self.view.selectionModel().selectionChanged.connect(self._update)
        self._go_to(next((r for r in range(self.proxy.rowCount()) if self._url_at(r) in preselected), 0))
        self._update()
        self.resize(860, 420)
        self.filter.setFocus()

    # --- what is chosen ----------------------------------------------------------------------------------------
    def checked(self) -> list[str]:
        """The addresses of the checked pages, in the archive's order (a filter hides none of them)."""
        return [self.model.item(r).data(URL_ROLE) for r in range(self.model.rowCount())
                if self.model.item(r).checkState() == Qt.CheckState.Checked]

    def chosen(self) -> list[str]:
        """The pages to open: the checked ones, else the highlighted ones that the filter shows."""
        checked = self.checked()
        if checked:
            return checked
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self._url_at(r) for r in rows]

    # --- keys and filter ---------------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if obj is self.filter and key in _MOVES:
            QApplication.sendEvent(self.view, QKeyEvent(event.type(), key, event.modifiers(), event.text()))
            return True
        if key == Qt.Key.Key_Space and (obj is self.filter or obj is self.view):
            self._toggle_current()  # addresses hold no spaces: Space in the filter box checks the page
            return True
        if obj is self.view and event.text().isprintable() and event.text().strip() \
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self.filter.setFocus()  # typing in the list filters it, as typing in the box does
            self.filter.insert(event.text())
            return True
        return False

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        current = self.view.currentIndex()
        self._go_to(current.row() if current.isValid() else 0)  # the page Space and Enter act on is highlighted
        self._update()

    def _toggle_current(self) -> None:
        current = self.view.currentIndex()
        if not current.isValid():
            return
        item = self.model.itemFromIndex(self.proxy.mapToSource(current.siblingAtColumn(0)))
        item.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                           else Qt.CheckState.Checked)

    def _go_to(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(index)

    def _url_at(self, row: int) -> str:
        return self.proxy.index(row, 0).data(URL_ROLE)

    def _update(self, *_args: object) -> None:
        chosen = self.chosen()
        n = len(chosen)
        self.open_button.setText(f"Open {n} page{'s' if n != 1 else ''}" if n else "Open")
        self.open_button.setEnabled(bool(n))
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        checked = len(self.checked())
        parts = [f"{shown} of {total} pages shown" if shown < total else f"{total} pages"]
        parts.append(f"{checked} checked" if checked else "none checked: Enter opens the highlighted page")
        hidden = checked - sum(1 for r in range(shown) if self._url_at(r) in self.checked())
        if hidden:
            parts.append(f"{hidden} of them hidden by the filter")
        self.status.setText("; ".join(parts) + ". Space checks a page.")
