"""Where a stretch of the base reads in another version, exact to the word, through that version's own diff.

Every version of the same article was word-diffed against the base: its differences, and the words between them
that the diff matched, pair the base with that version word by word. :class:`Counterparts` turns those pairs into
a position map, so the place of any base span in a version comes from that version's alignment, not from the
version the user happens to compare (whose differences, and so whose offsets, are not the same). A position
inside one of the version's own differences widens to the whole difference; a position between words moves to
the next word (a start) or the previous one (an end). Pure Python.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable
from itertools import repeat

from variorum.core.model import Comparison, Difference
from variorum.core.tokens import content_words

# One paired stretch: (base start, base end, other start, other end, exact). ``exact`` stretches are matched
# words (a position inside moves by the same amount); the others are differences (a position inside widens).
Unit = tuple[int, int, int, int, bool]


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def on_word_boundary(text: str, offset: int) -> bool:
    """True when ``offset`` does not cut a word of ``text`` in two."""
    if offset <= 0 or offset >= len(text):
        return True
    return not (_word_char(text[offset - 1]) and _word_char(text[offset]))


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole words of ``text``."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    end = max(start, end)
    while not on_word_boundary(text, start):
        start -= 1
    while not on_word_boundary(text, end):
        end += 1
    return start, end


def units(base: str, other: str, differences: Iterable[Difference]) -> list[Unit]:
    """The paired stretches of ``base`` and ``other``: each difference, and the matched words between them."""
    diffs = sorted((d for d in differences if d.kind != "move"), key=lambda d: (d.base.start, d.other.start))
    out: list[Unit] = []
    pb = po = 0
    for d in [*diffs, None]:
        b_end = d.base.start if d is not None else len(base)
        o_end = d.other.start if d is not None else len(other)
        if d is not None and (d.base.start < pb or d.other.start < po):
            continue  # overlaps what is already paired (should not happen): leave it out
        out.extend(_gap_units(base, other, pb, b_end, po, o_end))
        if d is not None:
            out.append((d.base.start, d.base.end, d.other.start, d.other.end, False))
            pb, po = d.base.end, d.other.end
    return out


def _gap_units(base: str, other: str, b0: int, b1: int, o0: int, o1: int) -> list[Unit]:
    """Pair the words of a stretch the diff found equal; if they do not pair up, the stretch is one unit."""
    wb, wo = content_words(base, b0, b1), content_words(other, o0, o1)
    if wb.keys == wo.keys:  # read as offsets and keys, not one token object each (5x faster)
        return list(zip(wb.starts, wb.ends, wo.starts, wo.ends, repeat(True, len(wb.keys)), strict=True))
    if b1 > b0 or o1 > o0:
        return [(b0, b1, o0, o1, False)]
    return []


class _Map:
    """Positions carried from one side of a list of units to the other.

    The units holding text on this side are kept as columns of offsets (arrays) rather than one tuple each: a
    map of a 100 KB text has tens of thousands of units, and the window's process takes the maps that its
    comparison process built, which as tuples took it hundreds of milliseconds to unpickle."""

    def __init__(self, rows: list[Unit], src_len: int, dst_len: int) -> None:
        rows = sorted(rows, key=lambda r: (r[0], r[1]))
        filled = [r for r in rows if r[1] > r[0]]  # units holding text on this side
        self.starts, self.ends = array("q", [r[0] for r in filled]), array("q", [r[1] for r in filled])
        self.dst_starts, self.dst_ends = array("q", [r[2] for r in filled]), array("q", [r[3] for r in filled])
        self.exact = bytes(r[4] for r in filled)
        # The other side's own insertions: an empty place here, where it holds words.
        self.insertions: dict[int, tuple[int, int]] = {}
        for s, e, ds, de, _exact in rows:
            if s == e:
                lo, hi = self.insertions.get(s, (ds, de))
                self.insertions[s] = (min(lo, ds), max(hi, de))
        self.src_len, self.dst_len = src_len, dst_len

    def start(self, offset: int) -> int:
        """Where a range starting at ``offset`` starts on the other side."""
        i = bisect.bisect_right(self.ends, offset)  # first unit ending after offset
        if i >= len(self.ends):
            return self.dst_ends[-1] if self.ends else 0
        s, ds = self.starts[i], self.dst_starts[i]
        if s < offset:  # inside it
            return ds + (offset - s) if self.exact[i] else ds
        return ds

    def end(self, offset: int) -> int:
        """Where a range ending at ``offset`` ends on the other side."""
        i = bisect.bisect_left(self.starts, offset) - 1  # last unit starting before offset
        if i < 0:
            return self.dst_starts[0] if self.starts else 0
        s, e, ds, de = self.starts[i], self.ends[i], self.dst_starts[i], self.dst_ends[i]
        if offset < e:  # inside it
            return min(de, ds + (offset - s)) if self.exact[i] else de
        return de

    def point(self, offset: int) -> tuple[int, int]:
        """An empty place: the other side's own insertion there, else the place between the same words."""
        if offset in self.insertions:
            return self.insertions[offset]
        i = bisect.bisect_left(self.starts, offset)
        if i < len(self.starts) and self.starts[i] == offset:
            p = self.dst_starts[i]
        elif i > 0 and self.ends[i - 1] >= offset:
            p = self.dst_ends[i - 1] if self.ends[i - 1] == offset else self.end(offset)
        else:
            p = self.start(offset)
        return p, p

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.point(start)
        a, b = self.start(start), self.end(end)
        return (a, b) if b >= a else (a, a)


class Counterparts:
    """Where a span of the base reads in each version of the same article (and back), one map per version."""

    def __init__(self, comparison: Comparison) -> None:
        self._c = comparison
        self._base = comparison.base
        self._maps: dict[tuple[str, bool], _Map] = {}

    def _map(self, version_id: str, to_base: bool) -> _Map | None:
        c = self._c
        rel = c.relations.get(version_id)
        if c.base is None or rel is None or rel.kind != "same-article":
            return None
        key = (version_id, to_base)
        if key not in self._maps:  # both ways from one reading of the two texts' words
            base_version = c.base_version
            assert base_version is not None, "a map needs a base"
            base, other = base_version.text, c.version(version_id).text
            rows = units(base, other, (d for d in c.differences if d.version == version_id))
            self._maps[(version_id, False)] = _Map(rows, len(base), len(other))
            self._maps[(version_id, True)] = _Map([(r[2], r[3], r[0], r[1], r[4]) for r in rows], len(other),
                                                  len(base))
        return self._maps[key]

    def has(self, version_id: str) -> bool:
        """True for the base and the versions that line up with it word by word."""
        return version_id == self._base or self._map(version_id, False) is not None

    def from_base(self, version_id: str, start: int, end: int) -> tuple[int, int] | None:
        """The range of ``version_id`` that reads where the base has [start, end); None when it does not line up."""
        if version_id == self._base:
            return start, end
        m = self._map(version_id, False)
        if m is None:
            return None
        s, e = m.span(start, end)
        text = self._c.version(version_id).text
        return snap_to_words(text, s, e) if e > s else (s, e)

    def to_base(self, version_id: str, start: int, end: int) -> tuple[int, int] | None:
        """The range of the base that reads where ``version_id`` has [start, end)."""
        if version_id == self._base:
            return start, end
        m = self._map(version_id, True)
        if m is None:
            return None
        s, e = m.span(start, end)
        base_version = self._c.base_version
        if base_version is None:
            return None
        return snap_to_words(base_version.text, s, e) if e > s else (s, e)

    def between(self, source: str, start: int, end: int, target: str) -> tuple[int, int] | None:
        """The range of ``target`` that reads where ``source`` has [start, end), through the base."""
        if source == target:
            return start, end
        in_base = self.to_base(source, start, end)
        return None if in_base is None else self.from_base(target, *in_base)

    def of_difference(self, diff: Difference, version_id: str) -> tuple[int, int] | None:
        """Where ``diff`` (between the base and ``diff.version``) reads in ``version_id``."""
        if version_id == self._base:
            return diff.base.start, diff.base.end
        if version_id == diff.version:
            return diff.other.start, diff.other.end
        return self.from_base(version_id, diff.base.start, diff.base.end)
