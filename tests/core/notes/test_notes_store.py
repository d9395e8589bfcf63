"""The notes store as its callers use it: cases, notes, statuses, the audit trail, reopening."""

from __future__ import annotations

import sqlite3

import pytest

from variorum.core.case import load_case
from variorum.core.notes import (
    Anchor,
    Conflict,
    NotesError,
    NotesStore,
    NotFound,
    notes_for_report,
    parse_anchor,
)


def assert_every_row_has_its_event(store: NotesStore, case_id: str) -> None:
    """Nothing is updated without its event: each note equals the 'after' of its last event."""
    for note in store.notes(case_id, include_deleted=True):
        events = store.history(note.id)
        assert events, note.id
        assert events[-1].after == note.to_json()


def test_a_note_is_created_edited_and_deleted_with_an_event_for_each_change(store, case_files):
    case = store.open_case(load_case(case_files).versions)
    note = store.add_note(case.id, Anchor("case"), "First look")
    note = store.update_note(note.id, body="First look: the figure changed")
    note = store.set_status(note.id, "explained")
    store.delete_note(note.id)

    assert store.notes(case.id) == []
    kept = store.notes(case.id, include_deleted=True)
    assert [n.body for n in kept] == ["First look: the figure changed"]
    actions = [e.action for e in store.history(note.id)]
    assert actions == ["create", "edit", "status", "delete"]
    status_event = store.history(note.id)[2]
    assert (status_event.before["status"], status_event.after["status"]) == ("open", "explained")
    assert all(e.who == "checker" for e in store.history(note.id))
    assert_every_row_has_its_event(store, case.id)


def test_an_unchanged_save_writes_no_event(store, case_files):
    case = store.open_case(load_case(case_files).versions)
    note = store.add_note(case.id, Anchor("case"), "same")
    store.update_note(note.id, body="same", status="open")
    assert [e.action for e in store.history(note.id)] == ["create"]


def test_a_deleted_note_can_be_restored(store, case_files):
    case = store.open_case(load_case(case_files).versions)
    note = store.add_note(case.id, Anchor("case"), "keep me")
    store.delete_note(note.id)
    store.restore_note(note.id)
    assert [n.body for n in store.notes(case.id)] == ["keep me"]
    assert [e.action for e in store.history(note.id)] == ["create", "delete", "restore"]


def test_editing_a_deleted_note_is_refused(store, case_files):
    case = store.open_case(load_case(case_files).versions)
    note = store.add_note(case.id, Anchor("case"), "gone")
    store.delete_note(note.id)
    with pytest.raises(NotFound, match="deleted"):
        store.update_note(note.id, body="again")


def test_the_audit_log_and_notes_cannot_be_erased_behind_the_store(store, case_files):
    case = store.open_case(load_case(case_files).versions)
    note = store.add_note(case.id, Anchor("case"), "evidence")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE events SET who = 'someone else'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM events")
    with pytest.raises(sqlite3.DatabaseError, match="never removed"):
        store.conn.execute("DELETE FROM notes WHERE id = ?", (note.id,))


def test_unknown_status_is_refused_with_the_valid_ones_named(store, case_files):
    case = store.open_case(load_case(case_files).versions)
    with pytest.raises(NotesError, match="open, confirmed, explained, dismissed"):
        store.add_note(case.id, Anchor("case"), "x", status="done")


def test_a_stale_edit_is_detected_when_the_caller_asks(store, case_files):
    case = store.open_case(load_case(case_files).versions)
    note = store.add_note(case.id, Anchor("case"), "v1")
    store.update_note(note.id, body="changed elsewhere")
    with pytest.raises(Conflict) as info:
        store.update_note(note.id, body="mine", expected_rev=note.rev)
    assert info.value.current.body == "changed elsewhere"


def test_the_same_files_in_any_order_reopen_the_same_case(store, case_files):
    first = store.open_case(load_case(case_files).versions)
    again = store.open_case(load_case(list(reversed(case_files))).versions)
    assert again.id == first.id
    assert len(store.recent_cases()) == 1
    assert [e.action for e in store.case_history(first.id)] == ["case-create", "case-open"]


def test_a_different_set_of_files_is_a_different_case(store, case_files):
    a = store.open_case(load_case(case_files).versions)
    b = store.open_case(load_case(case_files[:2]).versions)
    assert a.id != b.id
    assert [c.id for c in store.recent_cases()] == [b.id, a.id]


def test_a_case_is_renamed_and_deleted_only_by_an_explicit_call_and_can_be_restored(store, case_files):
    versions = load_case(case_files).versions
    case = store.open_case(versions)
    store.add_note(case.id, Anchor("case"), "keep")
    assert store.rename_case(case.id, "Ferry timetable").name == "Ferry timetable"
    store.delete_case(case.id)
    assert store.recent_cases() == []
    assert [c.id for c in store.deleted_cases()] == [case.id]

    fresh = store.open_case(versions)  # the files again: a new, empty case
    assert fresh.id != case.id and store.notes(fresh.id) == []
    with pytest.raises(NotesError, match="already have a case"):
        store.restore_case(case.id)
    store.delete_case(fresh.id)
    restored = store.restore_case(case.id)
    assert restored.name == "Ferry timetable"
    assert [n.body for n in store.notes(case.id)] == ["keep"]
    assert store.open_case(versions).id == case.id
    actions = [e.action for e in store.case_history(case.id) if e.note_id is None]
    assert actions[:4] == ["case-create", "case-rename", "case-delete", "case-restore"]


def test_notes_survive_closing_and_reopening_the_store(tmp_path, case_files):
    path = tmp_path / "notes.sqlite3"
    with NotesStore(path, user="checker") as s:
        case = s.open_case(load_case(case_files).versions)
        note = s.add_note(case.id, Anchor("case"), "persisted", status="confirmed")
    with NotesStore(path) as s:
        case = s.open_case(load_case(case_files).versions)
        (again,) = s.notes(case.id)
    assert (again.id, again.body, again.status, again.author) == (note.id, "persisted", "confirmed", "checker")


def test_the_default_author_can_be_set_in_the_environment(tmp_path, monkeypatch, case_files):
    monkeypatch.setenv("VARIORUM_AUTHOR", "R. Checker")
    with NotesStore(tmp_path / "n.sqlite3") as s:
        case = s.open_case(load_case(case_files).versions)
        assert s.add_note(case.id, Anchor("case"), "x").author == "R. Checker"
        assert s.add_note(case.id, Anchor("case"), "y", author="Editor").author == "Editor"


def test_the_default_store_lives_in_the_data_dir(tmp_path, monkeypatch, case_files):
    monkeypatch.setenv("VARIORUM_DATA_DIR", str(tmp_path / "elsewhere"))
    with NotesStore() as s:
        assert s.path == tmp_path / "elsewhere" / "notes.sqlite3"
    assert (tmp_path / "elsewhere" / "notes.sqlite3").is_file()


def test_a_version_note_follows_the_content_not_the_load_order(store, case_files):
    versions = load_case(case_files).versions
    case = store.open_case(versions)
    store.add_note(case.id, parse_anchor("version:v3", versions=versions), "the quote edit")
    assert notes_for_report(store, case.id)[0]["anchor"] == "version:v3"
    store.open_case(load_case([case_files[2], case_files[0], case_files[1]]).versions)
    assert notes_for_report(store, case.id)[0]["anchor"] == "version:v1"


def test_notes_for_report_gives_each_note_with_its_history(store, comparison):
    case = store.open_case(comparison.versions)
    diff = comparison.differences[0]
    note = store.add_note(case.id, parse_anchor(f"difference:{diff.id}", comparison=comparison), "figure")
    store.set_status(note.id, "confirmed")
    store.add_note(case.id, parse_anchor("quote:v1:0-24", comparison=comparison), "headline", author="ed")

    first, second = notes_for_report(store, case.id)
    assert set(first) >= {"id", "anchor", "status", "body", "author", "created_at", "updated_at", "history",
                          "orphaned"}
    assert first["anchor"] == f"difference:{diff.id}"
    assert (first["status"], first["body"], first["orphaned"]) == ("confirmed", "figure", False)
    assert [h["action"] for h in first["history"]] == ["create", "status"]
    assert set(first["history"][1]) == {"at", "who", "action", "before", "after"}
    assert second["anchor"] == "quote:v1:0-24"
    assert second["quote"]["exact"] == "Harbour council approves"
    assert second["author"] == "ed"


def test_a_note_id_prefix_finds_the_note(store, case_files):
    case = store.open_case(load_case(case_files).versions)
    note = store.add_note(case.id, Anchor("case"), "x")
    assert store.note(note.id[:8]).id == note.id
    with pytest.raises(NotFound):
        store.note("ffffffffffff")


def test_backup_copies_the_store_and_never_overwrites(store, case_files, tmp_path):
    case = store.open_case(load_case(case_files).versions)
    store.add_note(case.id, Anchor("case"), "backed up")
    target = store.backup_to(tmp_path / "copy.sqlite3")
    with NotesStore(target) as copy:
        assert [n.body for n in copy.notes(case.id)] == ["backed up"]
    with pytest.raises(NotesError, match="already exists"):
        store.backup_to(target)


def test_files_that_cannot_be_read_cannot_name_a_case(store, tmp_path):
    with pytest.raises(NotesError, match="cannot name a case"):
        store.open_case(load_case([tmp_path / "missing.txt"]).versions)


def test_a_failed_change_leaves_neither_the_change_nor_an_event(store, case_files):
    case = store.open_case(load_case(case_files).versions)
    events_before = len(store.case_history(case.id))
    with pytest.raises(NotFound):
        store.add_note("no-such-case", Anchor("case"), "lost?")
    note = store.add_note(case.id, Anchor("case"), "x")
    store.conn.execute("CREATE TEMP TRIGGER refuse BEFORE UPDATE ON notes BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    with pytest.raises(NotesError, match="nothing was changed"):
        store.update_note(note.id, body="y")
    assert store.note(note.id).body == "x"
    assert len(store.case_history(case.id)) == events_before + 1  # only the create


def test_looking_a_case_up_never_creates_one(store, case_files):
    versions = load_case(case_files).versions
    assert store.find_case(versions) is None
    assert store.recent_cases() == []
    case = store.open_case(versions)
    assert store.find_case(list(reversed(versions))).id == case.id


def test_notes_for_report_names_versions_as_the_given_comparison_does(store, comparison, case_files):
    case = store.open_case(comparison.versions)
    store.add_note(case.id, parse_anchor("version:v1", comparison=comparison), "first file")
    from variorum.core.case import load_case

    reordered = load_case([case_files[2], case_files[1], case_files[0]]).compare()
    assert notes_for_report(store, case.id)[0]["anchor"] == "version:v1"
    assert notes_for_report(store, case.id, reordered)[0]["anchor"] == "version:v3"


def test_reopening_twice_without_changes_records_nothing_new_for_the_notes(store, comparison):
    case = store.open_case(comparison.versions)
    diff = comparison.differences[0]
    note = store.add_note(case.id, parse_anchor(f"difference:{diff.id}", comparison=comparison), "x")
    for _ in range(2):
        (res,) = store.reanchor(case.id, comparison)
        assert (res.state, res.method) == ("ok", "id")
    assert [e.action for e in store.history(note.id)] == ["create"]
