"""Quote a span with a few words of its surroundings, so a reader sees a change where it sits in the text."""

from __future__ import annotations

import functools
import re

CONTEXT_WORDS = 8
_WINDOW = 120  # characters looked at on each side: enough for eight words, bounded for a one-line 5 MB file
_WORD = re.compile(r"\S+")


@functools.cache
def _words_pattern(words: int) -> re.Pattern[str]:
    """Up to ``words`` words from the start of a string, with the white space before each: one match, whose end
    is the end of the last of them."""
    return re.compile(rf"(?:\s*\S+){{1,{words}}}")


def context_before(text: str, start: int, *, words: int = CONTEXT_WORDS) -> str:
    """Up to ``words`` whole words just before ``start``; an exact slice ``text[x:start]`` that stops at a
    blank line (the start of the paragraph)."""
    window_start = max(0, start - _WINDOW)
    window = text[window_start:start]
    blank = window.rfind("\n\n")
    if blank >= 0:
        window, window_start = window[blank + 2:], window_start + blank + 2
    if window[:1].strip() and window_start > 0 and not text[window_start - 1].isspace():
        first = _WORD.match(window)  # a word cut in half by the window edge
        window = window[first.end() if first else 0:]
    # the last ``words`` words: the first ``words`` of the window read backwards (no object per word)
    last = _words_pattern(words).match(window[::-1])
    return window[len(window) - last.end():] if last else ""


def context_after(text: str, end: int, *, words: int = CONTEXT_WORDS) -> str:
    """Up to ``words`` whole words just after ``end``; an exact slice ``text[end:y]`` that stops at a blank
    line (the end of the paragraph)."""
    window = text[end:end + _WINDOW]
    blank = window.find("\n\n")
    if blank >= 0:
        window = window[:blank]
    window_end = end + len(window)
    if window[-1:].strip() and window_end < len(text) and not text[window_end].isspace():
        window = window[:len(window) - len(window.rsplit(None, 1)[-1])]  # a word cut in half by the window edge
    first = _words_pattern(words).match(window)
    return window[:first.end()] if first else ""


def with_context(text: str, start: int, end: int) -> dict[str, str]:
    """``{"before", "after"}``: exact slices of ``text`` just before ``start`` and just after ``end``."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return {"before": context_before(text, start), "after": context_after(text, end)}
