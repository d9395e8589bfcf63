"""The metadata table: title, dates, byline, credits, URL and links of every version, disagreements marked."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from variorum.ui.metadata.model import COPY_ROLE, FIELDS, MetadataModel
from variorum.ui.session import Session

NO_METADATA = "No metadata was found in these versions."


class MetadataTable(QWidget):
    """Rows are fields, columns are versions (in the comparison's order, headed by colour and label).

    Among versions of the same article, a value that differs from the base's (or, without one, from the most
    common value) is shown bold, tinted and prefixed with "≠"; the field's row header gets the same sign.
    Related versions are shown for reference but not checked. Ctrl+C copies the selected cells. The versions are
    read from the session's comparison when the table is drawn (:meth:`redraw`); it keeps none of its own.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = MetadataModel(self)
        self.model.set_palette(self.palette())
        self.view = QTableView(self)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table (arrow keys move between cells)
        self.view.setObjectName("metadataView")
        self.view.setAccessibleName("Metadata of every version")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setDefaultSectionSize(220)
        hh.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.sectionResized.connect(lambda *_: self.view.resizeRowsToContents())
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.installEventFilter(self)

        self.act_copy = QAction("Copy", self)
        self.act_copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.act_copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_copy.triggered.connect(self.copy_selection)
        self.addAction(self.act_copy)

        self.hint = QLabel(NO_METADATA, self)
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setContentsMargins(4, 2, 4, 2)
        self.hint.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        session.closed.connect(self.redraw)  # a new comparison is drawn when the window's take-in gets to it

    # ---- public API -------------------------------------------------------------------------------------
    def redraw(self) -> None:
        """Show the versions of the session's comparison (none when the case is closed), in its colours."""
        comparison = self.session.comparison
        self.model.set_comparison(comparison, self.session.colours())
        empty = comparison is not None and bool(comparison.versions) and not self.model.has_any_value()
        self.hint.setVisible(empty)
        self.view.setVisible(not empty)  # nothing to tabulate: the panel is its one-line message
        if not empty:  # (measuring the rows of a hidden table asks for every cell's text for nothing)
            self.view.resizeRowsToContents()

    def is_empty(self) -> bool:
        """Only the one-line message is shown (no version has any metadata)."""
        return self.view.isHidden()

    def set_visible_ids(self, ids: list[str] | None) -> None:
        """Show only these versions' columns (None shows all)."""
        for col in range(self.model.columnCount()):
            self.view.setColumnHidden(col, ids is not None and self.model.version_id(col) not in ids)

    def disagreeing_fields(self) -> list[str]:
        """Names of the fields on which versions of the same article disagree."""
        return self.model.disagreeing_rows()

    def copy_selection(self) -> str:
        """Copy the selected cells (tab-separated, one line per field) and return the copied text."""
        indexes = self.view.selectionModel().selectedIndexes() or (
            [self.view.currentIndex()] if self.view.currentIndex().isValid() else [])
        if not indexes:
            return ""
        if len(indexes) == 1:
            text = indexes[0].data(COPY_ROLE) or ""
        else:
            rows = sorted({i.row() for i in indexes})
            cols = sorted({i.column() for i in indexes})
            chosen = {(i.row(), i.column()) for i in indexes}
            lines = []
            for r in rows:
                cells = [(self.model.index(r, c).data(COPY_ROLE) or "").replace("\n", " ").replace("\t", " ")
                         if (r, c) in chosen else "" for c in cols]
                lines.append("\t".join(cells))
            text = "\n".join(lines)
        QGuiApplication.clipboard().setText(text)
        return text

    # ---- behaviour --------------------------------------------------------------------------------------
    def _context_menu(self, pos) -> None:
        idx = self.view.indexAt(pos)
        if not idx.isValid():
            return
        if not self.view.selectionModel().isSelected(idx):
            self.view.setCurrentIndex(idx)
        menu = QMenu(self)
        menu.addAction(self.act_copy)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Ctrl+C reaches the view as a key press when the window is not active (no shortcut dispatch then).
        if (obj is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Copy)):
            self.copy_selection()
            return True
        return super().eventFilter(obj, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_palette(self.palette())
        super().changeEvent(event)


__all__ = ["MetadataTable", "FIELDS", "NO_METADATA"]
