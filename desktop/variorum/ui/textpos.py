"""The one place where code-point offsets (the core's) meet Qt's UTF-16 positions.

The core counts Python ``str`` indices (code points); Qt counts UTF-16 code units, so every character outside the
Basic Multilingual Plane (emoji, some CJK, mathematical letters) takes two Qt positions. :class:`TextPositions`
precomputes the mapping once per text; a text with no such character is the common case and costs nothing.
"""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def to_qt(text: str, offset: int) -> int:
    """The UTF-16 position of code-point ``offset`` in ``text``."""
    offset = max(0, min(offset, len(text)))
    return offset + len(_ASTRAL.findall(text, 0, offset))


def from_qt(text: str, pos: int) -> int:
    """The code-point offset of UTF-16 position ``pos`` in ``text`` (a position inside a pair rounds down)."""
    return TextPositions(text).from_qt(pos)


class TextPositions:
    """Fast conversions for one text, plus the Qt block structure (one block per ``\\n``-separated line)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Code-point offsets of the astral characters, in order; each adds one extra UTF-16 unit after it.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Qt positions of those characters (the first unit of each pair).
        self._astral_qt = [off + i for i, off in enumerate(self._astral)]
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.block_starts = starts  # code-point offset where each block (line) starts

    def to_qt(self, offset: int) -> int:
        offset = max(0, min(offset, len(self.text)))
        if not self._astral:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)

    def from_qt(self, pos: int) -> int:
        if not self._astral:
            return max(0, min(pos, len(self.text)))
        before = bisect.bisect_left(self._astral_qt, pos)  # astral characters starting before pos
        offset = pos - before
        if before and pos == self._astral_qt[before - 1] + 1:  # inside a surrogate pair
            offset = self._astral[before - 1]
        return max(0, min(offset, len(self.text)))

    def block_of(self, offset: int) -> int:
        """The block number (line index) holding code-point ``offset``."""
        return bisect.bisect_right(self.block_starts, offset) - 1

    def block_spans(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Split the code-point range [start, end) into (block, qt_start_in_block, qt_length) pieces."""
        out: list[tuple[int, int, int]] = []
        if end <= start:
            return out
        block = self.block_of(start)
        starts = self.block_starts
        while start < end and block < len(starts):
            block_start = starts[block]
            block_end = starts[block + 1] - 1 if block + 1 < len(starts) else len(self.text)
            piece_end = min(end, block_end)
            if piece_end > start:
                qt_block = self.to_qt(block_start)
                a = self.to_qt(start) - qt_block
                b = self.to_qt(piece_end) - qt_block
                out.append((block, a, b - a))
            block += 1
            start = starts[block] if block < len(starts) else end
        return out
