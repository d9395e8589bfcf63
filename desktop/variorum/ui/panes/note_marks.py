"""Where the notes of a case sit in a comparison, as code-point ranges per version (for the pane marks).

A note on a finding marks every piece of its evidence, a note on a difference marks its words in the base and
in the other version, a note on a selection marks the selected words. Notes on a whole version or the case,
orphaned notes and deleted ones mark nothing. Anchors are read as the store holds them after re-anchoring.
"""

from __future__ import annotations

from collections.abc import Iterable

from variorum.core.model import Comparison
from variorum.core.notes import Note

NoteMark = tuple[int, int, str]  # start, end, what the note says (for the tooltip)


def summary(note: Note, limit: int = 160) -> str:
    body = " ".join(note.body.split()) or "(no text yet)"
    body = body if len(body) <= limit else body[:limit - 1] + "…"
    return f"Note ({note.status}, {note.author}): {body}"


def note_ranges(notes: Iterable[Note], comparison: Comparison | None) -> dict[str, list[NoteMark]]:
    out: dict[str, list[NoteMark]] = {}
    if comparison is None:
        return out
    text = ""

    def add(vid: str | None, start: int, end: int) -> None:
        if vid and end > start:
            out.setdefault(vid, []).append((start, end, text))

    findings = {f.id: f for f in comparison.findings}
    differences = {d.id: d for d in comparison.differences}
    by_sha = {v.sha256: v.id for v in comparison.versions if v.sha256}
    for note in notes:
        if note.deleted or note.orphaned:
            continue
        a = note.anchor
        text = summary(note)
        if a.kind == "finding" and a.ref in findings:
            for e in findings[a.ref].evidence:
                add(e.version, e.start, e.end)
        elif a.kind == "difference" and a.ref in differences:
            d = differences[a.ref]
            add(d.version, d.other.start, d.other.end)
            add(comparison.base, d.base.start, d.base.end)
        elif a.kind == "quote" and a.quote is not None:
            add(by_sha.get(a.quote.sha256), a.quote.start, a.quote.end)
    return out
