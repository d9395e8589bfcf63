"""The program's log: a small rotating file in the data folder, mirrored to stderr with ``--verbose`` (Qt-free).

Modules log through ``logging.getLogger(__name__)``; :func:`configure` is called once when the program starts
(the command line and the app alike). The file is opened only when the first record arrives, so ``variorum
--version`` never touches the disk, and a data folder that cannot be written loses the log, never the program.
Bugs are logged with their traceback; expected problems (an unreadable file, a damaged notes store) are logged as
one line each, without one.
"""

from __future__ import annotations

import logging
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing before the command has answered
if TYPE_CHECKING:
    from pathlib import Path
    from types import TracebackType

LOG_NAME = "variorum.log"
MAX_BYTES = 1_000_000  # one file; with its backups the log never takes more than (BACKUPS + 1) × this
BACKUPS = 3
LOGGER = "variorum"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_installed: list[logging.Handler] = []


def log_path() -> Path:
    """Where the log is written: ``variorum.log`` in the data folder (``$VARIORUM_DATA_DIR`` if set)."""
    from variorum.core.notes.paths import data_dir

    return data_dir() / LOG_NAME


class _LogFile(logging.Handler):
    """The rotating log file, found and opened when the first record arrives (a command that logs nothing loads
    neither the file handling nor the data folder's lookup); when the folder cannot be written, records are
    dropped quietly."""

    def __init__(self) -> None:
        super().__init__()
        self._file: logging.Handler | None = None
        self._unwritable = False

    def emit(self, record: logging.LogRecord) -> None:
        if self._unwritable:
            return
        if self._file is None:
            self._file = self._open()
            if self._file is None:
                return
        self._file.handle(record)

    def _open(self) -> logging.Handler | None:
        from logging.handlers import RotatingFileHandler

        path = log_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            self._unwritable = True
            return None
        owner = self

        class File(RotatingFileHandler):
            def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
                # Writing the log failed (read-only folder, disk full): stop trying rather than print a traceback.
                owner._unwritable = True

        file = File(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
        file.setFormatter(self.formatter)
        return file

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        super().close()


def configure(*, verbose: bool = False) -> None:
    """Send the program's records to the log file and, when ``verbose``, to stderr too.

    Calling it again replaces what an earlier call set up (the data folder may have changed meanwhile).
    """
    logger = logging.getLogger(LOGGER)
    reset()
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = [_LogFile()]
    if verbose:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(formatter)
        logger.addHandler(handler)
        _installed.append(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)


def reset() -> None:
    """Remove and close what :func:`configure` installed."""
    logger = logging.getLogger(LOGGER)
    while _installed:
        handler = _installed.pop()
        logger.removeHandler(handler)
        handler.close()


def one_line(exc: BaseException) -> str:
    """What the user is told about a bug: its type and message on one line."""
    message = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def log_bug(log: logging.Logger, what: str, exc: BaseException) -> str:
    """Log a bug with its traceback and return the one line to show the user."""
    log.error("%s", what, exc_info=(type(exc), exc, exc.__traceback__))
    return one_line(exc)


def bug_notice(exc: BaseException) -> str:
    """The line printed on stderr about a bug whose traceback is in the log."""
    return f"variorum: unexpected error: {one_line(exc)} (details in {log_path()})"


def report_uncaught(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook`` for the app: the traceback goes to the log, one line to stderr."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    logging.getLogger(LOGGER).error("Unexpected error", exc_info=(kind, exc, tb))
    print(bug_notice(exc), file=sys.stderr)
