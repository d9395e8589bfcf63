"""Moves: a deleted passage and an inserted passage elsewhere that say the same become one ``move``."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from variorum.core.model import Difference, Span
from variorum.core.normalize import normalize_text, pieces

MIN_MOVE_WORDS = 4
MOVE_MIN_SIMILARITY = 90
LONG_PASSAGE = 1 << 16  # characters: a deletion this long is first measured a piece at a time


def detect_moves(diffs: list[Difference], make_id: Callable[[str, Span, Span], str]) -> list[Difference]:
    """Pair a deleted passage with an inserted passage elsewhere that says the same: one ``move``."""
    deletes = [d for d in diffs if d.kind == "delete" and not d.cosmetic]
    inserts = [d for d in diffs if d.kind == "insert" and not d.cosmetic]
    if not deletes or not inserts:
        return diffs
    from rapidfuzz import fuzz  # loaded only when there are passages that may have moved

    used: set[str] = set()
    moves: list[Difference] = []
    normalized_inserts = [(ins, normalize_text(ins.other.text)) for ins in inserts]
    # the inserts by length: only those of a length within a fifth of a deletion's can be its move
    by_length = sorted(range(len(normalized_inserts)), key=lambda k: len(normalized_inserts[k][1]))
    lengths = [len(normalized_inserts[k][1]) for k in by_length]
    for d in deletes:
        if len(d.base.text) > LONG_PASSAGE and int(0.8 * _normal_length_at_least(d.base.text)) - 1 > lengths[-1]:
            continue  # too long for any insertion to be its move: not put in normal form (it can be megabytes)
        nd = normalize_text(d.base.text)
        if (nd.count(" ") + 1 if nd else 0) < MIN_MOVE_WORDS:  # words: normalized text is single-spaced
            continue
        best, best_score = None, 0.0
        window = by_length[bisect_left(lengths, int(0.8 * len(nd)) - 1):bisect_right(lengths, int(1.25 * len(nd)) + 2)]
        for ins, ni in (normalized_inserts[k] for k in sorted(window)):
            if ins.id in used or abs(len(ni) - len(nd)) > 0.2 * max(len(ni), len(nd)):
                continue
            score = 100.0 if ni == nd else fuzz.ratio(nd, ni)
            if score > best_score:
                best, best_score = ins, score
        if best is not None and best_score >= MOVE_MIN_SIMILARITY:
            used.update({d.id, best.id})
            moves.append(Difference(make_id("move", d.base, best.other), d.version, "move", False,
                                    "order" if best_score == 100 else "wording", d.base, best.other))
    if not moves:
        return diffs
    return [d for d in diffs if d.id not in used] + moves


def _normal_length_at_least(text: str) -> int:
    """At most ``len(normalize_text(text))``, without its normal form: the normal forms of the text's pieces (see
    :func:`~variorum.core.normalize.pieces`) joined by single spaces are the whole's, except where a hyphen at a
    line end was cut from the word after it (the whole's drops that space): their lengths without the spaces."""
    return sum(len(normalize_text(piece)) for piece in pieces(text))
