"""CSV report for spreadsheets: one row per finding, with its reconciliation status and number of notes."""

from __future__ import annotations

import csv
import io
from typing import Any

from variorum.core.report.model import Report

COLUMNS = ("id", "kind", "severity", "versions", "message", "status", "note_count")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> str:
    """Text a spreadsheet shows as text: a leading ``=``, ``+``, ``-`` or ``@`` would start a formula, so such a
    cell gets a leading apostrophe (the usual defence against formula injection)."""
    s = "" if value is None else str(value)
    return "'" + s if s.startswith(_FORMULA_START) else s


def render_csv(report: Report) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for f in report.findings:
        writer.writerow([spreadsheet_cell(f.id), spreadsheet_cell(f.kind), f.severity, " ".join(f.versions),
                         spreadsheet_cell(f.message), f.status, len(f.notes)])
    return buf.getvalue()
