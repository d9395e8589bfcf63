"""The report model: what every report holds, whatever its format."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, replace

import pytest

from reportcase import GENERATED_AT, seed_comparison, seed_notes, seed_report, seed_report_data
from variorum.core.report import build_report, report_data
from variorum.core.report.context import with_context
from variorum.core.report.note_digest import anchor_target, history_summary, latest_status, prepare_note
from variorum.core.report.schema import validation_errors


def test_seed_report_validates_against_the_shipped_schema():
    assert validation_errors(seed_report()) == []
    assert validation_errors(seed_report(show_cosmetic=True)) == []


def test_schema_rejects_a_broken_report():
    report = seed_report_data()
    report["findings"][0]["severity"] = "catastrophic"
    del report["versions"][0]["sha256"]
    errors = validation_errors(report)
    assert any(e.startswith("findings/0/severity") for e in errors)
    assert any(e.startswith("versions/0") and "sha256" in e for e in errors)


def test_every_contract_field_is_kept():
    report = seed_report_data()
    for key in ("schema", "tool", "generated_at", "base", "versions", "differences", "findings", "notes"):
        assert key in report
    v = report["versions"][0]
    assert set(v) >= {"id", "label", "path", "sha256", "format", "encoding", "chars", "words", "metadata",
                      "relation", "warnings", "error"}
    d = report["differences"][0]
    assert set(d) >= {"id", "version", "kind", "cosmetic", "category", "base", "other"}
    f = report["findings"][0]
    assert set(f) >= {"id", "kind", "severity", "versions", "message", "evidence"}
    assert report["generated_at"] == "2026-11-23T08:00:00Z"


def test_versions_carry_size_and_sha256_and_options_say_what_was_hidden(seed_paths):
    report = seed_report_data()
    sizes = sorted(p.stat().st_size for p in seed_paths)
    assert sorted(v["size"] for v in report["versions"]) == sizes
    assert all(len(v["sha256"]) == 64 for v in report["versions"])
    assert report["options"] == {"base": None, "show_cosmetic": False, "cosmetic": "hidden"}
    assert report["title"].startswith("Variorum comparison report: ")


def test_size_and_sha256_are_those_of_what_was_compared_even_after_the_files_changed(tmp_path):
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_text("One two three four five.\n\nSix seven eight.\n")
    b.write_text("One two three four five.\n\nSix seven nine.\n")
    c.write_text("One two three four five.\n\nSix seven ten.\n")
    from variorum.core.case import load_case

    compared = {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_size) for p in (a, b, c)}
    comparison = load_case([a, b, c]).compare()
    a.write_text("Something else entirely, and longer than before.\n")
    b.unlink()
    report = build_report(comparison)
    assert {v.label: (v.sha256, v.size) for v in report.versions} == compared


def test_pasted_text_is_reported_with_its_size_in_utf8():
    from variorum.core.compare import compare_versions
    from variorum.core.load import load_pasted

    text = "Naïve café owners said so.\n\nThey did.\n"
    versions = [load_pasted(text, version_id="v1"), load_pasted(text.replace("did", "did not"), version_id="v2")]
    sizes = [v.size for v in build_report(compare_versions(versions)).versions]
    assert sizes == [len(text.encode("utf-8")), len(text.encode("utf-8")) + 4]


def test_substantive_differences_come_first_and_cosmetic_ones_are_counted():
    hidden = seed_report_data()
    assert hidden["differences"] and not any(d["cosmetic"] for d in hidden["differences"])
    assert sum(hidden["cosmetic_summary"].values()) == hidden["summary"]["cosmetic_differences"] > 0
    assert sum(sum(per.values()) for per in hidden["cosmetic_by_version"].values()) == \
        hidden["summary"]["cosmetic_differences"]
    shown = seed_report_data(show_cosmetic=True)
    flags = [d["cosmetic"] for d in shown["differences"]]
    assert flags == sorted(flags) and True in flags
    assert shown["options"]["cosmetic"] == "shown"


def test_evidence_is_quoted_with_a_few_words_of_context():
    report = seed_report_data()
    c = seed_comparison()
    for f in report["findings"]:
        for e in f["evidence"]:
            text = c.version(e["version"]).text
            assert text[e["start"]:e["end"]] == e["text"]
            assert text[e["start"] - len(e["before"]):e["start"]] == e["before"]
            assert text[e["end"]:e["end"] + len(e["after"])] == e["after"]
            assert len(e["before"].split()) <= 8 and len(e["after"].split()) <= 8
    credit = next(f for f in report["findings"] if f["id"] == "f-credit")
    assert any(e["before"].strip() for e in credit["evidence"])


def test_context_stops_at_whole_words_and_paragraphs():
    text = "First paragraph ends here.\n\nalpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    start = text.index("kappa")
    ctx = with_context(text, start, start + len("kappa"))
    assert ctx == {"before": "beta gamma delta epsilon zeta eta theta iota ", "after": " lambda mu"}
    start = text.index("alpha")
    assert with_context(text, start, start + 5)["before"] == ""
    long_word = "x" * 500 + " tail"
    assert with_context(long_word, 250, 251) == {"before": "", "after": ""}


def test_finding_status_is_the_status_of_its_latest_note():
    report = seed_report_data()
    by_id = {f["id"]: f for f in report["findings"]}
    assert by_id["f-url-date"]["status"] == "explained"
    assert by_id["f-url-date"]["notes"] == [1, 2]
    assert by_id["f-caption"]["status"] == "open" and by_id["f-caption"]["notes"] == []
    noted = [d for d in report["differences"] if d["notes"]]
    assert len(noted) == 1 and noted[0]["status"] == "confirmed"
    assert report["case"] == {"status": "open", "notes": [4]}
    assert report["summary"]["findings_by_status"]["explained"] == 1
    assert report["summary"]["orphaned_notes"] == 1


def test_notes_keep_their_fields_and_gain_a_target_and_a_history_summary():
    report = seed_report_data()
    c = seed_comparison()
    given = seed_notes(c)
    for original, note in zip(given, report["notes"], strict=True):
        for key, value in original.items():
            if key != "history":
                assert note[key] == value
        assert note["history_summary"]
    assert report["notes"][0]["target"] == {"kind": "finding", "id": "f-url-date", "quote": None}
    assert report["notes"][4]["target"]["kind"] == "quote"
    assert report["notes"][1]["history_summary"] == (
        "created as open by ana, 2026-11-20 10:00 UTC; status open → explained by ben, 2026-11-21 10:30 UTC; "
        "1 other change")


@pytest.mark.parametrize(("anchor", "expected"), [
    ("finding:abc", {"kind": "finding", "id": "abc", "quote": None}),
    ("difference:d1", {"kind": "difference", "id": "d1", "quote": None}),
    ("version:v3", {"kind": "version", "id": "v3", "quote": None}),
    ("case", {"kind": "case", "id": None, "quote": None}),
    ("quote:said Wednesday", {"kind": "quote", "id": None, "quote": "said Wednesday"}),
    ("a bare quote: with a colon", {"kind": "quote", "id": None, "quote": "a bare quote: with a colon"}),
    ({"exact": "words", "prefix": "some", "version": "v2"}, {"kind": "quote", "id": "v2", "quote": "words"}),
])
def test_anchor_targets(anchor, expected):
    assert asdict(anchor_target(anchor)) == expected


def test_latest_status_and_history_without_events():
    assert latest_status([]) == "open"
    assert latest_status([prepare_note({"status": "confirmed", "updated_at": "2026-01-02T00:00:00Z"}),
                          prepare_note({"status": "dismissed", "updated_at": "2026-01-01T00:00:00Z"})]) == "confirmed"
    assert history_summary({"author": "ana", "created_at": "2026-01-01T10:00:00Z"}) == \
        "created by ana, 2026-01-01 10:00 UTC"


def test_history_summary_tells_every_status_change_and_the_last_edit():
    def event(at, action, before, after, who="ana"):
        return {"at": f"2026-01-0{at}T10:00:00Z", "who": who, "action": action,
                "before": {"status": before, "body": "x"} if before else None,
                "after": {"status": after, "body": "y"}}

    note = {"history": [event(1, "create", None, "open"), event(2, "status", "open", "confirmed"),
                        event(3, "edit", "confirmed", "confirmed"), event(4, "status", "confirmed", "explained"),
                        event(5, "edit", "explained", "explained", who="ben")]}
    assert history_summary(note) == (
        "created as open by ana, 2026-01-01 10:00 UTC; status open → confirmed by ana, 2026-01-02 10:00 UTC; "
        "status confirmed → explained by ana, 2026-01-04 10:00 UTC; 2 other changes; "
        "last: edited by ben, 2026-01-05 10:00 UTC")


def test_report_without_notes_or_findings_is_still_complete():
    c = replace(seed_comparison(), findings=())
    report = report_data(build_report(c, generated_at=GENERATED_AT))
    assert report["notes"] == [] and report["findings"] == []
    assert validation_errors(report) == []


def test_shipped_schema_is_a_valid_json_schema():
    from jsonschema import Draft202012Validator

    from variorum.core.report.schema import report_schema

    Draft202012Validator.check_schema(report_schema())
    assert report_schema()["properties"]["schema"] == {"const": "variorum.report/1"}


def test_evidence_longer_than_a_sentence_carries_its_first_sentence_as_excerpt(tmp_path):
    from variorum.core.compare import compare_versions
    from variorum.core.load import load_pasted

    shared = ("The council met on Monday to discuss the harbour plan with residents of both towns.\n\n"
              "The plan will be put to a vote in the spring, the chairwoman said after the meeting.")
    extra = ("Several speakers asked for a second public hearing. They also asked for the contract to be "
             "published before any vote is taken.")
    a = load_pasted(shared + "\n\n" + extra, version_id="v1", label="a")
    b = load_pasted(shared, version_id="v2", label="b")
    data = report_data(build_report(compare_versions([a, b])))
    assert validation_errors(data) == []
    (missing,) = [f for f in data["findings"] if f["kind"] == "passage-missing"]
    long = next(e for e in missing["evidence"] if e["text"] == extra)
    assert long["excerpt"] == "Several speakers asked for a second public hearing.…"
    assert (a.text[long["start"]:long["end"]]) == extra  # the span stays the full evidence
    short = [e for f in data["findings"] for e in f["evidence"] if e["text"] != extra]
    assert all("excerpt" not in e for e in short)
