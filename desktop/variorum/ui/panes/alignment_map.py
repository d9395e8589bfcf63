"""Map a position in one version to the matching position in another, through the paragraph alignment.

Every version is aligned with the base (``Comparison.alignments``); a position is carried to the base and from
there to the target, proportionally inside aligned paragraphs. Versions without an alignment (related coverage,
unreadable files) map by their relative position in the text. Ranges that must be exact (the counterpart of a
difference, a finding's evidence, a note's words) go through :class:`~variorum.core.counterpart.Counterparts`
instead, which follows each version's own word diff. Pure Python: no Qt here.
"""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Callable

from variorum.core.counterpart import Counterparts
from variorum.core.model import Comparison, Difference
from variorum.core.quick_dataclass import dataclass


@dataclass(frozen=True)
class _Segments:
    """Aligned ranges sorted by source start: parallel lists (src_start, src_end, dst_start, dst_end)."""

    src_starts: tuple[int, ...]
    rows: tuple[tuple[int, int, int, int], ...]
    src_len: int
    dst_len: int

    def map(self, offset: int) -> int:
        if not self.rows:
            return round(offset * self.dst_len / self.src_len) if self.src_len else 0
        i = bisect.bisect_right(self.src_starts, offset) - 1
        if i < 0:
            return self.rows[0][2] if offset >= 0 else 0
        s, e, ds, de = self.rows[i]
        if offset <= e:
            if e == s:
                return ds
            return ds + round((offset - s) * (de - ds) / (e - s))
        return self.rows[i + 1][2] if i + 1 < len(self.rows) else de


def _segments(pairs, *, reverse: bool, src_len: int, dst_len: int) -> _Segments:
    rows = []
    for p in pairs:
        if p.base is None or p.other is None:
            continue
        src, dst = (p.other, p.base) if reverse else (p.base, p.other)
        rows.append((src[0], src[1], dst[0], dst[1]))
    rows.sort()
    return _Segments(tuple(r[0] for r in rows), tuple(rows), src_len, dst_len)


class AlignmentMap:
    """Position mapping between any two versions of one comparison."""

    def __init__(self, comparison: Comparison) -> None:
        self._c = comparison
        self._base = comparison.base
        base_len = len(comparison.base_version.text) if comparison.base_version else 0
        self._to_base: dict[str, _Segments] = {}
        self._from_base: dict[str, _Segments] = {}
        for v in comparison.versions:
            if v.id == self._base:
                continue
            pairs = comparison.alignments[v.id].paragraphs if v.id in comparison.alignments else ()
            self._to_base[v.id] = _segments(pairs, reverse=True, src_len=len(v.text), dst_len=base_len)
            self._from_base[v.id] = _segments(pairs, reverse=False, src_len=base_len, dst_len=len(v.text))
        self.exact = Counterparts(comparison)  # word-exact places, through each version's own diff

    @property
    def comparison(self) -> Comparison:
        return self._c

    def prepare(self, cancelled: Callable[[], bool]) -> None:
        """Build the word-exact maps of every version now, both ways: built on first use, on the UI thread,
        they would hold the window for a noticeable moment with large texts (the maps from the base at the first
        Alt+Down, those to the base at the first finding or selection); built on a thread of their own while
        the window works, they would compete with it for the interpreter. Meant for the comparison's worker: a
        thread builds them before it reports; the comparison's process, once it has sent the comparison (see
        :func:`adopt`). ``cancelled`` stops it."""
        for v in self._c.versions:
            if cancelled():
                return
            self.exact.build(v.id)

    def to_base(self, version_id: str, offset: int) -> int:
        if version_id == self._base or version_id not in self._to_base:
            return offset
        return self._to_base[version_id].map(offset)

    def from_base(self, version_id: str, offset: int) -> int:
        if version_id == self._base or version_id not in self._from_base:
            return offset
        return self._from_base[version_id].map(offset)

    def map(self, source: str, offset: int, target: str) -> int:
        if source == target:
            return offset
        return self.from_base(target, self.to_base(source, offset))

    def counterpart(self, diff: Difference, version_id: str) -> tuple[int, int]:
        """The range in ``version_id`` that reads where ``diff`` (between the base and ``diff.version``) is: its
        own span in either of those two, otherwise the place found through ``version_id``'s own word diff
        (exact to the word); versions that do not line up with the base get the aligned position."""
        exact = self.exact.of_difference(diff, version_id)
        if exact is not None:
            return exact
        return self.from_base(version_id, diff.base.start), self.from_base(version_id, diff.base.end)

    def between(self, source: str, start: int, end: int, target: str) -> tuple[int, int] | None:
        """Where [start, end) of ``source`` reads in ``target``, exact to the word; None when either does not
        line up with the base word by word."""
        return self.exact.between(source, start, end, target)


_last: tuple[weakref.ref[Comparison], AlignmentMap] | None = None


def alignment_for(comparison: Comparison) -> AlignmentMap:
    """The position map of ``comparison``, the same one for every caller while it is the latest comparison
    asked for (so the maps the comparison's worker thread built ahead are the ones the panes use)."""
    global _last
    last = _last
    if last is not None and last[0]() is comparison:
        return last[1]
    amap = AlignmentMap(comparison)
    _last = (weakref.ref(comparison), amap)
    return amap


def adopt(amap: AlignmentMap) -> None:
    """Take the word-exact maps of ``amap`` (built for its comparison in the comparison's process, after the
    comparison itself was sent) into the map every caller uses for that comparison; nothing if another
    comparison was asked for since, or the case was closed."""
    last = _last
    if last is not None and last[0]() is amap.comparison:
        last[1].exact.adopt(amap.exact)


def forget_alignments() -> None:
    """Let the latest map go (its comparison with it): the case it belongs to was closed."""
    global _last
    _last = None
