"""Variation places: the pairwise differences against the base merged into N-way places.

Every version was diffed against the base once; a *place* is a stretch of the base where at least one version
differs, found by merging the base spans of those differences where they overlap (an insertion touching a span
joins it). At each place every compared version has a *reading*: the base words with that version's differences
put in (an omission reads as the empty string). Readings that are equal once normalized are grouped, as in
CollateX's alignment table ("1859: much more | 1860, 1861: more"). A place where every difference is cosmetic is
marked so; its readings are grouped by their exact text, since normalized they would all be one.

Nothing is diffed again: the cost is one pass over the comparison's differences, sorted.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace

from variorum.core.model import Comparison, Difference, Finding, ParagraphPair, Place, Reading
from variorum.core.normalize import normalize_text


def compared_versions(c: Comparison) -> list[str]:
    """The versions that take part in places: the base and every version aligned with it, in case order."""
    return [v.id for v in c.versions if v.id == c.base or v.id in c.alignments]


def _clusters(diffs: Sequence[Difference]) -> list[tuple[int, int, list[Difference]]]:
    """Base spans merged where they overlap; an insertion (empty span) joins a span it touches."""
    out: list[tuple[int, int, list[Difference]]] = []
    for d in sorted(diffs, key=lambda d: (d.base.start, d.base.end)):
        s, e = d.base.start, d.base.end
        if out:
            cs, ce, members = out[-1]
            if s < ce or (s == ce and (s == e or cs == ce)):
                out[-1] = (cs, max(ce, e), members + [d])
                continue
        out.append((s, e, [d]))
    return out


class _Offsets:
    """Where a base offset falls in one version: through the paragraph pairs and the last difference before it."""

    def __init__(self, diffs: Sequence[Difference], pairs: Sequence[ParagraphPair]) -> None:
        plain = sorted((d for d in diffs if d.kind != "move"), key=lambda d: d.base.end)
        self._ends = [d.base.end for d in plain]
        self._diffs = plain
        matched = sorted((p.base, p.other) for p in pairs if p.base is not None and p.other is not None)
        self._pair_starts = [b[0] for b, _ in matched]
        self._pairs = matched

    def map(self, pos: int) -> int:
        i = bisect_right(self._pair_starts, pos) - 1
        floor, delta = -1, 0
        if i >= 0:
            (bs, _be), (os_, oe) = self._pairs[i]
            floor, delta = bs, os_ - bs
            limit = oe
        j = bisect_right(self._ends, pos) - 1
        if j >= 0 and self._diffs[j].base.start >= floor:
            d = self._diffs[j]
            delta = d.other.end - d.base.end
        mapped = pos + delta
        return min(mapped, limit) if i >= 0 else max(mapped, 0)


def _reading(base_text: str, start: int, end: int, mine: Sequence[Difference]) -> str:
    """The base words from ``start`` to ``end`` with one version's differences put in."""
    parts: list[str] = []
    at = start
    for d in sorted(mine, key=lambda d: (d.base.start, d.base.end)):
        parts.append(base_text[at:d.base.start])
        if d.kind != "move":
            parts.append(d.other.text)
        at = max(at, d.base.end)
    parts.append(base_text[at:end])
    return _join(parts)


def _join(parts: Iterable[str]) -> str:
    """Pieces of text joined as words: differences are quoted without the spaces around them, so a space goes
    back between two pieces that would otherwise run two words together."""
    out = ""
    for piece in parts:
        if piece and out and out[-1].isalnum() and piece[0].isalnum():
            out += " "
        out += piece
    return out


def _snap(text: str, reading: str, near: int, slack: int = 64) -> tuple[int, int]:
    """Where ``reading`` stands in ``text`` nearest to ``near`` (white space between differences is not always
    part of them, so an offset carried over can be a few characters off)."""
    if text[near:near + len(reading)] == reading or not reading:
        return near, near + len(reading)
    lo = max(near - slack, 0)
    found = [m for m in _finditer(text, reading, lo, near + slack + len(reading))]
    at = min(found, key=lambda m: abs(m - near)) if found else near
    return at, at + len(reading)


def _finditer(text: str, needle: str, lo: int, hi: int) -> list[int]:
    out, i = [], text.find(needle, lo, hi)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1, hi)
    return out


def _place_id(base_sha: str, start: int, end: int) -> str:
    return "pl-" + hashlib.sha1(f"{base_sha}|{start}|{end}".encode()).hexdigest()[:12]


def variation_places(c: Comparison) -> tuple[Place, ...]:
    """The comparison's variation places, in base order, each citing the findings whose evidence falls in it."""
    base = c.base_version
    if base is None:
        return ()
    versions = compared_versions(c)
    diffs = [d for d in c.differences if d.version in c.alignments]
    by_version: dict[str, list[Difference]] = {v: [] for v in versions}
    for d in diffs:
        by_version[d.version].append(d)
    offsets = {v: _Offsets(by_version[v], c.alignments[v].paragraphs) for v in versions if v != base.id}
    places: list[Place] = []
    texts = {v: c.version(v).text for v in versions}
    order = [base.id] + [v for v in versions if v != base.id]
    for start, end, members in _clusters(diffs):
        places.append(_place(texts, base.id, base.sha256, order, offsets, start, end, members))
    return tuple(_with_findings(places, c.findings, base.id))


def _place(texts: dict[str, str], base_id: str, base_sha: str, order: Sequence[str],
           offsets: dict[str, _Offsets], start: int, end: int, members: list[Difference]) -> Place:
    """The place over ``start``–``end`` of the base; ``order`` is the compared versions, the base first."""
    base_text = texts[base_id]
    cosmetic = all(d.cosmetic for d in members)
    kinds = {d.kind for d in members}
    own: dict[str, list[Difference]] = {}
    for d in members:
        own.setdefault(d.version, []).append(d)
    same = base_text[start:end]
    groups: dict[str, tuple[str, list[str], list[tuple[str, int, int]]]] = {}
    base_key = same if cosmetic else normalize_text(same)
    for v in order:
        mine = own.get(v)
        if v == base_id:
            text, key, span = same, base_key, (start, end)
        elif mine is None:  # reads as the base does
            text, key, span = same, base_key, _snap(texts[v], same, offsets[v].map(start))
        else:
            text = _reading(base_text, start, end, mine)
            key = text if cosmetic else normalize_text(text)
            span = _span_of(texts[v], text, start, end, mine, offsets[v])
        group = groups.setdefault(key, (text, [], []))
        group[1].append(v)
        group[2].append((v, *span))
    readings = tuple(Reading(text=t, versions=tuple(vs), spans=tuple(spans), base=base_id in vs)
                     for t, vs, spans in groups.values())
    return Place(id=_place_id(base_sha, start, end), start=start, end=end,
                 kind=kinds.pop() if len(kinds) == 1 else "replace", cosmetic=cosmetic,
                 readings=readings, differing=tuple(v for r in readings[1:] for v in r.versions),
                 differences=tuple(d.id for d in members))


def _span_of(text: str, reading: str, start: int, end: int, mine: Sequence[Difference],
             offsets: _Offsets) -> tuple[int, int]:
    """Where one version's ``reading`` of the base's ``start``–``end`` stands in its ``text``."""
    plain = [d for d in mine if d.kind != "move"]
    if not plain:
        return _snap(text, reading.strip(), offsets.map(start))
    first = min(plain, key=lambda d: d.base.start)
    last = max(plain, key=lambda d: d.base.end)
    span = (max(first.other.start - (first.base.start - start), 0), last.other.end + (end - last.base.end))
    if text[span[0]:span[1]] != reading:
        found = _snap(text, reading.strip(), span[0])
        span = found if text[found[0]:found[1]] == reading.strip() else span
    return span


def _touches(s: int, e: int, ps: int, pe: int) -> bool:
    return s < pe and ps < e if s < e and ps < pe else ps <= s <= pe or s <= ps <= e


def _with_findings(places: list[Place], findings: Iterable[Finding], base_id: str) -> list[Place]:
    """Each place with the ids of the findings that have evidence inside it, in any version."""
    if not places:
        return places
    starts = [p.start for p in places]
    cited: dict[int, list[str]] = {}
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for i, p in enumerate(places):
        for r in p.readings:
            for v, s, e in r.spans:
                if v != base_id:
                    spans.setdefault(v, []).append((s, e, i))
    for mine in spans.values():
        mine.sort()
    for f in findings:
        hits: set[int] = set()
        for ev in f.evidence:
            if ev.version == base_id:
                lo = max(bisect_left(starts, ev.start) - 1, 0)
                for i in range(lo, bisect_right(starts, ev.end)):
                    if _touches(ev.start, ev.end, places[i].start, places[i].end):
                        hits.add(i)
            else:
                mine = spans.get(ev.version, [])
                lo = max(bisect_left(mine, (ev.start, -1, -1)) - 1, 0)
                for s, e, i in mine[lo:bisect_right(mine, (ev.end, 1 << 62, 1 << 62))]:
                    if _touches(ev.start, ev.end, s, e):
                        hits.add(i)
        for i in hits:
            cited.setdefault(i, []).append(f.id)
    if not cited:
        return places
    return [replace(p, findings=tuple(cited[i])) if i in cited else p for i, p in enumerate(places)]
