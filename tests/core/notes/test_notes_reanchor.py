"""Reopening a case after a version's file changed: every note is placed again, or shown orphaned."""

from __future__ import annotations

from dataclasses import replace

from variorum.core.case import load_case
from variorum.core.model import Evidence, Finding
from variorum.core.notes import notes_for_report, parse_anchor

QUOTE = "residents complained that the last boat left too early"


def quote_anchor(comparison, vid: str, words: str) -> str:
    text = comparison.version(vid).text
    start = text.index(words)
    return f"quote:{vid}:{start}-{start + len(words)}"


def add_quote_note(store, comparison, words=QUOTE, vid="v1"):
    case = store.open_case(comparison.versions)
    note = store.add_note(case.id, parse_anchor(quote_anchor(comparison, vid, words), comparison=comparison),
                          "check with residents")
    return case, note


def reopen(store, files):
    comparison = load_case(files).compare()
    case = store.open_case(comparison.versions)
    return case, comparison, {r.note_id: r for r in store.reanchor(case.id, comparison)}


def rewrite(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unchanged_files_keep_every_note_in_place_without_new_events(store, case_files, comparison):
    case, note = add_quote_note(store, comparison)
    again, _, res = reopen(store, case_files)
    assert again.id == case.id
    assert (res[note.id].state, res[note.id].method) == ("ok", "position")
    assert [e.action for e in store.history(note.id)] == ["create"]


def test_moved_text_is_found_again_and_the_move_is_recorded(store, case_files, comparison):
    case, note = add_quote_note(store, comparison)
    text = case_files[0].read_text(encoding="utf-8")
    paras = text.split("\n\n")
    case_files[0].write_text("\n\n".join([paras[0], paras[2], paras[3], paras[1]]), encoding="utf-8")

    again, comp, res = reopen(store, case_files)
    assert again.id == case.id  # the same files, edited: the case follows them
    r = res[note.id]
    assert (r.state, r.method) == ("moved", "quote")
    assert comp.version(r.version_id).text[r.start:r.end] == QUOTE
    stored = store.note(note.id)
    assert stored.anchor.quote.start == r.start and not stored.orphaned
    assert stored.anchor.quote.sha256 == comp.version("v1").sha256
    assert [e.action for e in store.history(note.id)] == ["create", "reanchor"]
    assert [e.action for e in store.case_history(case.id) if e.note_id is None][-1] == "case-files-changed"


def test_text_edited_around_the_quote_keeps_the_note_on_its_words(store, case_files, comparison):
    _, note = add_quote_note(store, comparison)
    rewrite(case_files[0], "after residents complained", "late last year, after many residents complained")
    _, comp, res = reopen(store, case_files)
    r = res[note.id]
    assert r.state == "moved" and r.method == "quote"
    assert comp.version(r.version_id).text[r.start:r.end] == QUOTE


def test_lightly_reworded_quote_is_placed_approximately_and_says_so(store, case_files, comparison):
    _, note = add_quote_note(store, comparison)
    rewrite(case_files[0], "the last boat left too early", "the last boat left far too early")
    _, comp, res = reopen(store, case_files)
    r = res[note.id]
    assert (r.state, r.method) == ("moved", "fuzzy")
    assert "last boat left far too early" in comp.version(r.version_id).text[r.start:r.end]


def test_deleted_text_orphans_the_note_and_restoring_it_brings_the_note_back(store, case_files, comparison):
    case, note = add_quote_note(store, comparison)
    original = case_files[0].read_text(encoding="utf-8")
    rewrite(case_files[0], ", after residents complained that the last boat left too early", "")

    _, _, res = reopen(store, case_files)
    assert res[note.id].state == "orphaned"
    (reported,) = notes_for_report(store, case.id)
    assert reported["orphaned"] is True
    assert reported["body"] == "check with residents"  # never dropped
    assert store.note(note.id).anchor.quote.exact == QUOTE  # nor moved elsewhere

    case_files[0].write_text(original, encoding="utf-8")
    _, _, res = reopen(store, case_files)
    assert res[note.id].state != "orphaned"
    assert notes_for_report(store, case.id)[0]["orphaned"] is False
    assert [e.action for e in store.history(note.id)] == ["create", "orphan", "reanchor"]


def test_a_difference_note_follows_its_difference_when_the_ids_change(store, case_files, comparison):
    case = store.open_case(comparison.versions)
    diff = next(d for d in comparison.differences if "45,000" in d.other.text)
    note = store.add_note(case.id, parse_anchor(f"difference:{diff.id}", comparison=comparison), "figure")
    rewrite(case_files[1], "The harbour council voted", "The harbour council finally voted")

    _, comp, res = reopen(store, case_files)
    figure_diffs = {d.id for d in comp.differences if "45,000" in d.other.text + d.base.text}
    assert figure_diffs and diff.id not in figure_diffs  # the file changed, so the ids did
    r = res[note.id]
    assert r.state == "moved" and r.anchor.ref in figure_diffs
    assert notes_for_report(store, case.id)[0]["anchor"] == f"difference:{r.anchor.ref}"
    assert "45,000" in comp.version(r.version_id).text[r.start:r.end]


def test_a_finding_note_is_kept_by_id_or_orphaned_when_its_words_are_gone(store, case_files, comparison):
    text = comparison.version("v2").text
    start = text.index("45,000 crowns")
    finding = Finding(id="fnum1", kind="number-changed", severity="medium", versions=("v1", "v2"),
                      message="A figure differs", evidence=(Evidence("v2", start, start + 13, "45,000 crowns"),))
    comp = replace(comparison, findings=(finding,))
    case = store.open_case(comp.versions)
    note = store.add_note(case.id, parse_anchor("finding:fnum1", comparison=comp), "asked the council")
    (r,) = store.reanchor(case.id, comp)
    assert (r.state, r.method, r.version_id) == ("ok", "id", "v2")

    (r,) = store.reanchor(case.id, replace(comp, findings=()))
    assert r.state == "orphaned" and store.note(note.id).orphaned


def test_a_version_note_follows_its_file_when_the_file_changes(store, case_files, comparison):
    case = store.open_case(comparison.versions)
    note = store.add_note(case.id, parse_anchor("version:v3", comparison=comparison), "the quote version")
    rewrite(case_files[2], "Opposition members", "Several opposition members")
    _, comp, res = reopen(store, case_files)
    r = res[note.id]
    assert (r.state, r.method, r.version_id) == ("moved", "path", "v3")
    assert store.note(note.id).anchor.ref == comp.version("v3").sha256
