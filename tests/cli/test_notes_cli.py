"""``variorum notes`` as a script uses it: add, list, edit, history, export, import, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from notescli import notes

ROOT = Path(__file__).resolve().parents[2]




def listed(capsys, files) -> dict:
    code, out, err = notes(capsys, "list", "--format", "json", *files)
    assert code == 0, err
    return json.loads(out)


def test_add_then_list_shows_the_note_with_its_anchor_status_and_author(capsys, files):
    code, out, err = notes(capsys, "add", "--anchor", "version:v2", "--status", "confirmed", "--author", "Ana",
                           "--body", "The fullest copy", *files)
    assert code == 0, err
    note_id = out.strip()
    data = listed(capsys, files)
    (note,) = data["notes"]
    assert (note["id"], note["anchor"], note["status"], note["author"], note["body"]) == (
        note_id, "version:v2", "confirmed", "Ana", "The fullest copy")
    assert [h["action"] for h in note["history"]] == ["create"]
    assert data["case"]["versions"][1]["label"] == files[1].name

    code, out, _ = notes(capsys, "list", *files)
    assert code == 0 and note_id[:12] in out and "confirmed" in out and "The fullest copy" in out


def test_a_difference_anchor_is_checked_against_the_comparison(capsys, files):
    report = subprocess.run([sys.executable, "-m", "variorum", "compare", *map(str, files)], capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "desktop")}, check=True)
    diff_id = json.loads(report.stdout)["differences"][0]["id"]
    code, _, err = notes(capsys, "add", "--anchor", f"difference:{diff_id}", "--body", "the headline", *files)
    assert code == 0, err
    assert listed(capsys, files)["notes"][0]["anchor"] == f"difference:{diff_id}"

    code, out, err = notes(capsys, "add", "--anchor", "difference:nosuch", "--body", "x", *files)
    assert code == 2 and out == ""
    assert err.strip() == "variorum notes: error: there is no difference nosuch in this comparison"


def test_the_notes_commands_compare_the_files_through_the_case_as_compare_and_the_app_do(capsys, files,
                                                                                         monkeypatch):
    from variorum.core.case import Case, load_case

    diff_id = load_case(files).compare().differences[0].id
    compared: list[list[str]] = []
    compare = Case.compare

    def counted(self, **kwargs):
        compared.append([v.id for v in self.versions])
        return compare(self, **kwargs)

    monkeypatch.setattr(Case, "compare", counted)
    code, _, err = notes(capsys, "add", "--anchor", f"difference:{diff_id}", "--body", "the headline", *files)
    assert code == 0, err
    assert listed(capsys, files)["notes"][0]["anchor"] == f"difference:{diff_id}"  # re-anchored on the way
    assert compared == [["v1", "v2", "v3"]] * 2  # once per command


def test_edit_and_history(capsys, files):
    _, out, _ = notes(capsys, "add", "--anchor", "case", "--body", "first", *files)
    note_id = out.strip()
    assert notes(capsys, "edit", note_id[:8], "--status", "explained", "--body", "second", *files)[0] == 0
    code, out, _ = notes(capsys, "history", note_id, *files)
    assert code == 0
    lines = out.splitlines()
    assert "create" in lines[0] and '"first"' in lines[0]
    assert "edit" in lines[1] and "open → explained" in lines[1] and '"second"' in lines[1]


def test_export_and_import_merge_without_duplicates(capsys, files, tmp_path):
    notes(capsys, "add", "--anchor", "quote:v1:4-30", "--body", "headline words", *files)
    notes(capsys, "add", "--anchor", "case", "--status", "explained", "--body", "all good", *files)
    target = tmp_path / "notes.jsonld"
    code, out, _ = notes(capsys, "export", "--output", target, *files)
    assert code == 0 and "Wrote 2 notes" in out
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["type"] == "AnnotationCollection" and exported["total"] == 2

    code, out, _ = notes(capsys, "import", target, *files)
    assert code == 0 and "0 added, 0 updated, 2 already present" in out
    assert len(listed(capsys, files)["notes"]) == 2


def test_import_into_another_store_brings_the_notes_over(capsys, files, tmp_path, monkeypatch):
    notes(capsys, "add", "--anchor", "quote:v2:4-30", "--body", "headline", *files)
    target = tmp_path / "notes.jsonld"
    notes(capsys, "export", "-o", target, *files)
    monkeypatch.setenv("VARIORUM_DATA_DIR", str(tmp_path / "colleague"))
    assert listed(capsys, files)["notes"] == []
    code, out, _ = notes(capsys, "import", target, *files)
    assert code == 0 and "1 added" in out
    (note,) = listed(capsys, files)["notes"]
    assert (note["anchor"], note["body"], note["orphaned"]) == ("quote:v2:4-30", "headline", False)


def test_a_note_whose_words_were_deleted_is_listed_as_orphaned(capsys, files):
    text = files[0].read_text(encoding="utf-8")
    words = text.split("\n\n")[2][:60]
    start = text.index(words)
    _, out, _ = notes(capsys, "add", "--anchor", f"quote:v1:{start}-{start + len(words)}", "--body", "check",
                      *files)
    files[0].write_text(text.replace(words, ""), encoding="utf-8")
    (note,) = listed(capsys, files)["notes"]
    assert note["id"] == out.strip() and note["orphaned"] is True and note["body"] == "check"
    code, out, _ = notes(capsys, "list", *files)
    assert "orphaned" in out


@pytest.mark.parametrize("args, message", [
    (["add", "--anchor", "case", "--body", "x", "missing.txt"], "no such file or folder: missing.txt"),
    (["add", "--anchor", "version:v9", "--body", "x", "FILES"], "there is no version v9"),
    (["add", "--anchor", "paragraph:3", "--body", "x", "FILES"], "unrecognised anchor"),
    (["add", "--anchor", "quote:v1:50-10", "--body", "x", "FILES"], "non-empty range"),
    (["history", "ffffffff", "FILES"], "no notes yet"),
    (["import", "nothere.jsonld", "FILES"], "no such file: nothere.jsonld"),
])
def test_usage_errors_are_one_line_and_exit_2(capsys, files, args, message):
    args = [a for arg in args for a in (map(str, files) if arg == "FILES" else [arg])]
    code, out, err = notes(capsys, *args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and message in err


def test_bad_status_is_a_usage_error(capsys, files):
    code, _, err = notes(capsys, "add", "--anchor", "case", "--status", "done", "--body", "x", *files)
    assert code == 2 and "invalid choice" in err


def test_a_damaged_store_is_reported_and_backed_up(capsys, files, tmp_path, monkeypatch):
    monkeypatch.setenv("VARIORUM_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    store = tmp_path / "data" / "notes.sqlite3"
    store.write_bytes(b"\x00garbage" * 512)
    code, _, err = notes(capsys, "list", *files)
    assert code == 1
    assert "damaged" in err and "A copy was saved as" in err and len(err.strip().splitlines()) == 1
    assert store.read_bytes() == b"\x00garbage" * 512
    assert len(list((tmp_path / "data").glob("notes.sqlite3.damaged-*"))) == 1


def test_a_store_that_stays_damaged_is_copied_once_over_many_commands(capsys, files, tmp_path, monkeypatch):
    monkeypatch.setenv("VARIORUM_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "notes.sqlite3").write_bytes(b"\x00garbage" * 512)
    for args in (["list", *files], ["cases"], ["list", *files], ["add", "--anchor", "case", "--body", "x", *files],
                 ["cases"]):
        code, _, err = notes(capsys, *args)
        assert code == 1 and "damaged" in err
    (backup,) = (tmp_path / "data").glob("notes.sqlite3.damaged-*")
    assert f"already saved as {backup}" in err


def test_backup_writes_a_usable_copy(capsys, files, tmp_path):
    notes(capsys, "add", "--anchor", "case", "--body", "precious", *files)
    code, out, _ = notes(capsys, "backup", tmp_path / "copy.sqlite3")
    assert code == 0 and "copy.sqlite3" in out
    from variorum.core.notes import NotesStore

    with NotesStore(tmp_path / "copy.sqlite3") as copy:
        (case,) = copy.recent_cases()
        assert [n.body for n in copy.notes(case.id)] == ["precious"]


def test_delete_and_restore_a_note(capsys, files):
    _, out, _ = notes(capsys, "add", "--anchor", "case", "--body", "oops", *files)
    note_id = out.strip()
    assert notes(capsys, "delete", note_id, *files)[0] == 0
    assert listed(capsys, files)["notes"] == []
    assert notes(capsys, "restore", note_id, *files)[0] == 0
    assert [n["body"] for n in listed(capsys, files)["notes"]] == ["oops"]
    _, out, _ = notes(capsys, "history", note_id, *files)
    assert [line.split()[2] for line in out.splitlines()] == ["create", "delete", "restore"]


def test_cases_lists_the_store_and_restores_a_deleted_case(capsys, files):
    notes(capsys, "add", "--anchor", "case", "--body", "kept", *files)
    code, out, _ = notes(capsys, "cases")
    assert code == 0 and "1 note" in out and files[0].name in out
    case_id = out.split()[0]

    from variorum.core.notes import NotesStore

    with NotesStore() as store:
        store.delete_case(case_id)
    _, out, _ = notes(capsys, "cases", "--deleted")
    assert out.startswith(case_id)
    code, out, _ = notes(capsys, "cases", "--restore", case_id)
    assert code == 0 and "Restored case" in out
    assert [n["body"] for n in listed(capsys, files)["notes"]] == ["kept"]


def test_export_never_replaces_one_of_the_case_files_or_a_link(capsys, files, tmp_path):
    notes(capsys, "add", "--anchor", "case", "--body", "x", *files)
    evidence = files[0].read_bytes()
    code, _, err = notes(capsys, "export", "-o", files[0], *files)
    assert code == 2 and "one of the case's files" in err and files[0].read_bytes() == evidence
    link = tmp_path / "link.jsonld"
    link.symlink_to(files[1])
    code, _, err = notes(capsys, "export", "-o", link, *files)
    assert code == 2 and "not a regular file" in err and link.is_symlink()
