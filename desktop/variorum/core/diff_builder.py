"""Collects the differences of one comparison while its diff is walked in reading order: matched words give
their cosmetic differences (spacing, typography), pending deletions and insertions are cut at paragraph breaks and
emitted with their category."""

from __future__ import annotations

import hashlib

from variorum.core.model import Difference, DiffKind, Span
from variorum.core.normalize import cosmetic_category, difference_category
from variorum.core.prepared import Prepared
from variorum.core.tokens import Token

COSMETIC_CATEGORIES = frozenset({"typography", "whitespace", "hyphenation", "markup", "case",
                                 "ocr"})  # ocr: uncertain readings only, see variorum.core.ocr_noise


class DifferenceBuilder:
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
        dels, ins = by_paragraph(self.pending_del), by_paragraph(self.pending_ins)
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
        bs = span_of(self.b.text, dels) if dels else Span(b_pos, b_pos, "")
        os_ = span_of(self.o.text, ins) if ins else Span(o_pos, o_pos, "")
        kind: DiffKind = "replace" if dels and ins else ("delete" if dels else "insert")
        category = cosmetic_category(bs.text, os_.text) or difference_category(
            bs.text, os_.text, before=self.b.text[max(0, bs.start - 12):bs.start])
        self.add(kind, category in COSMETIC_CATEGORIES, category, bs, os_)


def by_paragraph(items: list[tuple[Token, int]]) -> list[list[tuple[Token, int]]]:
    """Consecutive words cut into one group per paragraph."""
    groups: list[list[tuple[Token, int]]] = []
    for item in items:
        if groups and groups[-1][-1][1] == item[1]:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def span_of(text: str, items: list[tuple[Token, int]]) -> Span:
    s, e = items[0][0].start, items[-1][0].end
    return Span(s, e, text[s:e])
