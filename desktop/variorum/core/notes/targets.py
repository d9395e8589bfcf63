"""What a note is attached to, and the short strings that name it.

Anchor strings (the CLI's ``--anchor``, the panel's context, the report's ``anchor`` field):

- ``case``                    the case as a whole
- ``version:vN``              one version (stored by its sha256, so it survives a change of load order)
- ``finding:ID``              a finding (its evidence words are kept too, to re-find it if the id changes)
- ``difference:ID``           a word-level difference (likewise)
- ``quote:vN:START-END``      a text selection in version vN, code-point offsets into its extracted text
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from variorum.core.model import Comparison, Difference, Finding, Span, Version
from variorum.core.notes.anchors import TextQuote, quote_from
from variorum.core.notes.errors import AnchorError

AnchorKind = Literal["finding", "difference", "version", "case", "quote"]
ANCHOR_KINDS: tuple[str, ...] = ("finding", "difference", "version", "case", "quote")
_QUOTE_RE = re.compile(r"^quote:(v\d+):(\d+)-(\d+)$")


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
    """Turn an anchor string into an :class:`Anchor`, checking it against the case; AnchorError if it fails."""
    text = (text or "").strip()
    if comparison is not None and versions is None:
        versions = comparison.versions
    if text == "case":
        return Anchor("case")
    kind, _, rest = text.partition(":")
    if kind == "version" and rest:
        if versions is None:
            raise AnchorError("a version anchor needs the case's versions")
        v = _version_by_id(versions, rest)
        if not v.sha256:
            raise AnchorError(f"version {rest} could not be read, so a note cannot be attached to it")
        return Anchor("version", ref=v.sha256)
    if kind in ("finding", "difference") and rest:
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
    m = _QUOTE_RE.match(text)
    if m:
        if versions is None:
            raise AnchorError("a text anchor needs the case's versions")
        v = _version_by_id(versions, m.group(1))
        start, end = int(m.group(2)), int(m.group(3))
        if not (0 <= start < end <= len(v.text)):
            raise AnchorError(f"{text}: the selection must be a non-empty range inside {v.id} "
                              f"(0-{len(v.text)})")
        return Anchor("quote", quote=quote_from(v.text, start, end, v.sha256))
    raise AnchorError(f"unrecognised anchor {text!r}: use case, version:vN, finding:ID, difference:ID "
                      f"or quote:vN:START-END")


def format_anchor(anchor: Anchor, version_ids: Mapping[str, str], slot_ids: Mapping[int, str] | None = None) -> str:
    """The anchor string for display and reports; ``version_ids`` maps sha256 → vN, ``slot_ids`` slot → vN
    (for a version whose file has changed since the note was written)."""
    if anchor.kind == "case":
        return "case"
    if anchor.kind in ("finding", "difference"):
        return f"{anchor.kind}:{anchor.ref}"
    sha = anchor.sha256 or ""
    vid = version_ids.get(sha) or (slot_ids or {}).get(anchor.slot) or (f"sha256:{sha[:12]}" if sha else "?")
    if anchor.kind == "version":
        return f"version:{vid}"
    q = anchor.quote
    return f"quote:{vid}:{q.start}-{q.end}" if q else "quote:?"


def with_slot(anchor: Anchor, slot: int | None) -> Anchor:
    return replace(anchor, slot=slot)
