"""Broken and hostile Web Annotation files: refused as a whole with a reason per item, never a traceback,
never half imported; limits on sizes; timestamps and text checked before anything is written."""

from __future__ import annotations

import json
import os

import pytest

from variorum.core.notes import Anchor, NotesError
from variorum.core.notes.errors import ImportRejected
from variorum.core.notes.importfile import parse, read_annotation_file, read_bytes
from variorum.core.notes.limits import MAX_BODY_CHARS, MAX_IMPORT_ANNOTATIONS, MAX_IMPORT_DEPTH
from variorum.core.notes.webannotation import import_annotations


def good(n: int, **extra) -> dict:
    return {"type": "Annotation", "id": f"https://example.org/anno/{n}", "bodyValue": f"note {n}", **extra}


@pytest.fixture
def case(store, comparison):
    return store.open_case(comparison.versions)


def rejected(store, case, data) -> list[str]:
    with pytest.raises(ImportRejected) as info:
        import_annotations(store, case.id, data)
    assert store.notes(case.id) == []  # nothing was imported
    assert "nothing was imported" in str(info.value)
    return info.value.problems


@pytest.mark.parametrize("data", [
    {"type": "AnnotationCollection", "items": 5},
    {"type": "AnnotationPage", "items": "abc"},
    {"type": "AnnotationCollection", "first": {"items": {"a": 1}}},
    {"type": [1, 2, {}]},
    {"type": {"Annotation": True}},
    "just a string",
    7,
])
def test_a_file_that_is_not_a_list_of_annotations_is_refused_in_one_sentence(store, case, data):
    with pytest.raises(NotesError, match="not Web Annotation JSON") as info:
        import_annotations(store, case.id, data)
    assert "\n" not in str(info.value) and store.notes(case.id) == []


def test_every_invalid_item_is_listed_with_its_number_and_reason_and_nothing_is_imported(store, case, comparison):
    sha = comparison.version("v1").sha256
    data = [
        good(1),
        good(2, type=[1, 2, {}]),
        good(3, target={"source": f"urn:sha256:{sha}", "selector": "TextQuoteSelector"}),
        good(4, **{"variorum:anchor": {"kind": "quote", "quote": "the words"}}),
        good(5, bodyValue="broken \ud800 text"),
        good(6, created="not a date"),
        good(7, modified="NaN"),
        good(8, target={"source": f"urn:sha256:{sha}", "selector": {"type": "TextPositionSelector",
                                                                    "start": -4, "end": "9"}}),
        good(9, bodyValue="x" * (MAX_BODY_CHARS + 1)),
        good(10, created=float("nan")),
        good(11),
    ]
    problems = rejected(store, case, data)
    assert [p.split(":")[0] for p in problems] == [f"item {n}" for n in range(2, 11)]
    text = "\n".join(problems)
    assert "item 2: type" in text
    assert "item 3: target" in text
    assert "item 4: variorum:anchor.quote" in text
    assert "item 5: bodyValue: holds a broken character (a lone UTF-16 surrogate)" in text
    assert "item 6: created: not an ISO-8601 date and time" in text
    assert "item 7: modified: not an ISO-8601 date and time" in text
    assert "item 8: target" in text
    assert f"item 9: bodyValue: text longer than {MAX_BODY_CHARS:,} characters" in text
    assert "item 10: created: expected string, found a number" in text
    assert "x" * 100 not in text and len(text) < 2000  # reasons never quote the values


def test_a_lone_surrogate_in_a_key_or_a_nested_value_is_refused(store, case):
    problems = rejected(store, case, [good(1, creator={"name": "a\udc80b"}), good(2, **{"x\ud800": 1})])
    assert problems == ["item 1: creator.name: holds a broken character (a lone UTF-16 surrogate)",
                        "item 2: the annotation: holds a broken character (a lone UTF-16 surrogate)"]


def test_valid_timestamps_in_any_iso_form_are_accepted_and_stored_in_one_form(store, case):
    result = import_annotations(store, case.id, [good(1, created="2026-03-01T10:00:00+02:00"),
                                                 good(2, created="2026-03-01"),
                                                 good(3, created="2026-03-01T08:00:00.5Z")])
    assert result.added == 3
    assert sorted(n.created_at for n in store.notes(case.id)) == [
        "2026-03-01T00:00:00.000Z", "2026-03-01T08:00:00.000Z", "2026-03-01T08:00:00.500Z"]


def test_too_many_annotations_are_refused_before_any_is_looked_at(store, case):
    with pytest.raises(ImportRejected, match=f"at most {MAX_IMPORT_ANNOTATIONS:,}"):
        import_annotations(store, case.id, [{"bodyValue": "x"}] * (MAX_IMPORT_ANNOTATIONS + 1))
    assert store.notes(case.id) == []


def test_a_failure_while_writing_rolls_back_the_whole_import(store, case, monkeypatch):
    from variorum.core.notes import webannotation

    calls = []
    real = webannotation._merge

    def failing_third(*args):
        calls.append(1)
        if len(calls) == 3:
            raise NotesError("disk full")
        return real(*args)

    monkeypatch.setattr(webannotation, "_merge", failing_third)
    with pytest.raises(NotesError, match="disk full"):
        import_annotations(store, case.id, [good(n) for n in range(5)])
    assert len(calls) == 3 and store.notes(case.id, include_deleted=True) == []
    assert [e.action for e in store.case_history(case.id) if e.action == "import"] == []


def test_a_batch_of_changes_is_all_or_nothing(store, case):
    with pytest.raises(RuntimeError), store.batch():
        store.add_note(case.id, Anchor("case"), "one")
        store.add_note(case.id, Anchor("case"), "two")
        raise RuntimeError("stop")
    assert store.notes(case.id) == []
    with store.batch():
        store.add_note(case.id, Anchor("case"), "one")
        store.add_note(case.id, Anchor("case"), "two")
    assert sorted(n.body for n in store.notes(case.id)) == ["one", "two"]


def test_a_note_longer_than_the_limit_is_refused_by_the_store(store, case):
    with pytest.raises(NotesError, match=f"at most {MAX_BODY_CHARS:,} characters"):
        store.add_note(case.id, Anchor("case"), "x" * (MAX_BODY_CHARS + 1))
    note = store.add_note(case.id, Anchor("case"), "x" * MAX_BODY_CHARS)
    with pytest.raises(NotesError, match=f"at most {MAX_BODY_CHARS:,} characters"):
        store.update_note(note.id, body="y" * (MAX_BODY_CHARS + 1))
    assert store.note(note.id).body == "x" * MAX_BODY_CHARS


@pytest.mark.parametrize("raw, reason", [
    (b"[" * 100_000 + b"]" * 100_000, f"more than {MAX_IMPORT_DEPTH} levels deep"),
    (b"[" * (MAX_IMPORT_DEPTH + 1) + b"]" * (MAX_IMPORT_DEPTH + 1), f"more than {MAX_IMPORT_DEPTH} levels deep"),
    (b'{"type": "Annotation", "created": NaN}', "NaN is not a JSON number"),
    (b'[{"bodyValue": Infinity}]', "Infinity is not a JSON number"),
    (b'[{"bodyValue": -Infinity}]', "-Infinity is not a JSON number"),
    (b'{"a": 1', "is not JSON"),
    (b'["caf\xe9"]', "is not UTF-8 text (byte 5"),
])
def test_unreadable_json_gets_one_clear_sentence(raw, reason):
    with pytest.raises(ImportRejected) as info:
        parse(raw, "notes.jsonld")
    assert reason in str(info.value) and str(info.value).startswith("notes.jsonld")


def test_nesting_at_the_limit_is_read_and_a_byte_order_mark_is_allowed():
    depth = MAX_IMPORT_DEPTH
    assert parse(b"\xef\xbb\xbf" + b"[" * depth + b"]" * depth) == json.loads("[" * depth + "]" * depth)


def test_an_import_file_over_the_size_limit_or_not_a_regular_file_is_refused(tmp_path):
    big = tmp_path / "big.jsonld"
    big.write_bytes(b" " * 1001)
    with pytest.raises(ImportRejected, match="larger than"):
        read_bytes(big, limit=1000)
    assert read_bytes(big, limit=1001) == b" " * 1001
    with pytest.raises(ImportRejected, match="not a regular file"):
        read_annotation_file(tmp_path)
    fifo = tmp_path / "notes.jsonld"
    os.mkfifo(fifo)
    with pytest.raises(ImportRejected, match="not a regular file"):
        read_annotation_file(fifo)  # returns at once: a FIFO with no writer is never waited on
    with pytest.raises(FileNotFoundError):
        read_annotation_file(tmp_path / "missing.jsonld")
