"""``variorum notes import`` on broken and hostile files: a report of every refused item, exit status 2,
nothing imported, and never a traceback."""

from __future__ import annotations

import json

import pytest

from notescli import notes
from variorum.core.notes.limits import MAX_BODY_CHARS, MAX_IMPORT_ANNOTATIONS, MAX_IMPORT_BYTES


def count_notes(capsys, files) -> int:
    code, out, err = notes(capsys, "list", "--format", "json", *files)
    assert code == 0, err
    return len(json.loads(out)["notes"])


def test_an_import_with_invalid_items_lists_each_and_imports_none(capsys, files, tmp_path):
    source = tmp_path / "notes.jsonld"
    source.write_text(json.dumps({"type": "AnnotationPage", "items": [
        {"type": "Annotation", "bodyValue": "fine"},
        {"type": "Annotation", "bodyValue": "late", "modified": "not a date"},
        {"type": "Annotation", "bodyValue": "\x1b]0;title\x07", "creator": 5},
    ]}), encoding="utf-8")
    code, out, err = notes(capsys, "import", source, *files)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert lines[0].startswith(f"variorum notes: error: {source} was not imported: 2 of 3 annotations")
    assert lines[1:] == ["  item 2: modified: not an ISO-8601 date and time (e.g. 2026-11-23T07:04:05Z)",
                         "  item 3: creator: a number is not allowed here"]
    assert count_notes(capsys, files) == 0


@pytest.mark.parametrize("raw, message", [
    (b"[" * 100_000 + b"]" * 100_000, "levels deep"),
    (b'{"type": "AnnotationCollection", "items": 5}', "not Web Annotation JSON"),
    (b'{"type": [1, 2, {}]}', "not Web Annotation JSON"),
    (b'[{"bodyValue": "\\ud800"}]', "item 1: bodyValue: holds a broken character"),
    (b'[{"bodyValue": "x", "created": NaN}]', "NaN is not a JSON number"),
])
def test_malformed_files_get_a_message_not_a_traceback(capsys, files, tmp_path, raw, message):
    source = tmp_path / "bad.jsonld"
    source.write_bytes(raw)
    code, out, err = notes(capsys, "import", source, *files)
    assert code == 2 and message in err and "Traceback" not in err
    assert err.startswith(f"variorum notes: error: {source} was not imported: ")
    assert len(err) < 1000
    assert count_notes(capsys, files) == 0


def test_an_import_file_over_the_size_limit_is_refused_before_it_is_parsed(capsys, files, tmp_path):
    source = tmp_path / "huge.jsonld"
    with source.open("wb") as f:
        f.truncate(MAX_IMPORT_BYTES + 1)
    code, _, err = notes(capsys, "import", source, *files)
    assert code == 2 and f"larger than {MAX_IMPORT_BYTES // 2**20} MB" in err


def test_a_note_over_the_length_limit_is_refused_by_add(capsys, files):
    code, _, err = notes(capsys, "add", "--anchor", "case", "--body", "x" * (MAX_BODY_CHARS + 1), *files)
    assert code == 1 and f"at most {MAX_BODY_CHARS:,} characters" in err
    assert count_notes(capsys, files) == 0


@pytest.mark.parametrize("args", [["--help"], ["import", "--help"]])
def test_help_states_the_limits(capsys, args):
    code, out, _ = notes(capsys, *args)
    flat = " ".join(out.split())
    assert code == 0
    assert f"{MAX_BODY_CHARS:,} characters" in flat and f"{MAX_IMPORT_ANNOTATIONS:,} annotations" in flat
    assert f"{MAX_IMPORT_BYTES // 2**20} MB" in flat


def test_the_readme_states_the_same_limits():
    from pathlib import Path

    readme = " ".join((Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8").split())
    assert f"at most {MAX_BODY_CHARS:,} characters" in readme
    assert f"at most {MAX_IMPORT_BYTES // 2**20} MB and {MAX_IMPORT_ANNOTATIONS:,} annotations" in readme
