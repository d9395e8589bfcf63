"""Where a pane's lines are: screen lines (what its scroll bar counts) and pixel heights, filler lines known.

Mixed into :class:`~variorum.ui.panes.diff_pane.DiffPane`, whose ``editor`` (a QPlainTextEdit) and
``_positions`` (:class:`~variorum.ui.textpos.TextPositions`) it reads.
"""

from __future__ import annotations

from variorum.ui.panes.pane_editor import PaneEditor
from variorum.ui.textpos import TextPositions


class PaneLines:
    editor: PaneEditor
    _positions: TextPositions
    _programmatic: int

    def lay_out(self) -> None:
        """Lay every line out now: the editor does it lazily, counting one line per block it has not reached
        (and forgets its layout whenever its width changes), so line numbers are exact only after this."""
        doc = self.editor.document()
        layout = doc.documentLayout()
        block = doc.firstBlock()
        while block.isValid():
            if not block.layout().lineCount():
                layout.blockBoundingRect(block)
            block = block.next()

    def place_qt(self, offset: int, *, empty: bool = False) -> int:
        """The document position of ``offset``; for an empty place (text this version lacks) with filler space
        before it, the top of that space, which stands opposite the text the others have."""
        p = self._positions
        if empty:
            start = p.text.rfind("\n", 0, offset) + 1  # filler space stands before a line's first character
            if start in p.fillers and not p.text[start:offset].strip():
                return p.to_qt(start) - p.fillers[start]
        return p.to_qt(offset)

    def line_of(self, offset: int, *, empty: bool = False) -> int:
        """The visual line (wrapped lines counted) holding code-point ``offset``: what the scroll bar counts
        (exact after :meth:`lay_out`); ``empty`` as for :meth:`place_qt`."""
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
