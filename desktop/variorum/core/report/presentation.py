"""What the HTML and print templates share: the Jinja environment (autoescape, StrictUndefined) and the small
filters that turn report data into words an editor reads."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import jinja2

from variorum.assets import files
from variorum.core.report.model import QuotedSpan, Report, ReportNote
from variorum.core.report.note_digest import describe_event

KIND_LABELS = {
    "url-date-mismatch": "Date in a link contradicts the article date",
    "date-after-capture": "Dated after the capture",
    "link-target-mismatch": "Same link text, different target",
    "title-mismatch": "Title differs",
    "date-mismatch": "Date differs",
    "weekday-mismatch": "Weekday contradicts its date",
    "byline-mismatch": "Byline differs",
    "credit-mismatch": "Credit differs",
    "quote-changed": "Quotation changed",
    "number-changed": "Number changed",
    "claim-changed": "Claim changed",
    "name-changed": "Name spelled differently",
    "passage-missing": "Passage missing from some versions",
    "encoding-damage": "Damaged characters (encoding)",
    "fact-conflict": "Related coverage contradicts a fact",
    "shared-facts": "Facts shared with related coverage",
}
RELATION_LABELS = {"base": "Base", "same-article": "Same article", "related": "Related coverage",
                   "unrelated": "Unrelated"}
DIFF_LABELS = {"insert": "Added", "delete": "Removed", "replace": "Changed", "move": "Moved"}
# The reports' colours, for print on white (the app's, by role and light/dark, are in ui/palette.py): one per
# version, then severities, note statuses, and the muted text and rules of the page furniture.
VERSION_COLOURS = ("#4477aa", "#cc3344", "#228833", "#8a7d1a", "#2b8cae", "#aa3377", "#2f8576", "#9a7f1f",
                   "#882255", "#117733", "#777722", "#3f7fa8")
SEVERITY_COLOURS = {"high": "#c0392b", "medium": "#b9770e", "low": "#2e6db4", "info": "#6c7a7b"}
STATUS_COLOURS = {"open": "#424a53", "confirmed": "#c0392b", "explained": "#1e7b34", "dismissed": "#6e7781"}
MUTED_COLOUR, RULE_COLOUR = "#5b636e", "#d8dde3"  # as the print template's small grey text
EVIDENCE_SHOWN = 6  # quotes shown per finding in reports for people; the JSON keeps every one
CLIP_CHARS = 600  # a quoted passage longer than this is shortened in the report (the JSON keeps it whole)
_SPACES = re.compile(r"\s+")


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind) or kind.replace("-", " ").capitalize()


def squash(text: Any) -> str:
    """All runs of whitespace (line wraps from a PDF, say) shown as one space."""
    return _SPACES.sub(" ", "" if text is None else str(text))


def clip(text: Any, limit: int = CLIP_CHARS) -> str:
    s = squash(text)
    if len(s) <= limit:
        return s
    cut = s.rfind(" ", 0, limit)
    cut = cut if cut > limit * 0.6 else limit
    return s[:cut].rstrip() + f" … [{len(s) - cut:,} more characters]"


def when(stamp: Any) -> str:
    """ISO-8601 UTC → ``2026-11-23 07:06 UTC``; anything else is shown as given."""
    s = "" if stamp is None else str(stamp)
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return s
    suffix = " UTC" if dt.tzinfo is not None and not dt.utcoffset() else ""
    return dt.strftime("%Y-%m-%d %H:%M") + suffix


def size(n: Any) -> str:
    if n is None:
        return "—"
    n = int(n)
    if n < 1024:
        return f"{n:,} bytes"
    for unit in ("KB", "MB", "GB"):
        n /= 1024
        if n < 1024 or unit == "GB":
            return f"{n:.1f} {unit}"
    return str(n)  # pragma: no cover


def position(span: QuotedSpan) -> str:
    """Where a quoted span sits: ``characters 82–97``, or ``nothing here (character 0)`` for an empty span,
    which marks where something is absent."""
    if span.end > span.start:
        return f"characters {span.start}–{span.end}"
    return f"nothing here (character {span.start})"


def percent(x: Any) -> str:
    return "—" if x is None else f"{float(x) * 100:.0f}%"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def open_ellipsis(span: QuotedSpan) -> str:
    """"…" when the quoted context does not start at the beginning of the text."""
    return "…" if span.start - len(span.before) > 0 and span.before else ""


def close_ellipsis(span: QuotedSpan, text_length: int | None) -> str:
    """"…" when the quoted context stops inside a sentence that goes on."""
    after = span.after.rstrip()
    if not after or after.endswith((".", "!", "?", "…", ":", ";", '"', "”", "’", "»", ")", "]")):
        return ""
    return "…" if text_length is None or span.end + len(after) < text_length else ""


def describe_target(note: ReportNote, report: Report) -> str:
    """What a note is attached to, in words: ``finding f1 (Number changed)``, ``the passage “…” in v2``."""
    t = note.target
    labels = {v.id: v.label for v in report.versions}
    if t.kind == "case":
        return "the whole case"
    if t.kind == "version":
        return f"version {t.id} ({labels[t.id]})" if t.id in labels else f"version {t.id}"
    if t.kind == "finding":
        f = next((f for f in report.findings if f.id == t.id), None)
        return f"finding {t.id} ({kind_label(f.kind)})" if f else f"finding {t.id} (not in this report)"
    if t.kind == "difference":
        d = next((d for d in report.differences if d.id == t.id), None)
        if d is None:
            return f"difference {t.id} (not listed in this report)"
        return f"difference {t.id} ({DIFF_LABELS.get(d.kind, d.kind).lower()} in {d.version})"
    where = f" in {t.id}" if t.id else ""
    return f"the passage “{clip(t.quote.strip(), 200)}”{where}" if t.quote else f"a passage{where}"


def environment() -> jinja2.Environment:
    template_dir = files() / "templates"

    def load(name: str) -> str:
        return (template_dir / name).read_text(encoding="utf-8")

    env = jinja2.Environment(loader=jinja2.FunctionLoader(load), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(kind_label=kind_label, squash=squash, clip=clip, when=when, size=size,
                       percent=percent)
    env.globals.update(plural=plural, position=position, evidence_shown=EVIDENCE_SHOWN, describe_target=describe_target, describe_event=describe_event, open_ellipsis=open_ellipsis,
                       close_ellipsis=close_ellipsis,
                       relation_label=lambda k: RELATION_LABELS.get(k or "", k or "—"),
                       diff_label=lambda k: DIFF_LABELS.get(k, k), vcolours=VERSION_COLOURS,
                       severity_colours=SEVERITY_COLOURS, status_colours=STATUS_COLOURS)
    return env


def view(report: Report) -> dict[str, Any]:
    """Lookups the templates need beside the report itself."""
    versions = report.versions
    notes = {n.id: n for n in report.notes}
    base = next((v for v in versions if v.id == report.base), None)
    groups = []
    for v in versions:
        if v.id == report.base:
            continue
        diffs = [d for d in report.differences if d.version == v.id]
        groups.append({"version": v, "substantive": [d for d in diffs if not d.cosmetic],
                       "cosmetic": [d for d in diffs if d.cosmetic],
                       "cosmetic_counts": report.cosmetic_by_version.get(v.id, {})})
    return {
        "labels": {v.id: v.label for v in versions},
        "colour": {v.id: i % len(VERSION_COLOURS) for i, v in enumerate(versions)},
        "lengths": {v.id: v.chars for v in versions},
        "notes_by_id": notes,
        "base_version": base,
        "groups": groups,
    }
