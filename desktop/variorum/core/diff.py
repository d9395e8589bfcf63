"""Word-level differences between the base and one other version, cosmetic ones labelled.

Two levels, as in a printed variorum: paragraphs are aligned first (each paragraph encoded as one character and
diffed with diff-match-patch), then the words of changed paragraphs are diffed (each distinct normalized word
encoded as one character). Paragraph pre-alignment keeps every word diff small, so diff-match-patch runs without a
timeout and the result never depends on the speed of the machine.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from diff_match_patch import diff_match_patch
from rapidfuzz import fuzz

from variorum.core.model import Difference, Span
from variorum.core.normalize import cosmetic_category, substantive_category
from variorum.core.tokens import Token, content_tokens, paragraphs

COSMETIC_CATEGORIES = frozenset({"typography", "whitespace", "hyphenation", "markup", "case"})
MIN_MOVE_WORDS = 4
_EQUAL, _DELETE, _INSERT = 0, -1, 1


class Codec:
    """Maps strings (token keys, paragraph keys) to single characters, shared across a comparison."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, keys: Sequence[str]) -> str:
        codes = self._codes
        out = []
        for k in keys:
            c = codes.get(k)
            if c is None:
                n = len(codes) + 0x100
                if n >= 0xD800:  # skip the surrogate block
                    n += 0x800
                c = codes[k] = chr(n)
            out.append(c)
        return "".join(out)


def _dmp() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic: inputs are kept small by the paragraph pre-alignment instead
    return dmp


def _opcodes(a: str, b: str, *, semantic: bool) -> list[tuple[int, int]]:
    """(op, length) runs of a diff between two encoded strings."""
    dmp = _dmp()
    diffs = dmp.diff_main(a, b, False)
    if semantic:
        dmp.diff_cleanupSemantic(diffs)
    return [(op, len(text)) for op, text in diffs]


@dataclass(frozen=True)
class DiffResult:
    differences: tuple[Difference, ...]
    matches: tuple[tuple[int, int], ...]  # (base offset, other offset) of every matched word


@dataclass
class _Side:
    text: str
    tokens: list[Token]
    para_of_token: list[int]
    para_token_ranges: list[tuple[int, int]]


def _side(text: str) -> _Side:
    tokens = content_tokens(text)
    paras = paragraphs(text)
    para_of_token: list[int] = []
    ranges: list[tuple[int, int]] = [(0, 0)] * len(paras)
    p = 0
    for t in tokens:
        while p < len(paras) - 1 and t.start >= paras[p][1]:
            p += 1
        para_of_token.append(p)
    # token index ranges per paragraph
    start = 0
    for pi in range(len(paras)):
        end = start
        while end < len(tokens) and para_of_token[end] == pi:
            end += 1
        ranges[pi] = (start, end)
        start = end
    return _Side(text, tokens, para_of_token, ranges)


class _Builder:
    def __init__(self, base: _Side, other: _Side, version_id: str, salt: str) -> None:
        self.b, self.o = base, other
        self.version_id, self.salt = version_id, salt
        self.diffs: list[Difference] = []
        self.matches: list[tuple[int, int]] = []
        self.pending_del: list[int] = []
        self.pending_ins: list[int] = []
        self.last_match: tuple[int, int] | None = None

    # --- ids ---------------------------------------------------------------------------------------------
    def _id(self, kind: str, bs: Span, os_: Span) -> str:
        h = hashlib.sha1(f"{self.salt}|{kind}|{bs.start}:{bs.end}|{os_.start}:{os_.end}".encode()).hexdigest()
        return "d" + h[:11]

    def _add(self, kind: str, cosmetic: bool, category: str, bs: Span, os_: Span) -> None:
        self.diffs.append(Difference(self._id(kind, bs, os_), self.version_id, kind, cosmetic, category, bs, os_))

    # --- events ------------------------------------------------------------------------------------------
    def match(self, bi: int, oi: int) -> None:
        self.flush(next_b=bi, next_o=oi)
        b, o = self.b, self.o
        tb, to = b.tokens[bi], o.tokens[oi]
        if self.last_match is not None and self.last_match == (bi - 1, oi - 1):
            pb, po = self.last_match
            gb_s, gb_e = b.tokens[pb].end, tb.start
            go_s, go_e = o.tokens[po].end, to.start
            gap_b, gap_o = b.text[gb_s:gb_e], o.text[go_s:go_e]
            if gap_b != gap_o:
                cat = cosmetic_category(gap_b, gap_o) or "markup"
                self._add("replace", True, cat, Span(gb_s, gb_e, gap_b), Span(go_s, go_e, gap_o))
        if tb.raw != to.raw:
            cat = cosmetic_category(tb.raw, to.raw) or "typography"
            self._add("replace", True, cat, Span(tb.start, tb.end, tb.raw), Span(to.start, to.end, to.raw))
        self.matches.append((tb.start, to.start))
        self.last_match = (bi, oi)

    def delete(self, bi: int) -> None:
        self.pending_del.append(bi)

    def insert(self, oi: int) -> None:
        self.pending_ins.append(oi)

    def flush(self, next_b: int | None = None, next_o: int | None = None) -> None:
        if not self.pending_del and not self.pending_ins:
            return
        if not self.pending_del or not self.pending_ins:
            # a passage only one side has: one difference per paragraph, so each can be noted on its own
            is_delete = bool(self.pending_del)
            side, pending = (self.b, self.pending_del) if is_delete else (self.o, self.pending_ins)
            groups: list[list[int]] = []
            for ti in pending:
                if groups and side.para_of_token[groups[-1][-1]] == side.para_of_token[ti]:
                    groups[-1].append(ti)
                else:
                    groups.append([ti])
            if len(groups) > 1:
                for group in groups:
                    if is_delete:
                        self.pending_del = group
                    else:
                        self.pending_ins = group
                    self._flush_one(next_b, next_o)
                self.pending_del, self.pending_ins = [], []
                return
        self._flush_one(next_b, next_o)

    def _flush_one(self, next_b: int | None, next_o: int | None) -> None:
        b, o = self.b, self.o
        if self.pending_del:
            bs = _span(b, self.pending_del[0], self.pending_del[-1])
        else:
            pos = _insertion_point(b, next_b)
            bs = Span(pos, pos, "")
        if self.pending_ins:
            os_ = _span(o, self.pending_ins[0], self.pending_ins[-1])
        else:
            pos = _insertion_point(o, next_o)
            os_ = Span(pos, pos, "")
        kind = "replace" if self.pending_del and self.pending_ins else ("delete" if self.pending_del else "insert")
        category = cosmetic_category(bs.text, os_.text) or substantive_category(bs.text, os_.text)
        self._add(kind, category in COSMETIC_CATEGORIES, category, bs, os_)
        self.pending_del, self.pending_ins = [], []

    def finish(self) -> DiffResult:
        self.flush()
        diffs = _detect_moves(self.diffs, self.b, self.o, self._id)
        diffs.sort(key=lambda d: (d.base.start, d.other.start, d.base.end, d.id))
        return DiffResult(tuple(diffs), tuple(self.matches))


def _insertion_point(side: _Side, next_token: int | None) -> int:
    """Where an empty span sits: at the start of the next token, else after the last one."""
    if next_token is not None and next_token < len(side.tokens):
        return side.tokens[next_token].start
    return side.tokens[-1].end if side.tokens else 0


def _span(side: _Side, first: int, last: int) -> Span:
    s, e = side.tokens[first].start, side.tokens[last].end
    return Span(s, e, side.text[s:e])


def _detect_moves(diffs: list[Difference], b: _Side, o: _Side, make_id) -> list[Difference]:
    """Pair a deleted passage with an inserted passage elsewhere that says the same: one ``move``."""
    deletes = [d for d in diffs if d.kind == "delete" and not d.cosmetic]
    inserts = [d for d in diffs if d.kind == "insert" and not d.cosmetic]
    if not deletes or not inserts:
        return diffs
    from variorum.core.normalize import normalize_text

    used: set[str] = set()
    moves: list[Difference] = []
    for d in deletes:
        nd = normalize_text(d.base.text)
        if len(nd.split()) < MIN_MOVE_WORDS:
            continue
        best, best_score = None, 0.0
        for ins in inserts:
            if ins.id in used:
                continue
            ni = normalize_text(ins.other.text)
            if abs(len(ni) - len(nd)) > 0.2 * max(len(ni), len(nd)):
                continue
            score = 100.0 if ni == nd else fuzz.ratio(nd, ni)
            if score > best_score:
                best, best_score = ins, score
        if best is not None and best_score >= 90:
            used.update({d.id, best.id})
            kind = "move"
            moves.append(Difference(make_id(kind, d.base, best.other), d.version, kind, False,
                                    "wording" if best_score < 100 else "order", d.base, best.other))
    if not moves:
        return diffs
    return [d for d in diffs if d.id not in used] + moves


def diff_versions(base_text: str, other_text: str, *, version_id: str, salt: str,
                  codec: Codec | None = None) -> DiffResult:
    """All differences between ``base_text`` and ``other_text``; cosmetic ones included and flagged."""
    codec = codec or Codec()
    b, o = _side(base_text), _side(other_text)
    builder = _Builder(b, o, version_id, salt)

    def para_key(side: _Side, pi: int) -> str:
        s, e = side.para_token_ranges[pi]
        return " ".join(t.key for t in side.tokens[s:e])

    pb = [para_key(b, i) for i in range(len(b.para_token_ranges))]
    po = [para_key(o, i) for i in range(len(o.para_token_ranges))]
    # Empty paragraphs (pure markup) have no tokens; they take no part.
    pb_idx = [i for i, k in enumerate(pb) if k]
    po_idx = [i for i, k in enumerate(po) if k]
    pcodec = Codec()
    ops = _opcodes(pcodec.encode([pb[i] for i in pb_idx]), pcodec.encode([po[i] for i in po_idx]), semantic=False)

    ib = io = 0
    del_paras: list[int] = []
    ins_paras: list[int] = []

    def flush_region() -> None:
        if not del_paras and not ins_paras:
            return
        if len(del_paras) == len(ins_paras):
            pairs = list(zip(del_paras, ins_paras, strict=True))
            for bp, op in pairs:
                _word_diff(builder, codec, [bp], [op])
                builder.flush(next_b=b.para_token_ranges[bp][1], next_o=o.para_token_ranges[op][1])
        else:
            _word_diff(builder, codec, del_paras, ins_paras)
        del_paras.clear()
        ins_paras.clear()

    for op, n in ops:
        if op == _EQUAL:
            flush_region()
            for k in range(n):
                bs, be = b.para_token_ranges[pb_idx[ib + k]]
                os_, _ = o.para_token_ranges[po_idx[io + k]]
                for j in range(be - bs):
                    builder.match(bs + j, os_ + j)
            ib += n
            io += n
        elif op == _DELETE:
            del_paras.extend(pb_idx[ib:ib + n])
            ib += n
        else:
            ins_paras.extend(po_idx[io:io + n])
            io += n
    flush_region()
    return builder.finish()


def _word_diff(builder: _Builder, codec: Codec, b_paras: list[int], o_paras: list[int]) -> None:
    b, o = builder.b, builder.o
    b_tok = [i for p in b_paras for i in range(*b.para_token_ranges[p])]
    o_tok = [i for p in o_paras for i in range(*o.para_token_ranges[p])]
    a = codec.encode([b.tokens[i].key for i in b_tok])
    c = codec.encode([o.tokens[i].key for i in o_tok])
    ib = io = 0
    for op, n in _opcodes(a, c, semantic=True):
        if op == _EQUAL:
            for k in range(n):
                builder.match(b_tok[ib + k], o_tok[io + k])
            ib += n
            io += n
        elif op == _DELETE:
            for k in range(n):
                builder.delete(b_tok[ib + k])
            ib += n
        else:
            for k in range(n):
                builder.insert(o_tok[io + k])
            io += n
