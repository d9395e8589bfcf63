"""Loading and comparing off the UI thread.

A :class:`QRunnable` does the work on a :class:`QThreadPool` and reports through a small QObject signal carrier
(signals emitted from the pool thread are queued to the UI thread). Every job gets a generation token; when the
user changes the case before a job ends, the job is asked to stop and whatever it still delivers is dropped, so a
stale result can never replace a newer one.

A job works on a copy of the open :class:`~variorum.core.case.Case` and has two phases: new files are loaded
(``loaded`` delivers a snapshot with every version, so the texts can be shown while the comparison runs), then
the whole case is compared (``finished`` delivers the copy with its comparison).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from variorum import logs
from variorum.core import collection
from variorum.core.case import LOAD_SHARE, Cancelled, Case
from variorum.core.quick_dataclass import dataclass
from variorum.ui.panes.alignment_map import alignment_for

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """What to compute: a copy of the open case, plus files and pasted texts to add to it."""

    case: Case
    paths: tuple[Path, ...] = ()
    pasted: tuple[str, ...] = ()


class _Carrier(QObject):
    progress = Signal(int, float, str)
    loaded = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)


def run_job(job: Job, *, progress, cancelled, loaded=None) -> Case:
    """Load then compare, on the job's copy of the case; headless (the runnable below calls it on a pool thread).

    ``loaded`` gets a copy of its own once the files are read (the texts can be shown while the comparison
    runs on)."""
    case = job.case
    case.add(job.paths, job.pasted, progress=progress, cancelled=cancelled)

    def scaled(fraction: float, message: str) -> None:
        progress(LOAD_SHARE + (1 - LOAD_SHARE) * fraction, message)

    # A collection amid the comparison's objects would hold the window up. What reading the files left as garbage
    # (a PDF's parsed objects and bytes) is collected first, before the texts go on screen, so it is not set
    # aside with the comparison for as long as the app runs.
    with collection.paused(collect_first=True):
        if loaded is not None:
            loaded(case.copy())
        # A chosen base that was removed or cannot be read: the program picks one.
        case.compare(progress=scaled, cancelled=cancelled, strict_base=False)
        if case.comparison is not None and case.comparison.base is not None:
            # Here rather than on the UI thread at the first Alt+Down: the word-exact maps stepping and findings
            # use.
            alignment_for(case.comparison).prepare(cancelled)  # stops early if the result is not wanted any more
    return case


class _Task(QRunnable):
    def __init__(self, token: int, job: Job, carrier: _Carrier, stop: threading.Event) -> None:
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
        self._carrier = _Carrier(self)
        self._carrier.progress.connect(self._on_progress)
        self._carrier.loaded.connect(self._on_loaded)
        self._carrier.finished.connect(self._on_finished)
        self._carrier.failed.connect(self._on_failed)
        self._carrier.cancelled.connect(self._on_cancelled)

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
        self._pool.start(_Task(self._token, job, self._carrier, self._stop))
        return self._token

    def cancel(self) -> None:
        if self._stop is not None and self._busy:
            self._stop.set()

    def invalidate(self) -> None:
        """Forget the running job (its results will be dropped), e.g. when the case is closed."""
        if self._stop is not None:
            self._stop.set()
        self._token += 1
        self._busy = False

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)

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
