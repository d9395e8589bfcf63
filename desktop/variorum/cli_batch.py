"""``variorum batch CASES.jsonl --output DIR``: compare many cases, one JSON report each and a summary CSV
(exit 0 when every case was reported, 1 when some failed, 2 on a usage error, 130 when stopped with Ctrl+C)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from variorum.core.batch.run import Progress, Tally

EXIT_STOPPED = 130  # as a shell reports a program stopped by Ctrl+C


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="variorum batch", description="Compare many cases: one variorum.report/1 "
                                "JSON per case and summary.csv in the output folder; cases already reported "
                                "there are skipped, so a stopped run resumes.")
    p.add_argument("cases", metavar="CASES.jsonl", help='one case a line: {"id": "…", "files": ["a.txt", '
                   '"b.html"], "base": "v1", "url": "…", "show_cosmetic": false} (only files is required; '
                   "relative to this file)")
    p.add_argument("--output", "-o", required=True, metavar="DIR", help="folder for the reports and summary.csv")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="processes to compare cases in on this machine (default: one per processor)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run the cases on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786) "
                        "instead of on this machine: connects to it over the network; its workers need "
                        "Variorum and the files at the same paths (needs the variorum[batch] extra)")
    return p


def _fail(message: str) -> int:
    print(f"variorum batch: error: {message}", file=sys.stderr)
    return 2


def _usage_problem(ns: argparse.Namespace, cases: Path, output: Path) -> str | None:
    if not cases.is_file():
        return f"no such file: {cases}"
    if ns.workers is not None and ns.workers < 1:
        return "--workers must be at least 1"
    if ns.workers is not None and ns.scheduler:
        return "--workers is for this machine's processes; a Dask cluster has its own workers"
    if output.exists() and not output.is_dir():
        return f"{output} exists and is not a folder"
    return None


def _progress(started: float) -> Progress:
    def progress(tally: Tally, row: dict[str, object]) -> None:
        status = "ok" if row["status"] == "ok" else f"FAILED ({row['error']})"
        of = f"/{tally.total}" if tally.total is not None else ""
        rate = tally.compared / max(time.monotonic() - started, 1e-9)
        print(f"[{tally.done}{of}] {row['case']}: {status}  ({rate:.1f} cases/s)", file=sys.stderr, flush=True)

    return progress


def _closing(tally: Tally, output: Path, seconds: float) -> str:
    already = f" ({tally.already} already there)" if tally.already else ""
    failed = f"; {tally.failed} failed (see summary.csv)" if tally.failed else ""
    return (f"variorum batch: {tally.ok} of {tally.done} cases reported in {output}{already}{failed}; "
            f"{tally.compared} compared in {seconds:.1f} s")


def main(argv: Sequence[str]) -> int:
    ns = parser().parse_args(list(argv))
    cases_path, output = Path(ns.cases), Path(ns.output)
    problem = _usage_problem(ns, cases_path, output)
    if problem:
        return _fail(problem)
    from variorum.core.batch import PoolError, Tally, count_cases, open_pool, read_cases, run_batch

    try:
        pool = open_pool(workers=ns.workers, scheduler=ns.scheduler)
    except PoolError as exc:
        return _fail(str(exc))
    started = time.monotonic()
    tally = Tally(count_cases(cases_path))
    try:
        tally = run_batch(read_cases(cases_path), output, pool, total=tally.total,
                          progress=_progress(started))
    except KeyboardInterrupt:
        pool.close(cancel=True)
        print("variorum batch: stopped; the cases reported so far are kept: run the same command again to "
              "resume", file=sys.stderr)
        return EXIT_STOPPED
    except OSError as exc:
        pool.close(cancel=True)
        return _fail(str(exc))
    pool.close()
    print(_closing(tally, output, time.monotonic() - started), file=sys.stderr)
    return 1 if tally.failed else 0
