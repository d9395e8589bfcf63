"""Text from notes made safe to print on a terminal: control characters become visible, never obeyed.

A note (typed by anyone, or imported from someone else's file) may hold ESC sequences that recolour, retitle or
clear the terminal (OSC 52 can even fill the clipboard), NUL bytes, or right-to-left overrides that make the text
read differently from what it is. Printed as they are they act on the reader's terminal; here they are shown:

- C0 and C1 control characters and DEL as ``\\x1b``-style escapes (``\\n`` and ``\\t`` are kept where a text
  may span lines; a single-line field escapes them too);
- bidirectional controls and line/paragraph separators as ``⟨U+202E⟩``;
- lone surrogates (not text at all; a terminal cannot even be sent them) as ``\\udc80``.

``json_for_terminal`` does the same for JSON output, with JSON's own ``\\uXXXX`` escapes, so the result is
still valid JSON that decodes to the original text.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Bidi embeddings/overrides/isolates and marks, plus the line and paragraph separators.
_MARKED = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_SURROGATES = "\ud800-\udfff"
_MULTILINE = re.compile(f"[{_CONTROLS}{_MARKED}{_SURROGATES}]")
_ONE_LINE = re.compile(f"[\t\n{_CONTROLS}{_MARKED}{_SURROGATES}]")
_FOR_JSON = re.compile(f"[\x7f-\x9f{_MARKED}{_SURROGATES}]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _visible(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if code < 0x100:
        return f"\\x{code:02x}"
    if 0xD800 <= code <= 0xDFFF:
        return f"\\u{code:04x}"
    return f"⟨U+{code:04X}⟩"


def printable(text: Any) -> str:
    """``text`` (any value, as ``str()``) with every character that would act on a terminal made visible,
    keeping line breaks (``\\r\\n`` counts as one) and tabs."""
    return _MULTILINE.sub(_visible, str(text).replace("\r\n", "\n"))


def printable_line(text: Any) -> str:
    """Like :func:`printable`, for a field that must stay on one line (names, paths, anchors, messages)."""
    return _ONE_LINE.sub(_visible, str(text))


def json_for_terminal(data: Any, **dumps: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, **dumps)`` with the characters JSON leaves raw (DEL, C1,
    bidi controls, separators, lone surrogates) written as ``\\uXXXX``: still JSON, and inert on a terminal."""
    text = json.dumps(data, ensure_ascii=False, **dumps)
    return _FOR_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
