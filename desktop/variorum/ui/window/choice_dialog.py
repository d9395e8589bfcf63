"""A list to choose some of many items from, by keyboard or mouse: the pages of a web archive, the files of a
large folder.

Typing filters the items by their first column (the focus stays in the filter box); the arrow keys move through
the list, Space checks or unchecks an item, Enter opens the checked items (or, with none checked, the
highlighted ones: Ctrl and Shift highlight several, Ctrl+A in the list all that the filter shows), Esc opens
nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
    QVBoxLayout,
    QWidget,
)

from variorum.ui.row_list import row_list

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # what an item stands for (an address, a path)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# keys the filter box passes to the list: moving through it from the box, without leaving the box
_MOVES = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


@dataclass(frozen=True)
class Row:
    """One item: its key, what each column shows (a number is shown, sorted and aligned as one), and what each
    column sorts by when that is not what it shows (None: what it shows)."""

    key: str
    cells: tuple[str | int, ...]
    sort: tuple[object, ...] | None = None


@dataclass(frozen=True)
class Wording:
    """How the dialog speaks of its items: "page" / "pages", and what Space does."""

    one: str
    many: str
    filter_hint: str


def _items(row: Row, checked: bool) -> list[QStandardItem]:
    cells = []
    for column, value in enumerate(row.cells):
        cell = QStandardItem()
        cell.setData(value, Qt.ItemDataRole.DisplayRole)
        cell.setEditable(False)
        cell.setData(row.key, KEY_ROLE)
        sort = row.sort[column] if row.sort is not None else None
        cell.setData(value if sort is None else sort, SORT_ROLE)
        if isinstance(value, int):
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        cells.append(cell)
    cells[0].setCheckable(True)
    cells[0].setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    cells[0].setToolTip(str(row.cells[0]))
    return cells


class ChoiceDialog(QDialog):
    """Items to choose from; :meth:`chosen` gives the keys of the chosen ones (at most ``most``, when given)."""

    def __init__(self, title: str, intro: str, columns: Sequence[str], rows: Sequence[Row], wording: Wording, *,
                 preselected: Sequence[str] = (), sort_column: int = 0, most: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wording = wording
        self._most = most
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(wording.filter_hint)
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, len(columns), self)
        self.model.setHorizontalHeaderLabels(list(columns))
        chosen = set(preselected)
        for row in rows:
            self.model.appendRow(_items(row, row.key in chosen))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = row_list(self.proxy, self, QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.filter.textChanged.connect(self._on_filter)
        self.filter.installEventFilter(self)
        self.view.installEventFilter(self)
        self.model.itemChanged.connect(self._update)
        self.view.selectionModel().selectionChanged.connect(self._update)
        self._go_to(next((r for r in range(self.proxy.rowCount()) if self._key_at(r) in chosen), 0))
        self._update()
        self.resize(860, 420)
        self.filter.setFocus()

    # --- what is chosen ----------------------------------------------------------------------------------------
    def checked(self) -> list[str]:
        """The keys of the checked items, in the order given (a filter hides none of them)."""
        return [self.model.item(r).data(KEY_ROLE) for r in range(self.model.rowCount())
                if self.model.item(r).checkState() == Qt.CheckState.Checked]

    def chosen(self) -> list[str]:
        """The items to open: the checked ones, else the highlighted ones that the filter shows."""
        return self.checked() or self._highlighted()

    def _highlighted(self) -> list[str]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self._key_at(r) for r in rows]

    def accept(self) -> None:
        if self.open_button.isEnabled():  # Enter with too many (or none) chosen does nothing
            super().accept()

    # --- keys and filter ---------------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if obj is self.filter and key in _MOVES:
            QApplication.sendEvent(self.view, QKeyEvent(event.type(), key, event.modifiers(), event.text()))
            return True
        if key == Qt.Key.Key_Space and (obj is self.filter or obj is self.view):
            self._toggle_current()  # Space in the filter box checks the item, as in the list
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
        self._go_to(current.row() if current.isValid() else 0)  # the item Space and Enter act on is highlighted
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

    def _key_at(self, row: int) -> str:
        return self.proxy.index(row, 0).data(KEY_ROLE)

    def _count(self, n: int) -> str:
        return f"{n} {self._wording.one if n == 1 else self._wording.many}"

    def _update(self, *_args: object) -> None:
        checked = self.checked()  # one pass over the items (a folder may list thousands)
        n = len(checked or self._highlighted())
        too_many = self._most is not None and n > self._most
        self.open_button.setText(f"Open {self._count(n)}" if n else "Open")
        self.open_button.setEnabled(bool(n) and not too_many)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        parts = [f"{shown} of {total} {self._wording.many} shown" if shown < total else self._count(total)]
        highlighted = self._wording.one if n == 1 else self._wording.many
        parts.append(f"{len(checked)} checked" if checked else f"none checked: Enter opens the highlighted {highlighted}")
        visible = {self._key_at(r) for r in range(shown)}
        hidden = sum(1 for key in checked if key not in visible)
        if hidden:
            parts.append(f"{hidden} of them hidden by the filter")
        text = "; ".join(parts) + f". Space checks a {self._wording.one}."
        if too_many:
            text += f" At most {self._most} can be opened: {n} are chosen."
        self.status.setText(text)
