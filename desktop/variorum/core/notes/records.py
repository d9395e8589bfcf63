"""What the notes store hands out: frozen records for cases, their versions, notes and audit events."""

from __future__ import annotations

import getpass
import json
import os
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from variorum.core.notes.statuses import STATUSES as STATUSES
from variorum.core.notes.targets import Anchor
from variorum.core.quick_dataclass import dataclass

if TYPE_CHECKING:  # the records are read from SQLite rows, but a report that lists notes needs no database
    import sqlite3

ENV_AUTHOR = "VARIORUM_AUTHOR"


def utc_now() -> str:
    """An ISO-8601 UTC timestamp with milliseconds, e.g. ``2026-11-23T07:04:05.123Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def default_author() -> str:
    """``$VARIORUM_AUTHOR`` if set, else the operating-system user name."""
    name = os.environ.get(ENV_AUTHOR, "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError, ImportError):
        return "unknown"


@dataclass(frozen=True)
class CaseVersion:
    slot: int  # stays the same when the file at that path changes
    sha256: str
    path: str | None
    label: str
    version_id: str | None  # v1, v2… at the last opening

    def to_json(self) -> dict[str, Any]:
        return {"slot": self.slot, "sha256": self.sha256, "path": self.path, "label": self.label,
                "version_id": self.version_id}


@dataclass(frozen=True)
class Case:
    id: str
    key: str  # sha256 of the sorted version hashes
    name: str
    created_at: str
    opened_at: str
    deleted_at: str | None
    versions: tuple[CaseVersion, ...]

    @property
    def version_ids(self) -> dict[str, str]:
        """sha256 → vN as of the last opening."""
        return {v.sha256: v.version_id for v in self.versions if v.version_id}

    @property
    def slot_ids(self) -> dict[int, str]:
        """slot → vN as of the last opening."""
        return {v.slot: v.version_id for v in self.versions if v.version_id}

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "key": self.key, "name": self.name, "created_at": self.created_at,
                "opened_at": self.opened_at, "deleted_at": self.deleted_at,
                "versions": [v.to_json() for v in self.versions]}


@dataclass(frozen=True)
class Note:
    id: str
    case_id: str
    anchor: Anchor
    status: str
    body: str
    author: str
    created_at: str
    updated_at: str
    deleted_at: str | None
    rev: int
    anchor_state: str  # "ok" | "orphaned" | "unchecked" (not yet checked against the files)

    @property
    def orphaned(self) -> bool:
        return self.anchor_state == "orphaned"

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "case_id": self.case_id, "anchor": self.anchor.to_json(), "status": self.status,
                "body": self.body, "author": self.author, "created_at": self.created_at,
                "updated_at": self.updated_at, "deleted_at": self.deleted_at, "rev": self.rev,
                "anchor_state": self.anchor_state}

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Note:
        extra = json.loads(row["anchor_json"] or "{}")
        anchor = Anchor.from_json({"kind": row["anchor_kind"], "ref": row["anchor_ref"], **extra})
        return cls(id=row["id"], case_id=row["case_id"], anchor=anchor, status=row["status"], body=row["body"],
                   author=row["author"], created_at=row["created_at"], updated_at=row["updated_at"],
                   deleted_at=row["deleted_at"], rev=row["rev"], anchor_state=row["anchor_state"])


@dataclass(frozen=True)
class Event:
    """One line of the audit log. ``before``/``after`` are the record as JSON data (None for create/delete)."""

    seq: int
    at: str
    who: str
    action: str
    case_id: str | None
    note_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Event:
        return cls(seq=row["seq"], at=row["at"], who=row["who"], action=row["action"], case_id=row["case_id"],
                   note_id=row["note_id"], before=json.loads(row["before"]) if row["before"] else None,
                   after=json.loads(row["after"]) if row["after"] else None)

    def to_report(self) -> dict[str, Any]:
        return {"at": self.at, "who": self.who, "action": self.action, "before": self.before,
                "after": self.after}


def describe_change(before: dict | None, after: dict | None) -> str:
    """A one-line summary of what an audit event changed."""
    if before is None:
        return f"status {after.get('status')}, text {_short(after.get('body', ''))}" if after else ""
    if after is None:
        return ""
    parts = []
    if before.get("status") != after.get("status"):
        parts.append(f"status {before.get('status')} → {after.get('status')}")
    if before.get("body") != after.get("body"):
        parts.append(f"text {_short(before.get('body', ''))} → {_short(after.get('body', ''))}")
    if before.get("deleted_at") != after.get("deleted_at"):
        parts.append("deleted" if after.get("deleted_at") else "restored")
    if before.get("anchor") != after.get("anchor"):
        parts.append("anchor moved")
    if before.get("anchor_state") != after.get("anchor_state"):
        parts.append(f"anchor {after.get('anchor_state')}")
    return "; ".join(parts)


def _short(text: str, n: int = 40) -> str:
    text = " ".join(str(text).split())
    return json.dumps(text if len(text) <= n else text[: n - 1] + "…", ensure_ascii=False)
