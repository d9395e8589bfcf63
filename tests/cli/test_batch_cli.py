"""``variorum batch CASES.jsonl --output DIR``: one report per case, a summary CSV, failures recorded, resumable."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from test_compare_cli import run

from variorum.core.report.schema import validation_errors

DARWIN = Path(__file__).resolve().parents[1] / "data" / "darwin-origin-ch1-para1"


def _cases(tmp_path: Path) -> Path:
    for p in DARWIN.glob("origin-18*.txt"):
        shutil.copy(p, tmp_path / p.name)
    lines = [
        {"id": "first editions", "files": ["origin-1859.txt", "origin-1860.txt", "origin-1861.txt"]},
        {"id": "late", "files": ["origin-1866.txt", "origin-1872.txt"], "base": "v2"},
        {"id": "lost", "files": ["origin-1859.txt", "missing.txt"]},
    ]
    cases = tmp_path / "cases.jsonl"
    cases.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n", encoding="utf-8")
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
    assert "readable" in rows[2]["error"] and "line 4" in rows[3]["error"]
    assert "[4/4]" in result.stderr and "2 of 4 cases reported" in result.stderr


def test_batch_resumes_skipping_the_cases_already_reported(tmp_path):
    cases, out = _cases(tmp_path), tmp_path / "reports"
    run("batch", str(cases), "--output", str(out), "--workers", "1")
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")}
    first_rows = _summary(out)
    again = run("batch", str(cases), "--output", str(out), "--workers", "1")
    assert again.returncode == 1, again.stderr
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")} == before
    assert _summary(out) == first_rows
    assert again.stderr.count("FAILED") == 1  # only the case that can be tried again: the missing file


def test_batch_refuses_a_missing_cases_file(tmp_path):
    result = run("batch", str(tmp_path / "none.jsonl"), "--output", str(tmp_path / "out"))
    assert result.returncode == 2 and "no such file" in result.stderr
