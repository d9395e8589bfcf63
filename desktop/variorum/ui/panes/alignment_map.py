"""Map a position in one version to the matching position in another, through the paragraph alignment.

Every version is aligned with the base (``Comparison.alignments``); a position is carried to the base and from
there to the target, proportionally inside aligned paragraphs. Versions without an alignment (related coverage,
unreadable files) map by their relative position in the text. Pure Python: no Qt here.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from variorum.core.model import Comparison, Difference


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
        self._by_version: dict[str, list[Difference]] = {}
        for d in comparison.differences:
            self._by_version.setdefault(d.version, []).append(d)

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
        """The range in ``version_id`` that corresponds to ``diff`` (a difference between the base and
        ``diff.version``): its own span in either of those two, otherwise the overlapping differences of that
        version, otherwise the aligned position of the base span."""
        if version_id == self._base:
            return diff.base.start, diff.base.end
        if version_id == diff.version:
            return diff.other.start, diff.other.end
        bs, be = diff.base.start, diff.base.end
        hits = [d for d in self._by_version.get(version_id, ())
                if d.base.start < be and bs < d.base.end or (bs == be and d.base.start <= bs <= d.base.end)]
        if hits:
            return min(d.other.start for d in hits), max(d.other.end for d in hits)
        return self.from_base(version_id, bs), self.from_base(version_id, be)
