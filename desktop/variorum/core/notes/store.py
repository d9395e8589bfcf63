"""The notes store: cases, notes and their audit trail in one SQLite file.

Every change is one transaction that writes the change and its audit event together; nothing is updated
without its event and nothing is removed (deleting a note or a case marks it, and it can be restored).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from variorum.core.model import Comparison
from variorum.core.notes import cases as _cases
from variorum.core.notes.db import connect, transaction
from variorum.core.notes.errors import Conflict, NotesError, NotFound
from variorum.core.notes.limits import MAX_BODY_CHARS
from variorum.core.notes.paths import store_path
from variorum.core.notes.reanchor import Resolution, resolve
from variorum.core.notes.records import STATUSES, Case, Event, Note, default_author, utc_now
from variorum.core.notes.targets import Anchor

__all__ = ["NotesStore"]


def _check_status(status: str) -> str:
    if status not in STATUSES:
        raise NotesError(f"Unknown status {status!r}: use one of {', '.join(STATUSES)}.")
    return status


def _check_body(body: str) -> str:
    if len(body) > MAX_BODY_CHARS:
        raise NotesError(f"A note holds at most {MAX_BODY_CHARS:,} characters; this one has {len(body):,}. "
                         f"Shorten it or attach the material as a file.")
    return body


class NotesStore:
    """Open with ``NotesStore()`` (the default location) or ``NotesStore(path)``; close when done."""

    def __init__(self, path: str | Path | None = None, *, user: str | None = None):
        self.path = Path(path) if path is not None else store_path()
        self.user = user or default_author()
        self._conn: sqlite3.Connection | None = connect(self.path)
        self._in_batch = False

    # -- plumbing -------------------------------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise NotesError("The notes store is closed.")
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> NotesStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        if self._in_batch:  # part of a batch: its transaction commits or rolls back everything together
            yield self.conn
            return
        with transaction(self.conn) as conn:
            yield conn

    @contextmanager
    def batch(self) -> Iterator[NotesStore]:
        """Make every change inside one transaction: all are written, or (on any exception) none."""
        if self._in_batch:
            yield self
            return
        with transaction(self.conn):
            self._in_batch = True
            try:
                yield self
            finally:
                self._in_batch = False

    def backup_to(self, target: str | Path) -> Path:
        """A consistent copy of the whole store (safe while Variorum runs); refuses to overwrite a file."""
        target = Path(target)
        if target.exists():
            raise NotesError(f"{target} already exists; choose a new file name for the backup.")
        dest = sqlite3.connect(str(target))
        try:
            self.conn.backup(dest)
        finally:
            dest.close()
        return target

    # -- cases ----------------------------------------------------------------------------------------
    def open_case(self, versions: Sequence[_cases.VersionLike], *, name: str | None = None,
                  who: str | None = None) -> Case:
        """The case for these versions (same contents, or the same files edited since), created if new."""
        given = _cases.given_versions(versions)
        who = who or self.user
        with self._tx() as conn:
            case_id = _cases.find_by_key(conn, _cases.case_key([g.sha256 for g in given]))
            if case_id is not None:
                case = _cases.read_case(conn, case_id)
                return _cases.reopen(conn, case, _cases.match_versions(case, given) or {}, who)
            followed = _cases.find_followed(conn, given)
            if followed is not None:
                return _cases.reopen(conn, followed[0], followed[1], who)
            return _cases.create(conn, given, name, who)

    def find_case(self, versions: Sequence[_cases.VersionLike]) -> Case | None:
        """The case for exactly these contents, or for these files edited since; None (and nothing created)."""
        given = _cases.given_versions(versions)
        case_id = _cases.find_by_key(self.conn, _cases.case_key([g.sha256 for g in given]))
        if case_id is not None:
            return _cases.read_case(self.conn, case_id)
        followed = _cases.find_followed(self.conn, given)
        return followed[0] if followed else None

    def case(self, case_id: str, *, include_deleted: bool = False) -> Case:
        return _cases.read_case(self.conn, case_id, include_deleted=include_deleted)

    def recent_cases(self, limit: int = 10) -> list[Case]:
        rows = self.conn.execute("SELECT id FROM cases WHERE deleted_at IS NULL ORDER BY opened_at DESC, "
                                 "rowid DESC LIMIT ?", (limit,)).fetchall()
        return [self.case(r["id"]) for r in rows]

    def deleted_cases(self) -> list[Case]:
        rows = self.conn.execute("SELECT id FROM cases WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC")
        return [self.case(r["id"], include_deleted=True) for r in rows.fetchall()]

    def rename_case(self, case_id: str, name: str, *, who: str | None = None) -> Case:
        name = name.strip()
        if not name:
            raise NotesError("A case needs a name.")
        with self._tx() as conn:
            before = _cases.read_case(conn, case_id)
            if before.name == name:
                return before
            conn.execute("UPDATE cases SET name = ? WHERE id = ?", (name, case_id))
            after = _cases.read_case(conn, case_id)
            _cases.append_event(conn, who or self.user, "case-rename", case_id=case_id,
                                before=before.to_json(), after=after.to_json())
            return after

    def delete_case(self, case_id: str, *, who: str | None = None) -> Case:
        """Mark a case (and so its notes) deleted. The caller confirms with the user first; see restore_case."""
        with self._tx() as conn:
            before = _cases.read_case(conn, case_id)
            conn.execute("UPDATE cases SET deleted_at = ? WHERE id = ?", (utc_now(), case_id))
            after = _cases.read_case(conn, case_id, include_deleted=True)
            _cases.append_event(conn, who or self.user, "case-delete", case_id=case_id,
                                before=before.to_json(), after=after.to_json())
            return after

    def restore_case(self, case_id: str, *, who: str | None = None) -> Case:
        with self._tx() as conn:
            before = _cases.read_case(conn, case_id, include_deleted=True)
            if before.deleted_at is None:
                return before
            if _cases.find_by_key(conn, before.key):
                raise NotesError(f"Cannot restore case {before.name!r}: the same files already have a case "
                                 f"(open it, or delete it first).")
            conn.execute("UPDATE cases SET deleted_at = NULL WHERE id = ?", (case_id,))
            after = _cases.read_case(conn, case_id)
            _cases.append_event(conn, who or self.user, "case-restore", case_id=case_id,
                                before=before.to_json(), after=after.to_json())
            return after

    # -- notes ----------------------------------------------------------------------------------------
    def _read_note(self, conn: sqlite3.Connection, note_id: str) -> Note:
        row = conn.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no note {note_id}.")
        return Note.from_row(row)

    def note(self, note_id: str) -> Note:
        """A note by id (deleted ones too: check ``note.deleted``). Accepts a unique id prefix."""
        return self._read_note(self.conn, self.resolve_note_id(note_id))

    def resolve_note_id(self, prefix: str) -> str:
        prefix = prefix.strip().lower()
        if len(prefix) < 4:
            raise NotFound(f"Note id {prefix!r} is too short; give at least 4 characters.")
        rows = self.conn.execute("SELECT id FROM notes WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                                 (prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",)
                                 ).fetchall()
        if not rows:
            raise NotFound(f"There is no note {prefix}.")
        if len(rows) > 1:
            raise NotFound(f"Note id {prefix} is ambiguous; give more characters.")
        return rows[0]["id"]

    def notes(self, case_id: str, *, include_deleted: bool = False) -> list[Note]:
        sql = "SELECT * FROM notes WHERE case_id = ?" + ("" if include_deleted else " AND deleted_at IS NULL")
        return [Note.from_row(r) for r in self.conn.execute(sql + " ORDER BY created_at, rowid", (case_id,))]

    def _slot_for(self, conn: sqlite3.Connection, case_id: str, anchor: Anchor) -> Anchor:
        sha = anchor.sha256
        if not sha or anchor.slot is not None:
            return anchor
        row = conn.execute("SELECT slot FROM case_versions WHERE case_id = ? AND sha256 = ?",
                           (case_id, sha)).fetchone()
        return Anchor(anchor.kind, anchor.ref, anchor.quote, row["slot"]) if row else anchor

    def _write_note(self, conn: sqlite3.Connection, note: Note, *, insert: bool) -> None:
        extra = json.dumps({"quote": note.anchor.quote.to_json() if note.anchor.quote else None,
                            "slot": note.anchor.slot}, ensure_ascii=False, sort_keys=True)
        values = (note.case_id, note.anchor.kind, note.anchor.ref, extra, note.status, note.body, note.author,
                  note.created_at, note.updated_at, note.deleted_at, note.rev, note.anchor_state, note.id)
        if insert:
            conn.execute("INSERT INTO notes (case_id, anchor_kind, anchor_ref, anchor_json, status, body, author, "
                         "created_at, updated_at, deleted_at, rev, anchor_state, id) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", values)
        else:
            conn.execute("UPDATE notes SET case_id=?, anchor_kind=?, anchor_ref=?, anchor_json=?, status=?, body=?, "
                         "author=?, created_at=?, updated_at=?, deleted_at=?, rev=?, anchor_state=? WHERE id=?",
                         values)

    def add_note(self, case_id: str, anchor: Anchor, body: str = "", *, status: str = "open",
                 author: str | None = None, note_id: str | None = None, created_at: str | None = None,
                 action: str = "create", who: str | None = None) -> Note:
        """Create a note (one transaction with its "create" event) and return it."""
        _check_status(status)
        _check_body(body)
        author = (author or self.user).strip() or self.user
        now = utc_now()
        with self._tx() as conn:
            _cases.read_case(conn, case_id)
            import uuid  # making a case or a note only: looking one up (every report) needs none
            note = Note(id=note_id or uuid.uuid4().hex, case_id=case_id,
                        anchor=self._slot_for(conn, case_id, anchor), status=status, body=body, author=author,
                        created_at=created_at or now, updated_at=now, deleted_at=None, rev=1,
                        anchor_state="ok" if anchor.kind == "case" or anchor.quote or anchor.kind == "version"
                        else "unchecked")
            self._write_note(conn, note, insert=True)
            _cases.append_event(conn, who or author, action, case_id=case_id, note_id=note.id, after=note.to_json(),
                                at=now)
            return note

    def _change(self, note_id: str, who: str | None, action: str, expected_rev: int | None, **fields) -> Note:
        now = utc_now()
        with self._tx() as conn:
            before = self._read_note(conn, note_id)
            if expected_rev is not None and before.rev != expected_rev:
                raise Conflict("This note was changed elsewhere since it was read.", before)
            changes = {k: v for k, v in fields.items() if getattr(before, k) != v}
            if not changes:
                return before
            if action == "delete" and before.deleted:
                return before
            if action in ("edit", "status") and before.deleted:
                raise NotFound(f"Note {note_id} was deleted; restore it before editing.")
            touch = {} if action == "reanchor" else {"updated_at": now}
            after = Note(**{**before.__dict__, **changes, **touch, "rev": before.rev + 1})
            self._write_note(conn, after, insert=False)
            _cases.append_event(conn, who or self.user, action, case_id=after.case_id, note_id=note_id,
                                before=before.to_json(), after=after.to_json(), at=now)
            return after

    def update_note(self, note_id: str, *, body: str | None = None, status: str | None = None,
                    who: str | None = None, expected_rev: int | None = None, action: str | None = None) -> Note:
        """Change a note's body and/or status. With ``expected_rev``, raise Conflict if it changed meanwhile.

        The audit event is "edit" or "status" unless ``action`` names it (e.g. "import").
        """
        fields: dict = {}
        if body is not None:
            fields["body"] = _check_body(body)
        if status is not None:
            fields["status"] = _check_status(status)
        action = action or ("status" if set(fields) == {"status"} else "edit")
        return self._change(note_id, who, action, expected_rev, **fields)

    def set_status(self, note_id: str, status: str, *, who: str | None = None) -> Note:
        return self.update_note(note_id, status=status, who=who)

    def delete_note(self, note_id: str, *, who: str | None = None) -> Note:
        """Mark a note deleted (it stays in the store and its history; ``restore_note`` brings it back)."""
        return self._change(note_id, who, "delete", None, deleted_at=utc_now())

    def restore_note(self, note_id: str, *, who: str | None = None) -> Note:
        return self._change(note_id, who, "restore", None, deleted_at=None)

    def revert_note(self, note_id: str, to: Note | None, *, who: str | None = None) -> Note:
        """Undo: put back an earlier state of the note (None = before it existed, i.e. delete it), audited."""
        if to is None:
            return self._change(note_id, who, "undo", None, deleted_at=utc_now())
        return self._change(note_id, who, "undo", None, body=to.body, status=to.status, deleted_at=to.deleted_at)

    def history(self, note_id: str) -> list[Event]:
        rows = self.conn.execute("SELECT * FROM events WHERE note_id = ? ORDER BY seq", (note_id,))
        return [Event.from_row(r) for r in rows.fetchall()]

    def case_history(self, case_id: str) -> list[Event]:
        rows = self.conn.execute("SELECT * FROM events WHERE case_id = ? ORDER BY seq", (case_id,))
        return [Event.from_row(r) for r in rows.fetchall()]

    # -- re-anchoring ---------------------------------------------------------------------------------
    def reanchor(self, case_id: str, comparison: Comparison, *, who: str | None = None) -> list[Resolution]:
        """Place every note of the case in ``comparison``; record moves and orphans in the audit log."""
        case = self.case(case_id)
        notes = self.notes(case_id)
        out = [resolve(note.id, note.anchor, comparison, case.versions) for note in notes]
        with self.batch():  # one commit for all the moves, after the (slower) searching is done
            for note, res in zip(notes, out, strict=True):
                state = "orphaned" if res.state == "orphaned" else "ok"
                if res.anchor != note.anchor or state != note.anchor_state:
                    action = "orphan" if state == "orphaned" else "reanchor"
                    if res.anchor == note.anchor and note.anchor_state == "unchecked" and state == "ok":
                        action = "anchor-checked"
                    self._change(note.id, who, action, None, anchor=res.anchor, anchor_state=state)
        return out
