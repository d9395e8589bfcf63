"""Paragraph alignment between the base and another version, derived from the matched words of the diff.

The UI uses it to keep aligned passages level while scrolling; reports use it to show passages side by side.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence

from variorum.core.model import Alignment, ParagraphPair
from variorum.core.tokens import paragraphs


def _index_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def align_paragraphs(version_id: str, base_text: str, other_text: str,
                     matches: Sequence[tuple[int, int]]) -> Alignment:
    """Pair each base paragraph with the other paragraph that shares most of its matched words.

    Pairs keep reading order (no crossing); paragraphs without a counterpart are paired with None.
    """
    pb, po = paragraphs(base_text), paragraphs(other_text)
    sb, so = [s for s, _ in pb], [s for s, _ in po]
    votes: dict[int, Counter[int]] = {}
    for b_off, o_off in matches:
        bi, oi = _index_of(sb, b_off), _index_of(so, o_off)
        if bi >= 0 and oi >= 0:
            votes.setdefault(bi, Counter())[oi] += 1
    pairs: list[ParagraphPair] = []
    next_o = 0
    for bi, brange in enumerate(pb):
        counter = votes.get(bi)
        target = None
        if counter:
            for oi, _ in counter.most_common():
                if oi >= next_o - 1:
                    target = oi
                    break
        if target is not None and target == next_o - 1:
            # a second base paragraph continuing the other version's previous paragraph (different wrapping)
            pairs.append(ParagraphPair(brange, po[target]))
            continue
        if target is None:
            pairs.append(ParagraphPair(brange, None))
            continue
        for oi in range(next_o, target):
            pairs.append(ParagraphPair(None, po[oi]))
        pairs.append(ParagraphPair(brange, po[target]))
        next_o = target + 1
    for oi in range(next_o, len(po)):
        pairs.append(ParagraphPair(None, po[oi]))
    return Alignment(version_id, tuple(pairs))
