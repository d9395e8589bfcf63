"""Atomic file writes: write a temporary file beside the target, flush it to disk, then rename over it.

Only a regular file is ever replaced: a link, a named pipe, a device or a folder in the target's place is left
as it is (the write fails), since renaming over it would silently turn it into a plain file."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Any


def _refuse_special(path: Path) -> None:
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise OSError(errno.EEXIST, "it exists and is not a regular file (a link, pipe, device or folder), so it "
                      "is not replaced", str(path))


class AtomicFile:
    """A file written beside ``path`` a piece at a time, which replaces ``path`` only on :meth:`commit`
    (:meth:`discard` leaves ``path`` as it was). It has the mode a new file would have, or that of the file it
    replaces; ``durable=False`` skips flushing it to disk before the rename. With an ``encoding`` it is written as
    text, its line ends as given."""

    def __init__(self, path: Path, *, durable: bool = True, encoding: str | None = None) -> None:
        self.path = Path(path)
        self._durable = durable
        _refuse_special(self.path)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent or ".")
        self._tmp = Path(tmp)
        try:
            # mkstemp creates the file readable by its owner only; give it the mode a new file would have
            # (or keep the mode of the file it replaces)
            try:
                mode = stat.S_IMODE(os.stat(self.path).st_mode)
            except FileNotFoundError:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.fchmod(fd, mode)
            self.file: IO[Any] = (os.fdopen(fd, "w", encoding=encoding, newline="") if encoding
                                  else os.fdopen(fd, "wb"))
        except BaseException:
            os.close(fd)
            self._tmp.unlink()
            raise

    def commit(self) -> None:
        try:
            if self._durable:
                self.file.flush()
                os.fsync(self.file.fileno())
            self.file.close()
            _refuse_special(self.path)  # something may have taken its place while the file was written
            os.replace(self._tmp, self.path)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        if not self.file.closed:
            self.file.close()
        with contextlib.suppress(FileNotFoundError):
            self._tmp.unlink()


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data``; ``durable=False`` skips flushing it to disk first, for a file whose loss in a
    power cut is noticed and made good later (a batch report: a damaged one is compared again)."""
    out = AtomicFile(path, durable=durable)
    try:
        out.file.write(data)
    except BaseException:
        out.discard()
        raise
    out.commit()


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
