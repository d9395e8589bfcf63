"""Loading and comparing off the UI thread.

A :class:`QRunnable` does the work on a :class:`QThreadPool` and reports through a small QObject signal carrier
(signals emitted from the pool thread are queued to the UI thread). Every job gets a generation token; when the
user changes the case before a job ends, the job is asked to stop and whatever it still delivers is dropped, so a
stale result can never replace a newer one.

A job works on a copy of the open :class:`~variorum.core.case.Case` and has two phases: new files are loaded
(``loaded`` delivers a snapshot with every version, so the texts can be shown while the comparison runs), then
the whole case is compared (``finished`` delivers the copy with its comparison).

In the app (:func:`variorum.ui.job_process.enable`) jobs run in a process of their own instead of on a thread
(:mod:`variorum.ui.process_jobs`): the same signals, without the comparison holding the window's interpreter.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from variorum import logs
from variorum.core.case import Cancelled, Case
from variorum.ui import job_process
from variorum.ui.job import Job, run_job
from variorum.ui.job_signals import JobSignals
from variorum.ui.process_jobs import ProcessJobs

log = logging.getLogger(__name__)


class _Task(QRunnable):
    def __init__(self, token: int, job: Job, carrier: JobSignals, stop: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._token, self._job, self._carrier, self._stop = token, job, carrier, stop

    def run(self) -> None:
        token, carrier = self._token, self._carrier

        def emit(signal: str, *args) -> None:
            try:
                getattr(carrier, signal).emit(token, *args)
            except RuntimeError:  # the window closed while we worked: nobody is waiting for this any more
                self._stop.set()

        try:
            result = run_job(self._job, progress=lambda f, m: emit("progress", f, m),
                             cancelled=self._stop.is_set, loaded=lambda vs: emit("loaded", vs))
        except Cancelled:
            emit("cancelled")
        except Exception as exc:  # never let a bug in a worker take the window down
            emit("failed", logs.log_bug(log, "The comparison failed", exc))
        else:
            emit("finished", result)


class ComparisonRunner(QObject):
    """Runs one job at a time from the UI's point of view: starting a job makes every earlier one stale."""

    started = Signal()
    progress = Signal(float, str)
    loaded = Signal(object)  # the job's Case, its files read
    finished = Signal(object)  # the job's Case, compared
    failed = Signal(str)
    cancelled = Signal()
    staleDropped = Signal(int)  # token of a result that arrived too late and was ignored

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._token = 0
        self._stop: threading.Event | None = None
        self._busy = False
        self._carrier = JobSignals(self)
        self._carrier.progress.connect(self._on_progress)
        self._carrier.loaded.connect(self._on_loaded)
        self._carrier.finished.connect(self._on_finished)
        self._carrier.failed.connect(self._on_failed)
        self._carrier.cancelled.connect(self._on_cancelled)
        # Started now, so that it is ready when the first files are dropped.
        self._processes = ProcessJobs(self._carrier, self._start_thread, self) if job_process.enabled() else None

    @property
    def token(self) -> int:
        return self._token

    def is_busy(self) -> bool:
        """A job is running whose result is still wanted."""
        return self._busy

    def start(self, job: Job) -> int:
        if self._stop is not None:
            self._stop.set()  # the previous job is stale now
        self._token += 1
        self._stop = threading.Event()
        self._busy = True
        self.started.emit()
        if self._processes is None or not self._processes.start(self._token, job):
            self._start_thread(self._token, job)
        return self._token

    def _start_thread(self, token: int, job: Job) -> None:
        if token == self._token and self._stop is not None:
            self._pool.start(_Task(token, job, self._carrier, self._stop))

    def cancel(self) -> None:
        if self._stop is not None and self._busy:
            self._stop.set()
            if self._processes is not None and self._processes.stop():
                self._processes.cancel_later(self._token)

    def invalidate(self) -> None:
        """Forget the running job (its results will be dropped), e.g. when the case is closed."""
        if self._stop is not None:
            self._stop.set()
        if self._processes is not None:
            self._processes.stop()
        self._token += 1
        self._busy = False

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)

    def close(self) -> None:
        """Stop any job and end the comparison's process (the window closes); a later job starts another."""
        self.invalidate()
        if self._processes is not None:
            self._processes.close()

    def _current(self, token: int) -> bool:
        if token != self._token:
            self.staleDropped.emit(token)
            return False
        return True

    def _on_progress(self, token: int, fraction: float, message: str) -> None:
        if token == self._token:
            self.progress.emit(fraction, message)

    def _on_loaded(self, token: int, case: Case) -> None:
        if token == self._token:
            self.loaded.emit(case)

    def _on_finished(self, token: int, case: Case) -> None:
        if self._current(token):
            self._busy = False
            self.finished.emit(case)

    def _on_failed(self, token: int, message: str) -> None:
        if self._current(token):
            self._busy = False
            self.failed.emit(message)

    def _on_cancelled(self, token: int) -> None:
        if token == self._token:
            self._busy = False
            self.cancelled.emit()
