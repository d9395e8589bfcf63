"""Notes out as W3C Web Annotation JSON-LD and back in, merging without duplicates."""

from __future__ import annotations

import json

from variorum.core.notes import NotesStore, notes_for_report, parse_anchor
from variorum.core.notes.webannotation import export_annotations, import_annotations


def make_notes(store, comparison):
    case = store.open_case(comparison.versions)
    text = comparison.version("v2").text
    start = text.index("45,000 crowns")
    diff = comparison.differences[0]
    store.add_note(case.id, parse_anchor(f"quote:v2:{start}-{start + 13}", comparison=comparison),
                   "The *figure* changed", status="confirmed")
    store.add_note(case.id, parse_anchor(f"difference:{diff.id}", comparison=comparison), "see above")
    store.add_note(case.id, parse_anchor("version:v3", comparison=comparison), "quote edited")
    store.add_note(case.id, parse_anchor("case", comparison=comparison), "overall", status="explained")
    return case


def test_export_is_a_web_annotation_collection(store, comparison):
    case = make_notes(store, comparison)
    data = json.loads(json.dumps(export_annotations(store, case.id)))
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 4
    first = data["first"]["items"][0]
    assert first["type"] == "Annotation" and first["id"].startswith("urn:uuid:")
    assert first["body"][0] == {"type": "TextualBody", "value": "The *figure* changed", "format": "text/markdown",
                                "purpose": "commenting"}
    assert {"type": "TextualBody", "value": "confirmed", "purpose": "assessing"} in first["body"]
    assert first["creator"]["name"] == "checker"
    assert first["target"]["source"] == "urn:sha256:" + comparison.version("v2").sha256
    quote, position = first["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "45,000 crowns"
    assert quote["prefix"].endswith("costs about ") and quote["suffix"].startswith(" a year")
    assert position == {"type": "TextPositionSelector", "start": comparison.version("v2").text.index("45,000"),
                        "end": comparison.version("v2").text.index("45,000") + 13}
    case_note = data["first"]["items"][3]
    assert case_note["target"]["source"].startswith("urn:variorum:case:")


def test_export_then_import_into_a_fresh_store_gives_the_same_notes(store, comparison, tmp_path):
    case = make_notes(store, comparison)
    data = export_annotations(store, case.id)
    with NotesStore(tmp_path / "other.sqlite3", user="colleague") as other:
        other_case = other.open_case(comparison.versions)
        result = import_annotations(other, other_case.id, data)
        assert (result.added, result.updated, result.unchanged) == (4, 0, 0)
        other.reanchor(other_case.id, comparison)
        mine = notes_for_report(store, case.id)
        theirs = notes_for_report(other, other_case.id)
        keys = ("id", "anchor", "status", "body", "author", "created_at", "orphaned")
        assert [{k: n[k] for k in keys} for n in theirs] == [{k: n[k] for k in keys} for n in mine]
        assert [h["action"] for h in theirs[0]["history"]] == ["import"]
        assert theirs[0]["history"][0]["who"] == "colleague"


def test_importing_twice_adds_nothing_and_newer_edits_win(store, comparison, tmp_path):
    case = make_notes(store, comparison)
    data = export_annotations(store, case.id)
    again = import_annotations(store, case.id, data)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    assert len(store.notes(case.id)) == 4

    item = data["first"]["items"][1]
    item["body"][0]["value"] = "see above (checked with the desk)"
    item["modified"] = "2999-01-01T00:00:00.000Z"
    older = data["first"]["items"][2]
    older["body"][0]["value"] = "an older text"
    older["modified"] = "2000-01-01T00:00:00.000Z"
    result = import_annotations(store, case.id, data)
    assert (result.added, result.updated, result.unchanged) == (0, 1, 2)
    assert len(result.skipped) == 1 and "newer here" in result.skipped[0]
    bodies = sorted(n.body for n in store.notes(case.id))
    assert "see above (checked with the desk)" in bodies and "an older text" not in bodies


def test_a_plain_annotation_from_another_tool_is_imported_on_its_words(store, comparison):
    case = store.open_case(comparison.versions)
    v1 = comparison.version("v1")
    start = v1.text.index("northern pier")
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://annotations.example/anno/17",
        "type": "Annotation",
        "creator": "desk editor",
        "bodyValue": "Pier closure date?",
        "target": {"source": "urn:sha256:" + v1.sha256,
                   "selector": {"type": "TextQuoteSelector", "exact": "northern pier", "prefix": "repairing the "}},
    }
    result = import_annotations(store, case.id, foreign)
    assert result.added == 1
    (res,) = store.reanchor(case.id, comparison)
    assert res.state != "orphaned" and v1.text[res.start:res.end] == "northern pier"
    (note,) = notes_for_report(store, case.id)
    assert (note["body"], note["author"], note["status"]) == ("Pier closure date?", "desk editor", "open")
    assert note["anchor"] == f"quote:v1:{start}-{start + len('northern pier')}"
    assert import_annotations(store, case.id, [foreign]).unchanged == 1


def test_something_that_is_not_an_annotation_is_refused_clearly(store, comparison):
    import pytest

    from variorum.core.notes import NotesError
    from variorum.core.notes.errors import ImportRejected

    case = store.open_case(comparison.versions)
    with pytest.raises(NotesError, match="not Web Annotation JSON"):
        import_annotations(store, case.id, {"hello": "world"})
    with pytest.raises(ImportRejected) as info:
        import_annotations(store, case.id, [1, "x"])
    assert info.value.problems == ["item 1: not an annotation", "item 2: not an annotation"]
