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
from itertools import compress
from typing import NamedTuple, TypeVar

from variorum.core.model import Comparison, Difference
from variorum.core.tokens import OFFSETS, Words, content_words


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


class TextWords:
    """Every token of one text, read once: the words of a stretch are then a slice of them.

    The base is paired with every other version, so its words were read once for each: read once, they serve
    all. A stretch whose end cuts a token in two is read on its own, as it always was (the part of a token it
    holds may read as a token of another kind)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._all = content_words(text, markup=True)

    def between(self, start: int, end: int) -> Words:
        """The words of ``text[start:end]``: what :func:`content_words` finds there."""
        starts, ends, keys = self._all
        i = bisect.bisect_left(starts, start)  # the first token starting inside
        j = bisect.bisect_left(starts, end, i)  # the first starting at or after the end
        if (i and ends[i - 1] > start) or (j and ends[j - 1] > end):
            return content_words(self.text, start, end)
        found = keys[i:j]
        if "" not in found:
            return Words(starts[i:j], ends[i:j], found)
        kept = list(map(bool, found))  # markup: no part in alignment
        return Words(array(OFFSETS, compress(starts[i:j], kept)), array(OFFSETS, compress(ends[i:j], kept)),
                     list(compress(found, kept)))


class Units(NamedTuple):
    """The paired stretches of the base and another version, in reading order on both sides, as columns: where
    each starts and ends in the base and in the other version, and whether it is matched words (1: a position
    inside moves by the same amount) or a difference (0: a position inside widens). Columns rather than a tuple
    a stretch: a 100 KB text has tens of thousands of them. ``differences`` numbers the stretches that are
    differences: only they can be empty on one side."""

    base_starts: array
    base_ends: array
    other_starts: array
    other_ends: array
    exact: bytearray
    differences: list[int]

    def add(self, b0: int, b1: int, o0: int, o1: int) -> None:
        """One difference."""
        self.differences.append(len(self.exact))
        self.base_starts.append(b0)
        self.base_ends.append(b1)
        self.other_starts.append(o0)
        self.other_ends.append(o1)
        self.exact.append(0)

    def add_words(self, base: Words, other: Words) -> None:
        """Matched words, pair by pair."""
        self.base_starts.extend(base.starts)
        self.base_ends.extend(base.ends)
        self.other_starts.extend(other.starts)
        self.other_ends.extend(other.ends)
        self.exact.extend(b"\x01" * len(base.keys))


def units(base: TextWords, other: TextWords, differences: Iterable[Difference]) -> Units:
    """The paired stretches of ``base`` and ``other``: each difference, and the matched words between them."""
    diffs = sorted((d for d in differences if d.kind != "move"), key=lambda d: (d.base.start, d.other.start))
    out = Units(array(OFFSETS), array(OFFSETS), array(OFFSETS), array(OFFSETS), bytearray(), [])
    pb = po = 0
    for d in [*diffs, None]:
        b_end = d.base.start if d is not None else len(base.text)
        o_end = d.other.start if d is not None else len(other.text)
        if d is not None and (d.base.start < pb or d.other.start < po):
            continue  # overlaps what is already paired (should not happen): leave it out
        _add_gap(out, base, other, pb, b_end, po, o_end)
        if d is not None:
            out.add(d.base.start, d.base.end, d.other.start, d.other.end)
            pb, po = d.base.end, d.other.end
    return out


def _add_gap(out: Units, base: TextWords, other: TextWords, b0: int, b1: int, o0: int, o1: int) -> None:
    """Pair the words of a stretch the diff found equal; if they do not pair up, the stretch is one unit."""
    wb, wo = base.between(b0, b1), other.between(o0, o1)
    if wb.keys == wo.keys:
        out.add_words(wb, wo)
    elif b1 > b0 or o1 > o0:
        out.add(b0, b1, o0, o1)


_Column = TypeVar("_Column", array, bytearray)


def _without(column: _Column, left_out: list[int]) -> _Column:
    """A copy of ``column`` without the items at the ascending positions ``left_out`` (copied in runs)."""
    out = column[:0]
    at = 0
    for i in left_out:
        out += column[at:i]
        at = i + 1
    out += column[at:]
    return out


class _Map:
    """Positions carried from one side of the units to the other.

    The units holding text on this side are kept as columns of offsets (arrays): the window's process takes the
    maps that its comparison process built, which as one tuple a unit took it hundreds of milliseconds to
    unpickle. The units come in reading order on both sides (a diff's differences are in reading order in the
    other version too, a property its tests check), so neither side needs sorting."""

    def __init__(self, units: Units, *, to_base: bool, src_len: int, dst_len: int) -> None:
        u = units
        starts, ends, dst_starts, dst_ends = ((u.other_starts, u.other_ends, u.base_starts, u.base_ends) if to_base
                                              else (u.base_starts, u.base_ends, u.other_starts, u.other_ends))
        empty = [i for i in u.differences if starts[i] == ends[i]]  # units holding no text on this side
        self.starts, self.ends = _without(starts, empty), _without(ends, empty)
        self.dst_starts, self.dst_ends = _without(dst_starts, empty), _without(dst_ends, empty)
        self.exact = bytes(_without(u.exact, empty))
        # The other side's own insertions: an empty place here, where it holds words.
        self.insertions: dict[int, tuple[int, int]] = {}
        for i in empty:
            s, ds, de = starts[i], dst_starts[i], dst_ends[i]
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
        self._base_words: TextWords | None = None  # while maps remain to be built

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_base_words": None}  # read again if ever needed: the maps are what travels

    def _map(self, version_id: str, to_base: bool) -> _Map | None:
        c = self._c
        rel = c.relations.get(version_id)
        if c.base is None or rel is None or rel.kind != "same-article":
            return None
        key = (version_id, to_base)
        if key not in self._maps:  # both ways from one reading of the two texts' words
            base_version = c.base_version
            assert base_version is not None, "a map needs a base"
            base = self._base_words or TextWords(base_version.text)
            other = c.version(version_id).text
            u = units(base, TextWords(other), (d for d in c.differences if d.version == version_id))
            self._maps[(version_id, False)] = _Map(u, to_base=False, src_len=len(base.text), dst_len=len(other))
            self._maps[(version_id, True)] = _Map(u, to_base=True, src_len=len(other), dst_len=len(base.text))
            # the base's words serve the next version's maps, and go once every version has its own
            self._base_words = None if self._complete() else base
        return self._maps[key]

    def _complete(self) -> bool:
        return len(self._maps) >= 2 * sum(1 for r in self._c.relations.values() if r.kind == "same-article")

    def build(self, version_id: str) -> None:
        """Build ``version_id``'s maps, both ways, now (nothing for the base and versions that do not line up)."""
        if version_id != self._base:
            self._map(version_id, False)

    def built(self, version_id: str) -> bool:
        """Whether ``version_id``'s maps, both ways, are at hand (asking for a place builds them otherwise)."""
        return (version_id, False) in self._maps and (version_id, True) in self._maps

    def adopt(self, other: Counterparts) -> None:
        """Take the maps ``other`` built for the same comparison (elsewhere: in the comparison's process) where
        these have none of their own yet."""
        for key, found in other._maps.items():
            self._maps.setdefault(key, found)
        if self._complete():
            self._base_words = None

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
