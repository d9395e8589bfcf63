"""Paragraph alignment inside a changed region, from the words the diff matched between its paragraphs.

Equal and one-to-one changed paragraphs are paired directly by the diff; this module pairs the paragraphs of a
region where paragraphs were split, merged, added or removed. The UI uses the pairs to keep aligned passages
level while scrolling; reports use them to show passages side by side.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from variorum.core.model import ParagraphPair


def pairs_from_votes(b_idx: Sequence[int], o_idx: Sequence[int], b_ranges: Sequence[tuple[int, int]],
                     o_ranges: Sequence[tuple[int, int]],
                     votes: Mapping[int, Mapping[int, int]]) -> list[ParagraphPair]:
    """Pair each base paragraph with the other paragraph that shares most of its matched words.

    ``votes[b][o]`` counts the words matched between base paragraph ``b`` and other paragraph ``o``. Pairs keep
    reading order (they never cross); a base paragraph that continues the other version's previous paragraph
    (different paragraph breaks) is paired with it again; paragraphs without a counterpart pair with None.
    """
    pairs: list[ParagraphPair] = []
    pos = 0  # index into o_idx of the next unpaired other paragraph
    where = {o: k for k, o in reversed(list(enumerate(o_idx)))}  # o_idx.index(o), looked up once
    for b in b_idx:
        row = votes.get(b, {})
        ranked = sorted(row.items(), key=lambda kv: (-kv[1], kv[0]))
        target = None
        for o, _ in ranked:
            k = where[o]
            if k >= pos - 1:
                target = k
                break
        if target is None:
            pairs.append(ParagraphPair(b_ranges[b], None))
            continue
        if target == pos - 1:
            pairs.append(ParagraphPair(b_ranges[b], o_ranges[o_idx[target]]))
            continue
        for k in range(pos, target):
            pairs.append(ParagraphPair(None, o_ranges[o_idx[k]]))
        pairs.append(ParagraphPair(b_ranges[b], o_ranges[o_idx[target]]))
        pos = target + 1
    for k in range(pos, len(o_idx)):
        pairs.append(ParagraphPair(None, o_ranges[o_idx[k]]))
    return pairs
