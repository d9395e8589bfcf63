"""One version's text: a :class:`PaneHeader` (colour, label, role) above a read-only, word-wrapped QPlainTextEdit.

Highlights come from a :class:`SpanHighlighter` attached before the text is set; ExtraSelections are used for the
marks drawn over them (notes, search hits, the current difference), whose formats merge with the highlight below.
Positions in and out are code points.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QToolTip, QVBoxLayout, QWidget

from variorum.core.model import Version
from variorum.ui.palette import FORMAT_KIND_PROPERTY, Role, diff_formats, is_dark
from variorum.ui.panes import large_text
from variorum.ui.panes.highlighter import SpanHighlighter, spans_by_block
from variorum.ui.panes.pane_editor import PaneEditor
from variorum.ui.panes.pane_header import PaneHeader
from variorum.ui.panes.pane_lines import PaneLines
from variorum.ui.panes.shaping import needs_shaping
from variorum.ui.textpos import TextPositions

PANE_MIN_WIDTH = 210
# Characters Qt would turn into a block break or hide; shown as spaces so offsets stay one-to-one.
_QT_SPECIAL = str.maketrans({"\r": " ", "\u2029": " ", "\u2028": " ", "\x0c": " ", "\ufdd0": " ", "\ufdd1": " "})


@functools.cache
def pane_formats(dark: bool) -> dict[str, QTextCharFormat]:
    """The highlight formats, built once per palette brightness and shared by every pane."""
    return diff_formats(dark)


@functools.cache
def search_format(dark: bool) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setBackground(Role.FIND_MATCH.colour(dark))
    f.setProperty(FORMAT_KIND_PROPERTY, "search")
    return f


class DiffPane(PaneLines, QWidget):
    """A version's text with its highlights. Signals carry code-point offsets."""

    clicked = Signal(str, int)  # version id, offset
    textSelected = Signal(str, int, int)  # version id, start, end: a selection the user made (empty: cleared)
    scrolled = Signal(str)  # version id; only for scrolling the user did

    def __init__(self, version: Version, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.version = version
        self.setMinimumWidth(PANE_MIN_WIDTH)
        self._dark = is_dark(self.palette())
        self._positions = TextPositions("")
        self._spans: list[tuple[int, int, str]] = []
        self._hit_ranges: list[tuple[int, int]] = []
        self._last_cursor = 0  # where the text cursor was: which way it moves decides how filler space is skipped
        self._current: list[QTextEdit.ExtraSelection] = []
        self._hits: list[QTextEdit.ExtraSelection] = []
        self._notes: list[QTextEdit.ExtraSelection] = []
        self._note_ranges: list[tuple[int, int]] = []
        self._programmatic = 0
        self._editing_fillers = False
        self.context_actions: list[QAction] = []  # added to the pane's context menu (e.g. "Add note…")

        self.head = PaneHeader(version, colour, self)
        self.header, self.role = self.head.header, self.head.role
        self.large_notice = large_text.notice(self)
        self._plain_only = False
        self.editor = PaneEditor(self)
        self.editor.setCenterOnScroll(True)  # the last lines can be brought level with the other panes too
        self.highlighter = SpanHighlighter(self.editor.document(), pane_formats(self._dark))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.head)
        layout.addWidget(self.large_notice)
        layout.addWidget(self.editor, 1)
        self._selection_colours()

        self.editor.clickedAt.connect(lambda qt: self.clicked.emit(self.version.id, self._positions.from_qt(qt)))
        self.editor.cursorPositionChanged.connect(self._skip_fillers)
        self.editor.selectionChanged.connect(self._on_selection_changed)  # Shift+arrows select words too
        self.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.editor.customContextMenuRequested.connect(self._context_menu)
        self.editor.setAccessibleName(f"Text of {version.id}, {version.label}")
        self.tooltip_for: Callable[[int], str | None] | None = None  # offset -> what is highlighted there
        self.editor.viewport().installEventFilter(self)
        self.editor.verticalScrollBar().valueChanged.connect(self._on_scroll)

    def _skip_fillers(self) -> None:
        """The cursor never rests in filler space: arrow keys, Ctrl+Home and clicks carry it on to the text in
        the direction it was going, so a keyboard selection takes words, not empty lines."""
        if self._editing_fillers:
            return  # carried along by the filler lines changing: set again once they are in
        p, cursor = self._positions, self.editor.textCursor()
        pos = cursor.position()
        real = p.to_qt(p.from_qt(pos))
        if p.fillers and pos < real:
            back = real - p.fillers.get(p.from_qt(pos), 0) - 1  # the end of the line before the filler space
            target = back if pos < self._last_cursor and back >= 0 else real
            mode = QTextCursor.MoveMode.KeepAnchor if cursor.hasSelection() else QTextCursor.MoveMode.MoveAnchor
            cursor.setPosition(target, mode)
            self.editor.setTextCursor(cursor)
            pos = target
        self._last_cursor = pos

    def _on_selection_changed(self) -> None:
        """Selections the user makes (or clears: an empty range) are announced; those the program makes are not."""
        if not self._programmatic:
            self.textSelected.emit(self.version.id, *self.selected_range())

    def _context_menu(self, pos: QPoint) -> None:
        """Copy and Select All, then the pane's own actions. A right-click outside the selection first selects
        the word under the pointer, so "Add note…" attaches to what was clicked."""
        cursor = self.editor.textCursor()
        at = self.editor.cursorForPosition(pos).position()
        if not (cursor.hasSelection() and cursor.selectionStart() <= at <= cursor.selectionEnd()):
            word = self.editor.cursorForPosition(pos)
            word.select(QTextCursor.SelectionType.WordUnderCursor)
            if word.hasSelection():
                self.editor.setTextCursor(word)  # a selection the user made: textSelected follows
        menu = self.editor.createStandardContextMenu(pos)
        if self.context_actions:
            menu.addSeparator()
            menu.addActions(self.context_actions)
        menu.exec(self.editor.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and self.tooltip_for is not None:
            qt = self.editor.cursorForPosition(event.pos()).position()
            text = self.tooltip_for(self._positions.from_qt(qt))
            if text:
                QToolTip.showText(event.globalPos(), text, self.editor.viewport())
            else:
                QToolTip.hideText()
            return True
        return False

    # --- content -------------------------------------------------------------------------------------------
    @property
    def version_id(self) -> str:
        return self.version.id

    @property
    def colour(self) -> QColor:
        return self.head.colour

    @property
    def notice(self) -> str:
        return self.head.notice

    def set_colour(self, colour: QColor) -> None:
        self.head.set_colour(colour)

    def set_role(self, role: str, *, emphasised: bool = False) -> None:
        self.head.set_role(role, emphasised=emphasised)

    def set_notice(self, notice: str) -> None:
        self.head.set_notice(notice)

    def set_text(self, text: str, spans: list[tuple[int, int, str]],
                 fillers: Mapping[int, int] | None = None) -> None:
        """Set the text with its highlights (the highlighter gets its spans before the text arrives) and its
        filler lines (``fillers``: line start offset -> empty lines shown before it)."""
        text = text.translate(_QT_SPECIAL)
        self._positions = TextPositions(text, fillers)
        self._spans = list(spans)
        self._plain_only = large_text.too_large_to_highlight(text)
        self.large_notice.setVisible(self._plain_only)
        by_block = spans_by_block(self._positions, [] if self._plain_only else spans)
        # With nothing to paint yet (the comparison is still running), keep the highlighter off the document so
        # setting the text costs no Python call per line; it is attached when the highlights arrive.
        self.highlighter.setDocument(self.editor.document() if by_block else None)
        self.highlighter.set_spans(by_block, repaint=False)
        self._current, self._hits, self._notes = [], [], []
        self.editor.set_shaped(needs_shaping(text))
        self._programmatic += 1
        try:
            self.editor.setPlainText(self._positions.shown)
        finally:
            self._programmatic -= 1
        self.forget_layout()
        if self._note_ranges:
            self.set_note_ranges(self._note_ranges)
        if not self.version.ok:
            self.editor.setPlaceholderText(f"This file could not be compared.\n\n{self.version.error}")

    def set_fillers(self, fillers: Mapping[int, int]) -> None:
        """Show these filler lines instead of the present ones; highlights, marks and selection stay. Only the
        filler lines that change are added or taken out: the text's lines keep their layout and highlights (putting
        the whole text in again took 10–18 ms a pane on a 100 KB text, in one event-loop turn)."""
        if dict(fillers) == self._positions.fillers:
            return
        marked, (start, end), hits = self.marked_ranges(), self.selected_range(), self._hit_ranges
        marker = self.editor.marker is not None
        old, new = self._positions, TextPositions(self._positions.text, fillers)
        self._positions = new
        # The highlights of each line by its block number once the filler lines are in: the lines edited are
        # highlighted again as they change, in reading order, so every line above the one edited is numbered as
        # it will be.
        self.highlighter.set_spans(spans_by_block(new, [] if self._plain_only else self._spans), repaint=False)
        self._programmatic += 1  # the text cursor and selection are carried along with the text they are on
        self._editing_fillers = True
        try:
            self._edit_fillers(old, new)
        finally:
            self._programmatic -= 1
            self._editing_fillers = False
        self._last_cursor = self.editor.textCursor().position()
        self.forget_layout()
        self.set_note_ranges(self._note_ranges)
        self.set_search_hits(hits)
        if marked or marker:
            self.select(start, end, scroll=False, also=tuple(r for r in marked if r != (start, end)))

    def _edit_fillers(self, old: TextPositions, new: TextPositions) -> None:
        """Add or take out empty lines where ``new`` has more or fewer of them before a line than ``old``, from
        the top down."""
        cursor = QTextCursor(self.editor.document())
        shift = 0  # lines added (or, negative, taken out) above the place being edited
        for at in sorted(old.fillers.keys() | new.fillers.keys()):
            had, wanted = old.fillers.get(at, 0), new.fillers.get(at, 0)
            if had == wanted:
                continue
            space = old.to_qt(at) + shift - had  # where the filler space before the line starts
            # One edit block each: the cursor is then placed without laying out the line it stands on, and the
            # document announces each change on its own (together, every line between the first and the last
            # change would be laid out and highlighted again).
            cursor.beginEditBlock()
            cursor.setPosition(space)
            if wanted > had:
                cursor.insertText("\n" * (wanted - had))
            else:
                cursor.setPosition(space + had - wanted, QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
            cursor.endEditBlock()
            shift += wanted - had

    def fillers(self) -> dict[int, int]:
        return dict(self._positions.fillers)

    def to_qt(self, offset: int) -> int:
        """The document position of code-point ``offset`` (filler lines and UTF-16 pairs counted)."""
        return self._positions.to_qt(offset)

    def set_spans(self, spans: list[tuple[int, int, str]]) -> None:
        self._spans = list(spans)
        by_block = spans_by_block(self._positions, [] if self._plain_only else spans)
        if self.highlighter.document() is None:
            if not by_block:
                return
            self.highlighter.set_spans(by_block, repaint=False)
            self.highlighter.setDocument(self.editor.document())  # one pass over the text
            self.highlighter.rehighlight()
            self.forget_layout()  # a pass over every block drops their layout
        else:
            self.highlighter.set_spans(by_block)

    def painted_ranges(self) -> list[tuple[int, int, str]]:
        """The highlighted ranges as drawn: (start, end, kind), in code points."""
        out = []
        block = self.editor.document().firstBlock()
        while block.isValid():
            base = block.position()
            for r in block.layout().formats():
                kind = r.format.property(FORMAT_KIND_PROPERTY)
                if kind:
                    out.append((self._positions.from_qt(base + r.start),
                                self._positions.from_qt(base + r.start + r.length), kind))
            block = block.next()
        return out

    def apply_palette(self) -> None:
        dark = is_dark(self.palette())
        if dark != self._dark:
            self._dark = dark
            self.highlighter.set_formats(pane_formats(dark))
            self.set_note_ranges(self._note_ranges)
        self._selection_colours()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the system switched between light and dark
            self.apply_palette()

    def _selection_colours(self) -> None:
        """Selections (the current difference, a search match) in the same strong colour in every pane, also
        when the window is not active, so the panes visibly agree on what is selected."""
        current = pane_formats(self._dark)["current"]
        pal = self.editor.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            pal.setColor(group, QPalette.ColorRole.Highlight, current.background().color())
            pal.setColor(group, QPalette.ColorRole.HighlightedText, current.foreground().color())
        self.editor.setPalette(pal)

    # --- selection and marks ------------------------------------------------------------------------------
    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def select(self, start: int, end: int, *, scroll: bool = True, also: tuple[tuple[int, int], ...] = ()) -> None:
        """Select [start, end) and mark it as the current difference (with the ranges in ``also``: more evidence
        of the same finding); centre it when ``scroll``."""
        cursor = self._cursor(start, end)
        self._programmatic += 1
        try:
            self.editor.setTextCursor(cursor)
            if scroll:
                self.editor.centerCursor()
        finally:
            self._programmatic -= 1
        fmt = pane_formats(self._dark)["current"]
        self._current = []
        for s, e in ((start, end), *also):
            if e > s:
                sel = QTextEdit.ExtraSelection()
                sel.cursor = self._cursor(s, e)
                sel.format = fmt
                self._current.append(sel)
        # Text missing from this version has no characters to colour: a bar marks where it would be.
        self.editor.marker_colour = fmt.background().color()
        self.editor.set_marker(None if end > start else self.place_qt(start, empty=True))
        self._refresh_marks()

    def marked_ranges(self) -> list[tuple[int, int]]:
        """The ranges marked as current (the selection and any further evidence), in code points."""
        return [(self._positions.from_qt(sel.cursor.selectionStart()),
                 self._positions.from_qt(sel.cursor.selectionEnd())) for sel in self._current]

    def clear_selection(self) -> None:
        cursor = self.editor.textCursor()
        cursor.clearSelection()
        self._programmatic += 1
        try:
            self.editor.setTextCursor(cursor)
        finally:
            self._programmatic -= 1
        self.editor.set_marker(None)
        self._current = []
        self._refresh_marks()

    def selected_range(self) -> tuple[int, int]:
        c = self.editor.textCursor()
        return self._positions.from_qt(c.selectionStart()), self._positions.from_qt(c.selectionEnd())

    def set_search_hits(self, ranges: list[tuple[int, int]]) -> None:
        fmt = search_format(self._dark)
        self._hit_ranges = list(ranges)
        self._hits = []
        for start, end in ranges:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor(start, end)
            sel.format = fmt
            self._hits.append(sel)
        self._refresh_marks()

    def set_note_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """Mark the words notes are attached to (a wavy underline merged over any highlight)."""
        self._note_ranges = sorted(set(ranges))
        fmt = pane_formats(self._dark)["note"]
        n = len(self._positions.text)
        self._notes = []
        bars = []
        for start, end in self._note_ranges:
            if 0 <= start < end <= n:
                sel = QTextEdit.ExtraSelection()
                sel.cursor = self._cursor(start, end)
                sel.format = fmt
                self._notes.append(sel)
                bars.append((self._positions.to_qt(start), self._positions.to_qt(end)))
        self.editor.note_spans = bars
        self.editor.note_colour = fmt.underlineColor()
        self._refresh_marks()
        self.editor.viewport().update()

    def note_ranges(self) -> list[tuple[int, int]]:
        """The ranges marked as having a note, in code points."""
        return list(self._note_ranges)

    def _refresh_marks(self) -> None:
        self.editor.setExtraSelections(self._notes + self._hits + self._current)

    # --- scrolling ------------------------------------------------------------------------------------------
    def _on_scroll(self, _value: int) -> None:
        if not self._programmatic:
            self.scrolled.emit(self.version.id)

    def top_offset(self) -> int:
        """The code-point offset of the first character visible at the top of the pane."""
        return self._positions.from_qt(self.editor.cursorForPosition(QPoint(2, 2)).position())

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that the line holding ``offset`` is the first visible line (no signal)."""
        doc = self.editor.document()
        qt = self._positions.to_qt(offset)
        block = doc.findBlock(qt)
        if not block.isValid():
            return
        line = 0
        layout = block.layout()
        if layout is not None and layout.lineCount():
            line = max(0, layout.lineForTextPosition(qt - block.position()).lineNumber())
        self._programmatic += 1
        try:
            self.editor.verticalScrollBar().setValue(block.firstLineNumber() + line)
        finally:
            self._programmatic -= 1

    def visible_fraction(self) -> tuple[float, float]:
        """The part of the text on screen, as fractions of its length (for the overview strip)."""
        n = max(1, len(self._positions.text))
        top = self.top_offset()
        vp = self.editor.viewport()
        bottom = self._positions.from_qt(self.editor.cursorForPosition(QPoint(vp.width() - 2,
                                                                                 vp.height() - 2)).position())
        return top / n, max(top, bottom) / n

    def text_length(self) -> int:
        return len(self._positions.text)

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Case-insensitive occurrences of ``needle`` in this version's text."""
        if not needle:
            return []
        hay, low = self._positions.text.casefold(), needle.casefold()
        if len(hay) != len(self._positions.text):  # casefold changed lengths (ß → ss): fall back to lower()
            hay, low = self._positions.text.lower(), needle.lower()
        out, i = [], hay.find(low)
        while i != -1:
            out.append((i, i + len(low)))
            i = hay.find(low, i + max(1, len(low)))
        return out
