"""Build the report model from a comparison and the case's notes.

Everything comes from what was compared: sizes and hashes were recorded when the files were loaded, so building a
report never opens an input file again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from variorum import __version__
from variorum.core.model import SEVERITY_ORDER, Comparison, Difference, Finding, Version
from variorum.core.report.build_variants import readings_of
from variorum.core.report.context import with_context
from variorum.core.report.made_on_read import MadeOnRead
from variorum.core.report.model import (
    SCHEMA,
    NoteId,
    QuotedEvidence,
    QuotedSpan,
    Reconciliation,
    Report,
    ReportCapture,
    ReportDifference,
    ReportFinding,
    ReportMetadata,
    ReportNote,
    ReportOptions,
    ReportVersion,
    Summary,
    Tool,
)
from variorum.core.report.note_digest import STATUSES, latest_status, prepare_note
from variorum.core.tokens import first_sentence

Anchored = Mapping[tuple[str, str | None], list[ReportNote]]


def _metadata(v: Version) -> ReportMetadata:
    m = v.metadata
    return ReportMetadata(title=m.title, published=m.published, modified=m.modified, byline=m.byline,
                          credits=m.credits, url=m.url, links=m.links)


def _capture(v: Version) -> ReportCapture | None:
    c = v.metadata.capture
    return None if c is None else ReportCapture(captured_at=c.time, target_uri=c.target_uri, record_id=c.record_id,
                                                payload_digest=c.payload_digest, source=c.source)


def _notes_by_anchor(notes: Sequence[ReportNote]) -> dict[tuple[str, str | None], list[ReportNote]]:
    out: dict[tuple[str, str | None], list[ReportNote]] = {}
    for n in notes:
        out.setdefault((n.target.kind, n.target.id), []).append(n)
    return out


def _ids(notes: Sequence[ReportNote]) -> tuple[NoteId, ...]:
    return tuple(n.id for n in notes)


def _reconciliation(anchored: Anchored, kind: str, ident: str | None) -> Reconciliation:
    mine = anchored.get((kind, ident), [])
    return Reconciliation(status=latest_status(mine), notes=_ids(mine))


def _version(c: Comparison, v: Version, anchored: Anchored) -> ReportVersion:
    return ReportVersion(id=v.id, label=v.label, path=v.path, sha256=v.sha256, format=v.format, encoding=v.encoding,
                         size=v.size, chars=v.chars, words=v.words, metadata=_metadata(v), capture=_capture(v),
                         relation=c.relations.get(v.id), warnings=v.warnings, error=v.error,
                         notes=_ids(anchored.get(("version", v.id), [])))


def _span(text: str | None, start: int, end: int, quoted: str) -> QuotedSpan:
    ctx = with_context(text, start, end) if text is not None else {"before": "", "after": ""}
    return QuotedSpan(start=start, end=end, text=quoted, before=ctx["before"], after=ctx["after"])


def _difference(d: Difference, texts: Mapping[str, str], base: str | None, anchored: Anchored) -> ReportDifference:
    r = _reconciliation(anchored, "difference", d.id)
    return ReportDifference(id=d.id, version=d.version, kind=d.kind, cosmetic=d.cosmetic, category=d.category,
                            base=_span(texts.get(base or ""), d.base.start, d.base.end, d.base.text),
                            other=_span(texts.get(d.version), d.other.start, d.other.end, d.other.text),
                            status=r.status, notes=r.notes)


def _excerpt(text: str) -> tuple[tuple[str, str], ...]:
    """The first sentence of a long piece of evidence, to show in its place (the span stays the full one)."""
    head = first_sentence(text)
    return (("excerpt", head),) if head != text else ()


def _finding(f: Finding, texts: Mapping[str, str], anchored: Anchored) -> ReportFinding:
    evidence = tuple(QuotedEvidence(e.version, _span(texts.get(e.version), e.start, e.end, e.text), _excerpt(e.text))
                     for e in f.evidence)
    r = _reconciliation(anchored, "finding", f.id)
    return ReportFinding(id=f.id, kind=f.kind, severity=f.severity, versions=f.versions, message=f.message,
                         evidence=evidence, status=r.status, notes=r.notes)


def _subject(c: Comparison) -> str:
    base = c.base_version
    if base is None:
        return "no readable version"
    return base.metadata.title or base.label


def _summary(versions: Sequence[ReportVersion], findings: Sequence[ReportFinding], substantive: int,
             cosmetic_total: int, notes: Sequence[ReportNote]) -> Summary:
    return Summary(
        versions=len(versions),
        readable=sum(1 for v in versions if not v.error),
        findings=len(findings),
        findings_by_severity={s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_ORDER},
        findings_by_status={s: sum(1 for f in findings if f.status == s) for s in STATUSES},
        substantive_differences=substantive,
        cosmetic_differences=cosmetic_total,
        notes=len(notes),
        orphaned_notes=sum(1 for n in notes if n.orphaned),
    )


def _cosmetic_counts(cosmetic: Sequence[Difference]) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """Cosmetic differences counted by category, overall and per version (both sorted by name)."""
    counts: dict[str, int] = {}
    by_version: dict[str, dict[str, int]] = {}
    for d in cosmetic:
        counts[d.category] = counts.get(d.category, 0) + 1
        per = by_version.setdefault(d.version, {})
        per[d.category] = per.get(d.category, 0) + 1
    return dict(sorted(counts.items())), {v: dict(sorted(per.items())) for v, per in sorted(by_version.items())}


def build_report(comparison: Comparison, *, notes: Sequence[Mapping[str, Any]] | None = None,
                 generated_at: datetime | None = None, show_cosmetic: bool | None = None) -> Report:
    """The report of ``comparison``.

    Differences come substantive first; cosmetic ones are counted by category (``cosmetic_summary``) and listed
    only when ``show_cosmetic`` (default: the comparison's option). The differences and the variation places are
    made as they are read (see :mod:`variorum.core.report.made_on_read`). ``notes`` are the case's reconciliation notes
    (see :mod:`variorum.core.report.note_digest`); a finding's status is the status of its latest note.
    """
    c = comparison
    show = c.options.show_cosmetic if show_cosmetic is None else show_cosmetic
    when = (generated_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    texts = {v.id: v.text for v in c.versions}
    prepared = tuple(prepare_note(n) for n in (notes or []))
    anchored = _notes_by_anchor(prepared)

    substantive = [d for d in c.differences if not d.cosmetic]
    cosmetic = [d for d in c.differences if d.cosmetic]
    cosmetic_summary, cosmetic_by_version = _cosmetic_counts(cosmetic)
    listed = substantive + (cosmetic if show else [])

    versions = tuple(_version(c, v, anchored) for v in c.versions)
    findings = tuple(_finding(f, texts, anchored)
                     for f in sorted(c.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 99)))
    subject = _subject(c)
    variants, timeline, stemma = readings_of(c, show_cosmetic=show)
    return Report(
        schema=SCHEMA,
        title=f"Variorum comparison report: {subject}",
        subject=subject,
        tool=Tool(name="variorum", version=__version__),
        generated_at=when.isoformat().replace("+00:00", "Z"),
        options=ReportOptions(base=c.options.base, show_cosmetic=show, cosmetic="shown" if show else "hidden"),
        base=c.base,
        summary=_summary(versions, findings, len(substantive), len(cosmetic), prepared),
        versions=versions,
        differences=MadeOnRead(listed, lambda d: _difference(d, texts, c.base, anchored)),
        cosmetic_summary=cosmetic_summary,
        cosmetic_by_version=cosmetic_by_version,
        findings=findings,
        notes=prepared,
        case=_reconciliation(anchored, "case", None),
        variants=variants,
        timeline=timeline,
        stemma=stemma,
    )
