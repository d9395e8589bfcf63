"""Where a report may be written: never over one of the files being compared (the evidence), never in place of
something that is not a regular file, and over an existing file only when the user said so."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)  # through links: a link to an input is that input
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def input_clash(output: Path, inputs: Iterable[str | Path]) -> str | None:
    """The input file that ``output`` is (the same file, also through a link or a hard link), if any; folders
    among ``inputs`` stand for the files in them."""
    from variorum.core.load import expand_paths

    target = _identity(output)
    if target is None:
        return None
    paths = [Path(p) for p in inputs]
    for candidate in [*paths, *expand_paths(p for p in paths if p.is_dir())]:
        if _identity(candidate) == target:
            return str(candidate)
    return None


def output_problem(output: Path, inputs: Iterable[str | Path], *, overwrite: bool) -> str | None:
    """Why the report must not be written to ``output``, or None when it may.

    Refused: one of the ``inputs``; anything that exists and is not a regular file (a link, a named pipe, a
    device, a folder); an existing file unless ``overwrite``."""
    output = Path(output)
    clash = input_clash(output, inputs)
    if clash is not None:
        same = "" if os.path.abspath(clash) == os.path.abspath(output) else f" ({clash})"
        return (f"the output {output} is one of the files being compared{same}; it is evidence and is never "
                "overwritten: choose another output file")
    try:
        mode = os.lstat(output).st_mode
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        return f"cannot use {output} as the output: {getattr(exc, 'strerror', None) or exc}"
    if not stat.S_ISREG(mode):
        return (f"the output {output} exists and is {_kind(mode)}, not a regular file; it is not replaced: choose "
                "another output file")
    if not overwrite:
        return f"the output {output} already exists; give --force to replace it"
    return None
