"""The findings panel: every discrepancy the checks found, filterable, each one a jump to its evidence."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from variorum.core.citation import cite_finding
from variorum.core.model import Finding
from variorum.ui.findings.columns import fit_texts, set_up_columns
from variorum.ui.findings.full_view import FindingView
from variorum.ui.findings.model import (
    COL_KIND,
    COL_MESSAGE,
    COL_SEVERITY,
    COL_STATUS,
    COL_VERSIONS,
    FINDING_ROLE,
    SEVERITIES,
    FindingsFilter,
    FindingsModel,
    kind_text,
)
from variorum.ui.palette import is_dark, severity_colours
from variorum.ui.session import Session
from variorum.ui.widgets.badges import SWATCH_GAP, SWATCH_SIZE, SWATCH_SLOTS, SeverityDelegate, dot_icon

NO_COMPARISON = "Open two or more versions to look for discrepancies"
NO_FINDINGS = "No discrepancies found"
ALL_FILTERED = "All findings hidden by the filter"


def details_room(total: int, header: int, row: int) -> int:
    """The most height the details under the list take: 60% of the panel, leaving the list three rows."""
    return max(0, min(int(total * 0.6), total - header - 3 * max(row, 16) - 4))


class FindingsPanel(QWidget):
    """A table of findings with severity toggles, a kind menu and a text filter.

    A click, a double-click or Enter on a row emits ``findingActivated`` with the :class:`Finding`.
    """

    findingActivated = Signal(object)
    currentFindingChanged = Signal(object)  # the Finding now selected (click, arrow keys, right-click)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session  # the open case: the findings are read from its comparison when drawn
        self._open = False  # a comparison is shown (an empty table then means no discrepancies)
        self.model = FindingsModel(self)
        self.model.set_palette(self.palette())
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)

        # Filter bar: text, kinds, severities.
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Filter findings…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_text)
        self.search.installEventFilter(self)
        self.search.setAccessibleName("Filter findings")
        self.kind_button = QToolButton(self)
        self.kind_button.setText("Kinds")
        self.kind_button.setToolTip("Show or hide kinds of findings")
        self.kind_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kind_menu = QMenu(self.kind_button)
        self.kind_button.setMenu(self.kind_menu)
        self.kind_menu.installEventFilter(self)  # keeps the menu open while kinds are ticked
        self._kind_actions: dict[str, QAction] = {}
        self._hidden_kinds: set[str] = set()
        self.severity_buttons: dict[str, QToolButton] = {}
        # Two rows (search and kinds, then severities) that become one when the panel is wide enough.
        self._row1 = QHBoxLayout()
        self._row2 = QHBoxLayout()
        for row in (self._row1, self._row2):
            row.setContentsMargins(4, 0, 4, 0)
            row.setSpacing(4)
        self._row1.addWidget(self.search, 1)
        self._row1.addWidget(self.kind_button)
        self._row2.addStretch(1)
        self._one_row = False
        for sev in SEVERITIES:
            b = QToolButton(self)
            b.setCheckable(True)
            b.setChecked(True)
            b.setToolTip(f"Show {sev} severity findings")
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.toggled.connect(self._on_severity)
            self.severity_buttons[sev] = b
        for i, b in enumerate(self.severity_buttons.values()):
            self._row2.insertWidget(i, b)

        self.view = QTreeView(self)
        self.view.setObjectName("findingsView")
        self.view.setAccessibleName("Findings")
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setItemDelegateForColumn(COL_SEVERITY, SeverityDelegate(self.view))
        self.view.setIconSize(QSize(SWATCH_SLOTS * (SWATCH_SIZE + SWATCH_GAP), SWATCH_SIZE))
        set_up_columns(self.view)
        self.view.clicked.connect(self._activate)
        self.view.doubleClicked.connect(self._activate)
        self.view.installEventFilter(self)
        # while a row is pressed, the details wait for the release: resizing them would move the list under the
        # mouse, and the release would land on another row (no click)
        self._pressed = False
        self._fit_pending = False
        self.view.viewport().installEventFilter(self)
        self.act_copy = QAction("Copy finding", self)
        self.act_copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.act_copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_copy.triggered.connect(self.copy_current)
        self.view.addAction(self.act_copy)
        self.act_cite = QAction("Copy as &citation", self)
        self.act_cite.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.act_cite.setStatusTip("Copy the selected finding with each file's name, SHA-256, character range "
                                   "and quoted words")
        self.act_cite.triggered.connect(self.copy_citation)
        self.act_cite.setEnabled(False)
        self.act_full = QAction("Show finding in &full…", self)
        self.act_full.setShortcut(QKeySequence("Ctrl+I"))
        self.act_full.setStatusTip("Read the selected finding's whole message and every piece of evidence")
        self.act_full.triggered.connect(self.show_full)
        self.act_full.setEnabled(False)
        self.full_view: FindingView | None = None
        self.context_actions: list[QAction] = []  # more entries for the context menu (e.g. "Add note…")
        self.act_open = QAction("Show in the texts", self)
        self.act_open.triggered.connect(lambda: self._activate(self.view.currentIndex()))
        self.act_open.setShortcut(QKeySequence(Qt.Key.Key_Return))  # shown in the menu; Enter in the list does it
        self.view.selectionModel().currentRowChanged.connect(self._show_details)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)

        # The selected finding in full: messages and evidence are often longer than a table cell.
        self.details = QLabel(self)
        self.details.setObjectName("findingDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setContentsMargins(6, 4, 6, 4)
        self.details.setFrameShape(QFrame.Shape.StyledPanel)
        self.details_scroll = QScrollArea(self)
        self.details_scroll.setWidget(self.details)
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.hide()
        self.details_scroll.setToolTip("Ctrl+I shows the finding in a window of its own, every piece of evidence "
                                       "included")
        self._table_page = table_page = QSplitter(Qt.Orientation.Vertical, self)
        table_page.setChildrenCollapsible(False)
        table_page.addWidget(self.view)
        table_page.addWidget(self.details_scroll)
        table_page.setStretchFactor(0, 3)
        table_page.setStretchFactor(1, 1)

        self.empty_label = QLabel(NO_COMPARISON, self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.show_all_button = QPushButton("Show all findings", self)
        self.show_all_button.clicked.connect(self.clear_filters)
        empty = QWidget(self)
        el = QVBoxLayout(empty)
        el.addStretch(1)
        el.addWidget(self.empty_label)
        el.addWidget(self.show_all_button, 0, Qt.AlignmentFlag.AlignHCenter)
        el.addStretch(1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(table_page)
        self.stack.addWidget(empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addSpacing(2)
        layout.addLayout(self._row1)
        layout.addLayout(self._row2)
        layout.addWidget(self.stack, 1)
        self._refresh()
        # A new comparison is drawn when the window's take-in gets to it (:meth:`redraw`); notes and closing at once.
        session.notesChanged.connect(self.show_statuses)
        session.closed.connect(self.redraw)

    # ---- public API -------------------------------------------------------------------------------------
    def redraw(self) -> None:
        """Show the findings of the session's comparison; filters and the selected finding (by id) are kept."""
        for _ in self.redrawing():
            pass

    def redrawing(self) -> Iterator[None]:
        """:meth:`redraw` in steps (a generator pausing between them), each a good part of the window's work when
        a comparison arrives: the table brought on screen (when a message stood in its place), the rows, then
        the table measured with its rows."""
        s = self.session
        comparison = s.comparison
        current = self.current_finding()
        if comparison is not None and comparison.findings and self.stack.currentIndex() != 0:
            self.model.set_findings(None, {}, {})  # the table's first layout and paint, without rows yet
            self.stack.setCurrentIndex(0)
            yield
        self._open = comparison is not None
        self.model.set_findings(comparison, s.colours(), s.finding_statuses())
        self._rebuild_kind_menu()
        fit_texts(self.view, self.model)
        yield
        self._refresh()
        if current is not None:
            self.select_finding(current.id)
        self._show_details(self.view.currentIndex())

    def show_statuses(self) -> None:
        """The statuses of the reviewer's notes changed (open, confirmed, explained, dismissed)."""
        self.model.set_statuses(self.session.finding_statuses())
        fit_texts(self.view, self.model)
        self._show_details(self.view.currentIndex())

    def current_finding(self) -> Finding | None:
        idx = self.view.currentIndex()
        return idx.data(FINDING_ROLE) if idx.isValid() else None

    def select_finding(self, finding_id: str) -> bool:
        """Select a finding (without activating it); False when it is not shown."""
        row = self.model.row_of(finding_id)
        if row < 0:
            return False
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if not idx.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(idx)
        return True

    def shown_findings(self) -> list[Finding]:
        """The findings that pass the filter, in display order."""
        return [self.proxy.index(r, 0).data(FINDING_ROLE) for r in range(self.proxy.rowCount())]

    def clear_filters(self) -> None:
        for b in self.severity_buttons.values():
            b.setChecked(True)
        for a in self._kind_actions.values():
            a.setChecked(True)
        self.search.clear()

    # ---- behaviour --------------------------------------------------------------------------------------
    def _show_details(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        finding = current.data(FINDING_ROLE) if current.isValid() else None
        self.act_cite.setEnabled(finding is not None)
        self.act_full.setEnabled(finding is not None)
        if finding is None:
            self.details.clear()
            self.details_scroll.hide()
            return
        self.details.setText(self.model.details_html(finding))
        self.details_scroll.show()
        self._fit_details()

    def _fit_details(self) -> None:
        """Give the details the height their text needs (up to 60% of the panel, the list keeping three rows),
        so a message and its evidence are read without dragging the splitter; Ctrl+I shows a longer one whole."""
        splitter = self._table_page
        total = sum(splitter.sizes())
        if self.details_scroll.isHidden() or total <= 0:
            return
        if self._pressed:
            self._fit_pending = True
            return
        width = max(100, self.details_scroll.width() - self.details_scroll.verticalScrollBar().sizeHint().width())
        needed = self.details.heightForWidth(width) + 2 * self.details_scroll.frameWidth() + 2
        height = min(needed, details_room(total, self.view.header().height(), self.view.sizeHintForRow(0)))
        splitter.setSizes([total - height, height])

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        finding = current.data(FINDING_ROLE) if current.isValid() else None
        if finding is not None:
            self.currentFindingChanged.emit(finding)

    def _activate(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE) if index.isValid() else None
        if finding is not None:
            self.findingActivated.emit(finding)

    def _on_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._refresh()

    def _on_severity(self, _checked: bool) -> None:
        self.proxy.set_severities({s for s, b in self.severity_buttons.items() if b.isChecked()})
        self._refresh()

    def _on_kind(self) -> None:
        self._hidden_kinds = {k for k, a in self._kind_actions.items() if not a.isChecked()}
        self.proxy.set_hidden_kinds(self._hidden_kinds)
        self._refresh()

    def _rebuild_kind_menu(self) -> None:
        self.kind_menu.clear()
        self._kind_actions = {}
        kinds = sorted({f.kind for f in self.model.findings()})
        show_all = self.kind_menu.addAction("Show all kinds")
        def check_all() -> None:
            for a in self._kind_actions.values():
                a.setChecked(True)
        show_all.triggered.connect(check_all)
        self.kind_menu.addSeparator()
        counts = {k: 0 for k in kinds}
        for f in self.model.findings():
            counts[f.kind] += 1
        for k in kinds:
            a = self.kind_menu.addAction(f"{kind_text(k)} ({counts[k]})")
            a.setCheckable(True)
            a.setChecked(k not in self._hidden_kinds)
            a.toggled.connect(self._on_kind)
            self._kind_actions[k] = a
        self.kind_button.setEnabled(bool(kinds))
        self.proxy.set_hidden_kinds(self._hidden_kinds & set(kinds))

    def _refresh(self) -> None:
        counts = {s: 0 for s in SEVERITIES}
        for f in self.model.findings():
            counts[f.severity] = counts.get(f.severity, 0) + 1
        colours = severity_colours(is_dark(self.palette()))
        for sev, b in self.severity_buttons.items():
            b.setText(f"{sev.capitalize()} {counts[sev]}")
            b.setIcon(dot_icon(colours[sev], filled=b.isChecked()))
            b.setToolTip(f"{'Hide' if b.isChecked() else 'Show'} {sev} severity findings")
        hidden = len(self._kind_actions) - sum(a.isChecked() for a in self._kind_actions.values())
        self.kind_button.setText(f"Kinds ({len(self._kind_actions) - hidden}/{len(self._kind_actions)})"
                                 if hidden else "Kinds")
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if not self._open:
            message = NO_COMPARISON
        elif total == 0:
            message = NO_FINDINGS
        elif shown == 0:
            message = ALL_FILTERED
        else:
            message = ""
        self.empty_label.setText(message)
        self.show_all_button.setVisible(message == ALL_FILTERED)
        self.stack.setCurrentIndex(1 if message else 0)
        self._show_details(self.view.currentIndex())

    def empty_message(self) -> str:
        """The message shown instead of the table, or "" when findings are shown."""
        return self.empty_label.text() if self.stack.currentIndex() == 1 else ""

    def _arrange_filter_bar(self) -> None:
        buttons = list(self.severity_buttons.values())
        needed = 220 + sum(b.sizeHint().width() + 4 for b in buttons) + self.kind_button.sizeHint().width() + 12
        one_row = self.width() >= needed
        if one_row == self._one_row:
            return
        self._one_row = one_row
        for b in buttons:
            (self._row2 if one_row else self._row1).removeWidget(b)
        for i, b in enumerate(buttons):
            if one_row:
                self._row1.insertWidget(1 + i, b)
            else:
                self._row2.insertWidget(i, b)

    def _fit_columns(self) -> None:
        """The message matters most: in a narrow dock the versions, status and then kind columns make room
        for it (all of them stay in the tooltip and the details below the table)."""
        width = self.width()
        self.view.setColumnHidden(COL_VERSIONS, width < 640)
        self.view.setColumnHidden(COL_STATUS, width < 520)
        self.model.set_status_in_message(width < 520)
        self.view.setColumnHidden(COL_KIND, width < 400)
        self.model.set_kind_in_message(width < 400)

    def resizeEvent(self, event) -> None:
        self._arrange_filter_bar()
        self._fit_columns()
        super().resizeEvent(event)
        self._fit_details()

    def sizeHint(self) -> QSize:
        return QSize(640, 220)

    def copy_current(self) -> str:
        """Copy the selected finding as plain text (for a note or an e-mail) and return it."""
        finding = self.current_finding()
        if finding is None:
            return ""
        text = self.model.plain_text(finding)
        QGuiApplication.clipboard().setText(text)
        return text

    def copy_citation(self) -> str:
        """Copy the selected finding as a citation (file, SHA-256, character range and words of each piece of
        evidence) and return it."""
        finding, comparison = self.current_finding(), self.session.comparison
        if finding is None or comparison is None:
            return ""
        text = cite_finding(comparison, finding)
        QGuiApplication.clipboard().setText(text)
        return text

    def show_full(self) -> FindingView | None:
        """Open the selected finding in a window of its own, every piece of evidence included."""
        finding = self.current_finding()
        if finding is None:
            return None
        self.full_view = FindingView(self, kind_text(finding.kind),
                                     self.model.details_html(finding, max_evidence=len(finding.evidence),
                                                             max_chars=None))
        self.full_view.show()
        return self.full_view

    def _context_menu(self, pos) -> None:
        idx = self.view.indexAt(pos)
        if not idx.isValid():
            return
        self.view.setCurrentIndex(idx)
        menu = QMenu(self)
        menu.addAction(self.act_open)
        menu.addAction(self.act_copy)
        menu.addAction(self.act_cite)
        menu.addAction(self.act_full)
        if self.context_actions:
            menu.addSeparator()
            menu.addActions(self.context_actions)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _toggle_kind(self, action: QAction | None) -> bool:
        """Tick or untick a kind without closing the menu, so several can be changed in one go."""
        if action is None or not action.isCheckable() or not action.isEnabled():
            return False
        action.toggle()
        return True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.view.viewport() and event.type() in (QEvent.Type.MouseButtonPress,
                                                             QEvent.Type.MouseButtonRelease):
            self._pressed = event.type() == QEvent.Type.MouseButtonPress
            if not self._pressed and self._fit_pending:
                self._fit_pending = False
                QTimer.singleShot(0, self._fit_details)  # once the release has clicked its row
            return False
        if (obj is self.kind_menu and event.type() == QEvent.Type.MouseButtonRelease
                and isinstance(event, QMouseEvent)):
            return self._toggle_kind(self.kind_menu.actionAt(event.position().toPoint()))
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(obj, event)
        key = event.key()
        if obj is self.kind_menu and key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self._toggle_kind(self.kind_menu.activeAction())
        if obj is self.view:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activate(self.view.currentIndex())
                return True
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_current()
                return True
        elif obj is self.search:
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
            if key == Qt.Key.Key_Down and self.proxy.rowCount():
                self.view.setFocus()
                if not self.view.currentIndex().isValid():
                    self.view.setCurrentIndex(self.proxy.index(0, 0))
                return True
        return super().eventFilter(obj, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_palette(self.palette())
            self._refresh()
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            fit_texts(self.view, self.model)  # the texts' widths change with the font


__all__ = ["FindingsPanel", "NO_FINDINGS", "ALL_FILTERED", "COL_MESSAGE", "COL_STATUS"]
