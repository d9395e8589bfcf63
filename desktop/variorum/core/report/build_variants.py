"""The N-way part of the report: variation places, the versions' timeline and the estimated stemma."""

from __future__ import annotations

from variorum.core.model import Comparison
from variorum.core.report.made_on_read import MadeOnRead
from variorum.core.report.model import (
    ReadingSpan,
    ReportFact,
    ReportFactStep,
    ReportPlace,
    ReportReading,
    ReportStemma,
    ReportStemmaEdge,
    ReportTimeline,
    ReportVersionTime,
)
from variorum.core.stemma import Stemma, estimate_stemma
from variorum.core.timeline import Timeline, build_timeline
from variorum.core.variants import Place, compared_versions


def report_places(c: Comparison, *, show_cosmetic: bool) -> MadeOnRead[Place, ReportPlace]:
    """The places of ``c``; cosmetic-only ones when ``show_cosmetic``, as with the differences. Each is made
    as it is read."""
    return MadeOnRead(c.places if show_cosmetic else [p for p in c.places if not p.cosmetic], _place)


def _place(p: Place) -> ReportPlace:
    readings = tuple(ReportReading(text=r.text, versions=r.versions,
                                   spans=tuple(ReadingSpan(v, s, e) for v, s, e in r.spans)) for r in p.readings)
    return ReportPlace(id=p.id, start=p.start, end=p.end, kind=p.kind, cosmetic=p.cosmetic, base_text=p.base_text,
                       readings=readings, differing=p.differing, differences=p.differences, findings=p.findings)


def report_timeline(t: Timeline) -> ReportTimeline:
    return ReportTimeline(
        dated=tuple(ReportVersionTime(x.version, x.when, x.source) for x in t.dated),
        undated=t.undated,
        facts=tuple(ReportFact(finding=f.finding, kind=f.kind, message=f.message,
                               steps=tuple(ReportFactStep(s.version, s.when, s.text) for s in f.steps),
                               history=f.line()) for f in t.facts))


def report_stemma(s: Stemma) -> ReportStemma:
    return ReportStemma(root=s.root, note=s.note,
                        edges=tuple(ReportStemmaEdge(e.source, e.target, e.distance, e.confidence, e.oriented_by)
                                    for e in s.edges))


def readings_of(c: Comparison, *, show_cosmetic: bool) -> tuple[MadeOnRead[Place, ReportPlace], ReportTimeline,
                                                                  ReportStemma]:
    timeline = build_timeline(c)
    stemma = estimate_stemma(c.places, compared_versions(c), timeline)
    return report_places(c, show_cosmetic=show_cosmetic), report_timeline(timeline), report_stemma(stemma)
