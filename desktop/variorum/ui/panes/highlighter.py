"""A syntax highlighter that paints precomputed spans, looked up by block number.

The spans come from the comparison (word differences, shared or conflicting facts); they are converted to Qt
positions once, grouped by block, and :meth:`highlightBlock` only looks its block up. Formats are built once per
palette. Changing the spans re-highlights just the blocks whose spans changed, never the whole document.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from variorum.ui.textpos import TextPositions

# A highlight request in code points: (start, end, format key). Later entries paint over earlier ones.
Span = tuple[int, int, str]
BlockSpans = dict[int, tuple[tuple[int, int, str], ...]]


def spans_by_block(positions: TextPositions, spans: Iterable[Span]) -> BlockSpans:
    """Group code-point spans into per-block (qt_start, qt_length, key) runs."""
    grouped: dict[int, list[tuple[int, int, str]]] = {}
    for start, end, key in spans:
        for block, qt_start, qt_len in positions.block_spans(start, end):
            grouped.setdefault(block, []).append((qt_start, qt_len, key))
    return {block: tuple(runs) for block, runs in grouped.items()}


class SpanHighlighter(QSyntaxHighlighter):
    """Paints :data:`BlockSpans` with the formats given (a key → QTextCharFormat map built once)."""

    def __init__(self, document: QTextDocument, formats: dict[str, QTextCharFormat]) -> None:
        super().__init__(document)
        self._formats = formats
        self._spans: BlockSpans = {}

    @property
    def spans(self) -> BlockSpans:
        return self._spans

    def set_formats(self, formats: dict[str, QTextCharFormat]) -> None:
        """New formats (the palette changed): every highlighted block is painted again."""
        self._formats = formats
        self._rehighlight_blocks(set(self._spans))

    def set_spans(self, spans: BlockSpans, *, repaint: bool = True) -> None:
        """Replace the spans. With ``repaint`` only blocks whose spans changed are highlighted again; pass
        ``repaint=False`` right before ``setPlainText`` (the new text is highlighted as it is laid out)."""
        old = self._spans
        self._spans = spans
        if repaint:
            changed = {b for b in old.keys() | spans.keys() if old.get(b) != spans.get(b)}
            self._rehighlight_blocks(changed)

    def _rehighlight_blocks(self, blocks: set[int]) -> None:
        doc = self.document()
        if doc is None:
            return
        for number in sorted(blocks):
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        runs = self._spans.get(self.currentBlock().blockNumber())
        if not runs:
            return
        formats = self._formats
        for start, length, key in runs:
            fmt = formats.get(key)
            if fmt is not None:
                self.setFormat(start, length, fmt)
