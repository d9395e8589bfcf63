"""The Markdown report's N-way sections: the variant table (readings grouped), the timeline and the stemma."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from variorum.core.report.model import Report

Escape = Callable[..., str]


def variants_markdown(report: Report, labels: dict[str, str], esc: Escape) -> list[str]:
    """The sections as Markdown lines; ``esc`` escapes a piece of input text (and cuts it to a length)."""

    def _names(ids: Iterable[Any], labels: dict[str, str]) -> str:
        return ", ".join(esc(labels.get(v, v)) for v in ids)

    out = [f"## Variant table ({len(report.variants)} places)", ""]
    if not report.variants:
        out += ["The compared versions read alike everywhere.", ""]
    else:
        out += ["| # | Base offset | Readings (grouped) | Differ | Kind |", "|---|---|---|---|---|"]
        for n, p in enumerate(report.variants, start=1):
            readings = " ¦ ".join(f"{_names(r.versions, labels)}: {esc(r.text.strip(), 120) or '*(absent)*'}"
                                  for r in p.readings)
            kind = p.kind + (" (cosmetic)" if p.cosmetic else "")
            out.append(f"| {n} | {p.start}–{p.end} | {readings.replace('|', '¦')} | {len(p.differing)} | {kind} |")
        out.append("")
    t = report.timeline
    if t is not None:
        out += ["## Timeline", ""]
        for x in t.dated:
            out.append(f"- {esc(x.when)} — {esc(labels.get(x.version, x.version))} ({esc(x.source)})")
        if t.undated:
            out.append(f"- No known time (not placed): {_names(t.undated, labels)}")
        if not t.dated and not t.undated:
            out.append("No version could be read.")
        for f in t.facts:
            out.append(f"- {esc(f.kind)}: " + " → ".join(
                f"{esc(s.text, 80) or '*(absent)*'} ({esc(labels.get(s.version, s.version))}, "
                f"{esc(s.when or 'no known time')})" for s in f.steps))
        out.append("")
    s = report.stemma
    if s is not None and s.edges:
        out += ["## Derivation (estimated stemma)", ""]
        for e in s.edges:
            arrow = "→" if e.oriented_by == "time" else "—"
            out.append(f"- {esc(labels.get(e.source, e.source))} {arrow} {esc(labels.get(e.target, e.target))}: "
                       f"{e.distance} differing places, confidence {e.confidence:.0%}")
        out += ["", f"*{esc(s.note)}*", ""]
    return out
