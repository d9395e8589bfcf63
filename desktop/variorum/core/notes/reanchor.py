"""Re-anchoring: where does each note belong in a fresh comparison of its case?

In order: by id (the finding, difference or version is still there), else by exact position, else by the
quoted words and their context (exact, then approximate), else the note is *orphaned*. A note that moves is
reported as moved (and the store records the move in the audit log); nothing is silently put elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from variorum.core.model import Comparison, Version
from variorum.core.notes.anchors import Located, locate, quote_from
from variorum.core.notes.records import CaseVersion
from variorum.core.notes.targets import Anchor, quote_for_difference, quote_for_finding, span_in
from variorum.core.quick_dataclass import dataclass

State = Literal["ok", "moved", "orphaned"]


@dataclass(frozen=True)
class Resolution:
    """Where a note sits in this comparison. ``anchor`` is the (possibly updated) anchor to store."""

    note_id: str
    state: State
    method: str | None  # "id" | "position" | "quote" | "fuzzy" | "path" | "case"; None when orphaned
    anchor: Anchor
    version_id: str | None = None  # the version the anchor points into now
    start: int | None = None
    end: int | None = None


class _Versions:
    """Look up the comparison's versions by hash, or through the case's slot when a file changed."""

    def __init__(self, comparison: Comparison, case_versions: Sequence[CaseVersion]):
        self.by_sha = {v.sha256: v for v in comparison.versions if v.sha256 and v.ok}
        by_path = {v.path: v for v in comparison.versions if v.path and v.ok}
        self.by_slot: dict[int, Version] = {}
        self.slot_of_sha: dict[str, int] = {}
        for cv in case_versions:
            v = self.by_sha.get(cv.sha256) or (by_path.get(cv.path) if cv.path else None)
            if v is not None:
                self.by_slot[cv.slot] = v
                self.slot_of_sha[v.sha256] = cv.slot
            self.slot_of_sha.setdefault(cv.sha256, cv.slot)

    def find(self, sha: str | None, slot: int | None) -> tuple[Version | None, bool]:
        """The version for an anchor, and whether it is a changed file (found through its slot)."""
        if sha and sha in self.by_sha:
            return self.by_sha[sha], False
        if slot is not None and slot in self.by_slot:
            return self.by_slot[slot], True
        if sha and sha in self.slot_of_sha and self.slot_of_sha[sha] in self.by_slot:
            return self.by_slot[self.slot_of_sha[sha]], True
        return None, False


def resolve(note_id: str, anchor: Anchor, comparison: Comparison,
            case_versions: Sequence[CaseVersion] = ()) -> Resolution:
    versions = _Versions(comparison, case_versions)
    orphan = Resolution(note_id, "orphaned", None, anchor)
    if anchor.kind == "case":
        return Resolution(note_id, "ok", "case", anchor)
    if anchor.kind == "version":
        v, changed = versions.find(anchor.ref, anchor.slot)
        if v is None:
            return orphan
        moved = replace(anchor, ref=v.sha256, slot=versions.slot_of_sha.get(v.sha256, anchor.slot))
        return Resolution(note_id, "moved" if changed else "ok", "path" if changed else "id", moved, v.id)
    if anchor.kind == "finding":
        return _resolve_finding(note_id, anchor, comparison, versions) or orphan
    if anchor.kind == "difference":
        return _resolve_difference(note_id, anchor, comparison, versions) or orphan
    return _resolve_quote(note_id, anchor, versions) or orphan


def _find_words(anchor: Anchor, versions: _Versions) -> tuple[Version, Located, bool] | None:
    q = anchor.quote
    if q is None:
        return None
    v, changed = versions.find(q.sha256, anchor.slot)
    if v is None:
        return None
    found = locate(q, v.text)
    return (v, found, changed) if found else None


def _resolve_quote(note_id: str, anchor: Anchor, versions: _Versions) -> Resolution | None:
    hit = _find_words(anchor, versions)
    if hit is None:
        return None
    v, found, changed = hit
    q = anchor.quote
    quote = quote_from(v.text, found.start, found.end, v.sha256)
    new = replace(anchor, quote=quote, slot=versions.slot_of_sha.get(v.sha256, anchor.slot))
    same = (q is not None and not changed and found.method == "position" and quote.exact == q.exact
            and quote.prefix == q.prefix and quote.suffix == q.suffix)
    return Resolution(note_id, "ok" if same else "moved", found.method, anchor if same else new,
                      v.id, found.start, found.end)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    if a0 == a1 and b0 <= a0 <= b1:  # an empty span (a point) inside the other
        return 1
    if b0 == b1 and a0 <= b0 <= a1:
        return 1
    return max(0, min(a1, b1) - max(a0, b0))


def _most_overlapping(found, candidates):
    """The (item, span) among ``candidates`` whose span overlaps ``found`` most (the first on a tie), or None."""
    best, best_overlap = None, 0
    for item, span in candidates:
        ov = _overlap(found.start, found.end, span.start, span.end)
        if ov > best_overlap:
            best, best_overlap = (item, span), ov
    return best


def _resolve_finding(note_id: str, anchor: Anchor, c: Comparison, versions: _Versions) -> Resolution | None:
    for f in c.findings:
        if f.id == anchor.ref:
            ev = f.evidence[0] if f.evidence else None
            return Resolution(note_id, "ok", "id", anchor, ev.version if ev else None,
                              ev.start if ev else None, ev.end if ev else None)
    hit = _find_words(anchor, versions)
    if hit is None:
        return None
    v, found, _changed = hit
    best = _most_overlapping(found, ((f, e) for f in c.findings for e in f.evidence if e.version == v.id))
    if best is None:
        return None
    f, e = best
    new = replace(anchor, ref=f.id, quote=quote_for_finding(c, f) or anchor.quote,
                  slot=versions.slot_of_sha.get(v.sha256, anchor.slot))
    return Resolution(note_id, "moved", found.method, new, v.id, e.start, e.end)


def _resolve_difference(note_id: str, anchor: Anchor, c: Comparison, versions: _Versions) -> Resolution | None:
    for d in c.differences:
        if d.id == anchor.ref:
            vid, span = (d.version, d.other) if d.other.end > d.other.start or not c.base else (c.base, d.base)
            return Resolution(note_id, "ok", "id", anchor, vid, span.start, span.end)
    hit = _find_words(anchor, versions)
    if hit is None:
        return None
    v, found, _changed = hit
    spans = ((d, span_in(c, d, v.id)) for d in c.differences)
    best = _most_overlapping(found, ((d, span) for d, span in spans if span is not None))
    if best is None:
        return None
    d, span = best
    new = replace(anchor, ref=d.id, quote=quote_for_difference(c, d) or anchor.quote,
                  slot=versions.slot_of_sha.get(v.sha256, anchor.slot))
    return Resolution(note_id, "moved", found.method, new, v.id, span.start, span.end)
