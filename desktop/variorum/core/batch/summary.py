"""``summary.csv``: one row per case, in the cases file's order, with its findings counted by severity and kind.

Rows arrive in the order cases finish; they are written in the cases' order as soon as every earlier case has
its row, to a temporary file that replaces ``summary.csv`` when the batch ends (a stopped batch leaves the
previous summary as it was). Cells that a spreadsheet would read as a formula are written as text.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

from variorum.core.atomic import AtomicFile
from variorum.core.report.render_csv import spreadsheet_cell

SEVERITIES = ("high", "medium", "low", "info")
SUMMARY_COLUMNS = ("case", "status", "versions", "readable", "findings", *SEVERITIES, "kinds",
                   "substantive_differences", "error")
Row = dict[str, Any]


def row_of(report: bytes, case_id: str) -> Row:
    """A case's summary row, read from its report (raises ``ValueError`` or ``KeyError`` on a report that is not
    a ``variorum.report/1`` object)."""
    data = json.loads(report)
    if not isinstance(data, dict) or data.get("schema") != "variorum.report/1":
        raise ValueError("not a variorum.report/1 report")
    s = data["summary"]
    kinds = Counter(f["kind"] for f in data["findings"])
    row: Row = {"case": case_id, "status": "ok", "versions": s["versions"], "readable": s["readable"],
                "findings": s["findings"], "kinds": " ".join(f"{k}:{n}" for k, n in sorted(kinds.items())),
                "substantive_differences": s.get("substantive_differences", ""), "error": ""}
    row.update({sev: s["findings_by_severity"].get(sev, 0) for sev in SEVERITIES})
    return row


def failed_row(case_id: str, error: str) -> Row:
    return {"case": case_id, "status": "failed", "error": error}


class SummaryWriter:
    """Writes rows in the cases' order, whatever order they come in."""

    def __init__(self, output: Path) -> None:
        self.path = output / "summary.csv"
        self._out = AtomicFile(self.path, encoding="utf-8")
        self._writer = csv.DictWriter(self._out.file, fieldnames=SUMMARY_COLUMNS, lineterminator="\r\n")
        self._writer.writeheader()
        self._waiting: dict[int, Row] = {}
        self._next = 0

    def add(self, index: int, row: Row) -> None:
        """The row of the case at ``index`` (0 for the first case of the file)."""
        self._waiting[index] = row
        while self._next in self._waiting:
            r = self._waiting.pop(self._next)
            self._writer.writerow({k: spreadsheet_cell(v) if isinstance(v, str) else v for k, v in r.items()})
            self._next += 1

    def close(self) -> None:
        """Replace ``summary.csv`` with the rows written."""
        if self._waiting:
            raise RuntimeError(f"rows missing before case {self._next + 1} of the summary")
        self._out.commit()

    def discard(self) -> None:
        """Leave ``summary.csv`` as it was (a stopped batch)."""
        self._out.discard()
