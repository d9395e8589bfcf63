"""The SQLite connection behind the notes store: safety pragmas, schema migrations, transactions.

- WAL journal and ``synchronous=FULL``: a committed change survives a crash or ``kill -9`` at any moment.
- Every write runs in ``BEGIN IMMEDIATE`` … ``COMMIT`` (one transaction per user change); a busy store is
  waited for (busy timeout plus retries), so "database is locked" never reaches the user.
- The schema version lives in ``PRAGMA user_version``; ``MIGRATIONS[n]`` turns version ``n - 1`` into ``n``.
- A damaged or foreign file is never written to: it is copied aside (once per damaged state) and a clear
  error is raised.
"""

from __future__ import annotations

import filecmp
import glob
import logging
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from variorum.core.notes.errors import NotesError, StoreBusy, StoreTooNew, StoreUnreadable

T = TypeVar("T")

BUSY_TIMEOUT_MS = 5000
BUSY_GIVE_UP_SECONDS = 60.0
_BUSY_NAMES = {"SQLITE_BUSY", "SQLITE_LOCKED"}
_DAMAGED_NAMES = {"SQLITE_NOTADB", "SQLITE_CORRUPT"}

_V1 = """
CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX cases_active_key ON cases(key) WHERE deleted_at IS NULL;
CREATE TABLE case_versions (
    case_id TEXT NOT NULL REFERENCES cases(id),
    slot INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    path TEXT,
    label TEXT NOT NULL,
    version_id TEXT,
    PRIMARY KEY (case_id, slot)
);
CREATE INDEX case_versions_sha ON case_versions(sha256);
CREATE INDEX case_versions_path ON case_versions(path);
CREATE TABLE notes (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    anchor_kind TEXT NOT NULL CHECK (anchor_kind IN ('finding', 'difference', 'version', 'case', 'quote')),
    anchor_ref TEXT,
    anchor_json TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'explained', 'dismissed')),
    body TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    rev INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX notes_case ON notes(case_id);
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    case_id TEXT,
    note_id TEXT,
    before TEXT,
    after TEXT
);
CREATE INDEX events_note ON events(note_id);
CREATE INDEX events_case ON events(case_id);
"""

# Version 2: remember whether a note's anchor was found when its case was last opened, and make the
# audit log append-only and notes undeletable at the database level (deletes are soft).
_V2 = """
ALTER TABLE notes ADD COLUMN anchor_state TEXT NOT NULL DEFAULT 'unchecked';
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER notes_no_delete BEFORE DELETE ON notes
    BEGIN SELECT RAISE(ABORT, 'notes are deleted by marking them, never removed'); END;
"""

MIGRATIONS: dict[int, str] = {1: _V1, 2: _V2}
SCHEMA_VERSION = max(MIGRATIONS)
_OUR_TABLES = {"cases", "case_versions", "notes", "events"}

log = logging.getLogger(__name__)


def _errname(exc: sqlite3.Error) -> str:
    return getattr(exc, "sqlite_errorname", "") or ""


def _is_busy(exc: sqlite3.Error) -> bool:
    return _errname(exc) in _BUSY_NAMES or "locked" in str(exc) or "busy" in str(exc)


def retry_busy(fn: Callable[[], T]) -> T:
    """Run ``fn``, waiting out another process's lock; give up with :class:`StoreBusy` after a minute."""
    deadline = time.monotonic() + BUSY_GIVE_UP_SECONDS
    delay = 0.01
    while True:
        try:
            return fn()
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise
            if time.monotonic() > deadline:
                raise StoreBusy("The notes store stayed locked by another program for over a minute; "
                                "nothing was changed. Try again.") from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: ``BEGIN IMMEDIATE`` (takes the write lock up front), commit or roll back."""
    retry_busy(lambda: conn.execute("BEGIN IMMEDIATE"))
    try:
        yield conn
        retry_busy(lambda: conn.execute("COMMIT"))
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error) and not isinstance(exc, sqlite3.ProgrammingError):
            raise NotesError(f"The change could not be written to the notes store ({exc}); nothing was "
                             f"changed.") from exc
        raise


def _same_files(a: Path, b: Path) -> bool:
    """Whether two files (either may be missing) hold the same bytes."""
    if not a.exists() or not b.exists():
        return a.exists() == b.exists()
    return a.stat().st_size == b.stat().st_size and filecmp.cmp(a, b, shallow=False)


def _sides(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def existing_backup(path: Path) -> Path | None:
    """An earlier copy of the damaged store holding exactly its current bytes (and its WAL's), if any."""
    wal = _sides(path)[0]
    try:
        candidates = sorted(path.parent.glob(glob.escape(path.name) + ".damaged-*"))
        for candidate in candidates:
            if candidate.name.endswith(("-wal", "-shm")):
                continue
            if _same_files(path, candidate) and _same_files(wal, _sides(candidate)[0]):
                return candidate
    except OSError:
        return None
    return None


def backup_damaged(path: Path) -> tuple[Path | None, bool]:
    """Copy a damaged store (and its WAL) aside once; never overwrite anything.

    Returns the copy and whether it was made now (False: an identical earlier copy is reused, so a store that
    stays damaged is not copied again on every command). The copy is None if the file cannot be read.
    """
    earlier = existing_backup(path)
    if earlier is not None:
        return earlier, False
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for n in range(1000):
        suffix = f".damaged-{stamp}" + (f"-{n}" if n else "")
        target = path.with_name(path.name + suffix)
        if not target.exists():
            break
    try:
        shutil.copy2(path, target)
        for side in _sides(path):
            if side.exists():
                shutil.copy2(side, target.with_name(target.name + side.name[len(path.name):]))
    except OSError:
        return None, False
    return target, True


def _damaged(path: Path, detail: str) -> StoreUnreadable:
    backup, new = backup_damaged(path)
    if backup is None:
        where = "It could not even be copied; "
    elif new:
        where = f"A copy was saved as {backup}; "
    else:
        where = f"A copy of it in this state was already saved as {backup}; "
    log.warning("The notes store %s is damaged (%s); backup: %s%s", path, detail, backup or "none",
                "" if new or backup is None else " (made earlier)")
    return StoreUnreadable(
        f"The notes store {path} is damaged or is not a Variorum notes file ({detail}). {where}"
        f"the file itself was left untouched. Move it away (or restore a backup) and Variorum will start "
        f"a new store.", path=path, backup=backup)


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the store at ``path``; raise a clear error if that is unsafe."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnreadable(f"Cannot create the folder for the notes store {path.parent}: "
                              f"{exc.strerror or exc}.", path=path) from exc
    if path.exists() and not path.is_file():
        raise StoreUnreadable(f"The notes store {path} is not a file.", path=path)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreUnreadable(f"Cannot open the notes store {path}: {exc}.", path=path) from exc
    try:
        _prepare(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    conn.row_factory = sqlite3.Row
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Check before anything writes: setting the journal mode would touch a damaged file's header.
        check = retry_busy(lambda: conn.execute("PRAGMA quick_check").fetchone()[0])
        if check != "ok":
            raise _damaged(path, f"integrity check: {check}")
        version = retry_busy(lambda: conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreTooNew(f"The notes store {path} was written by a newer Variorum (schema {version}; "
                              f"this version knows up to {SCHEMA_VERSION}). It was left untouched; "
                              f"update Variorum to open it.")
        if version == 0:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables - _OUR_TABLES - {"sqlite_sequence"}:
                raise _damaged(path, "it holds tables Variorum did not create")
        mode = _set_wal(conn)
        if mode != "wal":
            raise StoreUnreadable(f"The notes store {path} cannot use a write-ahead log (journal mode "
                                  f"{mode}); is it on a network drive?", path=path)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        name = _errname(exc)
        if name in _DAMAGED_NAMES or name == "" and "not a database" in str(exc):
            raise _damaged(path, str(exc)) from exc
        if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
            raise StoreBusy(f"The notes store {path} is locked by another program: {exc}.") from exc
        raise StoreUnreadable(f"Cannot use the notes store {path}: {exc}.", path=path) from exc


def _set_wal(conn: sqlite3.Connection) -> str:
    """Switch to WAL; while another process is creating the same store the switch can be refused for a moment."""
    deadline = time.monotonic() + 10.0
    while True:
        mode = str(retry_busy(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])).lower()
        if mode == "wal" or time.monotonic() > deadline:
            return mode
        time.sleep(0.05)


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema up to ``target``, one step per version, all in one transaction. Returns the version."""
    if schema_version(conn) >= target:
        return schema_version(conn)
    with transaction(conn):
        current = schema_version(conn)  # another process may have migrated while we waited for the lock
        for step in range(current + 1, target + 1):
            for statement in _statements(MIGRATIONS[step]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step}")
    return schema_version(conn)


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (``sqlite3.complete_statement`` keeps triggers whole)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
