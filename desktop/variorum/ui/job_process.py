"""The comparison's own process: loading and comparing away from the window's interpreter.

On a thread of the window's process, the comparison's Python code shared the interpreter lock with the window:
every time the window came back from Qt to Python it waited for the lock, and while a large case loaded the
window stalled for 60–120 ms at a time. In a process of its own the comparison takes nothing from the window but
a core, and Cancel stops it at once (the process is ended; a fresh one is started for the next job).

:class:`JobProcess` is the window's side: it starts the process (when the window opens, so it is ready when
files are dropped), sends it jobs, and reads what it sends back on a thread of its own, which hands each message
to ``deliver`` as it comes (the window's side unpickles them, one per event-loop turn:
:mod:`variorum.ui.job_stream`). :func:`serve` is the process's side. No Qt here: the process never imports it.

The process is forked from a server process that has already imported the comparison's code (``forkserver``),
so a new one is ready in a few milliseconds; a frozen app, or a system without it, starts a fresh interpreter
(``spawn``), for which the frozen app's entry point calls :func:`multiprocessing.freeze_support`.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import pickle
import struct
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection

from variorum.logs import LOGGER, one_line
from variorum.ui.job import Job, build_maps, run_job
from variorum.ui.job_stream import Encoder

READY = b"ready"  # the process's first message: it has imported what it needs and waits for a job
TOKEN = struct.Struct("<q")  # each message of a job starts with the job's token

_enabled = False


def enable(on: bool = True) -> None:
    """Run the window's jobs in a process (the app does; tests that replace the comparison in the window's
    process keep them on a thread)."""
    global _enabled
    _enabled = on


def enabled() -> bool:
    return _enabled


def _context():
    if getattr(sys, "frozen", False) or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def serve(conn: Connection) -> None:
    """The process's loop: run each job it is sent, send back what it makes, until the window's side closes."""
    conn.send_bytes(READY)
    while True:
        try:
            token, job, level = pickle.loads(conn.recv_bytes())
        except EOFError:
            return
        _run(conn, token, job, level)


def _run(conn: Connection, token: int, job: Job, level: int) -> None:
    encoder = Encoder(known=job.case.versions)  # they travel back as the window's own objects
    prefix = TOKEN.pack(token)

    def send(*report: object) -> None:
        for message in encoder.report(*report):
            conn.send_bytes(prefix + message)

    with _logging_to(send, level):
        try:
            case = run_job(job, progress=lambda f, m: send("progress", f, m), cancelled=lambda: False,
                           loaded=lambda copy: send("loaded", copy), maps=False)
            # The comparison goes first, so the window lays its panes out while the maps are built here.
            c = case.comparison
            send("finished", case, c is not None and c.base is not None)
            amap = build_maps(case, cancelled=lambda: False)
            if amap is not None:
                send("maps", amap)
        except Exception as exc:  # a bug: reported, and the process takes the next job
            send("failed", one_line(exc), traceback.format_exc())


class _Forward(logging.Handler):
    """The program's log records, sent to the window's process, which logs them as its own."""

    def __init__(self, send: Callable[..., None]) -> None:
        super().__init__()
        self._send = send

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + logging.Formatter().formatException(record.exc_info)
        self._send("log", record.name, record.levelno, message)


@contextmanager
def _logging_to(send: Callable[..., None], level: int) -> Iterator[None]:
    logger = logging.getLogger(LOGGER)
    handler = _Forward(send)
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)


class JobProcess:
    """One comparison process, started at once, and the thread that reads what it sends.

    ``deliver(process, message)`` is called on that thread with each message, and once with None when the
    process has ended (stopped, or it failed). Raises OSError (or ValueError) when no process can be started."""

    def __init__(self, deliver: Callable[[JobProcess, bytes | None], None]) -> None:
        context = _context()
        self._conn, child = context.Pipe()
        self._process = context.Process(target=serve, args=(child,), name="variorum-comparison", daemon=True)
        try:
            self._process.start()
        finally:
            child.close()
        self._deliver = deliver
        self.ready = False  # set by the window's side when READY arrives
        self._reader = threading.Thread(target=self._read, name="variorum-comparison-reader", daemon=True)
        self._reader.start()

    @property
    def exitcode(self) -> int | None:
        return self._process.exitcode

    def submit(self, token: int, job: Job) -> None:
        """Send a job (from a thread of its own: a large case fills the pipe until the process reads it); the
        process logs what the window's process would (its records come back as reports of their own)."""
        level = logging.getLogger(LOGGER).getEffectiveLevel()
        data = pickle.dumps((token, job, level), protocol=pickle.HIGHEST_PROTOCOL)
        threading.Thread(target=self._send, args=(data,), name="variorum-comparison-writer", daemon=True).start()

    def _send(self, data: bytes) -> None:
        with contextlib.suppress(OSError):  # the process has ended: the reader says so
            self._conn.send_bytes(data)

    def stop(self, wait: float | None = None) -> None:
        """End the process now, whatever it is doing; given ``wait``, also wait up to that many seconds for the
        reader to deliver its last message (the window closes: nothing may be delivered to it afterwards)."""
        if self._process.is_alive():
            self._process.terminate()
        if wait is not None and threading.current_thread() is not self._reader:
            self._reader.join(wait)

    def _read(self) -> None:
        while True:
            try:
                message = self._conn.recv_bytes()
            except (EOFError, OSError):
                break
            self._deliver(self, message)
        self._process.join()
        self._conn.close()
        self._deliver(self, None)
