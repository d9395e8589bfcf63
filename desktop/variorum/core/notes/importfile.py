"""Reading a Web Annotation file for import: a regular file, within the size limit, strict UTF-8, plain JSON.

Refused with :class:`ImportRejected` and a one-sentence reason: a device, FIFO or folder; a file over
``MAX_IMPORT_BYTES``; bytes that are not UTF-8; JSON that does not parse or that uses ``NaN``/``Infinity``
(not JSON at all); nesting deeper than ``MAX_IMPORT_DEPTH`` (no annotation is built that way, and the parser
would otherwise run out of stack).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from variorum.core.notes.errors import ImportRejected
from variorum.core.notes.limits import MAX_IMPORT_BYTES, MAX_IMPORT_DEPTH


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def read_bytes(path: Path, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """At most ``limit`` bytes of a regular file; never blocks on a FIFO or reads a device without end."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise ImportRejected(f"the file cannot be read: {exc.strerror or exc}") from exc
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except OSError:
        regular = False
    if not regular:
        os.close(fd)
        raise ImportRejected("it is not a regular file (a folder, device, FIFO or socket)")
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ImportRejected(f"the file is larger than {limit // (1024 * 1024)} MB, the most one import takes; "
                             f"split it into smaller files")
    return data


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, depth)
            if depth <= MAX_IMPORT_DEPTH:
                stack.extend((child, depth + 1) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def parse(raw: bytes, name: str = "the file") -> Any:
    """The JSON value of ``raw`` (UTF-8, a byte-order mark allowed), or ImportRejected saying why not."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(f"{name} is not UTF-8 text (byte {exc.start} cannot be read)") from exc
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ImportRejected(f"{name} is not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from exc
    except ValueError as exc:
        raise ImportRejected(f"{name} is not JSON: {exc}") from exc
    except RecursionError as exc:
        raise ImportRejected(_too_deep(name)) from exc
    if _depth(data) > MAX_IMPORT_DEPTH:
        raise ImportRejected(_too_deep(name))
    return data


def _too_deep(name: str) -> str:
    return (f"{name} nests lists or objects more than {MAX_IMPORT_DEPTH} levels deep; Web Annotations never "
            f"need that, so it was not read")


def read_annotation_file(path: str | Path) -> Any:
    """The JSON value in the import file at ``path`` (FileNotFoundError if there is none). Messages speak of
    "the file": the caller names it."""
    return parse(read_bytes(Path(path)))
