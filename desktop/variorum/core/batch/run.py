"""Running a batch: every case reported into the output folder as ``<id>.json``, and ``summary.csv`` for all.

Cases are read as they are needed and kept in flight a few per worker, so memory does not grow with the number
of cases. A case already reported (a readable report of it is in the output folder) is skipped, so a stopped
batch resumes where it stopped. A case that fails is recorded with its error and never stops the others; when
the process comparing a case dies (a crash, the system running out of memory), the cases it may have been
running are run again one at a time, so that only the case that kills its process is recorded as failed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from pathlib import Path

from variorum.core.atomic import atomic_write_bytes
from variorum.core.batch.cases import Case, CaseError, claim_all
from variorum.core.batch.pools import CasePool
from variorum.core.batch.summary import Row, SummaryWriter, failed_row, row_of
from variorum.core.batch.work import describe
from variorum.core.quick_dataclass import dataclass

LOST = "the process comparing this case stopped (it crashed or ran out of memory)"


@dataclass
class Tally:
    total: int | None = None  # cases in the file, when known
    done: int = 0
    ok: int = 0
    failed: int = 0
    already: int = 0  # of ``ok``: reported by an earlier run, skipped
    compared: int = 0  # cases run in this batch (whether they succeeded or failed)


Progress = Callable[[Tally, Row], None]


def report_path(output: Path, case: Case) -> Path:
    return output / f"{case.stem}.json"


def reported_row(output: Path, case: Case) -> Row | None:
    """The row of a case an earlier run reported, or None when it has no readable report (a damaged one is
    compared again)."""
    try:
        return row_of(report_path(output, case).read_bytes(), case.id)
    except (OSError, ValueError, KeyError, TypeError):
        return None


Item = tuple[int, Case]  # a case and its place in the cases file


class _Flight:
    """The cases being compared, sent to the pool in groups of ``pool.group_size(total)``, at most ``pool.slots``
    groups at once; yields ``(index, row)`` as they finish."""

    def __init__(self, pool: CasePool, output: Path, total: int | None) -> None:
        self.pool = pool
        self.output = output
        self.size = pool.group_size(total)
        self.waiting: list[Item] = []
        self.pending: dict[Future, list[Item]] = {}

    def add(self, index: int, case: Case) -> Iterator[tuple[int, Row]]:
        self.waiting.append((index, case))
        if len(self.waiting) >= self.size:
            yield from self._send()

    def drain(self) -> Iterator[tuple[int, Row]]:
        if self.waiting:
            yield from self._send()
        while self.pending:
            yield from self._collect()

    def _submit(self, items: list[Item]) -> None:
        self.pending[self.pool.submit([case for _, case in items])] = items

    def _send(self) -> Iterator[tuple[int, Row]]:
        items, self.waiting = self.waiting, []
        while len(self.pending) >= self.pool.slots:
            yield from self._collect()
        try:
            self._submit(items)
        except Exception as exc:  # the pool broke since the last cases were collected
            if not self.pool.lost(exc):
                raise
            yield from self._after_a_lost_worker([])
            self._submit(items)

    def _collect(self) -> Iterator[tuple[int, Row]]:
        done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
        suspects: list[Item] = []
        for future in done:
            items = self.pending.pop(future)
            rows = self._rows(items, future)
            if rows is None:
                suspects.extend(items)
            else:
                yield from rows
        if suspects:
            yield from self._after_a_lost_worker(suspects)

    def _rows(self, items: list[Item], future: Future) -> list[tuple[int, Row]] | None:
        """The group's rows, their reports written; None when its process died."""
        try:
            results = future.result()
        except Exception as exc:  # e.g. Dask's KilledWorker: recorded, never the end of the batch
            if self.pool.lost(exc):
                return None
            if len(items) > 1:  # any one of them may be the cause: each is tried again on its own
                for item in items:
                    self._submit([item])
                return []
            return [(items[0][0], failed_row(items[0][1].id, describe(exc)))]
        return [(index, self._written(case, data, row))
                for (index, case), (data, row) in zip(items, results, strict=True)]

    def _written(self, case: Case, data: bytes | None, row: Row) -> Row:
        if data is None:
            return row
        try:
            # not flushed to disk one by one: after a power cut, a damaged report is compared again on resume
            atomic_write_bytes(report_path(self.output, case), data, durable=False)
        except OSError as exc:
            return failed_row(case.id, f"cannot write its report: {exc}")
        return row

    def _after_a_lost_worker(self, suspects: list[Item]) -> Iterator[tuple[int, Row]]:
        # every case still in the broken pool fails with it: those that finished first keep their results, the
        # others run again, one at a time in a new pool, so that the one that kills its process is found
        for future, items in list(self.pending.items()):
            rows = self._rows(items, future) if future.done() else None
            if rows is None:
                suspects.extend(items)
            else:
                yield from rows
        self.pending.clear()
        self.pool.restart()
        for index, case in sorted(suspects):
            future = self.pool.submit([case])
            wait([future])
            rows = self._rows([(index, case)], future)
            if rows is None:
                self.pool.restart()
            yield from rows or [(index, failed_row(case.id, LOST))]


def run_batch(cases: Iterable[Case | CaseError], output: Path, pool: CasePool, *, total: int | None = None,
              progress: Progress | None = None) -> Tally:
    """Report every case into ``output`` (created if need be) on ``pool``; ``progress`` is called after each case
    compared (cases skipped as already reported count in the tally without a call)."""
    output.mkdir(parents=True, exist_ok=True)
    summary = SummaryWriter(output)
    tally = Tally(total)
    flight = _Flight(pool, output, total)

    def finish(index: int, row: Row, *, compared: bool = True, already: bool = False) -> None:
        summary.add(index, row)
        tally.done += 1
        tally.ok += row["status"] == "ok"
        tally.failed += row["status"] != "ok"
        tally.compared += compared
        tally.already += already
        if progress and not already:
            progress(tally, row)

    try:
        for index, item in enumerate(claim_all(cases)):
            if isinstance(item, CaseError):
                finish(index, failed_row(item.label, str(item)), compared=False)
            elif (row := reported_row(output, item)) is not None:
                finish(index, row, compared=False, already=True)
            else:
                for i, r in flight.add(index, item):
                    finish(i, r)
        for i, r in flight.drain():
            finish(i, r)
    except BaseException:
        summary.discard()
        raise
    summary.close()
    return tally
