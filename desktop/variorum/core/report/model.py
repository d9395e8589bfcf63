"""Build the ``variorum.report/1`` object from a comparison: the one model every report format renders."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from variorum import __version__
from variorum.core.model import Comparison, Version

SCHEMA = "variorum.report/1"


def _metadata(v: Version) -> dict[str, Any]:
    m = v.metadata
    return {
        "title": m.title,
        "published": m.published,
        "modified": m.modified,
        "byline": m.byline,
        "credits": list(m.credits),
        "url": m.url,
        "links": [asdict(link) for link in m.links],
    }


def _version(c: Comparison, v: Version) -> dict[str, Any]:
    rel = c.relations.get(v.id)
    return {
        "id": v.id,
        "label": v.label,
        "path": v.path,
        "sha256": v.sha256,
        "format": v.format,
        "encoding": v.encoding,
        "chars": v.chars,
        "words": v.words,
        "metadata": _metadata(v),
        "relation": {"kind": rel.kind, "similarity": rel.similarity} if rel else None,
        "warnings": list(v.warnings),
        "error": v.error,
    }


def build_report(comparison: Comparison, *, notes: Sequence[Mapping[str, Any]] | None = None,
                 generated_at: datetime | None = None, show_cosmetic: bool | None = None) -> dict[str, Any]:
    """The report as plain JSON-ready data. Cosmetic differences are left out unless asked for."""
    c = comparison
    show = c.options.show_cosmetic if show_cosmetic is None else show_cosmetic
    when = (generated_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    diffs = [d for d in c.differences if show or not d.cosmetic]
    cosmetic_counts: dict[str, int] = {}
    for d in c.differences:
        if d.cosmetic:
            cosmetic_counts[d.category] = cosmetic_counts.get(d.category, 0) + 1
    return {
        "schema": SCHEMA,
        "tool": {"name": "variorum", "version": __version__},
        "generated_at": when.isoformat().replace("+00:00", "Z"),
        "options": {"base": c.options.base, "show_cosmetic": show},
        "base": c.base,
        "versions": [_version(c, v) for v in c.versions],
        "differences": [
            {
                "id": d.id,
                "version": d.version,
                "kind": d.kind,
                "cosmetic": d.cosmetic,
                "category": d.category,
                "base": asdict(d.base),
                "other": asdict(d.other),
            }
            for d in diffs
        ],
        "cosmetic_summary": dict(sorted(cosmetic_counts.items())),
        "findings": [
            {
                "id": f.id,
                "kind": f.kind,
                "severity": f.severity,
                "versions": list(f.versions),
                "message": f.message,
                "evidence": [asdict(e) for e in f.evidence],
            }
            for f in c.findings
        ],
        "notes": [dict(n) for n in (notes or [])],
    }
