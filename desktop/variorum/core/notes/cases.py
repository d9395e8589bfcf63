"""Cases: a set of versions identified by their content (sha256); paths are remembered to follow edited files.

Opening a set of versions finds its case in this order: the same set of hashes; else a case whose versions
each match one of the given versions by hash or by path (a file was edited since: the case follows it and
records the change); else a new case. Every change here is written with its audit event by the caller's
transaction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from variorum.core.notes.errors import NotesError, NotFound
from variorum.core.notes.records import Case, CaseVersion, utc_now
from variorum.core.quick_dataclass import dataclass


class VersionLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def path(self) -> str | None: ...
    @property
    def sha256(self) -> str: ...


@dataclass(frozen=True)
class Given:
    sha256: str
    path: str | None
    label: str
    version_id: str | None


def case_key(hashes: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(sorted(set(hashes))).encode("ascii")).hexdigest()


def _norm_path(path: str | None) -> str | None:
    if not path:
        return None
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError):
        return str(Path(path).absolute())


def given_versions(versions: Sequence[VersionLike]) -> list[Given]:
    """The versions that can identify a case (a file that could not be opened has no hash), one per hash."""
    out: list[Given] = []
    seen: set[str] = set()
    for v in versions:
        if v.sha256 and v.sha256 not in seen:
            seen.add(v.sha256)
            out.append(Given(v.sha256, _norm_path(v.path), v.label, v.id))
    if not out:
        raise NotesError("None of these files could be read, so they cannot name a case for notes.")
    return out


def append_event(conn: sqlite3.Connection, who: str, action: str, *, case_id: str | None,
                 note_id: str | None = None, before: dict | None = None, after: dict | None = None,
                 at: str | None = None) -> None:
    conn.execute("INSERT INTO events (at, who, action, case_id, note_id, before, after) VALUES (?,?,?,?,?,?,?)",
                 (at or utc_now(), who, action, case_id, note_id,
                  json.dumps(before, ensure_ascii=False, sort_keys=True) if before is not None else None,
                  json.dumps(after, ensure_ascii=False, sort_keys=True) if after is not None else None))


def read_case(conn: sqlite3.Connection, case_id: str, *, include_deleted: bool = False) -> Case:
    row = conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None or (row["deleted_at"] and not include_deleted):
        raise NotFound(f"There is no case {case_id}" + (" (it was deleted)." if row is not None else "."))
    rows = conn.execute("SELECT * FROM case_versions WHERE case_id = ? ORDER BY slot", (case_id,)).fetchall()
    versions = tuple(CaseVersion(r["slot"], r["sha256"], r["path"], r["label"], r["version_id"]) for r in rows)
    return Case(id=row["id"], key=row["key"], name=row["name"], created_at=row["created_at"],
                opened_at=row["opened_at"], deleted_at=row["deleted_at"], versions=versions)


def find_by_key(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT id FROM cases WHERE key = ? AND deleted_at IS NULL", (key,)).fetchone()
    return row["id"] if row else None


def match_versions(case: Case, given: list[Given]) -> dict[int, Given] | None:
    """Pair each of the case's versions with a given version, by hash first, then by path; None if impossible."""
    if len(case.versions) != len(given):
        return None
    pairs: dict[int, Given] = {}
    left = list(given)
    for cv in case.versions:
        g = next((g for g in left if g.sha256 == cv.sha256), None)
        if g is not None:
            pairs[cv.slot] = g
            left.remove(g)
    for cv in case.versions:
        if cv.slot in pairs:
            continue
        g = next((g for g in left if cv.path and g.path == cv.path), None)
        if g is None:
            return None
        pairs[cv.slot] = g
        left.remove(g)
    return pairs


def find_followed(conn: sqlite3.Connection, given: list[Given]) -> tuple[Case, dict[int, Given]] | None:
    """The most recently opened case whose versions are these files, some of them changed since."""
    shas = [g.sha256 for g in given]
    paths = [g.path for g in given if g.path]
    marks = ",".join("?" * len(shas))
    pmarks = ",".join("?" * len(paths)) or "NULL"
    rows = conn.execute(
        f"SELECT DISTINCT c.id, c.opened_at FROM cases c JOIN case_versions cv ON cv.case_id = c.id "
        f"WHERE c.deleted_at IS NULL AND (cv.sha256 IN ({marks}) OR cv.path IN ({pmarks})) "
        f"ORDER BY c.opened_at DESC", (*shas, *paths)).fetchall()
    for row in rows:
        case = read_case(conn, row["id"])
        pairs = match_versions(case, given)
        if pairs is not None:
            return case, pairs
    return None


def default_name(given: list[Given]) -> str:
    first = given[0].label or "Untitled"
    more = len(given) - 1
    return first if more == 0 else f"{first} and {more} more"


def create(conn: sqlite3.Connection, given: list[Given], name: str | None, who: str) -> Case:
    now = utc_now()
    import uuid  # making a case or a note only: looking one up (every report) needs none
    case_id = uuid.uuid4().hex
    conn.execute("INSERT INTO cases (id, key, name, created_at, opened_at) VALUES (?,?,?,?,?)",
                 (case_id, case_key([g.sha256 for g in given]), name or default_name(given), now, now))
    for slot, g in enumerate(given, start=1):
        conn.execute("INSERT INTO case_versions (case_id, slot, sha256, path, label, version_id) "
                     "VALUES (?,?,?,?,?,?)", (case_id, slot, g.sha256, g.path, g.label, g.version_id))
    case = read_case(conn, case_id)
    append_event(conn, who, "case-create", case_id=case_id, after=case.to_json(), at=now)
    return case


def reopen(conn: sqlite3.Connection, case: Case, pairs: dict[int, Given], who: str) -> Case:
    """Record this opening: refresh paths, labels and load-order ids; follow changed files (audited)."""
    now = utc_now()
    for slot, g in pairs.items():
        conn.execute("UPDATE case_versions SET sha256 = ?, path = COALESCE(?, path), label = ?, version_id = ? "
                     "WHERE case_id = ? AND slot = ?", (g.sha256, g.path, g.label, g.version_id, case.id, slot))
    key = case_key([g.sha256 for g in pairs.values()])
    conn.execute("UPDATE cases SET key = ?, opened_at = ? WHERE id = ?", (key, now, case.id))
    after = read_case(conn, case.id)
    changed = {v.sha256 for v in case.versions} != {v.sha256 for v in after.versions}
    append_event(conn, who, "case-files-changed" if changed else "case-open", case_id=case.id,
                 before=case.to_json(), after=after.to_json(), at=now)
    return after
