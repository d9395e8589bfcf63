"""Build the ``variorum.report/1`` object from a comparison: the one model every report format renders.

The object is plain JSON data. Every field of the contract in the design document is kept; the fields added for
readers (title, summary, sizes, quoted context, reconciliation status and notes) never replace one.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from variorum import __version__
from variorum.core.model import SEVERITY_ORDER, Comparison, Difference, Finding, Version
from variorum.core.report.context import with_context
from variorum.core.report.note_digest import STATUSES, latest_status, prepare_note

SCHEMA = "variorum.report/1"
_SIZE_CHECK_LIMIT = 200 * 1024 * 1024


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


def _size(v: Version) -> int | None:
    """The size in bytes of what was loaded, when it can still be told for sure (same sha256), else None."""
    if not v.path:
        raw = v.text.encode("utf-8")
        return len(raw) if hashlib.sha256(raw).hexdigest() == v.sha256 else None
    try:
        size = os.stat(v.path).st_size
        if not v.sha256:  # never read (too large): the size on disk is what the error is about
            return size
        if size > _SIZE_CHECK_LIMIT:
            return None
        digest = hashlib.sha256()
        with open(v.path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return size if digest.hexdigest() == v.sha256 else None


def _notes_by_anchor(notes: list[dict[str, Any]]) -> dict[tuple[str, str | None], list[dict[str, Any]]]:
    out: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    for n in notes:
        t = n["target"]
        out.setdefault((t["kind"], t["id"]), []).append(n)
    return out


def _reconciliation(anchored: Mapping[tuple[str, str | None], list[dict[str, Any]]], kind: str,
                    ident: str) -> dict[str, Any]:
    mine = anchored.get((kind, ident), [])
    return {"status": latest_status(mine), "notes": [n["id"] for n in mine]}


def _version(c: Comparison, v: Version, anchored) -> dict[str, Any]:
    rel = c.relations.get(v.id)
    return {
        "id": v.id,
        "label": v.label,
        "path": v.path,
        "sha256": v.sha256,
        "format": v.format,
        "encoding": v.encoding,
        "size": _size(v),
        "chars": v.chars,
        "words": v.words,
        "metadata": _metadata(v),
        "relation": {"kind": rel.kind, "similarity": rel.similarity} if rel else None,
        "warnings": list(v.warnings),
        "error": v.error,
        "notes": [n["id"] for n in anchored.get(("version", v.id), [])],
    }


def _span(text: str | None, start: int, end: int, quoted: str) -> dict[str, Any]:
    span = {"start": start, "end": end, "text": quoted}
    span.update(with_context(text, start, end) if text is not None else {"before": "", "after": ""})
    return span


def _difference(d: Difference, texts: Mapping[str, str], base: str | None, anchored) -> dict[str, Any]:
    return {
        "id": d.id,
        "version": d.version,
        "kind": d.kind,
        "cosmetic": d.cosmetic,
        "category": d.category,
        "base": _span(texts.get(base or ""), d.base.start, d.base.end, d.base.text),
        "other": _span(texts.get(d.version), d.other.start, d.other.end, d.other.text),
        **_reconciliation(anchored, "difference", d.id),
    }


def _finding(f: Finding, texts: Mapping[str, str], anchored) -> dict[str, Any]:
    return {
        "id": f.id,
        "kind": f.kind,
        "severity": f.severity,
        "versions": list(f.versions),
        "message": f.message,
        "evidence": [{"version": e.version, **_span(texts.get(e.version), e.start, e.end, e.text)}
                     for e in f.evidence],
        **_reconciliation(anchored, "finding", f.id),
    }


def _subject(c: Comparison) -> str:
    base = c.base_version
    if base is None:
        return "no readable version"
    return base.metadata.title or base.label


def _summary(versions, findings, substantive, cosmetic_total, notes) -> dict[str, Any]:
    return {
        "versions": len(versions),
        "readable": sum(1 for v in versions if not v["error"]),
        "findings": len(findings),
        "findings_by_severity": {s: sum(1 for f in findings if f["severity"] == s) for s in SEVERITY_ORDER},
        "findings_by_status": {s: sum(1 for f in findings if f["status"] == s) for s in STATUSES},
        "substantive_differences": substantive,
        "cosmetic_differences": cosmetic_total,
        "notes": len(notes),
        "orphaned_notes": sum(1 for n in notes if n["orphaned"]),
    }


def build_report(comparison: Comparison, *, notes: Sequence[Mapping[str, Any]] | None = None,
                 generated_at: datetime | None = None, show_cosmetic: bool | None = None) -> dict[str, Any]:
    """The report as plain JSON-ready data.

    Differences come substantive first; cosmetic ones are counted by category (``cosmetic_summary``) and listed
    only when ``show_cosmetic`` (default: the comparison's option). ``notes`` are the case's reconciliation notes
    (see :mod:`variorum.core.report.note_digest`); a finding's status is the status of its latest note.
    """
    c = comparison
    show = c.options.show_cosmetic if show_cosmetic is None else show_cosmetic
    when = (generated_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    texts = {v.id: v.text for v in c.versions}
    prepared = [prepare_note(n) for n in (notes or [])]
    anchored = _notes_by_anchor(prepared)

    substantive = [d for d in c.differences if not d.cosmetic]
    cosmetic = [d for d in c.differences if d.cosmetic]
    cosmetic_counts: dict[str, int] = {}
    by_version: dict[str, dict[str, int]] = {}
    for d in cosmetic:
        cosmetic_counts[d.category] = cosmetic_counts.get(d.category, 0) + 1
        per = by_version.setdefault(d.version, {})
        per[d.category] = per.get(d.category, 0) + 1
    listed = substantive + (cosmetic if show else [])

    versions = [_version(c, v, anchored) for v in c.versions]
    findings = [_finding(f, texts, anchored)
                for f in sorted(c.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 99))]
    subject = _subject(c)
    return {
        "schema": SCHEMA,
        "title": f"Variorum comparison report: {subject}",
        "subject": subject,
        "tool": {"name": "variorum", "version": __version__},
        "generated_at": when.isoformat().replace("+00:00", "Z"),
        "options": {"base": c.options.base, "show_cosmetic": show,
                    "cosmetic": "shown" if show else "hidden"},
        "base": c.base,
        "summary": _summary(versions, findings, len(substantive), len(cosmetic), prepared),
        "versions": versions,
        "differences": [_difference(d, texts, c.base, anchored) for d in listed],
        "cosmetic_summary": dict(sorted(cosmetic_counts.items())),
        "cosmetic_by_version": {v: dict(sorted(per.items())) for v, per in sorted(by_version.items())},
        "findings": findings,
        "notes": prepared,
        "case": _reconciliation(anchored, "case", None),
    }
