"""diff-match-patch on encoded strings: each word, sentence or paragraph key becomes one character, and a diff of
two such strings gives ``(op, length)`` runs.

Pre-alignment keeps every call small, so diff-match-patch's time limit (fixed and generous) is never reached and
the result does not depend on the speed of the machine.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress, count
from operator import ne

from diff_match_patch import diff_match_patch

# A fixed, generous limit for one diff-match-patch call. Paragraph and sentence pre-alignment keep each call
# small, so the limit is a safety net that ordinary inputs never reach: results do not depend on machine speed.
DIFF_TIMEOUT_S = 10.0
EQUAL, DELETE, INSERT = 0, -1, 1


class Codec:
    """Maps strings (token keys, paragraph keys) to single characters, shared across a comparison."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, keys) -> str:
        keys = list(keys)
        found = list(map(self._codes.get, keys))
        if None in found:  # new keys get the next codes, in order of first appearance
            self.register(dict.fromkeys(keys))  # each key once
            found = list(map(self._codes.get, keys))
        return "".join(found)  # type: ignore[arg-type]  # every key has its code by now

    def register(self, keys: Iterable[str]) -> None:
        """Give the keys not seen before their codes, in order of first appearance, as :meth:`encode` would,
        without building the encoded string. Which code a key gets can change a later diff's clean-up (it looks
        at the kind of character at a boundary), so keys passed over without a diff are still registered."""
        codes = self._codes
        for k in keys:
            if k not in codes:
                n = len(codes) + 0x100
                if n >= 0xD800:  # skip the surrogate block
                    n += 0x800
                codes[k] = chr(n)


try:  # the same diff algorithm built in C++: an optional accelerator, results checked identical by the tests
    import fast_diff_match_patch as _fast_dmp
except ImportError:  # pragma: no cover - depends on the installation
    _fast_dmp = None
_FAST_OPS = {"=": EQUAL, "-": DELETE, "+": INSERT}
# Code points the accelerator is given: below the surrogate block, so strings mean the same on platforms whose
# C++ wide characters are 16 bits.
_FAST_MAX_CHAR = "\ud7ff"


def opcodes(a: str, b: str, *, semantic: bool) -> list[tuple[int, int]]:
    """(op, length) runs of a diff between two encoded strings."""
    found = _plain_opcodes(a, b)
    if found is not None:
        return found
    if _fast_dmp is not None and max(a, default="") <= _FAST_MAX_CHAR and max(b, default="") <= _FAST_MAX_CHAR:
        return _fast_opcodes(a, b, semantic=semantic)
    return _python_opcodes(a, b, semantic=semantic)


def _plain_opcodes(a: str, b: str) -> list[tuple[int, int]] | None:
    """The runs of the diffs whose result is plain without running diff-match-patch, as it gives them (its
    clean-ups included): equal strings, one of them empty, and one word (or sentence) replaced by one, the
    commonest edit, which is most diffs of a pre-aligned text. None for any other."""
    if a == b:
        return [(EQUAL, len(a))] if a else []
    if not a or not b:
        return [(DELETE, len(a))] if a else [(INSERT, len(b))]
    if len(a) != len(b) or sum(map(ne, a, b)) != 1:
        return None
    # one position differs: the same text before it and after it (each kept whole by diff-match-patch: no shorter
    # equality between edits to merge, no single edit to slide), and a one-character deletion and insertion
    # that have nothing in common to factor out or to overlap
    at = next(compress(count(), map(ne, a, b)))
    return [run for run in ((EQUAL, at), (DELETE, 1), (INSERT, 1), (EQUAL, len(a) - at - 1)) if run[1]]


def _python_opcodes(a: str, b: str, *, semantic: bool) -> list[tuple[int, int]]:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = DIFF_TIMEOUT_S
    diffs = dmp.diff_main(a, b, False)
    if semantic:
        dmp.diff_cleanupSemantic(diffs)
    return [(op, len(text)) for op, text in diffs]


def _fast_opcodes(a: str, b: str, *, semantic: bool) -> list[tuple[int, int]]:
    """diff_main in C++; the semantic clean-up stays the Python one, whose results the C++ one does not always
    match."""
    ops = _FAST_OPS
    if not semantic:
        return [(ops[op], n) for op, n in _fast_dmp.diff(a, b, timelimit=DIFF_TIMEOUT_S, checklines=False,
                                                          cleanup="No", counts_only=True)]
    diffs = [(ops[op], text) for op, text in _fast_dmp.diff(a, b, timelimit=DIFF_TIMEOUT_S, checklines=False,
                                                             cleanup="No", counts_only=False)]
    diff_match_patch().diff_cleanupSemantic(diffs)
    return [(op, len(text)) for op, text in diffs]
