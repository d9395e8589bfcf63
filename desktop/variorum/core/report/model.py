"""The ``variorum.report/1`` report as frozen dataclasses: the one model every report format renders.

Field order is the key order of the JSON object (see :mod:`variorum.core.report.render_json`); the keys of a
field marked :data:`INLINE` stand in the object itself, where the field stands: a quoted span inside its evidence,
and ``extra``, the keys a note (or a history event) arrived with beyond the known ones, in their given order.
Every field of the contract in the design document is kept; the fields added for readers (title, summary, sizes,
quoted context, reconciliation status and notes) never replace one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field
from typing import Any

from variorum.core.model import Link, Relation, grouped_line
from variorum.core.quick_dataclass import dataclass

SCHEMA = "variorum.report/1"

NoteId = int | str | None
Extra = tuple[tuple[str, Any], ...]  # (key, plain JSON value) pairs
INLINE = {"inline": True}


@dataclass(frozen=True)
class Tool:
    name: str
    version: str


@dataclass(frozen=True)
class ReportOptions:
    base: str | None  # what the user asked for (id or path); None = chosen automatically
    show_cosmetic: bool
    cosmetic: str  # "shown" | "hidden"


@dataclass(frozen=True)
class Summary:
    versions: int
    readable: int
    findings: int
    findings_by_severity: Mapping[str, int]
    findings_by_status: Mapping[str, int]
    substantive_differences: int
    cosmetic_differences: int
    notes: int
    orphaned_notes: int


@dataclass(frozen=True)
class ReportMetadata:
    title: str | None
    published: str | None
    modified: str | None
    byline: str | None
    credits: tuple[str, ...]
    url: str | None
    links: tuple[Link, ...]


@dataclass(frozen=True)
class ReportCapture:
    """A web archive capture's chain of custody (see :class:`variorum.core.model.Capture`)."""

    captured_at: str | None
    target_uri: str | None
    record_id: str | None
    payload_digest: str | None
    source: str | None


@dataclass(frozen=True)
class ReportVersion:
    id: str
    label: str
    path: str | None
    sha256: str
    format: str
    encoding: str | None
    size: int | None
    chars: int
    words: int
    metadata: ReportMetadata
    capture: ReportCapture | None  # set for a version taken from a web archive
    relation: Relation | None
    warnings: tuple[str, ...]
    error: str | None
    notes: tuple[NoteId, ...]


@dataclass(frozen=True)
class QuotedSpan:
    """A stretch of a version's text with exact slices of the words just before and after it."""

    start: int
    end: int
    text: str
    before: str
    after: str


@dataclass(frozen=True)
class QuotedEvidence:
    version: str
    span: QuotedSpan = field(metadata=INLINE)
    # ("excerpt", first sentence) when the span is longer than one sentence: what to show, the span staying
    # the full, exact evidence; nothing when the span is short
    excerpt: tuple[tuple[str, str], ...] = field(default=(), metadata=INLINE)


@dataclass(frozen=True)
class ReportDifference:
    id: str
    version: str
    kind: str
    cosmetic: bool
    category: str
    base: QuotedSpan
    other: QuotedSpan
    status: str
    notes: tuple[NoteId, ...]


@dataclass(frozen=True)
class ReportFinding:
    id: str
    kind: str
    severity: str
    versions: tuple[str, ...]
    message: str
    evidence: tuple[QuotedEvidence, ...]
    status: str
    notes: tuple[NoteId, ...]


@dataclass(frozen=True)
class NoteTarget:
    """What a note is attached to; for a quote, ``id`` is its version (when known) and ``quote`` the words."""

    kind: str  # "finding" | "difference" | "version" | "case" | "quote"
    id: str | None
    quote: str | None


@dataclass(frozen=True)
class NoteEvent:
    """One entry of a note's audit trail; ``before``/``after`` are plain JSON (a status, or the note's fields)."""

    at: str | None
    who: str | None
    action: str
    before: Any
    after: Any
    extra: Extra = field(default=(), metadata=INLINE)


@dataclass(frozen=True)
class ReportNote:
    id: NoteId
    anchor: Any  # as stored: a string such as ``finding:ID``, or a quote object
    status: str
    body: str
    author: str | None
    created_at: str | None
    updated_at: str | None
    history: tuple[NoteEvent, ...]
    orphaned: bool
    extra: Extra = field(metadata=INLINE)
    target: NoteTarget
    history_summary: str


@dataclass(frozen=True)
class Reconciliation:
    status: str
    notes: tuple[NoteId, ...]


@dataclass(frozen=True)
class Report:
    schema: str
    title: str
    subject: str
    tool: Tool
    generated_at: str  # ISO-8601 UTC, ``…Z``
    options: ReportOptions
    base: str | None
    summary: Summary
    versions: tuple[ReportVersion, ...]
    differences: Sequence[ReportDifference]  # made as read (see made_on_read)
    cosmetic_summary: Mapping[str, int]
    cosmetic_by_version: Mapping[str, Mapping[str, int]]
    findings: tuple[ReportFinding, ...]
    notes: tuple[ReportNote, ...]
    case: Reconciliation
    # the N-way view (added within variorum.report/1): variation places, timeline, estimated derivation
    variants: Sequence[ReportPlace] = ()  # made as read, as the differences
    timeline: ReportTimeline | None = None
    stemma: ReportStemma | None = None


@dataclass(frozen=True)
class ReadingSpan:
    version: str
    start: int
    end: int


@dataclass(frozen=True)
class ReportReading:
    """One reading at a variation place and the versions that read so (equal once normalized)."""

    text: str
    versions: tuple[str, ...]
    spans: tuple[ReadingSpan, ...]


@dataclass(frozen=True)
class ReportPlace:
    """A variation place: a stretch of the base where the versions do not all read alike."""

    id: str
    start: int
    end: int
    kind: str
    cosmetic: bool
    base_text: str
    readings: tuple[ReportReading, ...]
    differing: tuple[str, ...]
    differences: tuple[str, ...]
    findings: tuple[str, ...]

    # written after the fields, as the last key: made when the report is written (it repeats every reading, and
    # a report held whole would hold the places' passages once more)
    derived = ("grouped",)

    @property
    def grouped(self) -> str:
        """The readings in one line: ``v1: much more | v2, v3: more``."""
        return grouped_line(self.readings)


@dataclass(frozen=True)
class ReportVersionTime:
    version: str
    when: str
    source: str


@dataclass(frozen=True)
class ReportFactStep:
    version: str
    when: str | None
    text: str


@dataclass(frozen=True)
class ReportFact:
    finding: str
    kind: str
    message: str
    steps: tuple[ReportFactStep, ...]
    history: str  # "25 (v1, 2025-02-21 10:02) → 27 (v3, 2025-02-21 14:40)"


@dataclass(frozen=True)
class ReportTimeline:
    dated: tuple[ReportVersionTime, ...]
    undated: tuple[str, ...]
    facts: tuple[ReportFact, ...]


@dataclass(frozen=True)
class ReportStemmaEdge:
    source: str
    target: str
    distance: int
    confidence: float
    oriented_by: str


@dataclass(frozen=True)
class ReportStemma:
    root: str | None
    edges: tuple[ReportStemmaEdge, ...]
    note: str

