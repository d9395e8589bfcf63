"""``variorum batch CASES.jsonl --output DIR``: compare many cases, one JSON report each and a summary CSV
(exit 0 when every case was reported, 1 when some failed, 2 on a usage error)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="variorum batch", description="Compare many cases: one variorum.report/1 "
                                "JSON per case and summary.csv in the output folder; cases already reported "
                                "there are skipped, so a stopped run resumes.")
    p.add_argument("cases", metavar="CASES.jsonl", help='one case a line: {"id": "…", "files": ["a.txt", '
                   '"b.html"], "base": "v1", "url": "…"} (only files is required; relative to this file)')
    p.add_argument("--output", "-o", required=True, metavar="DIR", help="folder for the reports and summary.csv")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="processes to compare cases in (default: one per processor)")
    return p


def main(argv: Sequence[str]) -> int:
    ns = parser().parse_args(list(argv))
    from variorum.core.batch import read_cases, run_batch

    cases_path = Path(ns.cases)
    if not cases_path.is_file():
        print(f"variorum batch: no such file: {cases_path}", file=sys.stderr)
        return 2
    if ns.workers is not None and ns.workers < 1:
        print("variorum batch: --workers must be at least 1", file=sys.stderr)
        return 2

    def progress(done: int, total: int, row: dict[str, object]) -> None:
        status = "ok" if row["status"] == "ok" else f"FAILED ({row['error']})"
        print(f"[{done}/{total}] {row['case']}: {status}", file=sys.stderr, flush=True)

    rows = run_batch(read_cases(cases_path), Path(ns.output), workers=ns.workers, progress=progress)
    failed = sum(r["status"] != "ok" for r in rows)
    print(f"variorum batch: {len(rows) - failed} of {len(rows)} cases reported in {ns.output}"
          + (f"; {failed} failed (see summary.csv)" if failed else ""), file=sys.stderr)
    return 1 if failed else 0
