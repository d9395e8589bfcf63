"""The notes panel: a case's reconciliation notes, an editor that saves itself, statuses, history and undo.

Embed it in a window::

    panel = NotesPanel(store, session)
    panel.set_case(store.open_case(comparison.versions).id)   # re-anchors every note to the session's comparison
    panel.set_context(AnchorRef("finding", "f3"), "URL date differs")      # what "Add note" attaches to
    panel.noteActivated.connect(window.jump_to_anchor)                     # an AnchorRef: where the note is now
    window.addAction(panel.add_note_action)                                # Ctrl+M anywhere in the window

There is no Save button: the text is written a moment after typing stops, when the editor loses focus,
and before anything else happens (another note, another case, quitting). Every change goes through the
store's audit log; Undo puts the last change back with a new, audited change.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from variorum.core.model import Comparison
from variorum.core.notes import (
    STATUSES,
    Conflict,
    Note,
    NotesError,
    NotesStore,
    Resolution,
    anchor_for,
    ref_of,
)
from variorum.core.notes.refs import AnchorRef
from variorum.ui.findings.model import kind_text
from variorum.ui.notes.items import NOTE_ID_ROLE, history_item, note_item, short, when
from variorum.ui.notes.undo import NoteUndo
from variorum.ui.palette import Role, is_dark
from variorum.ui.session import Session

AUTOSAVE_MS = 700


class NotesPanel(QWidget):
    noteActivated = Signal(object)  # the note's AnchorRef, where it sits now (e.g. quote:v2:120-135)
    notesChanged = Signal()  # a note was added, edited, re-statused, deleted or restored

    def __init__(self, store: NotesStore, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.session = session  # the open case: the notes are anchored to its finished comparison
        self._case_id: str | None = None
        self._resolutions: dict[str, Resolution] = {}
        self._context = AnchorRef("case")
        self._notes: list[Note] = []
        self._refs: dict[str, AnchorRef] = {}  # note id -> where it sits in the comparison shown
        self._current: Note | None = None
        self._loading = False
        self._undo = NoteUndo()

        self.add_note_action = QAction("Add note", self)
        self.add_note_action.setShortcut(QKeySequence("Ctrl+M"))
        self.add_note_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.add_note_action.setToolTip("Add a note to the current finding, difference or selection (Ctrl+M)")
        self.add_note_action.triggered.connect(self.add_note)
        self.addAction(self.add_note_action)

        self.undo_action = QAction("Undo note change", self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.triggered.connect(self.undo)
        self.addAction(self.undo_action)

        self.delete_action = QAction("Delete note…", self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_current)

        self._build()
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.flush)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        self._refresh_actions()

    # -- layout -----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.context_label = QLabel("Add note to: the case")
        self.context_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for action in (self.add_note_action, self.delete_action, self.undo_action):
            b = QToolButton()
            b.setDefaultAction(action)
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.note_list = QTreeWidget()
        self.note_list.setHeaderLabels(["Anchor", "Status", "Author", "Updated"])
        self.note_list.setRootIsDecorated(False)
        self.note_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.note_list.setAccessibleName("Notes")
        self.note_list.addActions([self.add_note_action, self.delete_action, self.undo_action])
        self.note_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.note_list.currentItemChanged.connect(self._on_current_changed)
        self.note_list.itemClicked.connect(self._on_activated)
        self.note_list.itemActivated.connect(self._on_activated)

        self.status_combo = QComboBox()
        self.status_combo.addItems(list(STATUSES))
        self.status_combo.setAccessibleName("Status")
        self.status_combo.currentIndexChanged.connect(self._on_status_changed)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText("Write the note here (Markdown allowed). It is saved as you type.")
        self.body_edit.setAccessibleName("Note text")
        self.body_edit.setTabChangesFocus(True)  # Tab moves on (a note needs no tab characters)
        self.body_edit.textChanged.connect(self._on_text_changed)
        self.body_edit.installEventFilter(self)
        self.save_state = QLabel("")
        self.save_state.setWordWrap(True)

        self.history_view = QTreeWidget()
        self.history_view.setHeaderLabels(["When", "Who", "What", "Change"])
        self.history_view.setRootIsDecorated(False)
        self.history_view.setAccessibleName("Note history")

        editor = QWidget()
        ed = QVBoxLayout(editor)
        ed.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel("Status:"))
        row.addWidget(self.status_combo, 1)
        ed.addLayout(row)
        ed.addWidget(self.body_edit, 1)
        ed.addWidget(self.save_state)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.note_list)
        split.addWidget(editor)
        split.addWidget(self.history_view)
        split.setChildrenCollapsible(False)
        split.setCollapsible(2, True)  # the history gives way first in a short window
        for widget in (self.note_list, self.body_edit):  # two lines each at least, so the dock can be short
            widget.setMinimumHeight(widget.fontMetrics().lineSpacing() * 2 + 12)
        self.history_view.setMinimumHeight(0)

        layout = QVBoxLayout(self)
        layout.addWidget(self.context_label)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)

    # -- public API -------------------------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        """Show a case's notes; when the session holds a finished comparison, re-anchor them to it first (moves
        and orphans are recorded)."""
        self.flush()
        self._undo.clear()
        self._case_id, self._resolutions = case_id, {}
        comparison = self._comparison()
        if case_id is not None and comparison is not None:
            try:
                self._resolutions = {r.note_id: r for r in self.store.reanchor(case_id, comparison)}
            except NotesError as exc:
                self._say(str(exc), error=True)
        self._reload()

    def _comparison(self) -> Comparison | None:
        """What the notes of the open case are anchored to: the session's comparison, once it is finished."""
        s = self.session
        return s.comparison if self._case_id is not None and s.is_final() else None

    def set_context(self, anchor: AnchorRef, label: str) -> None:
        """What "Add note" attaches to (a finding, a difference, words in a version…) and its name."""
        self._context = anchor
        label = label or str(anchor)
        self.context_label.setText(f"Add note to: {short(label, 90)}")  # a finding's message can be long
        self.context_label.setToolTip(label)

    def current_note(self) -> Note | None:
        return self._current

    def anchor_statuses(self) -> dict[AnchorRef, str]:
        """Where each note sits → the status of its latest note."""
        return {self._refs[n.id]: n.status for n in self._notes if n.id in self._refs}

    # -- actions ----------------------------------------------------------------------------------------
    def add_note(self) -> None:
        if self._case_id is None:
            return
        self.flush()
        try:
            anchor = anchor_for(self._context, comparison=self._comparison())
            note = self.store.add_note(self._case_id, anchor, "")
        except NotesError as exc:
            self._say(f"Cannot add the note: {exc}", error=True)
            return
        self._undo.record(note.id, None, "add note")
        self._reload(select=note.id)
        self.body_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._say("New note: type its text; it is saved automatically.")
        self.notesChanged.emit()

    def flush(self) -> None:
        """Write the editor's text now if it differs from the stored note."""
        self._autosave.stop()
        note = self._current
        if note is None or self._loading:
            return
        body = self.body_edit.toPlainText()
        if body == note.body:
            return
        try:
            try:
                after = self.store.update_note(note.id, body=body, expected_rev=note.rev)
            except Conflict:
                after = self.store.update_note(note.id, body=body)
                self._say("This note had also been changed in another window; that text is kept in its "
                          "history.", error=True)
            else:
                self._say(f"Saved {when(after.updated_at)}")
        except NotesError as exc:
            self._say(f"Not saved: {exc} Your text is still here.", error=True)
            return
        self._undo.record(note.id, note, "edit text", typing=True)
        self._after_change(after)

    def delete_current(self) -> None:
        self.flush()
        note = self._current  # as just saved, so undoing the delete keeps the latest text
        if note is None:
            return
        answer = QMessageBox.question(self, "Delete note", "Delete this note? It stays in the history and Undo "
                                      "(Ctrl+Z) brings it back.",
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.delete_note(note.id)
        except NotesError as exc:
            self._say(f"Not deleted: {exc}", error=True)
            return
        self._undo.record(note.id, note, "delete note")
        self._reload()
        self._say("Note deleted.")
        self.notesChanged.emit()

    def undo(self) -> None:
        self.flush()
        try:
            step = self._undo.undo(self.store)
        except NotesError as exc:
            self._say(f"Cannot undo: {exc}", error=True)
            return
        if step is None:
            return
        self._reload(select=step.note_id)
        self._say(f"Undone: {step.label}.")
        self.notesChanged.emit()

    # -- reactions --------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.body_edit and event.type() == QEvent.Type.FocusOut:
            self.flush()
            self._undo.end_typing()
        return super().eventFilter(watched, event)

    def hideEvent(self, event) -> None:
        self.flush()
        super().hideEvent(event)

    def _on_text_changed(self) -> None:
        if not self._loading and self._current is not None:
            self._say("Editing…")
            self._autosave.start()

    def _on_status_changed(self, index: int) -> None:
        note = self._current
        if self._loading or note is None or index < 0:
            return
        self.flush()
        note = self._current
        if note is None:
            return
        status = STATUSES[index]
        try:
            after = self.store.update_note(note.id, status=status)
        except NotesError as exc:
            self._say(f"Status not saved: {exc}", error=True)
            return
        self._undo.record(note.id, note, "change status")
        self._say(f"Marked {status}.")
        self._after_change(after)

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if self._loading:
            return
        self.flush()
        self._undo.end_typing()
        self._show_note(current.data(0, NOTE_ID_ROLE) if current else None)

    def _on_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        note_id = item.data(0, NOTE_ID_ROLE)
        res = self._resolutions.get(note_id)
        if res is not None and res.state == "orphaned":
            return
        ref = self._refs.get(note_id)
        if ref is not None:
            self.noteActivated.emit(ref)

    # -- display ----------------------------------------------------------------------------------------
    def _version_ids(self) -> tuple[dict[str, str], dict[int, str]]:
        ids: dict[str, str] = {}
        slots: dict[int, str] = {}
        if self._case_id is not None:
            with contextlib.suppress(NotesError):
                case = self.store.case(self._case_id)
                ids.update(case.version_ids)
                slots.update(case.slot_ids)
        comparison = self._comparison()
        if comparison is not None:
            ids.update({v.sha256: v.id for v in comparison.versions if v.sha256})
        return ids, slots

    def _ref(self, note: Note, ids: tuple[dict[str, str], dict[int, str]]) -> AnchorRef:
        res = self._resolutions.get(note.id)
        if res is not None and res.state != "orphaned" and res.version_id and res.start is not None \
                and note.anchor.kind == "quote":
            return AnchorRef("quote", res.version_id, res.start, res.end)
        return ref_of(note.anchor, *ids)

    def _about(self, note: Note) -> str | None:
        """A finding note is named by the finding's kind (its evidence may be a long URL)."""
        comparison = self._comparison()
        if note.anchor.kind != "finding" or comparison is None or note.orphaned:
            return None
        finding = next((f for f in comparison.findings if f.id == note.anchor.ref), None)
        return kind_text(finding.kind) if finding is not None else None

    def _reload(self, select: str | None = None) -> None:
        keep = select or (self._current.id if self._current else None)
        ids = self._version_ids()
        notes = self.store.notes(self._case_id) if self._case_id else []
        self._notes = list(notes)
        self._refs = {note.id: self._ref(note, ids) for note in notes}
        self._loading = True
        try:
            self.note_list.clear()
            chosen = None
            for note in notes:
                item = note_item(note, self._refs[note.id], self._resolutions.get(note.id), self._about(note))
                self.note_list.addTopLevelItem(item)
                if note.id == keep:
                    chosen = item
            for col in range(4):
                self.note_list.resizeColumnToContents(col)
            if chosen is not None:
                self.note_list.setCurrentItem(chosen)
        finally:
            self._loading = False
        self._show_note(chosen.data(0, NOTE_ID_ROLE) if chosen else None)

    def _show_note(self, note_id: str | None) -> None:
        try:
            note = self.store.note(note_id) if note_id else None
        except NotesError:
            note = None
        self._current = note
        self._loading = True
        try:
            self.body_edit.setPlainText(note.body if note else "")
            self.status_combo.setCurrentIndex(STATUSES.index(note.status) if note else 0)
        finally:
            self._loading = False
        self.body_edit.setEnabled(note is not None)
        self.status_combo.setEnabled(note is not None)
        self._show_history(note)
        self._refresh_actions()

    def _show_history(self, note: Note | None) -> None:
        self.history_view.clear()
        if note is None:
            return
        for event in self.store.history(note.id):
            self.history_view.addTopLevelItem(history_item(event))
        self.history_view.resizeColumnToContents(0)

    def _after_change(self, note: Note) -> None:
        """Refresh the row, the history and the actions for a note that just changed; tell the window."""
        self._current = note
        self._notes = [note if n.id == note.id else n for n in self._notes]
        item = self.note_list.currentItem()
        if item is not None and item.data(0, NOTE_ID_ROLE) == note.id:
            item.setText(1, note.status)
            item.setText(3, when(note.updated_at))
        self._show_history(note)
        self._refresh_actions()
        self.notesChanged.emit()

    def _refresh_actions(self) -> None:
        self.add_note_action.setEnabled(self._case_id is not None)
        self.delete_action.setEnabled(self._current is not None)
        self.undo_action.setEnabled(self._undo.can_undo())
        label = self._undo.next_label()
        self.undo_action.setText(f"Undo {label}" if label else "Undo note change")

    def _say(self, message: str, *, error: bool = False) -> None:
        self.save_state.setText(message)
        self.save_state.setStyleSheet(f"color: {Role.ERROR_TEXT.css(is_dark(self.palette()))};" if error else "")
