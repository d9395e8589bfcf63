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
                members.append(d)
                out[-1] = (cs, max(ce, e), members)
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

    def map_all(self, positions: Sequence[int]) -> list[int]:
        """:meth:`map` of each of ``positions`` (ascending), in one walk through the pairs and differences."""
        out: list[int] = []
        pairs, starts, diffs, ends = self._pairs, self._pair_starts, self._diffs, self._ends
        i = j = -1
        n_pairs, n_diffs = len(starts), len(ends)
        for pos in positions:
            while i + 1 < n_pairs and starts[i + 1] <= pos:
                i += 1
            while j + 1 < n_diffs and ends[j + 1] <= pos:
                j += 1
            floor, delta, limit = -1, 0, None
            if i >= 0:
                (bs, _be), (os_, limit) = pairs[i]
                floor, delta = bs, os_ - bs
            if j >= 0 and diffs[j].base.start >= floor:
                delta = diffs[j].other.end - diffs[j].base.end
            mapped = pos + delta
            out.append(min(mapped, limit) if limit is not None else max(mapped, 0))
        return out

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
    """The base words from ``start`` to ``end`` with one version's differences (in base order) put in."""
    parts: list[str] = []
    at = start
    for d in mine:
        parts.append(base_text[at:d.base.start])
        if d.kind != "move":
            parts.append(d.other.text)
        at = max(at, d.base.end)
    parts.append(base_text[at:end])
    return _join(parts)


_NO_SPACE_AFTER = frozenset("([{\u201c\u2018\"'-/\u2010\u2011")


def _join(parts: Iterable[str]) -> str:
    """Pieces of text joined as words: differences are quoted without the spaces around them, so a space goes
    back where a word would otherwise run into the end of the previous piece ("Variability." + "WHEN"), but not
    after an opening bracket, quotation mark or hyphen, nor before punctuation."""
    out = ""
    for piece in parts:
        if piece and out and piece[0].isalnum() and not out[-1].isspace() and out[-1] not in _NO_SPACE_AFTER:
            out += " "
        out += piece
    return out


# how far from a base offset carried over into a version the text it stands for may be (differences are quoted
# without the spaces around them, so carried offsets can be off by a few characters)
_NEAR = 64


def _snap(text: str, reading: str, near: int, slack: int = _NEAR) -> tuple[int, int]:
    """Where ``reading`` stands in ``text`` nearest to ``near`` (white space between differences is not always
    part of them, so an offset carried over can be a few characters off)."""
    if not reading or text.startswith(reading, near):
        return near, near + len(reading)
    after = text.find(reading, near, near + slack + len(reading))
    before = text.rfind(reading, max(near - slack, 0), near + len(reading) - 1)
    found = [i for i in (after, before) if i >= 0]
    at = min(found, key=lambda i: abs(i - near)) if found else near
    return at, at + len(reading)


def _unchanged_spans(version: str, text: str, starts: Sequence[int], readings: Sequence[str]
                     ) -> list[tuple[str, int, int] | None]:
    """``(version, start, end)`` of each of the base's ``readings`` found in ``text`` at the given ``starts``;
    None where it is not found there (the version differs there, or the offset is a few characters off)."""
    return [(version, at, at + len(r)) if text.startswith(r, at) else None
            for at, r in zip(starts, readings, strict=True)]


def _place_id(base_sha: str, start: int, end: int) -> str:
    return "pl-" + hashlib.sha1(f"{base_sha}|{start}|{end}".encode()).hexdigest()[:12]


def variation_places(c: Comparison, *, cosmetic: bool = True) -> tuple[Place, ...]:
    """The comparison's variation places, in base order, each citing the findings whose evidence falls in it;
    without ``cosmetic``, only those where some difference is substantive (each place is made on its own, so the
    others are the same either way)."""
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
    others = [v for v in versions if v != base.id]
    clusters = _clusters(diffs)
    if not cosmetic:
        clusters = [cluster for cluster in clusters if not all(d.cosmetic for d in cluster[2])]
    # where each version would read each place as the base does, found in one walk per version
    sames = [_base_reading(base.text, start, end, members) for start, end, members in clusters]
    starts = {v: o.map_all([start for start, _, _ in clusters]) for v, o in offsets.items()}
    at = {v: _unchanged_spans(v, texts[v], starts[v], sames) for v in offsets}
    for k, (start, end, members) in enumerate(clusters):
        places.append(_place(texts, base.id, base.sha256, others, offsets, starts, at, k, start, end, sames[k],
                             members))
    return tuple(_with_findings(places, c.findings, base.id, starts))


def _base_reading(text: str, start: int, end: int, members: Sequence[Difference]) -> str:
    """``text[start:end]``, the base's reading of a place: the very string a difference there already quotes,
    when one quotes all of it (a removed paragraph of megabytes is not held once more for its place)."""
    for d in members:
        if (d.base.start, d.base.end) == (start, end) and text.startswith(d.base.text, start) \
                and len(d.base.text) == end - start:
            return d.base.text
    return text[start:end]


def _place(texts: dict[str, str], base_id: str, base_sha: str, others: Sequence[str],
           offsets: dict[str, _Offsets], starts: dict[str, list[int]], at: dict[str, list[tuple[str, int, int] | None]],
           k: int, start: int, end: int, same: str, members: list[Difference]) -> Place:
    """The ``k``-th place, over ``start``–``end`` of the base (``same``: what the base reads there); ``others``
    are the compared versions but the base, ``starts[v][k]`` is where the place starts in version ``v`` and ``at[v][k]`` where ``v`` reads it, if it reads
    it as the base does there."""
    base_text = texts[base_id]
    cosmetic = all(d.cosmetic for d in members)
    kinds = {d.kind for d in members}
    own: dict[str, list[Difference]] = {}
    for d in members:
        own.setdefault(d.version, []).append(d)
    base_key = same if cosmetic else normalize_text(same)
    same_versions = [v for v in others if v not in own]
    base_spans = [(base_id, start, end),
                  *[at[v][k] or (v, *_snap(texts[v], same, starts[v][k])) for v in same_versions]]
    groups: dict[str, tuple[str, list[str], list[tuple[str, int, int]]]] = {
        base_key: (same, [base_id, *same_versions], base_spans)}
    for v in [v for v in others if v in own]:
        mine = own[v]
        reading = _reading(base_text, start, end, mine)
        key = reading if cosmetic else normalize_text(reading)
        group = groups.setdefault(key, (reading, [], []))
        group[1].append(v)
        group[2].append((v, *_span_of(texts[v], reading, start, end, mine, offsets[v])))
    readings = tuple(Reading(text=t, versions=tuple(vs), spans=tuple(spans), base=i == 0)
                     for i, (t, vs, spans) in enumerate(groups.values()))
    return Place(id=_place_id(base_sha, start, end), start=start, end=end,
                 kind=kinds.pop() if len(kinds) == 1 else "replace", cosmetic=cosmetic,
                 readings=readings, differing=tuple(v for r in readings[1:] for v in r.versions),
                 differences=tuple(d.id for d in members))


def _span_of(text: str, reading: str, start: int, end: int, mine: Sequence[Difference],
             offsets: _Offsets) -> tuple[int, int]:
    """Where one version's ``reading`` of the base's ``start``–``end`` stands in its ``text``; ``mine`` are the
    version's differences there, in base order (one version's differences do not overlap)."""
    plain = [d for d in mine if d.kind != "move"]
    if not plain:
        return _snap(text, reading.strip(), offsets.map(start))
    first, last = plain[0], plain[-1]
    span = (max(first.other.start - (first.base.start - start), 0), last.other.end + (end - last.base.end))
    if text[span[0]:span[1]] != reading:
        found = _snap(text, reading.strip(), span[0])
        span = found if text[found[0]:found[1]] == reading.strip() else span
    return span


def _touches(s: int, e: int, ps: int, pe: int) -> bool:
    return s < pe and ps < e if s < e and ps < pe else ps <= s <= pe or s <= ps <= e


def _with_findings(places: list[Place], findings: Iterable[Finding], base_id: str,
                   starts: dict[str, list[int]]) -> list[Place]:
    """Each place with the ids of the findings that have evidence inside it, in any version; ``starts[v]`` is
    where each place starts in version ``v`` (ascending, give or take the spaces around a difference)."""
    if not places:
        return places
    starts = {**starts, base_id: [p.start for p in places]}
    cited: dict[int, list[str]] = {}
    for f in findings:
        hits: set[int] = set()
        for ev in f.evidence:
            mine = starts.get(ev.version)
            if mine is None:
                continue
            lo = max(bisect_left(mine, ev.start - _NEAR) - 1, 0)
            for i in range(lo, min(bisect_right(mine, ev.end + _NEAR) + 1, len(places))):
                span = places[i].span_in(ev.version)
                if span is not None and _touches(ev.start, ev.end, *span):
                    hits.add(i)
        for i in sorted(hits):
            cited.setdefault(i, []).append(f.id)
    for i, ids in cited.items():  # one at a time: a passage cited at 20,000 places does not hold them twice
        places[i] = replace(places[i], findings=tuple(ids))
    return places
