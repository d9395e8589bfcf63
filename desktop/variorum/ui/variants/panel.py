"""The Variants dock: the variant table (sortable, filterable), the heat map, the timeline and the estimated
stemma, in tabs. Selecting a row (or a shaded place in the heat map) asks for the place to be selected in every
pane; with the table focused, Alt+Down and Alt+Up walk the places instead of the pairwise differences."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from variorum.core.model import Place
from variorum.core.stemma import estimate_stemma
from variorum.core.timeline import build_timeline
from variorum.core.variants import compared_versions
from variorum.ui.session import Session
from variorum.ui.variants.heatmap import HeatMap
from variorum.ui.variants.model import PLACE_ROLE, PlacesFilter, PlacesModel
from variorum.ui.variants.stemma import StemmaView
from variorum.ui.variants.timeline import TimelineView

_WALK_KEYS = {Qt.Key.Key_Down: +1, Qt.Key.Key_Up: -1}


def _walk_step(event: QKeyEvent) -> int:
    """+1 / -1 for Alt+Down / Alt+Up, else 0."""
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier != Qt.KeyboardModifier.AltModifier:
        return 0
    return _WALK_KEYS.get(Qt.Key(event.key()), 0)


class PlacesTable(QTableView):
    """Alt+Down / Alt+Up move to the next / previous row (the window's "next difference" yields to it here)."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and _walk_step(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        step = _walk_step(event)
        if not step:
            super().keyPressEvent(event)
            return
        rows = self.model().rowCount()
        if not rows:
            return
        current = self.currentIndex().row()
        row = (0 if step > 0 else rows - 1) if current < 0 else min(max(current + step, 0), rows - 1)
        self.selectRow(row)
        self.setCurrentIndex(self.model().index(row, 0))


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class VariantsPanel(QWidget):
    """The session's comparison's variation places, read from the session when the panel is drawn."""

    placeActivated = Signal(object)  # a Place

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._pending = False  # the table is drawn once the panel is shown (or read)
        self.model = PlacesModel(self)
        self.proxy = PlacesFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = PlacesTable()
        self.table.setObjectName("variantsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrow keys move between cells)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # the rows in view: measuring thousands would hold the window
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.show_filter = QComboBox()
        self.show_filter.setObjectName("variantsShow")
        for text, value in (("Substantive places", "substantive"), ("Cosmetic places", "cosmetic"),
                            ("All places", "all")):
            self.show_filter.addItem(text, value)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("variantsKind")
        for text, value in (("Any kind", ""), ("Replaced", "replace"), ("Added", "insert"), ("Removed", "delete"),
                            ("Moved", "move")):
            self.kind_filter.addItem(text, value)
        self.alone_filter = QComboBox()
        self.alone_filter.setObjectName("variantsAlone")
        self.count = QLabel()
        filters = QHBoxLayout()
        for w in (self.show_filter, self.kind_filter, self.alone_filter):
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(w)
        # What these show depends on the comparison ("Where v10 differs from all others", "571 of 1142
        # places"): a width that followed it would widen the dock column when a comparison arrives, and every
        # pane would wrap and be fitted again. The list that drops down is as wide as its longest item.
        self.alone_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.alone_filter.setMinimumContentsLength(8)
        self.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        filters.addWidget(self.count, 1)
        table_tab = QWidget()
        lay = QVBoxLayout(table_tab)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(filters)
        lay.addWidget(self.table, 1)
        self.heatmap = HeatMap()
        self.timeline = TimelineView()
        self.stemma = StemmaView()
        self.tabs = QTabWidget()
        self.tabs.addTab(table_tab, "Variant table")
        self.tabs.addTab(self.heatmap, "Heat map")
        self.tabs.addTab(_scrolling(self.timeline), "Timeline")
        self.tabs.addTab(_scrolling(self.stemma), "Derivation")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)

        self.show_filter.currentIndexChanged.connect(lambda _i: self._refilter())
        self.kind_filter.currentIndexChanged.connect(lambda _i: self._refilter())
        self.alone_filter.currentIndexChanged.connect(lambda _i: self._refilter())
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.heatmap.placeClicked.connect(self.select_place)
        session.closed.connect(self.redraw)  # a new comparison is drawn when the window's take-in gets to it

    def redraw(self) -> None:
        """The table and the other views, all at once."""
        self.redraw_table()
        for _ in self.redrawing_views():
            pass

    def redraw_table(self) -> None:
        """The variant table and its filters (:meth:`redrawing_views` does the other tabs). While the panel is
        hidden (its dock closed or behind another tab) the table is filled when it is first shown or read: a
        large comparison's table holds the window for a while, most often for a panel nobody looks at."""
        self._pending = self.session.comparison is not None and not self.in_view()
        if not self._pending:
            self._fill_table()

    def in_view(self) -> bool:
        """Whether any of the panel is on screen (a dock behind another tab is kept visible, off the window)."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def fill_pending(self) -> None:
        """Fill the table now if it waits for the panel to be shown (its dock calls this when it comes in view)."""
        if self._pending:
            self._pending = False
            self._fill_table()

    def _fill_table(self) -> None:
        comparison = self.session.comparison
        self.model.set_comparison(comparison)
        self.alone_filter.blockSignals(True)
        self.alone_filter.clear()
        self.alone_filter.addItem("Any versions", "")
        for v in compared_versions(comparison) if comparison and comparison.base else ():
            self.alone_filter.addItem(f"Where {v} differs from all others", v)
        self.alone_filter.blockSignals(False)
        self.proxy.set_filter(alone="")
        self._update_count()

    def redrawing_views(self) -> Iterator[None]:
        """The heat map, the timeline and the derivation, one view at a time (a generator that pauses between
        them: a large comparison's heat map and derivation each take a while)."""
        comparison, colours = self.session.comparison, self.session.colours()
        labels = {v.id: v.label for v in comparison.versions} if comparison else {}
        yield from self.heatmap.showing(comparison)
        yield
        timeline = build_timeline(comparison, file_times=True) if comparison else None
        self.timeline.set_timeline(timeline, colours, labels)
        yield
        stemma = (estimate_stemma(comparison.places, compared_versions(comparison), timeline)
                  if comparison and comparison.base else None)
        self.stemma.set_stemma(stemma, colours, labels)

    def _refilter(self) -> None:
        self.proxy.set_filter(show=self.show_filter.currentData(), kind=self.kind_filter.currentData(),
                              alone=self.alone_filter.currentData() or "")
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total} places")

    def visible_places(self) -> list[Place]:
        self.fill_pending()
        return [self.proxy.index(r, 0).data(PLACE_ROLE) for r in range(self.proxy.rowCount())]

    def _on_current(self, current, _previous) -> None:
        place = current.data(PLACE_ROLE) if current.isValid() else None
        if place is not None:
            self.heatmap.show_place(place)
            self.placeActivated.emit(place)

    def select_place(self, place: Place) -> None:
        """Make ``place`` the table's current row (showing every place if the filter hides it)."""
        self.fill_pending()
        rows = [r for r in range(self.proxy.rowCount()) if self.proxy.index(r, 0).data(PLACE_ROLE) == place]
        if not rows:
            self.show_filter.setCurrentIndex(self.show_filter.findData("all"))
            self.kind_filter.setCurrentIndex(0)
            self.alone_filter.setCurrentIndex(0)
            rows = [r for r in range(self.proxy.rowCount()) if self.proxy.index(r, 0).data(PLACE_ROLE) == place]
        if rows:
            index = self.proxy.index(rows[0], 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
