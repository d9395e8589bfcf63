"""Reading an input file without ever blocking or reading without end.

Only regular files are read. The file is opened non-blocking (so a named pipe cannot hold the program at the
open), what was opened is checked with ``fstat`` on the open descriptor (so a file swapped for a pipe or a device
between listing and reading is caught), and at most the size limit + 1 bytes are read (so a file that grows, or
reports a false size, cannot fill the memory).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from variorum.core.load.errors import LoadError

READ_CHUNK = 1024 * 1024
ONLY_FILES = "Variorum reads only regular files"


class TooLarge(LoadError):
    """The file holds more than the size limit; ``size`` is its size in bytes when known."""

    def __init__(self, size: int | None, limit: int) -> None:
        stated = _amount(size) if size is not None else f"more than {_amount(limit)}"
        super().__init__(f"The file is too large to compare ({stated}; the limit is {_amount(limit)}).")
        self.size = size


class CaseFull(LoadError):
    """Reading the file would take the case past its total limit; ``size`` is the file's size in bytes when known."""

    def __init__(self, size: int | None, used: int, limit: int) -> None:
        stated = f"this file is {_size(size)}" if size is not None else "this file grew while it was read"
        super().__init__(f"Not read: the case already holds {_size(used)} of files and one case reads at most "
                         f"{_size(limit)} in all ({stated}). The other versions are compared; compare this file "
                         "with fewer or smaller versions.")
        self.size = size


def _size(size: int) -> str:
    mb = 1024 * 1024
    return f"{size / mb:.1f}".removesuffix(".0") + " MB" if size >= mb else f"{-(-size // 1024)} KB"


def _amount(size: int) -> str:
    mb = 1024 * 1024
    return f"{size / mb:.0f} MB" if size >= mb else f"{size} bytes"


def _not_a_file(mode: int, path: Path) -> str | None:
    """Why a file of this kind (from its ``st_mode``) is not read; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        try:
            with os.scandir(path):
                pass
        except OSError as exc:
            return f"Could not open the folder: {exc.strerror or exc}."
        return "This is a folder, not a file."
    if stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    else:
        kind = "a special file"
    return f"This is {kind}, not a file with a document in it; {ONLY_FILES}."


def _refuse_unless_regular(mode: int, path: Path) -> None:
    reason = _not_a_file(mode, path)
    if reason:
        raise LoadError(reason)


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, if it holds at most ``limit`` bytes.

    Raises :class:`TooLarge` when it holds more, and :class:`LoadError` (with the message for the user) for
    anything that is not a regular file or cannot be opened."""
    path = Path(path)
    try:
        _refuse_unless_regular(os.stat(path).st_mode, path)  # devices are never opened at all
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise LoadError(f"Could not open the file: {exc.strerror or exc}.") from exc
    except ValueError as exc:  # a path no file system accepts (an embedded NUL byte)
        raise LoadError("Could not open the file: the path is not valid.") from exc
    try:
        info = os.fstat(fd)
        _refuse_unless_regular(info.st_mode, path)  # what was opened, whatever the name points at by now
        if info.st_size > limit:
            raise TooLarge(info.st_size, limit)
        chunks: list[bytes] = []
        left = limit + 1
        size_hint = info.st_size + 1  # one read gets a regular file whole (and learns whether it grew)
        while left > 0:
            chunk = os.read(fd, min(max(size_hint, READ_CHUNK), left))
            size_hint = 0
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise LoadError(f"Could not read the file: {exc.strerror or exc}.") from exc
    finally:
        os.close(fd)
    if left <= 0:
        raise TooLarge(None, limit)
    return b"".join(chunks)
