"""The variant table's rows: one per variation place, with a filter for substantive/cosmetic, kind, and "where one
version differs from all others"."""

from __future__ import annotations

import bisect

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from variorum.core.model import Comparison, Place
from variorum.ui.textpos import TextPositions

COLUMNS = ("#", "Position", "Readings (grouped)", "Differ", "Kind")
PLACE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def kind_of(place: Place) -> str:
    return "cosmetic" if place.cosmetic else place.kind


class PlacesModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._places: tuple[Place, ...] = ()
        self._labels: dict[str, str] = {}
        self._lines: list[int] = []
        self._keys: list[tuple] = []  # per row, the sort key of each column

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._places = comparison.places if comparison else ()
        self._labels = {v.id: v.id for v in comparison.versions} if comparison else {}
        base = comparison.base_version if comparison else None
        text = base.text if base else ""
        starts = TextPositions(text).block_starts  # where each line starts
        self._lines = [bisect.bisect_right(starts, p.start) for p in self._places]
        self._keys = [(row, self._lines[row] * 10**9 + p.start, p.grouped(self._labels), len(p.differing),
                       kind_of(p)) for row, p in enumerate(self._places)]
        self.endResetModel()

    def sort_key(self, row: int, column: int):
        """What the table sorts ``column`` by, for the place in ``row``."""
        return self._keys[row][column]

    def places(self) -> tuple[Place, ...]:
        return self._places

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._places)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        p = self._places[row]
        if role == PLACE_ROLE:
            return p
        if role == SORT_ROLE:
            return self._keys[row][col]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(row + 1)
            if col == 1:
                return f"line {self._lines[row]} · {p.start}–{p.end}"
            if col == 2:
                return " | ".join(f"{', '.join(r.versions)}: {' '.join(r.text.split())[:80] or '(absent)'}"
                                  for r in p.readings)
            if col == 3:
                return str(len(p.differing))
            return kind_of(p) + (f" · {len(p.findings)} finding" + "s" * (len(p.findings) > 1) if p.findings
                                 else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{', '.join(r.versions)}: {r.text.strip() or '(absent)'}" for r in p.readings)
        return None


class PlacesFilter(QSortFilterProxyModel):
    """Which places show: ``show`` is "all", "substantive" or "cosmetic"; ``kind`` a place kind or "";
    ``alone`` a version id (only places where it reads differently from every other version) or ""."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.show = "substantive"
        self.kind = ""
        self.alone = ""
        self.setSortRole(SORT_ROLE)

    def set_filter(self, *, show: str | None = None, kind: str | None = None, alone: str | None = None) -> None:
        self.beginFilterChange()
        self.show = self.show if show is None else show
        self.kind = self.kind if kind is None else kind
        self.alone = self.alone if alone is None else alone
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        p: Place = (model.places()[row] if isinstance(model, PlacesModel)
                    else model.index(row, 0, parent).data(PLACE_ROLE))
        if self.show == "substantive" and p.cosmetic or self.show == "cosmetic" and not p.cosmetic:
            return False
        if self.kind and p.kind != self.kind:
            return False
        return not self.alone or p.alone(self.alone)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by "#" upwards is the places' own order: kept as it is, without the n·log n comparisons in
        Python a sort makes (half the time of showing a large comparison's table)."""
        if column == 0 and order == Qt.SortOrder.AscendingOrder:
            column = -1
        super().sort(column, order)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if isinstance(model, PlacesModel):  # straight from the model: sorting calls this n·log n times
            return model.sort_key(left.row(), left.column()) < model.sort_key(right.row(), right.column())
        return left.data(SORT_ROLE) < right.data(SORT_ROLE)
