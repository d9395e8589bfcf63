"""Hostile inputs made on the spot: a named pipe with a writer waiting for a reader."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def fifo_with_writer(path: Path, data: bytes) -> Iterator[None]:
    """A named pipe at ``path`` whose writer sends ``data`` as soon as someone opens it for reading, so a
    reader that waits for a writer gets the data (and the test an answer) instead of hanging."""
    os.mkfifo(path)
    stop = threading.Event()

    def write() -> None:
        while not stop.is_set():
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # nobody reading yet
                stop.wait(0.01)
                continue
            with contextlib.suppress(OSError):  # the reader may already be gone
                os.write(fd, data)
            os.close(fd)
            return

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        yield
    finally:
        stop.set()
        writer.join()
