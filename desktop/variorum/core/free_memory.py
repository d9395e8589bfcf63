"""Memory a comparison has let go of, handed back to the system at the end of a stage.

Python keeps its small objects in blocks it asks the system for on their own, apart from the C heap, where every
string longer than 512 bytes lives. When a stage frees many such strings (the checks' normal forms of a page's
paragraphs, a page's words), the C library keeps their pages for its own later use, and the next stage's small
objects cannot use them: they take new blocks, and the process grows by what was freed. On a page of 20,000
paragraphs compared with two short texts, the variation places so came on top of some 10 MB the checks had
already freed. glibc's ``malloc_trim`` gives such pages back. Where there is no glibc this does nothing.

Only a large comparison asks (it takes a few milliseconds on a heap of a hundred megabytes; a typical article's
stages free too little to matter).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache

# below this many characters of text in a comparison, nothing is handed back
LARGE_CASE_CHARS = 2_000_000


@cache
def _trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only a large comparison needs it

    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library the interpreter runs on
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def hand_back(chars: int) -> None:
    """Give the C heap's free pages back to the system, after a stage of a comparison of ``chars`` characters
    of text (nothing below :data:`LARGE_CASE_CHARS`)."""
    if chars < LARGE_CASE_CHARS:
        return
    trim = _trim()
    if trim is not None:
        trim(0)
