"""Collects the differences of one comparison while its diff is walked in reading order, run by run: matched
runs give their cosmetic differences (spacing, typography), pending deletions and insertions are cut at
paragraph breaks and emitted with their category."""

from __future__ import annotations

import hashlib

from variorum.core.model import Difference, DiffKind, Span
from variorum.core.normalize import cosmetic_category, difference_category, one_sided_category
from variorum.core.prepared import Prepared, Side

COSMETIC_CATEGORIES = frozenset({"typography", "whitespace", "hyphenation", "markup", "case",
                                 "ocr"})  # ocr: uncertain readings only, see variorum.core.ocr_noise
# A stretch of matched words that differs and is at most this long is checked a word at a time, a longer one is
# halved.
_SMALL = 8

Group = list[int]  # [paragraph, start, end] of consecutive words of one paragraph


class DifferenceBuilder:
    """Collects differences while the diff is walked in reading order."""

    def __init__(self, base: Prepared, other: Prepared, version_id: str, salt: str) -> None:
        self.b, self.o = base, other
        self.version_id, self.salt = version_id, salt
        self.diffs: list[Difference] = []
        # runs of words waiting to be emitted: (side, first, end) each
        self.pending_del: list[tuple[Side, int, int]] = []
        self.pending_ins: list[tuple[Side, int, int]] = []
        self._points: dict[int, Span] = {}

    def point(self, at: int) -> Span:
        """The empty span at ``at`` where one side lacks what the other has, one object for every difference
        there: a run of paragraphs a version lacks puts each of their differences at the same point of it (a page
        of 20,000 paragraphs against a short text made 20,000 equal spans)."""
        found = self._points.get(at)
        if found is None:
            found = self._points[at] = Span(at, at, "")
        return found

    def make_id(self, kind: str, bs: Span, os_: Span) -> str:
        h = hashlib.sha1(f"{self.salt}|{kind}|{bs.start}:{bs.end}|{os_.start}:{os_.end}".encode()).hexdigest()
        return "d" + h[:11]

    def add(self, kind: DiffKind, cosmetic: bool, category: str, bs: Span, os_: Span) -> None:
        self.diffs.append(Difference(self.make_id(kind, bs, os_), self.version_id, kind, cosmetic, category,
                                     bs, os_))

    def add_spacing(self, bs: int, be: int, os_: int, oe: int) -> None:
        """Two runs of white space that differ (a line wrapped elsewhere, a doubled space): a cosmetic difference
        of category ``whitespace``, as :meth:`add_cosmetic` would find, made directly (a re-wrapped text has
        thousands)."""
        self.add("replace", True, "whitespace", Span(bs, be, self.b.text[bs:be]), Span(os_, oe, self.o.text[os_:oe]))

    def add_cosmetic(self, bs: int, be: int, os_: int, oe: int, fallback: str) -> None:
        tb, to = self.b.text[bs:be], self.o.text[os_:oe]
        if (not tb or tb.isspace()) and (not to or to.isspace()):
            category = "whitespace"
        else:
            category = cosmetic_category(tb, to) or fallback
        self.add("replace", True, category, Span(bs, be, tb), Span(os_, oe, to))

    # --- events, in reading order ------------------------------------------------------------------------
    def match(self, b_side: Side, ib: int, o_side: Side, io: int, n: int) -> None:
        """``n`` words matched, from word ``ib`` of the base side and ``io`` of the other."""
        if self.pending_del or self.pending_ins:
            self.flush(b_side.starts[ib], o_side.starts[io])
        self._matched(b_side, ib, o_side, io, n)

    def _matched(self, b_side: Side, ib: int, o_side: Side, io: int, n: int) -> None:
        """The cosmetic differences inside ``n`` matched words (the white space or markup between them
        included), found by halves: a stretch whose text is the same on both sides has none inside it and is
        passed over with one comparison, so a long run with a few differences costs a few comparisons each."""
        bs, be, os_, oe = b_side.starts, b_side.ends, o_side.starts, o_side.ends
        bt, ot = self.b.text, self.o.text
        if bt[bs[ib]:be[ib + n - 1]] == ot[os_[io]:oe[io + n - 1]]:
            return
        if n > _SMALL:
            half = n // 2
            self._matched(b_side, ib, o_side, io, half)
            self._gap(b_side, ib + half, o_side, io + half)
            self._matched(b_side, ib + half, o_side, io + half, n - half)
            return
        for k in range(n):
            i, j = ib + k, io + k
            if k:
                self._gap(b_side, i, o_side, j)
            if bt[bs[i]:be[i]] != ot[os_[j]:oe[j]]:
                self.add_cosmetic(bs[i], be[i], os_[j], oe[j], "typography")

    def _gap(self, b_side: Side, i: int, o_side: Side, j: int) -> None:
        """The white space (or markup) before matched words ``i`` and ``j``, when the words before them also
        matched and at least one side stays in the same paragraph (a break between paragraphs on both sides is
        not a difference)."""
        if b_side.paras[i - 1] == b_side.paras[i] or o_side.paras[j - 1] == o_side.paras[j]:
            gb, gb_end, go, go_end = b_side.ends[i - 1], b_side.starts[i], o_side.ends[j - 1], o_side.starts[j]
            if self.b.text[gb:gb_end] != self.o.text[go:go_end]:
                self.add_cosmetic(gb, gb_end, go, go_end, "markup")

    def delete(self, side: Side, first: int, n: int) -> None:
        self.pending_del.append((side, first, first + n))

    def insert(self, side: Side, first: int, n: int) -> None:
        self.pending_ins.append((side, first, first + n))

    def end_region(self, b_pos: int, o_pos: int) -> None:
        self.flush(b_pos, o_pos)

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
            self.emit(dels[0], ins[0], b_pos, o_pos)
            return
        first = last = None
        if dels and ins and not (self._whole(self.b, dels[0]) and self._whole(self.o, ins[0])):
            first = (dels.pop(0), ins.pop(0))
        if dels and ins and not (self._whole(self.b, dels[-1]) and self._whole(self.o, ins[-1])):
            last = (dels.pop(), ins.pop())
        # where an empty side sits: after the first pair, else before what follows
        b_mid = first[0][2] if first else (dels[0][1] if dels else (last[0][1] if last else b_pos))
        o_mid = first[1][2] if first else (ins[0][1] if ins else (last[1][1] if last else o_pos))
        if first:
            self.emit(first[0], first[1], b_pos, o_pos)
        for group in dels:
            self.emit(group, None, b_pos, o_mid)
        for group in ins:
            self.emit(None, group, b_mid, o_pos)
        if last:
            self.emit(last[0], last[1], b_pos, o_pos)

    @staticmethod
    def _whole(side: Prepared, group: Group) -> bool:
        """Whether a group of words is its whole paragraph."""
        starts, ends, _ = side.words(group[0])
        return bool(starts) and group[1] <= starts[0] and group[2] >= ends[-1]

    def emit(self, dels: Group | None, ins: Group | None, b_pos: int, o_pos: int) -> None:
        bt = self.b.text
        bs = Span(dels[1], dels[2], self.b.quote(dels[1], dels[2])) if dels else self.point(b_pos)
        os_ = Span(ins[1], ins[2], self.o.text[ins[1]:ins[2]]) if ins else self.point(o_pos)
        kind: DiffKind = "replace" if dels and ins else ("delete" if dels else "insert")
        before = bt[max(0, bs.start - 12):bs.start]
        if kind == "replace":
            category = cosmetic_category(bs.text, os_.text) or difference_category(bs.text, os_.text, before=before)
        else:  # against nothing (a removed paragraph can be megabytes long)
            category = one_sided_category(bs.text or os_.text, before=before)
        self.add(kind, category in COSMETIC_CATEGORIES, category, bs, os_)


def by_paragraph(pending: list[tuple[Side, int, int]]) -> list[Group]:
    """Consecutive runs of words cut into one group per paragraph."""
    groups: list[Group] = []
    for side, lo, hi in pending:
        for group in side.groups(lo, hi):
            if groups and groups[-1][0] == group[0]:
                groups[-1][2] = group[2]
            else:
                groups.append(group)
    return groups
