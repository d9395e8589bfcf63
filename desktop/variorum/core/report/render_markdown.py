"""Markdown report: for pasting into a ticket or a CMS. Findings come before differences.

Every piece of input text is escaped so that it shows as written: an article containing ``<script>``, ``**`` or
``![](…)`` cannot add markup, images or links to the ticket it is pasted into.
"""

from __future__ import annotations

import re
from typing import Any

from variorum.core.report.model import NoteId, QuotedSpan, Report, ReportNote, ReportVersion
from variorum.core.report.presentation import (
    EVIDENCE_SHOWN,
    RELATION_LABELS,
    clip,
    close_ellipsis,
    describe_target,
    kind_label,
    open_ellipsis,
    percent,
    position,
    size,
    squash,
    when,
)
from variorum.core.report.render_variants_md import variants_markdown

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_DIFF_WORDS = {"insert": "added", "delete": "removed", "replace": "changed", "move": "moved"}


def esc(text: Any, limit: int | None = None) -> str:
    """Input text made inert in Markdown (and in the HTML that Markdown allows), on one line."""
    s = clip(text) if limit is None else clip(text, limit)
    return _SPECIAL.sub(r"\\\1", s)


def code(text: Any) -> str:
    """A code span; backticks inside are replaced, since a code span cannot escape them."""
    return "`" + squash(text).replace("`", "'") + "`"


def _passage(span: QuotedSpan, length: int | None, mark: str) -> str:
    """``…before **text** after…`` with ``mark`` around the span (``**``, ``~~``), or ‸ at an empty span."""
    text = clip(span.text)
    core = text.strip()
    middle = f"{mark}{esc(core)}{mark}" if core else "‸"
    lead = " " if core and text[0].isspace() else ""
    trail = " " if core and text[-1].isspace() else ""
    before, after = esc(span.before), esc(span.after)
    left = f"{open_ellipsis(span)}{before}" if before else ""
    right = f"{after}{close_ellipsis(span, length)}" if after else ""
    return f"{left}{lead}{middle}{trail}{right}".strip()


def _note(n: ReportNote, indent: str = "") -> list[str]:
    flags = " · orphaned" if n.orphaned else ""
    body = esc(n.body, 2000)
    return [f"{indent}- **{n.status}**{flags} — {body} ({esc(n.author or 'unknown author')}, "
            f"{when(n.updated_at)}; history: {esc(n.history_summary)})"]


def _header(report: Report, labels: dict[str, str]) -> list[str]:
    s = report.summary
    base = report.base
    out: list[str] = [f"# {esc(report.title)}", ""]
    out.append(f"Generated {when(report.generated_at)} by {report.tool.name} {report.tool.version}. "
               f"Base: **{esc(base or 'none')}** ({esc(labels.get(base or '', '—'))}"
               f"{', chosen automatically' if not report.options.base else ''}). "
               f"Cosmetic differences {report.options.cosmetic}.")
    out.append("")
    sev = ", ".join(f"{n} {k}" for k, n in s.findings_by_severity.items() if n)
    out.append(f"**{s.findings} finding{'s' if s.findings != 1 else ''}**{f' ({sev})' if sev else ''}, "
               f"{s.findings_by_status['open']} still open · {s.substantive_differences} substantive and "
               f"{s.cosmetic_differences} cosmetic differences · {s.readable} of {s.versions} versions "
               f"readable · {s.notes} note{'s' if s.notes != 1 else ''}")
    return out


def _findings(report: Report, labels: dict[str, str], lengths: dict[str, int],
              notes: dict[NoteId, ReportNote]) -> list[str]:
    out = ["", f"## Findings ({len(report.findings)})", ""]
    if not report.findings:
        out.append("No discrepancies were found between the versions.")
    for i, f in enumerate(report.findings, start=1):
        out.append(f"{i}. **{f.severity.upper()}** · {esc(kind_label(f.kind))} · status **{f.status}** · "
                   f"{code(f.kind)} {code(f.id)}  ")
        out.append(f"   {esc(f.message, 2000)}")
        for e in f.evidence[:EVIDENCE_SHOWN]:
            out.append(f"   - {esc(e.version)} ({esc(labels.get(e.version, ''))}), {position(e.span)}: "
                       f"{_passage(e.span, lengths.get(e.version), '**')}")
        hidden = len(f.evidence) - EVIDENCE_SHOWN
        if hidden > 0:
            out.append(f"   - … and {hidden} more quotation{'s' if hidden != 1 else ''} (every one is in the JSON "
                       "report).")
        for nid in f.notes:
            out += _note(notes[nid], "   ")
    return out


def _versions(report: Report) -> list[str]:
    out = ["", "## Versions", "",
           "| id | file | format | size | relation | similarity | sha256 | status |",
           "|---|---|---|---|---|---|---|---|"]
    for v in report.versions:
        rel = v.relation
        status = f"error: {v.error}" if v.error else ("; ".join(v.warnings) or "ok")
        fmt = v.format + (f", {v.encoding}" if v.encoding else "")
        out.append(f"| {esc(v.id)} | {esc(v.label)} | {esc(fmt)} | {size(v.size)} | "
                   f"{RELATION_LABELS.get(rel.kind if rel else '', '—')} | "
                   f"{percent(rel.similarity if rel else None)} | {code(v.sha256 or '—')} | {esc(status)} |")
    meta_lines = []
    for v in report.versions:
        m = v.metadata
        fields: list[tuple[str, str]] = [(k, getattr(m, k)) for k in ("title", "published", "modified", "byline", "url")
                                         if getattr(m, k)]
        if m.credits:
            fields.append(("credits", "; ".join(m.credits)))
        if fields:
            meta_lines.append(f"- {esc(v.id)}: " + "; ".join(f"{k}: {esc(val, 300)}" for k, val in fields))
    if meta_lines:
        out += ["", "Metadata:", "", *meta_lines]
    captures = [line for v in report.versions if (line := _capture_line(v))]
    if captures:
        out += ["", "Web archive captures (chain of custody):", "", *captures]
    return out


def _capture_line(v: ReportVersion) -> str:
    c = v.capture
    if c is None:
        return ""
    fields = [("captured", c.captured_at or "time unknown"), ("from", c.source), ("target URI", c.target_uri),
              ("record", c.record_id), ("payload digest", c.payload_digest)]
    return f"- {esc(v.id)}: " + "; ".join(f"{k}: {code(val) if k in ('record', 'payload digest') else esc(val, 300)}"
                                         for k, val in fields if val)


def _differences(report: Report, lengths: dict[str, int], notes: dict[NoteId, ReportNote]) -> list[str]:
    base = report.base
    out = ["", f"## Differences ({report.summary.substantive_differences} substantive)", "",
           "Removed text is ~~struck through~~, added text is **bold**; ‸ marks where text was added or removed.",
           ""]
    for v in report.versions:
        if v.id == base:
            continue
        mine = [d for d in report.differences if d.version == v.id]
        counts = report.cosmetic_by_version.get(v.id, {})
        rel = v.relation.kind if v.relation else None
        out.append(f"### {esc(v.id)} {esc(v.label)}")
        out.append("")
        if v.error:
            out.append("Not compared: the file could not be read.")
        elif rel != "same-article":
            out.append(f"Not diffed word by word: {RELATION_LABELS.get(rel or '', 'not compared').lower()} "
                       f"(similarity {percent(v.relation.similarity if v.relation else None)}), compared on facts.")
        elif not any(not d.cosmetic for d in mine):
            out.append("No substantive differences from the base.")
        for d in mine:
            tag = f"{_DIFF_WORDS.get(d.kind, d.kind)}, {esc(d.category)}" + (", cosmetic" if d.cosmetic else "")
            status = f" · status **{d.status}**" if d.notes else ""
            out.append(f"- ({tag}){status} base: {_passage(d.base, lengths.get(base or ''), '~~')} → "
                       f"this version: {_passage(d.other, lengths.get(v.id), '**')}")
            for nid in d.notes:
                out += _note(notes[nid], "  ")
        if counts:
            out.append("")
            out.append("Cosmetic differences" + ("" if report.options.show_cosmetic else " (hidden)") + ": "
                       + ", ".join(f"{n} {esc(k)}" for k, n in counts.items()) + ".")
        out.append("")
    return out


def render_markdown(report: Report) -> str:
    labels = {v.id: v.label for v in report.versions}
    lengths = {v.id: v.chars for v in report.versions}
    notes = {n.id: n for n in report.notes}
    out = _header(report, labels)
    out += _findings(report, labels, lengths, notes)
    out += _versions(report)
    out += _differences(report, lengths, notes)
    out += variants_markdown(report, labels, esc)
    out += [f"## Notes ({len(report.notes)})", ""]
    if not report.notes:
        out.append("No reconciliation notes for this case.")
    for n in report.notes:
        out.append(f"- On {esc(describe_target(n, report))}:")
        out += _note(n, "  ")
    out.append("")
    return "\n".join(out)
