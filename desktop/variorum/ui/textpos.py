"""The one place where code-point offsets (the core's) meet Qt's UTF-16 positions.

The core counts Python ``str`` indices (code points); Qt counts UTF-16 code units, so every character outside the
Basic Multilingual Plane (emoji, some CJK, mathematical letters) takes two Qt positions. :class:`TextPositions`
precomputes the mapping once per text; a text with no such character is the common case and costs nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def to_qt(text: str, offset: int) -> int:
    """The UTF-16 position of code-point ``offset`` in ``text``."""
    offset = max(0, min(offset, len(text)))
    return offset + len(_ASTRAL.findall(text, 0, offset))


def from_qt(text: str, pos: int) -> int:
    """The code-point offset of UTF-16 position ``pos`` in ``text`` (a position inside a pair rounds down)."""
    return TextPositions(text).from_qt(pos)


class TextPositions:
    """Fast conversions for one text, plus the Qt block structure (one block per ``\\n``-separated line).

    ``fillers`` maps the code-point offset of a line start to a number of empty lines shown before that line (the
    space kept opposite a passage another version has, so aligned passages stay level). They exist only on
    screen: offsets in and out are the text's own, and a Qt position inside filler space maps to the line after.
    """

    def __init__(self, text: str, fillers: Mapping[int, int] | None = None) -> None:
        self.text = text
        # Code-point offsets of the astral characters, in order; each adds one extra UTF-16 unit after it.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.block_starts = starts  # code-point offset where each line of the text starts
        self.fillers = {o: n for o, n in sorted((fillers or {}).items()) if n > 0 and 0 <= o <= len(text)}
        self._fill_at = list(self.fillers)  # offsets with filler lines before them, in order
        total, cumulative = 0, []
        for o in self._fill_at:
            total += self.fillers[o]
            cumulative.append(total)
        self._fill_total = cumulative  # filler lines at or before each of those offsets
        self._plain = not self._astral and not self.fillers
        # Qt positions of the astral characters (the first unit of each pair).
        self._astral_qt = [self.to_qt(off) for off in self._astral]

    @property
    def shown(self) -> str:
        """The text as the document holds it: with its filler lines."""
        if not self.fillers:
            return self.text
        parts, last = [], 0
        for o in self._fill_at:
            parts.append(self.text[last:o])
            parts.append("\n" * self.fillers[o])
            last = o
        parts.append(self.text[last:])
        return "".join(parts)

    def fill_before(self, offset: int) -> int:
        """Filler lines shown before code-point ``offset`` (those at ``offset`` itself included)."""
        i = bisect.bisect_right(self._fill_at, offset)
        return self._fill_total[i - 1] if i else 0

    def to_qt(self, offset: int) -> int:
        offset = max(0, min(offset, len(self.text)))
        if self._plain:
            return offset
        return offset + bisect.bisect_left(self._astral, offset) + self.fill_before(offset)

    def from_qt(self, pos: int) -> int:
        if self._plain:
            return max(0, min(pos, len(self.text)))
        if not self.fillers:
            before = bisect.bisect_left(self._astral_qt, pos)  # astral characters starting before pos
            offset = pos - before
            if before and pos == self._astral_qt[before - 1] + 1:  # inside a surrogate pair
                offset = self._astral[before - 1]
            return max(0, min(offset, len(self.text)))
        lo, hi = 0, len(self.text)  # the last offset whose Qt position is at or before pos
        if pos <= 0:
            return 0
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.to_qt(mid) <= pos:
                lo = mid
            else:
                hi = mid - 1
        if lo < len(self.text) and self.to_qt(lo) < pos and lo in self.fillers:
            return lo
        nxt = bisect.bisect_right(self._fill_at, lo)  # inside filler space: the line after it
        if nxt < len(self._fill_at) and self.to_qt(self._fill_at[nxt]) - self.fillers[self._fill_at[nxt]] <= pos:
            return self._fill_at[nxt]
        return lo

    def block_of(self, offset: int) -> int:
        """The Qt block number (line index, filler lines counted) holding code-point ``offset``."""
        line = bisect.bisect_right(self.block_starts, offset) - 1
        return line + self.fill_before(self.block_starts[line]) if self.fillers else line

    def block_spans(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Split the code-point range [start, end) into (block, qt_start_in_block, qt_length) pieces."""
        out: list[tuple[int, int, int]] = []
        if end <= start:
            return out
        line = bisect.bisect_right(self.block_starts, start) - 1
        starts = self.block_starts
        while start < end and line < len(starts):
            block_start = starts[line]
            block_end = starts[line + 1] - 1 if line + 1 < len(starts) else len(self.text)
            piece_end = min(end, block_end)
            if piece_end > start:
                qt_block = self.to_qt(block_start)
                a = self.to_qt(start) - qt_block
                b = self.to_qt(piece_end) - qt_block
                out.append((line + self.fill_before(block_start), a, b - a))
            line += 1
            start = starts[line] if line < len(starts) else end
        return out
