"""The store file itself: safe settings, migrations from older schemas, damaged files never overwritten."""

from __future__ import annotations

import sqlite3

import pytest

from variorum.core.case import load_case
from variorum.core.notes import Anchor, NotesStore, StoreTooNew, StoreUnreadable, notes_for_report
from variorum.core.notes.db import SCHEMA_VERSION

# The schema as Variorum first wrote it (user_version 1), kept verbatim so the migration is tested for real.
SCHEMA_V1 = """
CREATE TABLE cases (id TEXT PRIMARY KEY, key TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL,
    opened_at TEXT NOT NULL, deleted_at TEXT);
CREATE UNIQUE INDEX cases_active_key ON cases(key) WHERE deleted_at IS NULL;
CREATE TABLE case_versions (case_id TEXT NOT NULL REFERENCES cases(id), slot INTEGER NOT NULL,
    sha256 TEXT NOT NULL, path TEXT, label TEXT NOT NULL, version_id TEXT, PRIMARY KEY (case_id, slot));
CREATE INDEX case_versions_sha ON case_versions(sha256);
CREATE INDEX case_versions_path ON case_versions(path);
CREATE TABLE notes (id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
    anchor_kind TEXT NOT NULL CHECK (anchor_kind IN ('finding', 'difference', 'version', 'case', 'quote')),
    anchor_ref TEXT, anchor_json TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'explained', 'dismissed')),
    body TEXT NOT NULL, author TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    deleted_at TEXT, rev INTEGER NOT NULL DEFAULT 1);
CREATE INDEX notes_case ON notes(case_id);
CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, who TEXT NOT NULL,
    action TEXT NOT NULL, case_id TEXT, note_id TEXT, before TEXT, after TEXT);
CREATE INDEX events_note ON events(note_id);
CREATE INDEX events_case ON events(case_id);
PRAGMA user_version = 1;
"""


def write_v1_store(path, versions) -> None:
    from variorum.core.notes.cases import case_key

    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1)
    when = "2026-01-05T10:00:00.000Z"
    key = case_key([v.sha256 for v in versions])
    conn.execute("INSERT INTO cases VALUES ('c1', ?, 'Old case', ?, ?, NULL)", (key, when, when))
    for slot, v in enumerate(versions, start=1):
        conn.execute("INSERT INTO case_versions VALUES ('c1', ?, ?, ?, ?, ?)",
                     (slot, v.sha256, str(v.path), v.label, v.id))
    conn.execute("INSERT INTO notes VALUES ('a' || hex(randomblob(15)), 'c1', 'case', NULL, "
                 "'{\"quote\": null, \"slot\": null}', 'explained', 'written last year', 'old hand', ?, ?, NULL, 1)",
                 (when, when))
    conn.execute("INSERT INTO events (at, who, action, case_id, note_id, before, after) "
                 "SELECT ?, 'old hand', 'create', 'c1', id, NULL, '{}' FROM notes", (when,))
    conn.commit()
    conn.close()


def test_a_store_from_schema_1_opens_migrates_and_keeps_its_notes(tmp_path, case_files):
    versions = load_case(case_files).versions
    path = tmp_path / "notes.sqlite3"
    write_v1_store(path, versions)

    with NotesStore(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        case = store.open_case(versions)
        assert case.id == "c1"
        (note,) = notes_for_report(store, case.id)
        assert (note["body"], note["status"], note["author"]) == ("written last year", "explained", "old hand")
        assert note["orphaned"] is False
        store.update_note(note["id"], body="still true")  # and it can be edited after the migration
    with NotesStore(path) as store:
        assert store.note(note["id"]).body == "still true"


def test_the_store_uses_wal_full_sync_and_foreign_keys(store):
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_a_store_from_a_newer_variorum_is_left_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreTooNew, match="newer Variorum"):
        NotesStore(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_gives_a_clear_error_and_a_backup(tmp_path):
    path = tmp_path / "notes.sqlite3"
    garbage = b"these are not the notes you are looking for\n" * 200
    path.write_bytes(garbage)
    with pytest.raises(StoreUnreadable) as info:
        NotesStore(path)
    message = str(info.value)
    assert str(path) in message and "damaged" in message and str(info.value.backup) in message
    assert info.value.backup.read_bytes() == garbage
    assert path.read_bytes() == garbage  # never overwritten


def test_a_damaged_database_gives_a_clear_error_and_a_backup(tmp_path, case_files):
    path = tmp_path / "notes.sqlite3"
    with NotesStore(path) as store:
        case = store.open_case(load_case(case_files).versions)
        for n in range(300):
            store.add_note(case.id, Anchor("case"), f"note {n} " + "x" * 200)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(raw) - page, 3 * page):  # scribble over several pages
        raw[offset + 100:offset + 1100] = b"\xff" * 1000
    path.write_bytes(bytes(raw))

    with pytest.raises(StoreUnreadable) as info:
        NotesStore(path)
    assert info.value.backup is not None and info.value.backup.read_bytes() == bytes(raw)
    assert path.read_bytes() == bytes(raw)


def test_two_backups_of_a_damaged_store_never_overwrite_each_other(tmp_path):
    path = tmp_path / "notes.sqlite3"
    backups = set()
    for damage in (b"not sqlite" * 100, b"still not sqlite" * 100):
        path.write_bytes(damage)
        with pytest.raises(StoreUnreadable) as info:
            NotesStore(path)
        backups.add(info.value.backup)
        assert info.value.backup.read_bytes() == damage
    assert len(backups) == 2 and all(b.exists() for b in backups)


def test_a_store_that_stays_damaged_is_copied_once_and_the_copy_is_named_again(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"not sqlite" * 100)
    errors = []
    for _ in range(5):
        with pytest.raises(StoreUnreadable) as info:
            NotesStore(path)
        errors.append(info.value)
    assert len(list(tmp_path.glob("notes.sqlite3.damaged-*"))) == 1
    assert {e.backup for e in errors} == {errors[0].backup}
    assert "A copy was saved as" in str(errors[0])
    assert all(f"already saved as {errors[0].backup}" in str(e) for e in errors[1:])


def test_a_sqlite_file_that_belongs_to_something_else_is_not_touched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreUnreadable, match="not a Variorum notes file"):
        NotesStore(path)
    assert path.read_bytes() == before


def test_a_folder_where_the_store_should_be_gives_a_clear_error(tmp_path):
    (tmp_path / "notes.sqlite3").mkdir()
    with pytest.raises(StoreUnreadable, match="not a file"):
        NotesStore(tmp_path / "notes.sqlite3")
