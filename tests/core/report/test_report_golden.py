"""Golden reports of the seed case in every text format. After a deliberate change to a report, regenerate with
``VARIORUM_UPDATE_GOLDEN=1 pytest tests/core/report/test_report_golden.py`` and review the diff."""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest

from reportcase import seed_report
from variorum.core.report.render_csv import COLUMNS, render_csv
from variorum.core.report.render_html import render_html
from variorum.core.report.render_json import render_json, report_data
from variorum.core.report.render_markdown import render_markdown

GOLDEN = Path(__file__).resolve().parents[2] / "data" / "reports"
# the JSON golden is kept indented, so that a change to the report reads as a diff of its fields
RENDERERS = {"json": partial(render_json, pretty=True), "md": render_markdown, "csv": render_csv, "html": render_html}


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_seed_report_matches_golden(fmt):
    produced = RENDERERS[fmt](seed_report())
    golden = GOLDEN / f"seed-report.{fmt}"
    if os.environ.get("VARIORUM_UPDATE_GOLDEN") == "1":
        golden.write_bytes(produced.encode("utf-8"))
    assert produced == golden.read_bytes().decode("utf-8")


def test_compact_json_holds_the_same_report_on_one_line():
    report = seed_report()
    compact = render_json(report)
    assert compact.count("\n") == 1 and compact.endswith("}\n")
    assert json.loads(compact) == json.loads(render_json(report, pretty=True)) == report_data(report)


def test_json_round_trips():
    report = seed_report()
    assert json.loads(render_json(report)) == report_data(report)


def test_csv_has_one_row_per_finding_with_status_and_note_count():
    report = seed_report()
    rows = list(csv.DictReader(io.StringIO(render_csv(report))))
    assert tuple(rows[0]) == COLUMNS
    assert [r["id"] for r in rows] == [f.id for f in report.findings]
    first = rows[0]
    assert first["severity"] == "high" and first["status"] == "explained" and first["note_count"] == "2"
    assert first["versions"] == " ".join(report.findings[0].versions)


def test_csv_cells_cannot_become_spreadsheet_formulas():
    report = seed_report()
    first, second, *rest = report.findings
    report = replace(report, findings=(replace(first, message="=HYPERLINK(\"http://x.invalid\")"),
                                       replace(second, message="-2 percent, \"quoted\", and a\nnew line"), *rest))
    rows = list(csv.DictReader(io.StringIO(render_csv(report))))
    assert rows[0]["message"] == "'=HYPERLINK(\"http://x.invalid\")"
    assert rows[1]["message"] == "'-2 percent, \"quoted\", and a\nnew line"


def test_markdown_and_html_put_findings_before_differences():
    report = seed_report()
    md = render_markdown(report)
    assert md.index("## Findings") < md.index("## Differences") < md.index("## Notes")
    html = render_html(report)
    assert html.index('id="findings"') < html.index('id="versions"') < html.index('id="differences"')
    for f in report.findings:
        assert f.message in md and f.message in html


def test_cosmetic_differences_are_listed_in_full_only_when_asked():
    hidden, shown = render_html(seed_report()), render_html(seed_report(show_cosmetic=True))
    assert "<th>Cosmetic</th>" not in hidden and "(hidden):" in hidden
    assert "<th>Cosmetic</th>" in shown and "(hidden):" not in shown
    md = render_markdown(seed_report(show_cosmetic=True))
    assert ", cosmetic)" in md and "Cosmetic differences hidden" not in md
