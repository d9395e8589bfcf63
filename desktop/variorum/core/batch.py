"""Many comparisons in one run: one ``variorum.report/1`` JSON per case and a summary CSV of their findings.

A case is one line of a JSON Lines file: ``{"id": "...", "files": [...], "base": "v1", "url": "..."}`` (only
``files`` is required; ``id`` defaults to the line number, relative file names are read from the file's folder).
Cases run in parallel in a local process pool. A case already reported (its JSON is in the output folder) is
skipped, so a stopped run resumes where it stopped; a case that fails is recorded with its error and never
stops the others.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from variorum.core.atomic import atomic_write_bytes

SEVERITIES = ("high", "medium", "low")
SUMMARY_COLUMNS = ("case", "status", "versions", "readable", "findings", *SEVERITIES, "error")
_UNSAFE = re.compile(r"[^\w.-]+")


class CaseError(ValueError):
    """A line of the cases file that does not describe a case."""


@dataclass(frozen=True)
class Case:
    id: str
    files: tuple[str, ...]
    base: str | None = None
    url: str | None = None

    @property
    def file_stem(self) -> str:
        return _UNSAFE.sub("_", self.id).strip("._") or "case"


def read_cases(path: Path) -> Iterator[Case | CaseError]:
    """The cases of a JSON Lines file, in order; a line that is not a case becomes a :class:`CaseError`."""
    folder = path.parent
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                files = data["files"]
                if not isinstance(files, list) or not all(isinstance(x, str) for x in files):
                    raise TypeError("files must be a list of paths")
                yield Case(str(data.get("id", n)), tuple(str(folder / x) for x in files),
                           data.get("base"), data.get("url"))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                yield CaseError(f"line {n}: not a case ({exc})")


def run_case(case: Case) -> bytes:
    """The case's JSON report (raises on a case that cannot be compared)."""
    from variorum.core.case import load_case
    from variorum.core.model import Options
    from variorum.core.report import build_report, render

    loaded = load_case(list(case.files), options=Options(base=case.base), url=case.url)
    if len(loaded.readable()) < 2:
        errors = "; ".join(f"{v.label}: {v.error}" for v in loaded.errors())
        raise CaseError(f"fewer than two readable versions{': ' + errors if errors else ''}")
    return render(build_report(loaded.compare()), "json")


def _row_of(report: bytes, case: Case) -> dict[str, object]:
    """A case's summary row, read from its report."""
    s = json.loads(report)["summary"]
    row: dict[str, object] = {"case": case.id, "status": "ok", "versions": s["versions"],
                              "readable": s["readable"], "findings": s["findings"], "error": ""}
    row.update({sev: s["findings_by_severity"].get(sev, 0) for sev in SEVERITIES})
    return row


def _failed(case_id: str, error: str) -> dict[str, object]:
    return {"case": case_id, "status": "failed", "error": error}


def run_batch(cases: Iterable[Case | CaseError], output: Path, *, workers: int | None = None,
              progress: Callable[[int, int, dict[str, object]], None] | None = None) -> list[dict[str, object]]:
    """Report every case into ``output`` (``<id>.json`` each, ``summary.csv`` for all) and return the rows."""
    output.mkdir(parents=True, exist_ok=True)
    listed = list(cases)
    rows: dict[int, dict[str, object]] = {}
    todo: dict[int, Case] = {}
    for i, c in enumerate(listed):
        if isinstance(c, CaseError):
            rows[i] = _failed(f"#{i + 1}", str(c))
        elif (output / f"{c.file_stem}.json").is_file():
            rows[i] = _row_of((output / f"{c.file_stem}.json").read_bytes(), c)
        else:
            todo[i] = c
    done = len(rows)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(run_case, c): i for i, c in todo.items()}
        for future in as_completed(futures):
            i = futures[future]
            case = todo[i]
            try:
                data = future.result()
                atomic_write_bytes(output / f"{case.file_stem}.json", data)
                row = _row_of(data, case)
            except Exception as exc:  # one case's failure is recorded, never the end of the batch
                row = _failed(case.id, f"{type(exc).__name__}: {exc}")
            rows[i] = row
            done += 1
            if progress:
                progress(done, len(listed), row)
    ordered = [rows[i] for i in range(len(listed))]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(ordered)
    atomic_write_bytes(output / "summary.csv", buf.getvalue().encode("utf-8"))
    return ordered
