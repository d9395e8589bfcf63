"""Where a pane's lines are: screen lines (what its scroll bar counts) and pixel heights, filler lines known.

Mixed into :class:`~variorum.ui.panes.diff_pane.DiffPane`, whose ``editor`` (a QPlainTextEdit) and
``_positions`` (:class:`~variorum.ui.textpos.TextPositions`) it reads.
"""

from __future__ import annotations

from collections.abc import Iterator

from variorum.ui.panes.pane_editor import PaneEditor
from variorum.ui.textpos import TextPositions


class PaneLines:
    editor: PaneEditor
    _positions: TextPositions
    _programmatic: int
    _text_generation: int = 0  # changed whenever the text (or every block's layout) is replaced
    _laid_key: tuple[int, ...] | None = None  # the layout last found complete
    _line_cache: dict | None = None  # (offset, empty) -> line, and id(list) -> (list, lines)

    def _layout_key(self) -> tuple[int, ...]:
        """What a complete layout depends on: the text, the width, and the lines counted so far (a block the
        editor has not laid out counts as one line, so a layout that was dropped changes the count)."""
        doc = self.editor.document()
        return self._text_generation, self.editor.viewport().width(), doc.lineCount(), doc.blockCount()

    def forget_layout(self) -> None:
        """The text or every block's layout was replaced: line numbers must be measured again."""
        self._text_generation += 1
        self._laid_key, self._line_cache = None, None

    def is_laid_out(self) -> bool:
        return self._laid_key is not None and self._laid_key == self._layout_key()

    def lay_out(self) -> None:
        """Lay every line out now: the editor does it lazily, counting one line per block it has not reached
        (and forgets its layout whenever its width changes), so line numbers are exact only after this."""
        for _ in self.laying_out():
            pass

    def laying_out(self) -> Iterator[None]:
        """:meth:`lay_out` one block at a time (a generator: the caller decides when to go on)."""
        doc = self.editor.document()
        layout = doc.documentLayout()
        generation = self._text_generation
        while not self.is_laid_out():
            width = self.editor.viewport().width()
            block = doc.firstBlock()
            while block.isValid():
                if not block.layout().lineCount():
                    layout.blockBoundingRect(block)
                    yield
                    if generation != self._text_generation or not block.isValid():
                        return  # the text was replaced meanwhile: whoever replaced it lays it out
                block = block.next()
            if self.editor.viewport().width() == width:  # else the width changed meanwhile: once more
                self._laid_key, self._line_cache = self._layout_key(), {}

    def place_qt(self, offset: int, *, empty: bool = False) -> int:
        """The document position of ``offset``; for an empty place (text this version lacks) with filler space
        before it, the top of that space, which stands opposite the text the others have."""
        p = self._positions
        if empty:
            lines = self.filler_before(offset)
            if lines:
                return p.to_qt(p.text.rfind("\n", 0, offset) + 1) - lines
        return p.to_qt(offset)

    def filler_before(self, offset: int) -> int:
        """How many filler lines stand just before an empty place at ``offset`` (each a block of its own, one
        document position apart); 0 when there are none."""
        p = self._positions
        start = p.text.rfind("\n", 0, offset) + 1  # filler space stands before a line's first character
        if start in p.fillers and not p.text[start:offset].strip():
            return p.fillers[start]
        return 0

    def line_of(self, offset: int, *, empty: bool = False) -> int:
        """The visual line (wrapped lines counted) holding code-point ``offset``: what the scroll bar counts
        (exact after :meth:`lay_out`); ``empty`` as for :meth:`place_qt`. Remembered while the layout is
        complete and unchanged."""
        cache = self._line_cache if self.is_laid_out() else None
        if cache is not None and (offset, empty) in cache:
            return cache[offset, empty]
        line = self._line_of(offset, empty)
        if cache is not None:
            cache[offset, empty] = line
        return line

    def lines_of(self, offsets: list[int]) -> list[int]:
        """:meth:`line_of` for many offsets, the layout completed first (what keeping panes level asks for at
        every scroll step: remembered until the layout changes)."""
        self.lay_out()
        cache = self._line_cache if self._line_cache is not None else {}
        known = cache.get(id(offsets))  # the same list asked for again (at every scroll step)
        if known is not None and known[0] is offsets:
            return known[1]
        out = []
        for offset in offsets:
            line = cache.get((offset, False))
            if line is None:
                line = cache[offset, False] = self._line_of(offset, False)
            out.append(line)
        cache[id(offsets)] = (offsets, out)
        return out

    def _line_of(self, offset: int, empty: bool) -> int:
        doc = self.editor.document()
        qt = self.place_qt(offset, empty=empty)
        block = doc.findBlock(min(qt, max(0, doc.characterCount() - 1)))
        if not block.isValid():
            return 0
        line = 0
        layout = block.layout()
        if layout is not None and layout.lineCount():
            line = max(0, layout.lineForTextPosition(qt - block.position()).lineNumber())
        return block.firstLineNumber() + line

    def text_tops(self, offsets: list[int]) -> list[float]:
        """How far down the text (in pixels, filler lines left out) the lines holding these ascending offsets
        start: lines with a symbol from a fallback font are taller than the others, so lines are not counted."""
        doc = self.editor.document()
        layout = doc.documentLayout()
        p = self._positions
        fill_blocks: set[int] = set()
        for at, n in p.fillers.items():
            first = p.block_of(at) - n
            fill_blocks.update(range(first, first + n))
        out: list[float] = []
        block, y, i = doc.firstBlock(), 0.0, 0
        while block.isValid() and i < len(offsets):
            height = layout.blockBoundingRect(block).height()
            end = block.position() + block.length()
            while i < len(offsets) and p.to_qt(offsets[i]) < end:
                line = block.layout().lineForTextPosition(p.to_qt(offsets[i]) - block.position())
                out.append(y + (line.y() if line.isValid() else 0.0))
                i += 1
            if block.blockNumber() not in fill_blocks:
                y += height
            block = block.next()
        out.extend([y] * (len(offsets) - len(out)))
        return out

    def filler_height(self) -> int:
        """The height of one filler line (an empty line of the pane's font)."""
        return self.editor.fontMetrics().lineSpacing()

    def visible_lines(self) -> int:
        return max(1, self.editor.viewport().height() // max(1, self.editor.fontMetrics().lineSpacing()))

    def top_line(self) -> int:
        return self.editor.verticalScrollBar().value()

    def set_top_line(self, line: int) -> None:
        """Scroll so that visual line ``line`` is the first one shown (no signal)."""
        self._programmatic += 1
        try:
            self.editor.verticalScrollBar().setValue(max(0, line))
        finally:
            self._programmatic -= 1
