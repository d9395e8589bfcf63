"""Reconciliation notes as a report shows them: what each note is attached to, and its history in one line.

Notes arrive from the notes store as plain dicts and leave as :class:`ReportNote`::

    {"id", "anchor", "status", "body", "author", "created_at", "updated_at",
     "history": [{"at", "who", "action", "before", "after"}], "orphaned"}

``anchor`` is ``finding:ID``, ``difference:ID``, ``version:vN``, ``case``, ``quote:vN:START-END`` or a quote (a
string, or a dict with ``exact`` and optionally ``prefix``/``suffix``/``version``); a note on a text selection
may also carry ``quote``: ``{"version", "exact", "prefix", "suffix", "start", "end"}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from variorum.core.notes.statuses import STATUSES
from variorum.core.report.model import NoteEvent, NoteTarget, ReportNote


def jsonable(value: Any) -> Any:
    """Plain JSON data: timestamps become ISO-8601 strings, tuples lists, mappings dicts."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def anchor_target(anchor: Any, quote: Any = None) -> NoteTarget:
    """What the note is attached to; for a quote, ``id`` is the version it is in (when known) and ``quote`` the
    words (None when only their position is known)."""
    if isinstance(quote, Mapping) and quote.get("exact"):
        return NoteTarget("quote", quote.get("version"), str(quote["exact"]))
    if isinstance(anchor, Mapping):
        words = anchor.get("exact") or anchor.get("quote") or anchor.get("text") or ""
        return NoteTarget("quote", anchor.get("version"), str(words))
    text = "" if anchor is None else str(anchor)
    from variorum.core.notes.refs import read_anchor  # only a report with notes reads their anchors

    at = read_anchor(text)  # the one reader of the written form
    if at is not None:
        return NoteTarget(at.kind, at.ref, None)
    return NoteTarget("quote", None, text.removeprefix("quote:"))  # the words themselves


def latest_status(notes: Iterable[ReportNote], default: str = "open") -> str:
    """The status of the most recently updated note, or ``default`` when there is none."""
    ordered = sorted(notes, key=lambda n: n.updated_at or n.created_at or "")
    return (ordered[-1].status or default) if ordered else default


def _short_time(stamp: Any) -> str:
    """``2026-11-20T09:12:33Z`` → ``2026-11-20 09:12 UTC``; anything unparseable is shown as given."""
    s = str(stamp or "")
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return s
    offset = dt.utcoffset()
    if offset is None or offset.total_seconds() == 0:
        return dt.strftime("%Y-%m-%d %H:%M") + " UTC"
    return dt.strftime("%Y-%m-%d %H:%M %z")


def _status_of(value: Any) -> str | None:
    if isinstance(value, Mapping):
        return str(value["status"]) if value.get("status") else None
    return str(value) if isinstance(value, str) and value in STATUSES else None


def _is_status_change(event: NoteEvent) -> bool:
    before, after = _status_of(event.before), _status_of(event.after)
    return bool(before and after and before != after)


def _optional_text(value: Any) -> str | None:
    return None if value is None else str(value)


def note_event(event: Mapping[str, Any]) -> NoteEvent:
    """One audit event as given by the notes store; values made plain JSON, unknown keys kept in ``extra``."""
    e = jsonable(event)
    known = ("at", "who", "action", "before", "after")
    return NoteEvent(at=_optional_text(e.get("at")), who=_optional_text(e.get("who")),
                     action=str(e.get("action") or "change"), before=e.get("before"), after=e.get("after"),
                     extra=tuple((k, v) for k, v in e.items() if k not in known))


def describe_event(event: NoteEvent) -> str:
    """One audit event in words, e.g. ``status open → explained by ana, 2026-11-21 10:00 UTC``."""
    action = event.action
    who = event.who or "someone"
    before, after = _status_of(event.before), _status_of(event.after)
    if before and after and before != after:
        what = f"status {before} → {after}"
    elif action in ("create", "created", "add", "added") and after:
        what = f"created as {after}"
    else:
        what = {"create": "created", "add": "created", "edit": "edited", "update": "edited",
                "delete": "deleted", "status": "status changed", "restore": "restored",
                "reanchor": "re-anchored", "import": "imported"}.get(action, action)
    when = _short_time(event.at)
    return f"{what} by {who}" + (f", {when}" if when else "")


def summarize_history(events: Sequence[NoteEvent], author: Any = None, created_at: Any = None) -> str:
    """The audit trail of a note in a line: how it was created, every change of status, how many other
    changes, and the last change when it is not already told."""
    if not events:
        when = _short_time(created_at)
        return f"created by {author or 'someone'}" + (f", {when}" if when else "")
    ordered = sorted(events, key=lambda e: e.at or "")  # stable: same-time events keep their order
    parts = [describe_event(ordered[0])]
    others = [e for e in ordered[1:] if not _is_status_change(e)]
    parts += [describe_event(e) for e in ordered[1:] if _is_status_change(e)]
    if others:
        parts.append(f"{len(others)} other change{'s' if len(others) != 1 else ''}")
        if others[-1] is ordered[-1]:
            parts.append("last: " + describe_event(ordered[-1]))
    return "; ".join(parts)


def _events(note: Mapping[str, Any]) -> tuple[NoteEvent, ...]:
    return tuple(note_event(h) for h in (note.get("history") or []) if isinstance(h, Mapping))


def history_summary(note: Mapping[str, Any]) -> str:
    """:func:`summarize_history` of a note as the notes store gives it."""
    return summarize_history(_events(note), note.get("author"), note.get("created_at"))


_NOTE_FIELDS = ("id", "anchor", "status", "body", "author", "created_at", "updated_at", "history", "orphaned")


def prepare_note(note: Mapping[str, Any]) -> ReportNote:
    """The note as the report carries it: every given field kept (unknown ones in ``extra``), missing ones
    filled, plus what it is attached to and its history in a line."""
    given = jsonable(dict(note))
    created = _optional_text(given.get("created_at"))
    updated = _optional_text(given["updated_at"]) if "updated_at" in given else created
    events = _events(note)
    return ReportNote(
        id=given.get("id"),
        anchor=given.get("anchor", "case"),
        status=str(given.get("status") or "open"),
        body="" if given.get("body") is None else str(given["body"]),
        author=_optional_text(given.get("author")),
        created_at=created,
        updated_at=updated,
        history=events,
        orphaned=bool(given.get("orphaned", False)),
        extra=tuple((k, v) for k, v in given.items() if k not in _NOTE_FIELDS),
        target=anchor_target(note.get("anchor"), note.get("quote")),
        history_summary=summarize_history(events, note.get("author"), note.get("created_at")),
    )
