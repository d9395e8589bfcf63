"""Reconciliation notes as a report shows them: what each note is attached to, and its history in one line.

Notes arrive from the notes store as plain dicts::

    {"id", "anchor", "status", "body", "author", "created_at", "updated_at",
     "history": [{"at", "who", "action", "before", "after"}], "orphaned"}

``anchor`` is ``finding:ID``, ``difference:ID``, ``version:vN``, ``case``, ``quote:vN:START-END`` or a quote (a
string, or a dict with ``exact`` and optionally ``prefix``/``suffix``/``version``); a note on a text selection
may also carry ``quote``: ``{"version", "exact", "prefix", "suffix", "start", "end"}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from variorum.core.notes.refs import read_anchor

STATUSES = ("open", "confirmed", "explained", "dismissed")
_PREFIXES = ("finding", "difference", "version")


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


def anchor_target(anchor: Any, quote: Any = None) -> dict[str, Any]:
    """``{"kind": "finding"|"difference"|"version"|"case"|"quote", "id": …, "quote": …}``; for a quote, ``id`` is
    the version it is in (when known) and ``quote`` the words (None when only their position is known)."""
    if isinstance(quote, Mapping) and quote.get("exact"):
        return {"kind": "quote", "id": quote.get("version"), "quote": str(quote["exact"])}
    if isinstance(anchor, Mapping):
        quote = anchor.get("exact") or anchor.get("quote") or anchor.get("text") or ""
        return {"kind": "quote", "id": anchor.get("version"), "quote": str(quote)}
    text = "" if anchor is None else str(anchor)
    if text == "case":
        return {"kind": "case", "id": None, "quote": None}
    at = read_anchor(text)
    if at is not None and at.kind == "quote":
        return {"kind": "quote", "id": at.ref, "quote": None}
    head, sep, rest = text.partition(":")
    if sep and head in _PREFIXES and rest:
        return {"kind": head, "id": rest, "quote": None}
    if sep and head == "quote":
        text = rest
    return {"kind": "quote", "id": None, "quote": text}


def _when(note: Mapping[str, Any]) -> str:
    return str(note.get("updated_at") or note.get("created_at") or "")


def latest_status(notes: Iterable[Mapping[str, Any]], default: str = "open") -> str:
    """The status of the most recently updated note, or ``default`` when there is none."""
    ordered = sorted(notes, key=_when)
    return str(ordered[-1].get("status") or default) if ordered else default


def _short_time(stamp: Any) -> str:
    """``2026-11-20T09:12:33Z`` → ``2026-11-20 09:12 UTC``; anything unparseable is shown as given."""
    s = str(stamp or "")
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return s
    if dt.tzinfo is None or dt.utcoffset().total_seconds() == 0:
        return dt.strftime("%Y-%m-%d %H:%M") + " UTC"
    return dt.strftime("%Y-%m-%d %H:%M %z")


def _status_of(value: Any) -> str | None:
    if isinstance(value, Mapping):
        return str(value["status"]) if value.get("status") else None
    return str(value) if isinstance(value, str) and value in STATUSES else None


def _is_status_change(event: Mapping[str, Any]) -> bool:
    before, after = _status_of(event.get("before")), _status_of(event.get("after"))
    return bool(before and after and before != after)


def describe_event(event: Mapping[str, Any]) -> str:
    """One audit event in words, e.g. ``status open → explained by ana, 2026-11-21 10:00 UTC``."""
    action = str(event.get("action") or "change")
    who = event.get("who") or "someone"
    before, after = _status_of(event.get("before")), _status_of(event.get("after"))
    if before and after and before != after:
        what = f"status {before} → {after}"
    elif action in ("create", "created", "add", "added") and after:
        what = f"created as {after}"
    else:
        what = {"create": "created", "add": "created", "edit": "edited", "update": "edited",
                "delete": "deleted", "status": "status changed", "restore": "restored",
                "reanchor": "re-anchored", "import": "imported"}.get(action, action)
    when = _short_time(event.get("at"))
    return f"{what} by {who}" + (f", {when}" if when else "")


def history_summary(note: Mapping[str, Any]) -> str:
    """The audit trail of a note in a line: how it was created, every change of status, how many other
    changes, and the last change when it is not already told."""
    history = [h for h in (note.get("history") or []) if isinstance(h, Mapping)]
    if not history:
        who = note.get("author") or "someone"
        when = _short_time(note.get("created_at"))
        return f"created by {who}" + (f", {when}" if when else "")
    events = sorted(history, key=lambda h: str(h.get("at") or ""))  # stable: same-time events keep their order
    parts = [describe_event(events[0])]
    others = [e for e in events[1:] if not _is_status_change(e)]
    parts += [describe_event(e) for e in events[1:] if _is_status_change(e)]
    if others:
        parts.append(f"{len(others)} other change{'s' if len(others) != 1 else ''}")
        if others[-1] is events[-1]:
            parts.append("last: " + describe_event(events[-1]))
    return "; ".join(parts)


def prepare_note(note: Mapping[str, Any]) -> dict[str, Any]:
    """The note as given (every field kept) plus ``target`` and ``history_summary``; missing fields filled."""
    out = jsonable(dict(note))
    out.setdefault("id", None)
    out.setdefault("anchor", "case")
    out["status"] = str(out.get("status") or "open")
    out["body"] = "" if out.get("body") is None else str(out["body"])
    out.setdefault("author", None)
    out.setdefault("created_at", None)
    out.setdefault("updated_at", out.get("created_at"))
    out["history"] = [{"at": h.get("at"), "who": h.get("who"), "action": h.get("action") or "change",
                       "before": h.get("before"), "after": h.get("after"), **h}
                      for h in (out.get("history") or []) if isinstance(h, dict)]
    out["orphaned"] = bool(out.get("orphaned", False))
    out["target"] = anchor_target(note.get("anchor"), note.get("quote"))
    out["history_summary"] = history_summary(note)
    return out
