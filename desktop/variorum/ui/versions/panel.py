"""The version list: every loaded version with its colour, relation to the base, visibility and read errors."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from variorum.ui.row_list import row_list
from variorum.ui.session import Session
from variorum.ui.versions.model import (
    COL_FORMAT,
    COL_RELATION,
    COL_VERSION,
    ERROR_ROLE,
    ICON_SIZE,
    ID_ROLE,
    VersionModel,
    version_key,
)

_MOVE_UP = QKeySequence(Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier | Qt.Key.Key_Up)
_MOVE_DOWN = QKeySequence(Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier | Qt.Key.Key_Down)


class _Delegate(QStyledItemDelegate):
    """Elides file names in the middle (their ends tell versions apart) but error messages at the end."""

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:
        super().initStyleOption(option, index)
        if index.data(ERROR_ROLE):
            option.textElideMode = Qt.TextElideMode.ElideRight


class VersionListWidget(QWidget):
    """One row per version of the session's case. The owner reacts to the signals; the list itself only reorders
    and hides.

    ``baseRequested`` and ``removeRequested`` ask the owner to re-run the comparison; the list shows the result
    when it is drawn again (:meth:`redraw`, reading the session). Rows follow the order of the comparison's
    versions; the ones the session hides are unticked.
    """

    baseRequested = Signal(str)
    visibilityChanged = Signal(str, bool)
    removeRequested = Signal(str)
    orderChanged = Signal(list)
    currentVersionChanged = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session  # the open case: the rows are read from it when drawn
        self._quiet = False  # set while the selection is changed by code, not by the user

        self.model = VersionModel(self)
        self.model.set_palette(self.palette())
        self.view = row_list(self.model, self, QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setObjectName("versionListView")
        self.view.setAccessibleName("Versions")
        self.view.setAllColumnsShowFocus(True)
        self.view.setIconSize(ICON_SIZE)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setItemDelegate(_Delegate(self.view))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_VERSION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_RELATION, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_FORMAT, QHeaderView.ResizeMode.ResizeToContents)

        self.act_base = self._action("Use as base", "Compare every other version against this one (Ctrl+B)",
                                     QKeySequence("Ctrl+B"))
        self.act_toggle = self._action("Hide", "Hide or show this version in the side-by-side view (Space)",
                                       QKeySequence(Qt.Key.Key_Space))
        self.act_up = self._action("Move up", "Move this version up (Alt+Shift+Up)", _MOVE_UP)
        self.act_down = self._action("Move down", "Move this version down (Alt+Shift+Down)", _MOVE_DOWN)
        self.act_remove = self._action("Remove", "Remove this version from the comparison (Delete)",
                                       QKeySequence(QKeySequence.StandardKey.Delete))
        self.act_up.setText("↑")
        self.act_down.setText("↓")
        self.act_base.triggered.connect(self._use_as_base)
        self.act_toggle.triggered.connect(self._toggle_visible)
        self.act_up.triggered.connect(lambda: self._move_current(-1))
        self.act_down.triggered.connect(lambda: self._move_current(+1))
        self.act_remove.triggered.connect(self._remove)

        self.toolbar = self._toolbar()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)

        self.model.visibilityChanged.connect(self._on_visibility)
        self.model.orderChanged.connect(self.orderChanged)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self._update_actions()
        session.closed.connect(self.redraw)  # a new comparison is drawn when the window's take-in gets to it

    def _toolbar(self) -> QToolBar:
        toolbar = QToolBar(self)
        toolbar.setIconSize(ICON_SIZE)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.act_base, self.act_toggle, self.act_remove):
            toolbar.addAction(a)
        toolbar.addSeparator()
        toolbar.addAction(self.act_up)
        toolbar.addAction(self.act_down)
        return toolbar

    def _action(self, text: str, tip: str, shortcut: QKeySequence | None = None) -> QAction:
        a = QAction(text, self)
        a.setToolTip(tip)
        a.setStatusTip(tip)
        if shortcut is not None:
            a.setShortcut(shortcut)
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)
        return a

    # ---- public API -------------------------------------------------------------------------------------
    def redraw(self) -> None:
        """Show the versions of the session's comparison in its order, the hidden ones unticked, keeping the
        current row (the same file, else the same id, else the base)."""
        s = self.session
        comparison = s.comparison
        current = self.current_id()
        row = self.model.row_of(current) if current else -1
        shown = self.model.version_at(row) if row >= 0 else None
        current_key = (shown.sha256, shown.path) if shown is not None else None
        self._quiet = True
        try:
            hidden = s.hidden_ids()
            keys = {version_key(v) for v in comparison.versions if v.id in hidden} if comparison else set()
            self.model.set_rows(comparison, s.colours(), keys)
            for row in self.model.error_rows():
                self.view.setFirstColumnSpanned(row, QModelIndex(), True)
            target = None
            if comparison is not None:
                for v in comparison.versions:
                    if current_key == (v.sha256, v.path) or (current_key is None and v.id == current):
                        target = v.id
                target = target or comparison.base
            if target:
                self._select(target)
        finally:
            self._quiet = False
        self._fit_columns()
        self._update_actions()

    def set_current(self, version_id: str) -> None:
        """Select ``version_id`` without emitting ``currentVersionChanged``."""
        self._quiet = True
        try:
            self._select(version_id)
        finally:
            self._quiet = False
        self._update_actions()

    def current_id(self) -> str | None:
        idx = self.view.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None

    def visible_ids(self) -> list[str]:
        """Ids of the versions to show, in display order (hidden and unreadable versions left out)."""
        return [self.model.version_at(r).id for r in range(self.model.rowCount()) if self.model.is_visible(r)]

    def order(self) -> list[str]:
        return self.model.ids()

    def set_visible(self, version_id: str, visible: bool) -> None:
        row = self.model.row_of(version_id)
        if row >= 0:
            self.model.set_visible(row, visible)

    # ---- behaviour --------------------------------------------------------------------------------------
    def _select(self, version_id: str) -> None:
        row = self.model.row_of(version_id)
        if row < 0:
            return
        idx = self.model.index(row, COL_VERSION)
        self.view.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(idx)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        if current.isValid() and not self._quiet:
            self.currentVersionChanged.emit(current.data(ID_ROLE))

    def _on_visibility(self, version_id: str, visible: bool) -> None:
        self._update_actions()
        self.visibilityChanged.emit(version_id, visible)

    def _current_row(self) -> int:
        idx = self.view.currentIndex()
        return idx.row() if idx.isValid() else -1

    def _update_actions(self) -> None:
        row = self._current_row()
        has = row >= 0
        ok = has and self.model.version_at(row).ok
        self.act_base.setEnabled(ok and not self.model.is_base(row))
        self.act_toggle.setEnabled(ok)
        self.act_toggle.setText("Show" if ok and not self.model.is_visible(row) else "Hide")
        self.act_remove.setEnabled(has)
        self.act_up.setEnabled(has and row > 0)
        self.act_down.setEnabled(has and row < self.model.rowCount() - 1)

    def _use_as_base(self) -> None:
        row = self._current_row()
        if row >= 0 and self.model.version_at(row).ok and not self.model.is_base(row):
            self.baseRequested.emit(self.model.version_at(row).id)

    def _toggle_visible(self) -> None:
        row = self._current_row()
        if row >= 0:
            self.model.set_visible(row, not self.model.is_visible(row))

    def _remove(self) -> None:
        row = self._current_row()
        if row >= 0:
            self.removeRequested.emit(self.model.version_at(row).id)

    def _move_current(self, step: int) -> None:
        row = self._current_row()
        if row < 0:
            return
        vid = self.model.version_at(row).id
        target = row + step if step < 0 else row + step + 1
        if 0 <= row + step < self.model.rowCount() and self.model.move([row], target):
            self.set_current(vid)

    def _context_menu(self, pos) -> None:
        idx = self.view.indexAt(pos)
        if not idx.isValid():
            return
        self.view.setCurrentIndex(idx)
        menu = QMenu(self)
        menu.addAction(self.act_base)
        menu.addAction(self.act_toggle)
        menu.addSeparator()
        menu.addAction(self.act_up)
        menu.addAction(self.act_down)
        menu.addSeparator()
        menu.addAction(self.act_remove)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        # Key handling for when the window is not active (shortcuts need an active window): same actions.
        if obj is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            combo = QKeySequence(event.keyCombination())
            for act in (self.act_up, self.act_down, self.act_remove):
                if act.isEnabled() and combo.matches(act.shortcut()) == QKeySequence.SequenceMatch.ExactMatch:
                    act.trigger()
                    return True
            if event.key() == Qt.Key.Key_Space and self.act_toggle.isEnabled():
                self.act_toggle.trigger()
                return True
        return super().eventFilter(obj, event)

    def sizeHint(self) -> QSize:
        return QSize(360, 200)

    def _fit_columns(self) -> None:
        """Names get the room first: in a narrow dock the format (also in every tooltip) is hidden and the
        relation column takes at most 40% of the width."""
        self.view.setColumnHidden(COL_FORMAT, self.view.viewport().width() < 400)
        wanted = self.view.sizeHintForColumn(COL_RELATION)
        self.view.header().resizeSection(COL_RELATION, max(60, min(wanted, int(self.view.viewport().width() * 0.4))))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_palette(self.palette())
        super().changeEvent(event)


__all__ = ["VersionListWidget", "COL_FORMAT", "COL_RELATION", "COL_VERSION"]
