"""The window's side of the comparison process: jobs go to a :class:`~variorum.ui.job_process.JobProcess`, and
what comes back is taken in one message per event-loop turn and passed on as the signals of the runner's carrier
(``progress``, ``loaded``, ``finished``, ``failed``, ``cancelled``), as a job on a thread emits them.

A job that is no longer wanted (the user cancelled, or started another) is stopped by ending its process; a new
one is started at once for the next job. When no process can be started, or one ends before it was ever ready
(a broken installation), jobs run on a thread of the window's process as before (``fallback``), and the log says
why.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from variorum.core import collection
from variorum.ui.job import Job
from variorum.ui.job_process import READY, TOKEN, JobProcess
from variorum.ui.job_signals import JobSignals
from variorum.ui.job_stream import Decoder
from variorum.ui.panes import alignment_map
from variorum.ui.panes.slices import SlicedWork

log = logging.getLogger("variorum.ui.worker")
CLOSE_WAIT_S = 5.0  # how long closing waits for the ended process's reader (it ends as soon as the pipe does)
SLICE_MS = 4.0  # messages are read until this much time has passed in a turn (at least one per turn)


@dataclass
class _Running:
    """The job the process works on, and what the window has taken of it so far."""

    token: int
    job: Job
    decoder: Decoder
    paused: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)


class ProcessJobs(QObject):
    _arrived = Signal(object, object)  # (the JobProcess, a message or None when it ended), from its reader thread

    def __init__(self, carrier: JobSignals, fallback: Callable[[int, Job], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._carrier = carrier
        self._fallback = fallback
        self._broken = False
        self._process: JobProcess | None = None
        self._running: _Running | None = None
        # A finished job whose word-exact maps are still to come: its comparison is sent first, so the window
        # lays it out while they are built (they took 0.3 s of the 1.0 s a job of 10 × 100 KB takes).
        self._maps_to_come: _Running | None = None
        self._messages: deque[bytes] = deque()
        self._reading = SlicedWork(self, slice_ms=SLICE_MS)
        self._arrived.connect(self._on_arrived)
        self._spawn()

    def start(self, token: int, job: Job) -> bool:
        """Run ``job`` in the process (a job still running there is stopped, and so is the building of maps
        still to come for the last one); False when jobs cannot run in a process, and the caller runs it on a
        thread."""
        self._end_running()
        if self._process is None:
            self._spawn()
        if self._process is None:
            return False
        job.case.comparison = None  # the process compares afresh: the comparison on show need not travel
        self._running = _Running(token, job, Decoder(known=job.case.versions))
        self._running.paused.enter_context(collection.paused())  # taking it in makes many objects, few cycles
        self._process.submit(token, job)
        return True

    def stop(self) -> bool:
        """Stop the job running, if any (its process ends, a fresh one is started); True if there was one (maps
        still to come for a finished job are stopped too, but that job is not running)."""
        running = self._running is not None
        self._end_running()
        return running

    def close(self) -> None:
        """End the process (the window closes) and wait for its reader's last message, which would otherwise
        reach this object while Qt deletes it; a later job starts another."""
        self._end_running()
        if self._process is not None:
            self._process.stop(wait=CLOSE_WAIT_S)
            self._process = None

    def _spawn(self) -> None:
        if self._broken:
            return
        try:
            self._process = JobProcess(self._deliver)
        except (OSError, ValueError, RuntimeError) as exc:
            self._give_up(f"the comparison's process could not be started ({exc})")

    def _give_up(self, why: str) -> None:
        log.warning("Comparing in the window's own process: %s", why)
        self._broken = True
        self._process = None

    def _deliver(self, process: JobProcess, message: bytes | None) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone: nobody waits for this any more
            self._arrived.emit(process, message)

    def _drop_running(self) -> _Running | None:
        """Forget the job running and what it sent that was not read yet; collection resumes. Returns the job."""
        running, self._running = self._running, None
        if running is not None:
            running.paused.close()
            self._messages.clear()
            self._reading.cancel()
        return running

    def _end_running(self) -> None:
        """Stop the job running and the building of maps still to come: the process ends (a large case's maps
        take seconds), and a fresh one is started."""
        maps_to_come, self._maps_to_come = self._maps_to_come, None
        if self._drop_running() is None and maps_to_come is None:
            return
        if self._process is not None:
            self._process.stop()
            self._process = None
            self._spawn()

    def _on_arrived(self, process: JobProcess, message: bytes | None) -> None:
        if process is not self._process:
            return  # a process stopped earlier
        if message == READY:
            process.ready = True
        elif message is not None:
            self._messages.append(message)
            if not self._reading.active():
                self._reading.start(self._read())
        else:
            self._ended(process)

    def _ended(self, process: JobProcess) -> None:
        """The process ended by itself (it was killed, or could not start its work)."""
        self._process = None
        self._maps_to_come = None  # the window builds any map it needs itself
        running = self._drop_running()
        if not process.ready:
            self._give_up(f"its process ended before it was ready (exit code {process.exitcode})")
            if running is not None:
                self._fallback(running.token, running.job)
            return
        if running is not None:
            self._carrier.failed.emit(running.token, f"The comparison's process ended unexpectedly (exit code "
                                                     f"{process.exitcode})")
        self._spawn()

    def _read(self) -> Iterator[None]:
        while self._messages:
            message = self._messages.popleft()
            running, finished = self._running, self._maps_to_come
            (token,) = TOKEN.unpack_from(message)
            if running is not None and token == running.token:
                report = running.decoder.read(message[TOKEN.size:])
                if report is not None:
                    self._report(running, report)
            elif finished is not None and token == finished.token:
                report = finished.decoder.read(message[TOKEN.size:])
                if report is not None:
                    self._maps_report(report)
            yield

    def _maps_report(self, report: tuple) -> None:
        """What the process sends after a finished job's comparison: its maps (or why they could not be built:
        the window builds those it needs itself), and what it logs meanwhile."""
        kind = report[0]
        if kind == "log":
            self._log(*report[1:])
            return
        self._maps_to_come = None
        if kind == "maps":
            alignment_map.adopt(report[1])
        else:
            log.error("The word-exact maps could not be built\n%s", report[-1].rstrip())

    @staticmethod
    def _log(name: str, level: int, message: str) -> None:
        logging.getLogger(name).log(level, "%s", message)

    def _report(self, running: _Running, report: tuple) -> None:
        kind, token, carrier = report[0], running.token, self._carrier
        if kind == "progress":
            carrier.progress.emit(token, *report[1:])
        elif kind == "loaded":
            carrier.loaded.emit(token, report[1])
        elif kind == "log":
            self._log(*report[1:])
        else:  # the job's end: the window takes up the objects, collection resumes as it was
            running.paused.close()
            self._running = None
            if kind == "finished":
                case, maps_to_come = report[1:]
                if maps_to_come:
                    alignment_map.alignment_for(case.comparison)  # the map its word-exact maps will join
                    self._maps_to_come = running
                carrier.finished.emit(token, case)
            else:
                message, details = report[1:]
                log.error("The comparison failed\n%s", details.rstrip())
                carrier.failed.emit(token, message)

    def cancel_later(self, token: int) -> None:
        """Say the job ``token`` was cancelled, from the next turn (as a job on a thread does)."""
        QTimer.singleShot(0, self, lambda: self._carrier.cancelled.emit(token))
