"""What a note is attached to, as stored: :class:`Anchor`, and the way to and from :class:`AnchorRef`.

An :class:`~variorum.core.notes.refs.AnchorRef` names the target by the open comparison's ids (``finding:f3``,
``quote:v2:10-42``…); the stored :class:`Anchor` keeps what survives a change of load order or of the files:

- a version by its sha256,
- a finding or difference by its id and its evidence words (to re-find it if the id changes),
- a text selection by its words, their context and position (a W3C TextQuoteSelector).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from variorum.core.model import Comparison, Difference, Finding, Span, Version
from variorum.core.notes.anchors import TextQuote, quote_from
from variorum.core.notes.errors import AnchorError
from variorum.core.notes.refs import ANCHOR_KINDS, AnchorKind, AnchorRef, read_anchor
from variorum.core.quick_dataclass import dataclass


@dataclass(frozen=True)
class Anchor:
    kind: AnchorKind
    ref: str | None = None  # finding/difference id; the version's sha256 for "version"
    quote: TextQuote | None = None  # the selected words, or a finding's/difference's words when known
    slot: int | None = None  # which of the case's versions (stays the same when that file changes)

    def to_json(self) -> dict:
        return {"kind": self.kind, "ref": self.ref, "slot": self.slot,
                "quote": self.quote.to_json() if self.quote else None}

    @classmethod
    def from_json(cls, data: Mapping) -> Anchor:
        kind = data.get("kind")
        if kind not in ANCHOR_KINDS:
            raise AnchorError(f"unknown anchor kind {kind!r}")
        quote = data.get("quote")
        slot = data.get("slot")
        return cls(kind=kind, ref=data.get("ref"), quote=TextQuote.from_json(quote) if quote else None,
                   slot=int(slot) if slot is not None else None)

    @property
    def sha256(self) -> str | None:
        """The version this anchor lives in, if any."""
        if self.kind == "version":
            return self.ref
        return self.quote.sha256 if self.quote else None


def _version_by_id(versions: Sequence[Version], vid: str) -> Version:
    for v in versions:
        if v.id == vid:
            return v
    known = ", ".join(v.id for v in versions) or "none"
    raise AnchorError(f"there is no version {vid} in this case (versions: {known})")


def span_in(comparison: Comparison, d: Difference, version_id: str) -> Span | None:
    """The difference's stretch of ``version_id`` (the base or the other version), if it touches it."""
    if version_id == d.version:
        return d.other
    if version_id == comparison.base:
        return d.base
    return None


def quote_for_difference(comparison: Comparison, d: Difference) -> TextQuote | None:
    """The difference's words: in the other version, or in the base when nothing is left there."""
    for vid, span in ((d.version, d.other), (comparison.base, d.base)):
        if vid and span.end > span.start:
            v = comparison.version(vid)
            return quote_from(v.text, span.start, span.end, v.sha256)
    v = comparison.version(d.version)
    return quote_from(v.text, d.other.start, d.other.end, v.sha256)


def quote_for_finding(comparison: Comparison, f: Finding) -> TextQuote | None:
    for e in f.evidence:
        try:
            v = comparison.version(e.version)
        except KeyError:
            continue
        if e.end > e.start and v.text:
            return quote_from(v.text, e.start, e.end, v.sha256)
    return None


def parse_anchor(text: str, *, comparison: Comparison | None = None,
                 versions: Sequence[Version] | None = None) -> Anchor:
    """The anchor a written form names (the command line's ``--anchor``), checked against the case."""
    ref = read_anchor(text)
    if ref is None:
        raise AnchorError(f"unrecognised anchor {(text or '').strip()!r}: use case, version:vN, finding:ID, "
                          f"difference:ID or quote:vN:START-END")
    return anchor_for(ref, comparison=comparison, versions=versions)


def anchor_for(ref: AnchorRef, *, comparison: Comparison | None = None,
               versions: Sequence[Version] | None = None) -> Anchor:
    """The :class:`Anchor` to store for ``ref``, checked against the case; AnchorError if it fails."""
    if comparison is not None and versions is None:
        versions = comparison.versions
    kind, rest = ref.kind, ref.ref or ""
    if kind == "case":
        return Anchor("case")
    if kind == "version":
        if versions is None:
            raise AnchorError("a version anchor needs the case's versions")
        v = _version_by_id(versions, rest)
        if not v.sha256:
            raise AnchorError(f"version {rest} could not be read, so a note cannot be attached to it")
        return Anchor("version", ref=v.sha256)
    if kind in ("finding", "difference"):
        if comparison is None:
            return Anchor(kind, ref=rest)
        if kind == "finding":
            f = next((f for f in comparison.findings if f.id == rest), None)
            if f is None:
                raise AnchorError(f"there is no finding {rest} in this comparison")
            return Anchor("finding", ref=rest, quote=quote_for_finding(comparison, f))
        d = next((d for d in comparison.differences if d.id == rest), None)
        if d is None:
            raise AnchorError(f"there is no difference {rest} in this comparison")
        return Anchor("difference", ref=rest, quote=quote_for_difference(comparison, d))
    if versions is None:
        raise AnchorError("a text anchor needs the case's versions")
    v = _version_by_id(versions, rest)
    start, end = ref.start or 0, ref.end or 0
    if not (0 <= start < end <= len(v.text)):
        raise AnchorError(f"{ref}: the selection must be a non-empty range inside {v.id} (0-{len(v.text)})")
    return Anchor("quote", quote=quote_from(v.text, start, end, v.sha256))


def ref_of(anchor: Anchor, version_ids: Mapping[str, str], slot_ids: Mapping[int, str] | None = None) -> AnchorRef:
    """The stored anchor named by ids; ``version_ids`` maps sha256 → vN, ``slot_ids`` slot → vN (for a version
    whose file has changed since the note was written)."""
    if anchor.kind in ("case", "finding", "difference"):
        return AnchorRef(anchor.kind, None if anchor.kind == "case" else anchor.ref)
    sha = anchor.sha256 or ""
    vid = version_ids.get(sha) or (slot_ids.get(anchor.slot) if slot_ids and anchor.slot is not None else None) or (f"sha256:{sha[:12]}" if sha else "?")
    if anchor.kind == "version":
        return AnchorRef("version", vid)
    q = anchor.quote
    return AnchorRef("quote", vid, q.start, q.end) if q else AnchorRef("quote")


def format_anchor(anchor: Anchor, version_ids: Mapping[str, str], slot_ids: Mapping[int, str] | None = None) -> str:
    """The written form of a stored anchor, for display and reports (see :func:`ref_of`)."""
    return str(ref_of(anchor, version_ids, slot_ids))
