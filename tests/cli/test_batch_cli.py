"""``variorum batch CASES.jsonl --output DIR``: one report per case, a summary CSV, failures recorded, resumable."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from test_compare_cli import run

from archive_builders import ARTICLE_URL, OTHER_URL, article_html, build_warc
from variorum.core.report.schema import validation_errors

DARWIN = Path(__file__).resolve().parents[1] / "data" / "darwin-origin-ch1-para1"


def _cases(tmp_path: Path, lines: list[dict] | None = None, *, extra: str = "\nnot json\n") -> Path:
    for p in DARWIN.glob("origin-18*.txt"):
        shutil.copy(p, tmp_path / p.name)
    lines = lines or [
        {"id": "first editions", "files": ["origin-1859.txt", "origin-1860.txt", "origin-1861.txt"]},
        {"id": "late", "files": ["origin-1866.txt", "origin-1872.txt"], "base": "v2"},
        {"id": "lost", "files": ["origin-1859.txt", "missing.txt"]},
    ]
    cases = tmp_path / "cases.jsonl"
    cases.write_text("\n".join(json.dumps(x) for x in lines) + extra, encoding="utf-8")
    return cases


def _summary(out: Path) -> list[dict[str, str]]:
    with (out / "summary.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_batch_reports_each_case_and_records_the_failures_without_stopping(tmp_path):
    out = tmp_path / "reports"
    result = run("batch", str(_cases(tmp_path)), "--output", str(out), "--workers", "2")
    assert result.returncode == 1, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["first_editions.json", "late.json", "summary.csv"]
    first = json.loads((out / "first_editions.json").read_text(encoding="utf-8"))
    late = json.loads((out / "late.json").read_text(encoding="utf-8"))
    assert validation_errors(first) == [] and validation_errors(late) == []
    assert first["summary"]["versions"] == 3 and late["base"] == "v2"
    rows = _summary(out)
    assert [(r["case"], r["status"]) for r in rows] == [("first editions", "ok"), ("late", "ok"),
                                                         ("lost", "failed"), ("#4", "failed")]
    assert rows[0]["findings"] == str(first["summary"]["findings"])
    assert rows[1]["substantive_differences"] == str(late["summary"]["substantive_differences"])
    assert "readable" in rows[2]["error"] and "missing.txt" in rows[2]["error"]
    assert "line 4" in rows[3]["error"] and "not JSON" in rows[3]["error"]


def test_batch_reports_progress_case_by_case_and_a_closing_count(tmp_path):
    result = run("batch", str(_cases(tmp_path)), "--output", str(tmp_path / "reports"), "--workers", "1")
    lines = result.stderr.splitlines()
    assert sorted(line.split("]")[0] for line in lines[:4]) == ["[1/4", "[2/4", "[3/4", "[4/4"]
    assert any(line.startswith("[") and "late: ok" in line and "cases/s" in line for line in lines)
    assert any("lost: FAILED (fewer than two readable versions" in line for line in lines)
    assert "2 of 4 cases reported" in lines[-1] and "2 failed (see summary.csv)" in lines[-1]


def test_the_summary_counts_findings_by_kind_and_severity(tmp_path, seed_paths):
    out = tmp_path / "reports"
    cases = _cases(tmp_path, [{"id": "demo", "files": [str(p) for p in seed_paths]}], extra="\n")
    assert run("batch", str(cases), "--output", str(out)).returncode == 0
    report = json.loads((out / "demo.json").read_text(encoding="utf-8"))
    [row] = _summary(out)
    kinds: dict[str, int] = {}
    for f in report["findings"]:
        kinds[f["kind"]] = kinds.get(f["kind"], 0) + 1
    assert report["findings"] and row["kinds"] == " ".join(f"{k}:{n}" for k, n in sorted(kinds.items()))
    for severity, n in report["summary"]["findings_by_severity"].items():
        assert row[severity] == str(n)


def test_batch_resumes_skipping_the_cases_already_reported(tmp_path):
    cases, out = _cases(tmp_path), tmp_path / "reports"
    run("batch", str(cases), "--output", str(out), "--workers", "1")
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")}
    first_rows = _summary(out)
    again = run("batch", str(cases), "--output", str(out), "--workers", "1")
    assert again.returncode == 1, again.stderr
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")} == before
    assert _summary(out) == first_rows
    assert "first editions" not in again.stderr and "late" not in again.stderr
    assert "lost: FAILED" in again.stderr  # the case that can be tried again: its file may be there now
    assert "(2 already there)" in again.stderr and "1 compared" in again.stderr


def test_a_resumed_batch_compares_again_a_case_whose_report_is_damaged(tmp_path):
    cases, out = _cases(tmp_path), tmp_path / "reports"
    run("batch", str(cases), "--output", str(out), "--workers", "1")
    (out / "late.json").write_text('{"schema": "variorum.report/1", "summ', encoding="utf-8")
    again = run("batch", str(cases), "--output", str(out), "--workers", "1")
    assert "late: ok" in again.stderr
    assert validation_errors(json.loads((out / "late.json").read_text(encoding="utf-8"))) == []
    assert [r["status"] for r in _summary(out)] == ["ok", "ok", "failed", "failed"]


def test_each_case_gets_its_own_report_even_when_ids_make_the_same_file_name(tmp_path):
    out = tmp_path / "reports"
    pair = ["origin-1859.txt", "origin-1860.txt"]
    cases = _cases(tmp_path, [{"id": "a b", "files": pair}, {"id": "a_b", "files": pair[::-1]},
                              {"id": "A B", "files": pair}, {"id": "a b", "files": pair}], extra="\n")
    result = run("batch", str(cases), "--output", str(out))
    assert result.returncode == 1
    reports = sorted(p.name for p in out.glob("*.json"))
    assert len(reports) == 3 and "a_b.json" in reports
    assert {json.loads((out / name).read_text(encoding="utf-8"))["versions"][0]["label"] for name in reports} \
        == {"origin-1859.txt", "origin-1860.txt"}
    rows = _summary(out)
    assert [r["status"] for r in rows] == ["ok", "ok", "ok", "failed"]
    assert rows[3]["case"] == "a b" and "already the id of line 1" in rows[3]["error"]


def test_summary_cells_cannot_become_spreadsheet_formulas(tmp_path):
    out = tmp_path / "reports"
    pair = ["origin-1859.txt", "origin-1860.txt"]
    cases = _cases(tmp_path, [{"id": '=HYPERLINK("http://example.invalid","x")', "files": pair},
                              {"id": "@SUM(A1)", "files": ["origin-1859.txt", "-missing.txt"]}], extra="\n")
    run("batch", str(cases), "--output", str(out))
    rows = _summary(out)
    assert rows[0]["case"] == '\'=HYPERLINK("http://example.invalid","x")' and rows[0]["status"] == "ok"
    assert rows[1]["case"] == "'@SUM(A1)" and "-missing.txt" in rows[1]["error"]


def test_a_case_line_takes_the_compare_options_and_refuses_unknown_ones(tmp_path):
    out = tmp_path / "reports"
    pair = ["origin-1859.txt", "origin-1860.txt"]
    cases = _cases(tmp_path, [{"id": "plain", "files": pair}, {"id": "shown", "files": pair, "show_cosmetic": True},
                              {"id": "typo", "files": pair, "bsae": "v2"},
                              {"id": "nofiles", "files": []}, {"id": "number", "files": pair, "base": 2}],
                   extra="\n")
    run("batch", str(cases), "--output", str(out))
    plain = json.loads((out / "plain.json").read_text(encoding="utf-8"))
    shown = json.loads((out / "shown.json").read_text(encoding="utf-8"))
    assert plain["options"]["show_cosmetic"] is False and shown["options"]["show_cosmetic"] is True
    errors = {r["case"]: r["error"] for r in _summary(out) if r["status"] == "failed"}
    assert errors.keys() == {"#3", "#4", "#5"}
    assert "unknown key 'bsae'" in errors["#3"] and "files" in errors["#4"] and "base must be a string" in errors["#5"]


def test_a_web_archive_of_several_pages_needs_the_case_to_name_one(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(build_warc([(ARTICLE_URL, "2024-03-01T09:00:00Z", article_html(closed_days="ten")),
                                 (ARTICLE_URL, "2024-03-02T09:00:00Z", article_html(closed_days="fourteen")),
                                 (OTHER_URL, "2024-03-02T10:00:00Z", article_html(closed_days="two"))]))
    out = tmp_path / "reports"
    cases = _cases(tmp_path, [{"id": "any", "files": ["crawl.warc.gz"]},
                              {"id": "bridge", "files": ["crawl.warc.gz"], "url": ARTICLE_URL}], extra="\n")
    run("batch", str(cases), "--output", str(out))
    rows = _summary(out)
    assert rows[0]["status"] == "failed" and "holds captures of 2 pages" in rows[0]["error"]
    assert ARTICLE_URL in rows[0]["error"] and '"url"' in rows[0]["error"]
    assert rows[1]["status"] == "ok" and rows[1]["versions"] == "2"


def test_batch_refuses_a_missing_cases_file_or_an_output_that_is_a_file(tmp_path):
    result = run("batch", str(tmp_path / "none.jsonl"), "--output", str(tmp_path / "out"))
    assert result.returncode == 2 and "no such file" in result.stderr
    cases, taken = _cases(tmp_path), tmp_path / "taken"
    taken.write_text("x", encoding="utf-8")
    result = run("batch", str(cases), "--output", str(taken))
    assert result.returncode == 2 and "is not a folder" in result.stderr and taken.read_text() == "x"
    result = run("batch", str(cases), "--output", str(tmp_path / "o"), "--workers", "2", "--scheduler", "tcp://x:1")
    assert result.returncode == 2 and "--workers" in result.stderr
