"""Notes as plain data for reports (the ``notes`` list of ``variorum.report/1``)."""

from __future__ import annotations

from typing import Any

from variorum.core.model import Comparison
from variorum.core.notes.store import NotesStore
from variorum.core.notes.targets import format_anchor


def notes_for_report(store: NotesStore, case_id: str, comparison: Comparison | None = None) -> list[dict[str, Any]]:
    """Every live note of the case, oldest first, with its history.

    Each item: ``{"id", "anchor", "status", "body", "author", "created_at", "updated_at", "history":
    [{"at", "who", "action", "before", "after"}], "orphaned", "quote"}``. ``anchor`` is a string such as
    ``finding:ID``, ``version:v2`` or ``quote:v2:120-135``; version ids come from ``comparison`` when given,
    else from the case's last opening. ``quote`` is the selected words (``{"version", "exact", "prefix",
    "suffix", "start", "end"}``) for a text selection, else None.
    """
    case = store.case(case_id)
    ids = case.version_ids
    if comparison is not None:
        ids.update({v.sha256: v.id for v in comparison.versions if v.sha256})
    out: list[dict[str, Any]] = []
    for note in store.notes(case_id):
        q = note.anchor.quote if note.anchor.kind == "quote" else None
        out.append({
            "id": note.id,
            "anchor": format_anchor(note.anchor, ids, case.slot_ids),
            "status": note.status,
            "body": note.body,
            "author": note.author,
            "created_at": note.created_at,
            "updated_at": note.updated_at,
            "history": [e.to_report() for e in store.history(note.id)],
            "orphaned": note.orphaned,
            "quote": {"version": ids.get(q.sha256) or (case.slot_ids.get(note.anchor.slot) if note.anchor.slot is not None else None), "exact": q.exact, "prefix": q.prefix, "suffix": q.suffix,
                      "start": q.start, "end": q.end} if q else None,
        })
    return out
