"""The text a comparison reads: each version's words as its source most likely wrote them.

A version decoded with the wrong text encoding (mojibake: ``CanÃ³vanas``, ``Nationâ€™s``) is compared through
ftfy's repair of its damaged words, so that the alignment, the names and the figures see ``Canóvanas`` and
``Nation’s`` and the damage is reported once, as ``encoding-damage``, never again as a changed name or number.
The version's own text is left as it is (the pane shows the damage); :class:`RepairedText` maps every offset of
the repaired text back to the version's text, so differences and alignments point at what the reader sees.

ftfy decides what is damage: a line it finds "bad" and can repair holds damage, and each word its repair changes
is a damaged word.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from variorum.core.lazy_regex import LazyPattern
from variorum.core.model import Alignment, Difference, ParagraphPair, Span
from variorum.core.quick_dataclass import dataclass

_LINE = re.compile(r"[^\n]+")
_WORD = LazyPattern(r"(?:\S|\x85)+")  # U+0085, a C1 control (a damaged ellipsis), is no space here
# Every sequence ftfy's badness pattern finds is at most 7 characters long, so it lies within this many
# characters of each of its characters.
_BADNESS_REACH = 8
# The typographic punctuation ordinary text is full of: no-break space, soft hyphen, middle dot, acute accent,
# dashes, ellipsis, curly and angle quotes, bullet, copyright, registered and trade mark signs. Every sequence of
# ftfy's badness pattern also needs some other non-ASCII character (an accented letter, a currency, maths or
# box-drawing sign, a Greek or Cyrillic letter, a C1 control), so a line with no other one is clean.
TYPOGRAPHIC = ("\u00a0\u00ad\u00b7\u00b4\u2013\u2014\u2015\u2026\u2018\u2019\u201c\u201d\u201e"
               "\u00ab\u00bb\u2039\u203a\u2022\u00a9\u00ae\u2122")
_MOJIBAKE_SUSPECT = re.compile(f"[^\\x00-\\x7f{TYPOGRAPHIC}]")


def looks_damaged(line: str) -> bool:
    """ftfy's ``is_bad(line)``, searched only around the characters every badness sequence needs (non-ASCII,
    other than typographic punctuation): a long line with a few such characters is judged in a few short searches
    instead of one pass of the pattern over the line, near characters close together in one search, and a line
    whose only non-ASCII characters are typographic punctuation without loading ftfy at all."""
    suspects = _MOJIBAKE_SUSPECT.finditer(line)
    first = next(suspects, None)
    if first is None:
        return False
    from ftfy.badness import BADNESS_RE

    start, end = max(0, first.start() - _BADNESS_REACH), first.end() + _BADNESS_REACH
    for suspect in suspects:
        if suspect.start() - _BADNESS_REACH <= end:  # within reach of the window: one search for both
            end = suspect.end() + _BADNESS_REACH
            continue
        if BADNESS_RE.search(line, start, end):
            return True
        start, end = suspect.start() - _BADNESS_REACH, suspect.end() + _BADNESS_REACH
    return BADNESS_RE.search(line, start, end) is not None


def repairs(text: str, verdicts: dict[str, bool] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, repaired text) for every damaged word in ``text``.

    ``verdicts`` keeps ftfy's verdict on each line judged: versions of one article share most lines, so passing
    one dict for all of them judges each line once.
    """
    verdicts = {} if verdicts is None else verdicts
    out: list[tuple[int, int, str]] = []
    for line in _LINE.finditer(text):
        chunk = line.group()
        if chunk.isascii():
            continue
        bad = verdicts.get(chunk)
        if bad is None:
            bad = verdicts[chunk] = looks_damaged(chunk)
        if not bad:
            continue
        import ftfy  # imported for a line that looks damaged

        fixed = ftfy.fix_encoding(chunk)
        if fixed == chunk:
            continue
        from difflib import SequenceMatcher  # as ftfy: for a line repaired

        opcodes = SequenceMatcher(None, chunk, fixed, autojunk=False).get_opcodes()
        changed = [(a1, a2) for op, a1, a2, _b1, _b2 in opcodes if op != "equal"]
        for word in _WORD.finditer(chunk):
            if not any(a1 < word.end() and word.start() <= a2 and a1 != a2 or word.start() <= a1 < word.end()
                       for a1, a2 in changed):
                continue
            repaired = ftfy.fix_encoding(word.group())
            if repaired == word.group():
                # Alone the word may not look damaged ('Rƒ´ga': MacRoman's 'ƒ´' for 'ī' is only judged bad
                # beside other damage): its repair is then what the line's repair made of it.
                repaired = _in_repaired_line(opcodes, fixed, word.start(), word.end()) or repaired
            if repaired != word.group():
                out.append((line.start() + word.start(), line.start() + word.end(), repaired))
    return out


def _in_repaired_line(opcodes: Sequence[tuple[str, int, int, int, int]], fixed: str, start: int,
                      end: int) -> str | None:
    """What the repair of a whole line made of its word at ``start:end``, or None when the repair runs across
    the word's edges (the word cannot be told apart in the repaired line)."""
    new_start = new_end = None
    for op, a1, a2, b1, b2 in opcodes:
        if start == a1 or op == "equal" and a1 < start < a2:
            new_start = b1 + (start - a1 if op == "equal" else 0)
        if end == a2 or op == "equal" and a1 < end < a2:
            new_end = b2 - (a2 - end if op == "equal" else 0)
    if new_start is None or new_end is None or new_end <= new_start:
        return None
    word = fixed[new_start:new_end]
    return word if _WORD.fullmatch(word) else None


@dataclass(frozen=True)
class RepairedText:
    """A version's text with its damaged words repaired, and the way back to the version's own offsets."""

    original: str
    text: str
    # (start, end) in ``text`` and (start, end) in ``original`` of each repaired word, in order
    edits: tuple[tuple[int, int, int, int], ...] = ()

    @property
    def repaired(self) -> bool:
        return bool(self.edits)

    def start_in_original(self, pos: int) -> int:
        """Where a span starting at ``pos`` of the repaired text starts in the original (a repaired word whole)."""
        i = bisect.bisect_right([e[0] for e in self.edits], pos) - 1
        if i < 0:
            return pos
        rs, re_, os_, oe = self.edits[i]
        return os_ if pos < re_ else pos - re_ + oe

    def end_in_original(self, pos: int) -> int:
        """Where a span ending at ``pos`` of the repaired text ends in the original (a repaired word whole)."""
        i = bisect.bisect_left([e[0] for e in self.edits], pos) - 1
        if i < 0:
            return pos
        rs, re_, os_, oe = self.edits[i]
        return oe if pos <= re_ else pos - re_ + oe

    def span(self, span: Span) -> Span:
        if not self.edits:
            return span
        s, e = self.start_in_original(span.start), self.end_in_original(span.end)
        e = max(s, e)
        return Span(s, e, self.original[s:e])

    def range(self, r: tuple[int, int] | None) -> tuple[int, int] | None:
        if r is None or not self.edits:
            return r
        s, e = self.start_in_original(r[0]), self.end_in_original(r[1])
        return s, max(s, e)


def repaired_text(text: str, verdicts: dict[str, bool] | None = None) -> RepairedText:
    """``text`` with every damaged word replaced by ftfy's repair (``text`` itself when nothing is damaged)."""
    found = repairs(text, verdicts)
    if not found:
        return RepairedText(text, text)
    parts: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    pos = length = 0
    for s, e, fixed in found:
        parts.append(text[pos:s])
        length += s - pos
        edits.append((length, length + len(fixed), s, e))
        parts.append(fixed)
        length += len(fixed)
        pos = e
    parts.append(text[pos:])
    return RepairedText(text, "".join(parts), tuple(edits))


def differences_in_original(differences: tuple[Difference, ...], base: RepairedText,
                            other: RepairedText) -> tuple[Difference, ...]:
    """Differences found between two repaired texts, pointing at the versions' own text."""
    if not base.repaired and not other.repaired:
        return differences
    return tuple(replace(d, base=base.span(d.base), other=other.span(d.other)) for d in differences)


def alignment_in_original(alignment: Alignment, base: RepairedText, other: RepairedText) -> Alignment:
    if not base.repaired and not other.repaired:
        return alignment
    return replace(alignment, paragraphs=tuple(ParagraphPair(base.range(p.base), other.range(p.other))
                                               for p in alignment.paragraphs))
