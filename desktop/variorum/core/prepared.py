"""A text made ready for the word diff: its paragraphs with their comparison keys, and, on demand, the sentences
and words of a paragraph. The base is diffed against every other version: what its ranges give is kept."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import field
from itertools import accumulate

from variorum.core.lazy_regex import LazyPattern
from variorum.core.normalize import paragraph_key
from variorum.core.quick_dataclass import dataclass
from variorum.core.tokens import OFFSETS, SENTENCE_BREAK, Words, content_words, paragraphs

SPACES = LazyPattern(r"\s+")
_SPACES_KEPT = LazyPattern(r"(\s+)")


@dataclass
class Prepared:
    """A text split into paragraphs with their comparison keys; words are split out only on demand."""

    text: str
    paras: list[tuple[int, int]]
    keys: list[str]
    _words: dict[int, Words] = field(default_factory=dict, repr=False)

    _sentences: dict[int, tuple[list[tuple[int, int]], list[str]]] = field(default_factory=dict, repr=False)
    # the base is diffed against every other version: what its ranges give is kept, not worked out again
    _ranges: dict[tuple[int, int], Words] = field(default_factory=dict, repr=False)
    _spacing: dict[tuple[int, int], tuple[list[str], list[int]]] = field(default_factory=dict, repr=False)
    # the keys of passages already worked out in this run, shared by the versions compared in it
    _known: dict[str, str] = field(default_factory=dict, repr=False)
    # stretches of the text that differences quote, one string for every version that quotes the same stretch
    _quotes: dict[tuple[int, int], str] = field(default_factory=dict, repr=False)

    def quote(self, start: int, end: int) -> str:
        """``text[start:end]``, made once for all the versions diffed against this one: a passage of the base
        that several versions lack is held once, not once a version (a page of 20,000 paragraphs that two
        versions lack held its text twice over in their differences)."""
        found = self._quotes.get((start, end))
        if found is None:
            found = self._quotes[(start, end)] = self.text[start:end]
        return found

    def words(self, pi: int) -> Words:
        """The words of paragraph ``pi``."""
        found = self._words.get(pi)
        if found is None:
            found = self._words[pi] = content_words(self.text, *self.paras[pi])
        return found

    def words_between(self, pi: int, start: int, end: int) -> Words:
        """The words of paragraph ``pi`` that start in ``[start, end)``."""
        if pi in self._words:
            starts, ends, keys = self._words[pi]
            lo, hi = bisect_left(starts, start), bisect_left(starts, end)
            return Words(starts[lo:hi], ends[lo:hi], keys[lo:hi])
        found = self._ranges.get((start, end))
        if found is None:
            found = self._ranges[(start, end)] = content_words(self.text, start, end)
        return found

    def spacing(self, start: int, end: int) -> tuple[list[str], list[int]]:
        """``text[start:end]`` split around its runs of white space (kept, at odd places), and where each piece
        ends (relative to ``start``)."""
        found = self._spacing.get((start, end))
        if found is None:
            found = self._spacing[(start, end)] = split_spacing(self.text[start:end])
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
            found = self._sentences[pi] = (ranges, [passage_key(self.text[a:b], self._known) for a, b in ranges])
        return found


def prepare(text: str, paras: list[tuple[int, int]] | None = None, known: dict[str, str] | None = None) -> Prepared:
    """``text`` ready for the word diff; ``paras``: its paragraph ranges, when already split; ``known``: the keys
    of passages worked out for the other versions of this run (versions share most of their paragraphs and
    sentences), added to as new ones are."""
    paras = paragraphs(text) if paras is None else paras
    known = {} if known is None else known
    return Prepared(text, paras, [passage_key(text[s:e], known) for s, e in paras], _known=known)


KNOWN_AT_MOST = 10_000  # characters of a passage whose key is kept for the other versions


def passage_key(passage: str, known: dict[str, str]) -> str:
    """:func:`~variorum.core.normalize.paragraph_key` of ``passage``, taken from ``known`` when it is there and
    kept there when the passage is short enough (a line of megabytes is not held again for a possible match)."""
    found = known.get(passage)
    if found is None:
        found = paragraph_key(passage)
        if len(passage) <= KNOWN_AT_MOST:
            known[passage] = found
    return found


class Side:
    """One side of a word diff: the words of one or more stretches of a text in reading order, each word with
    the paragraph it belongs to (parallel arrays; ``cuts`` are the indices where the paragraph changes)."""

    __slots__ = ("cuts", "ends", "keys", "paras", "starts")

    def __init__(self, parts: Iterable[tuple[Words, int]]) -> None:
        self.starts, self.ends, self.paras = array(OFFSETS), array(OFFSETS), array(OFFSETS)
        self.keys: list[str] = []
        self.cuts: list[int] = []
        shared = False  # the sequences are the first part's own, not copies (a paragraph can have a million words)
        for (starts, ends, keys), para in parts:
            if not keys:
                continue
            if not self.keys:
                self.starts, self.ends, self.keys, shared = starts, ends, keys, True
                self.cuts.append(0)
                self.paras = array(OFFSETS, [para]) * len(keys)
                continue
            if shared:  # a second part: copies from here on, the first part's own sequences left as they are
                self.starts, self.ends, self.keys, shared = self.starts[:], self.ends[:], self.keys[:], False
            if self.paras[-1] != para:
                self.cuts.append(len(self.keys))
            self.starts.extend(starts)
            self.ends.extend(ends)
            self.keys.extend(keys)
            self.paras.extend(array(OFFSETS, [para]) * len(keys))

    def __len__(self) -> int:
        return len(self.keys)

    def groups(self, lo: int, hi: int) -> list[list[int]]:
        """Words ``lo`` to ``hi`` (excluded) cut at paragraph breaks: ``[paragraph, start, end]`` each."""
        out = []
        cuts = self.cuts
        k = bisect_left(cuts, lo + 1)  # the first cut after lo
        while lo < hi:
            stop = min(cuts[k], hi) if k < len(cuts) else hi
            out.append([self.paras[lo], self.starts[lo], self.ends[stop - 1]])
            lo = stop
            k += 1
        return out


def split_spacing(text: str) -> tuple[list[str], list[int]]:
    pieces = _SPACES_KEPT.split(text)
    return pieces, list(accumulate(map(len, pieces)))


def same_but_spacing(a: str, b: str) -> bool:
    """Whether the two differ only in white space: ``SPACES.sub(" ", a) == SPACES.sub(" ", b)``, without building
    either (str.split and the pattern agree on what white space is)."""
    return a.split() == b.split() and a[:1].isspace() == b[:1].isspace() and a[-1:].isspace() == b[-1:].isspace()
