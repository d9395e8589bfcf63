"""Word-level differences between the base and one other version, cosmetic ones labelled.

Two levels, as in a printed variorum: paragraphs are aligned first (each paragraph's normalized text encoded as
one character and diffed with diff-match-patch), then the words of changed paragraphs are diffed (each distinct
normalized word encoded as one character). Paragraphs equal under normalization are only checked for cosmetic
differences, and only paragraphs that changed are split into words, so cost follows the amount of change.
Pre-alignment keeps every word diff small, so diff-match-patch's time limit (fixed and generous) is never
reached and the result does not depend on the speed of the machine.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from diff_match_patch import diff_match_patch

from variorum.core.align import pairs_from_votes
from variorum.core.model import Alignment, Difference, DiffKind, ParagraphPair, Span
from variorum.core.normalize import cosmetic_category, difference_category, normalize_text, paragraph_key
from variorum.core.tokens import SENTENCE_BREAK, Token, content_tokens, paragraphs

COSMETIC_CATEGORIES = frozenset({"typography", "whitespace", "hyphenation", "markup", "case",
                                 "ocr"})  # ocr: uncertain readings only, see variorum.core.ocr_noise
MIN_MOVE_WORDS = 4
# A fixed, generous limit for one diff-match-patch call. Paragraph and sentence pre-alignment keep each call
# small, so the limit is a safety net that ordinary inputs never reach: results do not depend on machine speed.
DIFF_TIMEOUT_S = 10.0
MOVE_MIN_SIMILARITY = 90
# Changed paragraphs are diffed pair by pair only when each pair is of comparable length; otherwise the words
# flowed across paragraph breaks (a PDF page break splitting a paragraph) and the region is diffed as one, so
# that text merely re-paragraphed is not reported as deleted here and inserted there (a false "move").
PAIR_MIN_LENGTH_RATIO = 0.5
_EQUAL, _DELETE, _INSERT = 0, -1, 1
_SPACES = re.compile(r"\s+")
_SPACES_KEPT = re.compile(r"(\s+)")


class Codec:
    """Maps strings (token keys, paragraph keys) to single characters, shared across a comparison."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, keys) -> str:
        codes = self._codes
        keys = list(keys)
        found = list(map(codes.get, keys))
        if None in found:  # new keys get the next codes, in order of first appearance
            for i, k in enumerate(keys):
                if found[i] is None:
                    c = codes.get(k)
                    if c is None:
                        n = len(codes) + 0x100
                        if n >= 0xD800:  # skip the surrogate block
                            n += 0x800
                        c = codes[k] = chr(n)
                    found[i] = c
        return "".join(c for c in found if c is not None)  # every key has its code by now


try:  # the same diff algorithm built in C++: an optional accelerator, results checked identical by the tests
    import fast_diff_match_patch as _fast_dmp
except ImportError:  # pragma: no cover - depends on the installation
    _fast_dmp = None
_FAST_OPS = {"=": _EQUAL, "-": _DELETE, "+": _INSERT}
# Code points the accelerator is given: below the surrogate block, so strings mean the same on platforms whose
# C++ wide characters are 16 bits.
_FAST_MAX_CHAR = "\ud7ff"


def _opcodes(a: str, b: str, *, semantic: bool) -> list[tuple[int, int]]:
    """(op, length) runs of a diff between two encoded strings."""
    if _fast_dmp is not None and max(a, default="") <= _FAST_MAX_CHAR and max(b, default="") <= _FAST_MAX_CHAR:
        return _fast_opcodes(a, b, semantic=semantic)
    return _python_opcodes(a, b, semantic=semantic)


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


@dataclass
class Prepared:
    """A text split into paragraphs with their comparison keys; words are split out only on demand."""

    text: str
    paras: list[tuple[int, int]]
    keys: list[str]
    _tokens: dict[int, tuple[Token, ...]] = field(default_factory=dict, repr=False)

    _sentences: dict[int, tuple[list[tuple[int, int]], list[str]]] = field(default_factory=dict, repr=False)
    # the base is diffed against every other version: what its ranges give is kept, not worked out again
    _ranges: dict[tuple[int, int], tuple[Token, ...]] = field(default_factory=dict, repr=False)
    _spacing: dict[tuple[int, int], tuple[list[str], list[int]]] = field(default_factory=dict, repr=False)

    def tokens(self, pi: int) -> tuple[Token, ...]:
        toks = self._tokens.get(pi)
        if toks is None:
            toks = self._tokens[pi] = tuple(content_tokens(self.text, *self.paras[pi]))
        return toks

    def tokens_between(self, pi: int, start: int, end: int) -> Sequence[Token]:
        if pi in self._tokens:
            return [t for t in self.tokens(pi) if start <= t.start < end]
        found = self._ranges.get((start, end))
        if found is None:
            found = self._ranges[(start, end)] = tuple(content_tokens(self.text, start, end))
        return found

    def spacing(self, start: int, end: int) -> tuple[list[str], list[int]]:
        """``text[start:end]`` split around its runs of white space (kept, at odd places), and where each piece
        ends (relative to ``start``)."""
        found = self._spacing.get((start, end))
        if found is None:
            found = self._spacing[(start, end)] = _spacing(self.text[start:end])
        return found

    def sentences(self, pi: int) -> tuple[list[tuple[int, int]], list[str]]:
        """Sentence ranges of paragraph ``pi`` and their comparison keys."""
        found = self._sentences.get(pi)
        if found is None:
            s, e = self.paras[pi]
            ranges: list[tuple[int, int]] = []
            pos = s
            for m in SENTENCE_BREAK.finditer(self.text, s, e):
                ranges.append((pos, m.start()))
                pos = m.end()
            ranges.append((pos, e))
            found = self._sentences[pi] = (ranges, [paragraph_key(self.text[a:b]) for a, b in ranges])
        return found


def prepare(text: str) -> Prepared:
    paras = paragraphs(text)
    return Prepared(text, paras, [paragraph_key(text[s:e]) for s, e in paras])


@dataclass(frozen=True)
class DiffResult:
    differences: tuple[Difference, ...]
    alignment: tuple[ParagraphPair, ...]


class _Builder:
    """Collects differences while the diff is walked in reading order."""

    def __init__(self, base: Prepared, other: Prepared, version_id: str, salt: str) -> None:
        self.b, self.o = base, other
        self.version_id, self.salt = version_id, salt
        self.diffs: list[Difference] = []
        self.pending_del: list[tuple[Token, int]] = []
        self.pending_ins: list[tuple[Token, int]] = []
        # the last matched pair and its paragraphs, if nothing came between since
        self.prev: tuple[Token, Token, tuple[int, int]] | None = None

    def make_id(self, kind: str, bs: Span, os_: Span) -> str:
        h = hashlib.sha1(f"{self.salt}|{kind}|{bs.start}:{bs.end}|{os_.start}:{os_.end}".encode()).hexdigest()
        return "d" + h[:11]

    def add(self, kind: DiffKind, cosmetic: bool, category: str, bs: Span, os_: Span) -> None:
        self.diffs.append(Difference(self.make_id(kind, bs, os_), self.version_id, kind, cosmetic, category,
                                     bs, os_))

    def add_cosmetic(self, bs: int, be: int, os_: int, oe: int, fallback: str) -> None:
        tb, to = self.b.text[bs:be], self.o.text[os_:oe]
        if (not tb or tb.isspace()) and (not to or to.isspace()):
            category = "whitespace"
        else:
            category = cosmetic_category(tb, to) or fallback
        self.add("replace", True, category, Span(bs, be, tb), Span(os_, oe, to))

    # --- events, in reading order ------------------------------------------------------------------------
    def match(self, tb: Token, to: Token, paras: tuple[int, int]) -> None:
        if self.pending_del or self.pending_ins:
            self.flush(tb.start, to.start)
        prev = self.prev
        # the gap before this word, when the previous word also matched and at least one side stays in the
        # same paragraph (a break between paragraphs on both sides is not a difference)
        if prev is not None and (prev[2][0] == paras[0] or prev[2][1] == paras[1]):
            pb, po = prev[0], prev[1]
            if self.b.text[pb.end:tb.start] != self.o.text[po.end:to.start]:
                self.add_cosmetic(pb.end, tb.start, po.end, to.start, "markup")
        if tb.raw != to.raw:
            self.add_cosmetic(tb.start, tb.end, to.start, to.end, "typography")
        self.prev = (tb, to, paras)

    def delete(self, tok: Token, para: int) -> None:
        self.pending_del.append((tok, para))
        self.prev = None

    def insert(self, tok: Token, para: int) -> None:
        self.pending_ins.append((tok, para))
        self.prev = None

    def end_region(self, b_pos: int, o_pos: int) -> None:
        self.flush(b_pos, o_pos)
        self.prev = None

    def flush(self, b_pos: int, o_pos: int) -> None:
        """Emit what is pending; ``b_pos``/``o_pos`` are where an empty side sits.

        A difference never crosses a paragraph break: pending words are cut into one group per paragraph. The
        first groups of both sides continue the text before them and form one replacement, so do the last
        groups, when they are parts of paragraphs; every other group is a whole paragraph one side lacks, kept
        as its own deletion or insertion so it can be reported (and noted) as a missing passage.
        """
        if not self.pending_del and not self.pending_ins:
            return
        dels, ins = _by_paragraph(self.pending_del), _by_paragraph(self.pending_ins)
        self.pending_del, self.pending_ins = [], []
        if len(dels) == 1 and len(ins) == 1:
            self._emit(dels[0], ins[0], b_pos, o_pos)
            return
        first = last = None
        if dels and ins and not (self._whole(self.b, dels[0]) and self._whole(self.o, ins[0])):
            first = (dels.pop(0), ins.pop(0))
        if dels and ins and not (self._whole(self.b, dels[-1]) and self._whole(self.o, ins[-1])):
            last = (dels.pop(), ins.pop())
        # where an empty side sits: after the first pair, else before what follows
        b_mid = first[0][-1][0].end if first else (dels[0][0][0].start if dels else
                                                  (last[0][0][0].start if last else b_pos))
        o_mid = first[1][-1][0].end if first else (ins[0][0][0].start if ins else
                                                  (last[1][0][0].start if last else o_pos))
        if first:
            self._emit(first[0], first[1], b_pos, o_pos)
        for group in dels:
            self._emit(group, [], b_pos, o_mid)
        for group in ins:
            self._emit([], group, b_mid, o_pos)
        if last:
            self._emit(last[0], last[1], b_pos, o_pos)

    @staticmethod
    def _whole(side: Prepared, group: list[tuple[Token, int]]) -> bool:
        """Whether a group of words is its whole paragraph."""
        toks = side.tokens(group[0][1])
        return bool(toks) and group[0][0].start <= toks[0].start and group[-1][0].end >= toks[-1].end

    def _emit(self, dels: list[tuple[Token, int]], ins: list[tuple[Token, int]], b_pos: int, o_pos: int) -> None:
        bs = _span(self.b.text, dels) if dels else Span(b_pos, b_pos, "")
        os_ = _span(self.o.text, ins) if ins else Span(o_pos, o_pos, "")
        kind: DiffKind = "replace" if dels and ins else ("delete" if dels else "insert")
        category = cosmetic_category(bs.text, os_.text) or difference_category(
            bs.text, os_.text, before=self.b.text[max(0, bs.start - 12):bs.start])
        self.add(kind, category in COSMETIC_CATEGORIES, category, bs, os_)


def _by_paragraph(items: list[tuple[Token, int]]) -> list[list[tuple[Token, int]]]:
    """Consecutive words cut into one group per paragraph."""
    groups: list[list[tuple[Token, int]]] = []
    for item in items:
        if groups and groups[-1][-1][1] == item[1]:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _span(text: str, items: list[tuple[Token, int]]) -> Span:
    s, e = items[0][0].start, items[-1][0].end
    return Span(s, e, text[s:e])


def _spacing(text: str) -> tuple[list[str], list[int]]:
    pieces = _SPACES_KEPT.split(text)
    return pieces, list(accumulate(map(len, pieces)))


def _same_but_spacing(a: str, b: str) -> bool:
    """Whether the two differ only in white space: ``_SPACES.sub(" ", a) == _SPACES.sub(" ", b)``, without building
    either (str.split and the pattern agree on what white space is)."""
    return a.split() == b.split() and a[:1].isspace() == b[:1].isspace() and a[-1:].isspace() == b[-1:].isspace()


def _equal_range(builder: _Builder, b_range: tuple[int, int], o_range: tuple[int, int],
                 groups: tuple[int, int]) -> None:
    """Passages equal under normalization: report only their cosmetic differences."""
    b, o = builder.b, builder.o
    (bs, be), (os_, oe) = b_range, o_range
    tb, to = b.text[bs:be], o.text[os_:oe]
    if tb == to:
        return
    if _same_but_spacing(tb, to):
        # only spacing differs (line wraps, non-breaking or repeated spaces): pair the runs of white space
        # (the runs are at odd places; the words between them are the same on both sides)
        (pb, ends_b), (po, ends_o) = b.spacing(bs, be), _spacing(to)
        changed = [i for i in range(1, len(pb), 2) if pb[i] != po[i]]
        if changed:
            for i in changed:
                builder.add_cosmetic(bs + ends_b[i - 1], bs + ends_b[i], os_ + ends_o[i - 1], os_ + ends_o[i],
                                     "whitespace")
        return
    _word_diff(builder, [(t, groups[0]) for t in b.tokens_between(groups[0], bs, be)],
               [(t, groups[1]) for t in o.tokens_between(groups[1], os_, oe)])


def _changed_pair(builder: _Builder, bp: int, op: int, codec: Codec) -> None:
    """Two paragraphs that differ: align their sentences, then diff the words of the sentences that changed."""
    b, o = builder.b, builder.o
    (sb, kb), (so, ko) = b.sentences(bp), o.sentences(op)
    if len(sb) == 1 or len(so) == 1:
        _word_diff(builder, [(t, bp) for t in b.tokens(bp)], [(t, op) for t in o.tokens(op)], codec)
        return
    scodec = Codec()
    ib = io = 0
    dels: list[tuple[int, int]] = []
    ins: list[tuple[int, int]] = []

    def flush(next_b: int, next_o: int) -> None:
        if dels or ins:
            _word_diff(builder, [(t, bp) for r in dels for t in b.tokens_between(bp, *r)],
                       [(t, op) for r in ins for t in o.tokens_between(op, *r)], codec)
            builder.end_region(next_b, next_o)
            dels.clear()
            ins.clear()

    for kind, n in _opcodes(scodec.encode(kb), scodec.encode(ko), semantic=False):
        if kind == _EQUAL:
            flush(sb[ib][0], so[io][0])
            for k in range(n):
                _equal_range(builder, sb[ib + k], so[io + k], (bp, op))
                builder.prev = None
            ib += n
            io += n
        elif kind == _DELETE:
            dels.extend(sb[ib:ib + n])
            ib += n
        else:
            ins.extend(so[io:io + n])
            io += n
    flush(b.paras[bp][1], o.paras[op][1])


def _word_diff(builder: _Builder, b_tok: list[tuple[Token, int]], o_tok: list[tuple[Token, int]],
               codec: Codec | None = None, votes: dict[int, dict[int, int]] | None = None) -> None:
    """Diff two runs of words; each word comes with the paragraph it belongs to."""
    codec = codec or Codec()
    builder.prev = None
    a = codec.encode([t.key for t, _ in b_tok])
    c = codec.encode([t.key for t, _ in o_tok])
    ib = io = 0
    for op, n in _opcodes(a, c, semantic=True):
        if op == _EQUAL:
            for k in range(n):
                (tb, pb), (to, po) = b_tok[ib + k], o_tok[io + k]
                builder.match(tb, to, (pb, po))
                if votes is not None:
                    row = votes.setdefault(pb, {})
                    row[po] = row.get(po, 0) + 1
            ib += n
            io += n
        elif op == _DELETE:
            for k in range(n):
                builder.delete(*b_tok[ib + k])
            ib += n
        else:
            for k in range(n):
                builder.insert(*o_tok[io + k])
            io += n


# A paragraph of a changed region that shares at most this share of its words with the other side's paragraphs is
# one the other side lacks (a whole paragraph added or removed), not part of a rewrite.
LONE_MAX_SHARED = 0.2


def _region(builder: _Builder, del_paras: list[int], ins_paras: list[int], b_pos: int, o_pos: int,
            codec: Codec) -> list[ParagraphPair]:
    """Diff a changed region whose paragraphs do not pair one to one, and pair its paragraphs.

    A first pass matches the words of the whole region (so text merely re-paragraphed is not reported as
    deleted here and inserted there); paragraphs that share next to none of their words are then kept whole as
    deletions or insertions, and the rest is diffed again without them.
    """
    b, o = builder.b, builder.o
    votes: dict[int, dict[int, int]] = {}
    _word_diff(_Builder(b, o, builder.version_id, builder.salt), [(t, p) for p in del_paras for t in b.tokens(p)],
               [(t, p) for p in ins_paras for t in o.tokens(p)], codec, votes)
    by_o: dict[int, dict[int, int]] = {}
    for bp, row in votes.items():
        for op, n in row.items():
            by_o.setdefault(op, {})[bp] = n

    def lone(p: int, mine: Prepared, row: dict[int, int], theirs: Prepared) -> bool:
        # few of its words are found on the other side, and they are few of the words of where they are found
        limit = LONE_MAX_SHARED
        return sum(row.values()) <= limit * len(mine.tokens(p)) and all(
            n <= limit * len(theirs.tokens(q)) for q, n in row.items())

    lone_b = {p for p in del_paras if lone(p, b, votes.get(p, {}), o)}
    lone_o = {p for p in ins_paras if lone(p, o, by_o.get(p, {}), b)}
    if lone_b or lone_o:
        votes = {}
        _word_diff(builder, [(t, p) for p in del_paras if p not in lone_b for t in b.tokens(p)],
                   [(t, p) for p in ins_paras if p not in lone_o for t in o.tokens(p)], codec, votes)
    else:
        _word_diff(builder, [(t, p) for p in del_paras for t in b.tokens(p)],
                   [(t, p) for p in ins_paras for t in o.tokens(p)], codec, votes)
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
                builder.pending_del = [(t, bp) for t in b.tokens(bp)]
                builder.flush(b_pos, o_at)
            elif pair.other is not None and pair.base is None and o_index[pair.other] in lone_o:
                op = o_index[pair.other]
                builder.pending_ins = [(t, op) for t in o.tokens(op)]
                builder.flush(b_at, o_pos)
            if pair.base is not None:
                b_at = pair.base[1]
            if pair.other is not None:
                o_at = pair.other[1]
    return pairs


def _detect_moves(diffs: list[Difference], make_id) -> list[Difference]:
    """Pair a deleted passage with an inserted passage elsewhere that says the same: one ``move``."""
    deletes = [d for d in diffs if d.kind == "delete" and not d.cosmetic]
    inserts = [d for d in diffs if d.kind == "insert" and not d.cosmetic]
    if not deletes or not inserts:
        return diffs
    from rapidfuzz import fuzz  # loaded only when there are passages that may have moved

    used: set[str] = set()
    moves: list[Difference] = []
    normalized_inserts = [(ins, normalize_text(ins.other.text)) for ins in inserts]
    for d in deletes:
        nd = normalize_text(d.base.text)
        if len(nd.split()) < MIN_MOVE_WORDS:
            continue
        best, best_score = None, 0.0
        for ins, ni in normalized_inserts:
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


def diff_versions(base: str | Prepared, other: str | Prepared, *, version_id: str, salt: str,
                  codec: Codec | None = None) -> DiffResult:
    """All differences between the base and another version (cosmetic ones included and flagged), and the
    paragraph alignment between them."""
    b = base if isinstance(base, Prepared) else prepare(base)
    o = other if isinstance(other, Prepared) else prepare(other)
    codec = codec or Codec()
    builder = _Builder(b, o, version_id, salt)
    pcodec = Codec()
    ops = _opcodes(pcodec.encode(b.keys), pcodec.encode(o.keys), semantic=False)
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
        if op == _EQUAL:
            flush_region(ib, io)
            for k in range(n):
                _equal_range(builder, b.paras[ib + k], o.paras[io + k], (ib + k, io + k))
                pairs.append(ParagraphPair(b.paras[ib + k], o.paras[io + k]))
            ib += n
            io += n
        elif op == _DELETE:
            del_paras.extend(range(ib, ib + n))
            ib += n
        else:
            ins_paras.extend(range(io, io + n))
            io += n
    flush_region(ib, io)
    builder.end_region(len(b.text), len(o.text))
    diffs = _detect_moves(builder.diffs, builder.make_id)
    diffs.sort(key=lambda d: (d.base.start, d.other.start, d.base.end, d.id))
    return DiffResult(tuple(diffs), tuple(pairs))


def alignment_of(version_id: str, result: DiffResult) -> Alignment:
    return Alignment(version_id, result.alignment)
