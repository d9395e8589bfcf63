"""Where a batch's cases run: a local process pool (no network).

Both hand out ``concurrent.futures`` futures of :func:`~variorum.core.batch.work.report_case`. ``slots`` is how many
cases are kept in flight: enough to keep every worker busy, few enough that a file of millions of cases is never
all submitted at once.
"""

from __future__ import annotations

import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol

from variorum.core.batch.cases import Case
from variorum.core.batch.summary import Row
from variorum.core.batch.work import report_case


class PoolError(RuntimeError):
    """The cases cannot be run where the user asked: the message says what to do."""


class CasePool(Protocol):
    slots: int

    def submit(self, case: Case) -> Future[tuple[bytes | None, Row]]: ...

    def lost(self, exc: BaseException) -> bool:
        """Whether ``exc`` means the process running the case died (the case did not fail by itself)."""
        ...

    def restart(self) -> None: ...

    def close(self, *, cancel: bool = False) -> None: ...


def _ignore_interrupts() -> None:
    # Ctrl+C is for the batch, which stops the pool itself; a worker would only print a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class LocalPool:
    """Processes on this machine (``workers`` of them, default one per processor); talks to them through pipes,
    never a network socket."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.slots = 2 * self.workers
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, initializer=_ignore_interrupts)

    def submit(self, case: Case) -> Future[tuple[bytes | None, Row]]:
        return self._executor.submit(report_case, case)

    def lost(self, exc: BaseException) -> bool:
        return isinstance(exc, BrokenProcessPool)

    def restart(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._start()

    def close(self, *, cancel: bool = False) -> None:
        self._executor.shutdown(wait=True, cancel_futures=cancel)


def open_pool(*, workers: int | None = None) -> CasePool:
    """A :class:`LocalPool`."""
    return LocalPool(workers)
