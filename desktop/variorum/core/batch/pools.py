"""Where a batch's cases run: a local process pool (the default, no network), or a Dask cluster the user names.

Both hand out ``concurrent.futures`` futures of :func:`~variorum.core.batch.work.report_cases`. ``slots`` is
how many tasks are kept in flight: enough to keep every worker busy, few enough that a file of millions of
cases is never all submitted at once. Dask is imported only when a cluster is asked for (the ``variorum[batch]`` extra).
"""

from __future__ import annotations

import os
import signal
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol

from variorum.core.batch.cases import Case
from variorum.core.batch.summary import Row
from variorum.core.batch.work import report_cases, worker_version

EXTRA = "variorum[batch]"
CONNECT_TIMEOUT_S = 30
MAX_GROUP = 8  # cases in one Dask task (each takes a few hundredths of a second to a few seconds)


class PoolError(RuntimeError):
    """The cases cannot be run where the user asked (no Dask, no scheduler at that address, workers without
    Variorum): the message says what to do."""


class CasePool(Protocol):
    slots: int

    def submit(self, cases: list[Case]) -> Future[list[tuple[bytes | None, Row]]]: ...

    def group_size(self, total: int | None) -> int:
        """How many cases to send in one task, for a batch of ``total`` cases."""
        ...

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

    def submit(self, cases: list[Case]) -> Future[list[tuple[bytes | None, Row]]]:
        return self._executor.submit(report_cases, cases)

    def group_size(self, total: int | None) -> int:
        return 1  # a pipe costs little, and a crashed process then takes only its own case with it

    def lost(self, exc: BaseException) -> bool:
        return isinstance(exc, BrokenProcessPool)

    def restart(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._start()

    def close(self, *, cancel: bool = False) -> None:
        self._executor.shutdown(wait=True, cancel_futures=cancel)


class DaskPool:
    """The workers of the Dask cluster whose scheduler is at ``address`` (``tcp://host:8786``). The workers read
    the cases' files themselves, at the same paths, so they need Variorum installed and the files within reach."""

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise PoolError(f"--scheduler runs the cases on a Dask cluster, which needs the {EXTRA} extra: "
                            f"pip install '{EXTRA}'") from None
        from distributed.comm import resolve_address

        try:
            # a malformed address is refused before a client exists: one that fails on it hangs when closed
            resolve_address(address)
        except Exception as exc:
            raise PoolError(f"{address!r} is not the address of a Dask scheduler (tcp://host:8786): {exc}") from None
        try:
            self._client = Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise PoolError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        try:
            self._check_workers()
        except BaseException:
            self._client.close()
            raise
        self.threads = max(1, sum(self._client.nthreads().values()))
        self.slots = max(32, 4 * self.threads)  # enough to hide the round trips to the scheduler
        self._executor: Executor = self._client.get_executor(pure=False)

    def _check_workers(self) -> None:
        from variorum import __version__

        try:
            self._client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
        except TimeoutError:
            raise PoolError(f"the Dask cluster has no workers (none joined within {CONNECT_TIMEOUT_S} s)") from None
        try:
            theirs = self._client.submit(worker_version, pure=False).result(timeout=CONNECT_TIMEOUT_S * 4)
        except Exception as exc:
            raise PoolError(f"the Dask workers cannot run Variorum ({type(exc).__name__}: {exc}); install "
                            f"Variorum {__version__} on them") from None
        if theirs != __version__:
            raise PoolError(f"the Dask workers run Variorum {theirs}, this is {__version__}: the reports would "
                            "not be the same; install the same version on them")

    def submit(self, cases: list[Case]) -> Future[list[tuple[bytes | None, Row]]]:
        return self._executor.submit(report_cases, cases)

    def group_size(self, total: int | None) -> int:
        # a task of a few cases costs the scheduler no more than a task of one, but every worker thread should
        # still get several tasks
        return max(1, min(MAX_GROUP, (total or 0) // (4 * self.threads)))

    def lost(self, exc: BaseException) -> bool:
        return False  # Dask runs a case again when its worker dies, and gives up with KilledWorker

    def restart(self) -> None:
        pass

    def close(self, *, cancel: bool = False) -> None:
        self._executor.shutdown(wait=not cancel)
        self._client.close()


def open_pool(*, workers: int | None = None, scheduler: str | None = None) -> CasePool:
    """A :class:`LocalPool`, or a :class:`DaskPool` when a scheduler's address is given (raises
    :class:`PoolError`)."""
    return DaskPool(scheduler) if scheduler else LocalPool(workers)
