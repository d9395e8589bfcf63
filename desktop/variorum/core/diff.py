"""Word-level differences between the base and one other version, cosmetic ones labelled.

Two levels, as in a printed variorum: paragraphs are aligned first (each paragraph's normalized text encoded as
one character and diffed with diff-match-patch), then the words of changed paragraphs are diffed (each distinct
normalized word encoded as one character). Paragraphs equal under normalization are only checked for cosmetic
differences, and only paragraphs that changed are split into words, so cost follows the amount of change.
Pre-alignment keeps every word diff small, so diff-match-patch's time limit (fixed and generous) is never
reached and the result does not depend on the speed of the machine.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import compress, groupby
from operator import ne

from variorum.core.align import pairs_from_votes
from variorum.core.diff_builder import DifferenceBuilder
from variorum.core.diff_engine import DELETE, EQUAL, INSERT, Codec, opcodes
from variorum.core.model import Alignment, Difference, ParagraphPair
from variorum.core.moves import detect_moves
from variorum.core.prepared import Prepared, Side, prepare, same_but_spacing, split_spacing
from variorum.core.quick_dataclass import dataclass
from variorum.core.tokens import Extent, word_extent

__all__ = ["Codec", "DiffResult", "Prepared", "alignment_of", "diff_versions", "prepare"]

# Changed paragraphs are diffed pair by pair only when each pair is of comparable length; otherwise the words
# flowed across paragraph breaks (a PDF page break splitting a paragraph) and the region is diffed as one, so
# that text merely re-paragraphed is not reported as deleted here and inserted there (a false "move").
PAIR_MIN_LENGTH_RATIO = 0.5
# Diffing n words against m costs diff-match-patch at least min(n, m) × |n - m| steps. Past this budget (about two
# seconds; some four hundred times the largest word diff of the real-case corpora, while a 10 MB text against a
# 9 KB one took 7 s, and a larger one would end at the time limit, where the result depends on the machine's
# speed) the two sides are reported as replaced, paragraph by paragraph, without matching their words.
WORD_DIFF_BUDGET = 200_000_000


@dataclass(frozen=True)
class DiffResult:
    differences: tuple[Difference, ...]
    alignment: tuple[ParagraphPair, ...]


def _equal_range(builder: DifferenceBuilder, b_range: tuple[int, int], o_range: tuple[int, int],
                 groups: tuple[int, int]) -> None:
    """Passages equal under normalization: report only their cosmetic differences."""
    b, o = builder.b, builder.o
    (bs, be), (os_, oe) = b_range, o_range
    tb, to = b.text[bs:be], o.text[os_:oe]
    if tb == to:
        return
    if same_but_spacing(tb, to):
        # only spacing differs (line wraps, non-breaking or repeated spaces): pair the runs of white space
        # (the runs are at odd places; the words between them are the same on both sides)
        (pb, ends_b), (po, ends_o) = b.spacing(bs, be), split_spacing(to)
        for i in compress(range(1, len(pb), 2), map(ne, pb[1::2], po[1::2])):
            builder.add_spacing(bs + ends_b[i - 1], bs + ends_b[i], os_ + ends_o[i - 1], os_ + ends_o[i])
        return
    _word_diff(builder, Side([(b.words_between(groups[0], bs, be), groups[0])]),
               Side([(o.words_between(groups[1], os_, oe), groups[1])]))


def _changed_pair(builder: DifferenceBuilder, bp: int, op: int, codec: Codec) -> None:
    """Two paragraphs that differ: align their sentences, then diff the words of the sentences that changed."""
    b, o = builder.b, builder.o
    (sb, kb), (so, ko) = b.sentences(bp), o.sentences(op)
    if len(sb) == 1 or len(so) == 1:
        _word_diff(builder, Side([(b.words(bp), bp)]), Side([(o.words(op), op)]), codec)
        return
    scodec = Codec()
    ib = io = 0
    dels: list[tuple[int, int]] = []
    ins: list[tuple[int, int]] = []

    def flush(next_b: int, next_o: int) -> None:
        if dels or ins:
            _word_diff(builder, Side((b.words_between(bp, *r), bp) for r in dels),
                       Side((o.words_between(op, *r), op) for r in ins), codec)
            builder.end_region(next_b, next_o)
            dels.clear()
            ins.clear()

    for kind, n in opcodes(scodec.encode(kb), scodec.encode(ko), semantic=False):
        if kind == EQUAL:
            flush(sb[ib][0], so[io][0])
            for k in range(n):
                _equal_range(builder, sb[ib + k], so[io + k], (bp, op))
            ib += n
            io += n
        elif kind == DELETE:
            dels.extend(sb[ib:ib + n])
            ib += n
        else:
            ins.extend(so[io:io + n])
            io += n
    flush(b.paras[bp][1], o.paras[op][1])


def _word_diff(builder: DifferenceBuilder | None, b_side: Side, o_side: Side, codec: Codec | None = None,
               votes: dict[int, dict[int, int]] | None = None) -> None:
    """Diff the words of two sides, run by run; ``votes`` (when given) counts the words matched between each
    pair of paragraphs. Without a builder only the votes are counted."""
    codec = codec or Codec()
    n, m = len(b_side), len(o_side)
    if min(n, m) * abs(n - m) > WORD_DIFF_BUDGET:
        ops = [(op, k) for op, k in ((DELETE, n), (INSERT, m)) if k]
    else:
        ops = opcodes(codec.encode(b_side.keys), codec.encode(o_side.keys), semantic=True)
    ib = io = 0
    for op, n in ops:
        if op == EQUAL:
            if builder is not None:
                builder.match(b_side, ib, o_side, io, n)
            if votes is not None:
                _vote(votes, b_side.paras[ib:ib + n], o_side.paras[io:io + n])
            ib += n
            io += n
        elif op == DELETE:
            if builder is not None:
                builder.delete(b_side, ib, n)
            ib += n
        else:
            if builder is not None:
                builder.insert(o_side, io, n)
            io += n


def _vote(votes: dict[int, dict[int, int]], b_paras: Sequence[int], o_paras: Sequence[int]) -> None:
    for pair, run in groupby(zip(b_paras, o_paras, strict=True)):
        row = votes.setdefault(pair[0], {})
        row[pair[1]] = row.get(pair[1], 0) + sum(1 for _ in run)


# A paragraph of a changed region that shares at most this share of its words with the other side's paragraphs is
# one the other side lacks (a whole paragraph added or removed), not part of a rewrite.
LONE_MAX_SHARED = 0.2


def _region(builder: DifferenceBuilder, del_paras: list[int], ins_paras: list[int], b_pos: int, o_pos: int,
            codec: Codec) -> list[ParagraphPair]:
    """Diff a changed region whose paragraphs do not pair one to one, and pair its paragraphs.

    A first pass matches the words of the whole region (so text merely re-paragraphed is not reported as
    deleted here and inserted there); paragraphs that share next to none of their words are then kept whole as
    deletions or insertions, and the rest is diffed again without them.
    """
    b, o = builder.b, builder.o
    found_b, found_o, votes = _first_pass(b, del_paras, o, ins_paras, codec)

    def lone(row: dict[int, int], words: int, theirs: dict[int, Extent]) -> bool:
        # few of its words are found on the other side, and they are few of the words of where they are found
        limit = LONE_MAX_SHARED
        return sum(row.values()) <= limit * words and all(n <= limit * theirs[q].words for q, n in row.items())

    by_o: dict[int, dict[int, int]] = {}
    for bp, row in votes.items():
        for op, n in row.items():
            by_o.setdefault(op, {})[bp] = n
    lone_b = {p for p in del_paras if lone(votes.get(p, {}), found_b[p].words, found_o)}
    lone_o = {p for p in ins_paras if lone(by_o.get(p, {}), found_o[p].words, found_b)}
    if lone_b or lone_o:
        votes = {}
    _word_diff(builder, Side((b.words(p), p) for p in del_paras if p not in lone_b),
               Side((o.words(p), p) for p in ins_paras if p not in lone_o), codec, votes)
    builder.end_region(b_pos, o_pos)
    pairs = pairs_from_votes(del_paras, ins_paras, b.paras, o.paras, votes)
    if lone_b or lone_o:
        # each lone paragraph on its own, its empty side where the other text stands at that point
        b_index = {b.paras[p]: p for p in del_paras}
        o_index = {o.paras[p]: p for p in ins_paras}
        b_at = b.paras[del_paras[0]][0] if del_paras else b_pos
        o_at = o.paras[ins_paras[0]][0] if ins_paras else o_pos
        for pair in pairs:
            if pair.base is not None and pair.other is None and b_index[pair.base] in lone_b:
                bp = b_index[pair.base]
                words, first, last = found_b[bp]
                if words:
                    builder.emit([bp, first, last], None, b_pos, o_at)
            elif pair.other is not None and pair.base is None and o_index[pair.other] in lone_o:
                op = o_index[pair.other]
                words, first, last = found_o[op]
                if words:
                    builder.emit(None, [op, first, last], b_at, o_pos)
            if pair.base is not None:
                b_at = pair.base[1]
            if pair.other is not None:
                o_at = pair.other[1]
    return pairs


# A side of a region longer than this (in characters) is read for the first pass without keeping its words: only
# its paragraphs' word counts and the encoded string of their keys are held (a page of megabytes one side lacks
# is all one region, and its words would take some twenty bytes each, twice over).
STREAM_CHARS = 1 << 16


def _first_pass(b: Prepared, del_paras: list[int], o: Prepared, ins_paras: list[int],
                codec: Codec) -> tuple[dict[int, Extent], dict[int, Extent], dict[int, dict[int, int]]]:
    """The :class:`Extent` of each paragraph of a region, base side then other side, and how many words each
    pair of paragraphs shares in a diff of the region's words (none past the word diff's budget: see
    :data:`WORD_DIFF_BUDGET`)."""
    chars_b = sum(b.paras[p][1] - b.paras[p][0] for p in del_paras)
    chars_o = sum(o.paras[p][1] - o.paras[p][0] for p in ins_paras)
    # a word takes at least a character: within the budget whatever the words, unless both sides are long
    sure = chars_b * chars_o <= WORD_DIFF_BUDGET
    found_b, codes_b = _scan(b, del_paras, codec if sure else None, chars_b > STREAM_CHARS)
    found_o, codes_o = _scan(o, ins_paras, codec if sure else None, chars_o > STREAM_CHARS)
    if not sure:
        n, m = sum(e.words for e in found_b.values()), sum(e.words for e in found_o.values())
        if min(n, m) * abs(n - m) > WORD_DIFF_BUDGET:
            return found_b, found_o, {}  # replaced whole, its keys never encoded
        found_b, codes_b = _scan(b, del_paras, codec, chars_b > STREAM_CHARS)
        found_o, codes_o = _scan(o, ins_paras, codec, chars_o > STREAM_CHARS)
    votes: dict[int, dict[int, int]] = {}
    if codes_b and codes_o:
        starts_b, paras_b = _word_starts(found_b)
        starts_o, paras_o = _word_starts(found_o)
        ib = io = 0
        for op, n in opcodes(codes_b, codes_o, semantic=True):
            if op == EQUAL:
                _vote_run(votes, ib, starts_b, paras_b, io, starts_o, paras_o, n)
            ib += n if op != INSERT else 0
            io += n if op != DELETE else 0
    return found_b, found_o, votes


def _scan(side: Prepared, paras: list[int], codec: Codec | None, stream: bool) -> tuple[dict[int, Extent], str]:
    """Each paragraph's :class:`Extent` and, with a codec, their words' keys encoded (in reading order); when
    ``stream``, without keeping the words."""
    found: dict[int, Extent] = {}
    parts: list[str] = []
    keys = None if codec is None else _encoder(codec, parts.append)
    for p in paras:
        if stream:
            found[p] = word_extent(side.text, *side.paras[p], keys)
        else:
            starts, ends, words = side.words(p)
            found[p] = Extent(len(words), starts[0], ends[-1]) if words else Extent(0, 0, 0)
            if keys is not None:
                keys(words)
    return found, "".join(parts)


def _encoder(codec: Codec, keep: Callable[[str], None]) -> Callable[[list[str]], None]:
    return lambda keys: keep(codec.encode(keys))


def _word_starts(found: dict[int, Extent]) -> tuple[list[int], list[int]]:
    """Where each paragraph that has words begins in the side's words, and the paragraphs."""
    starts, paras, at = [], [], 0
    for p, extent in found.items():
        if extent.words:
            starts.append(at)
            paras.append(p)
            at += extent.words
    starts.append(at)
    return starts, paras


def _vote_run(votes: dict[int, dict[int, int]], ib: int, starts_b: list[int], paras_b: list[int], io: int,
              starts_o: list[int], paras_o: list[int], n: int) -> None:
    """Count a run of ``n`` matched words (from word ``ib`` of the base side and ``io`` of the other) for each
    pair of paragraphs it spans, a stretch at a time."""
    kb, ko = bisect_right(starts_b, ib) - 1, bisect_right(starts_o, io) - 1
    while n:
        step = min(n, starts_b[kb + 1] - ib, starts_o[ko + 1] - io)
        row = votes.setdefault(paras_b[kb], {})
        row[paras_o[ko]] = row.get(paras_o[ko], 0) + step
        ib, io, n = ib + step, io + step, n - step
        kb += ib == starts_b[kb + 1]
        ko += io == starts_o[ko + 1]


def diff_versions(base: str | Prepared, other: str | Prepared, *, version_id: str, salt: str,
                  codec: Codec | None = None) -> DiffResult:
    """All differences between the base and another version (cosmetic ones included and flagged), and the
    paragraph alignment between them."""
    b = base if isinstance(base, Prepared) else prepare(base)
    o = other if isinstance(other, Prepared) else prepare(other)
    codec = codec or Codec()
    builder = DifferenceBuilder(b, o, version_id, salt)
    pcodec = Codec()
    ops = opcodes(pcodec.encode(b.keys), pcodec.encode(o.keys), semantic=False)
    pairs: list[ParagraphPair] = []
    del_paras: list[int] = []
    ins_paras: list[int] = []

    def flush_region(next_b: int, next_o: int) -> None:
        if not del_paras and not ins_paras:
            return
        b_pos = b.paras[next_b][0] if next_b < len(b.paras) else len(b.text)
        o_pos = o.paras[next_o][0] if next_o < len(o.paras) else len(o.text)
        if len(del_paras) == len(ins_paras) and all(
                min(len(b.keys[bp]), len(o.keys[op])) >= PAIR_MIN_LENGTH_RATIO * max(len(b.keys[bp]), len(o.keys[op]))
                for bp, op in zip(del_paras, ins_paras, strict=True)):
            for bp, op in zip(del_paras, ins_paras, strict=True):
                _changed_pair(builder, bp, op, codec)
                builder.end_region(b.paras[bp][1], o.paras[op][1])
                pairs.append(ParagraphPair(b.paras[bp], o.paras[op]))
        else:
            pairs.extend(_region(builder, del_paras, ins_paras, b_pos, o_pos, codec))
        del_paras.clear()
        ins_paras.clear()

    ib = io = 0
    for op, n in ops:
        if op == EQUAL:
            flush_region(ib, io)
            for k in range(n):
                _equal_range(builder, b.paras[ib + k], o.paras[io + k], (ib + k, io + k))
                pairs.append(ParagraphPair(b.paras[ib + k], o.paras[io + k]))
            ib += n
            io += n
        elif op == DELETE:
            del_paras.extend(range(ib, ib + n))
            ib += n
        else:
            ins_paras.extend(range(io, io + n))
            io += n
    flush_region(ib, io)
    builder.end_region(len(b.text), len(o.text))
    diffs = detect_moves(builder.diffs, builder.make_id)
    diffs.sort(key=lambda d: (d.base.start, d.other.start, d.base.end, d.id))
    return DiffResult(tuple(diffs), tuple(pairs))


def alignment_of(version_id: str, result: DiffResult) -> Alignment:
    return Alignment(version_id, result.alignment)
