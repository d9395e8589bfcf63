"""A text made ready for the word diff: its paragraphs with their comparison keys, and, on demand, the sentences
and words of a paragraph. The base is diffed against every other version: what its ranges give is kept."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from variorum.core.normalize import paragraph_key
from variorum.core.tokens import SENTENCE_BREAK, Token, content_tokens, paragraphs

SPACES = re.compile(r"\s+")
_SPACES_KEPT = re.compile(r"(\s+)")


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
            found = self._sentences[pi] = (ranges, [paragraph_key(self.text[a:b]) for a, b in ranges])
        return found


def prepare(text: str) -> Prepared:
    paras = paragraphs(text)
    return Prepared(text, paras, [paragraph_key(text[s:e]) for s, e in paras])


def split_spacing(text: str) -> tuple[list[str], list[int]]:
    pieces = _SPACES_KEPT.split(text)
    return pieces, list(accumulate(map(len, pieces)))


def same_but_spacing(a: str, b: str) -> bool:
    """Whether the two differ only in white space: ``SPACES.sub(" ", a) == SPACES.sub(" ", b)``, without building
    either (str.split and the pattern agree on what white space is)."""
    return a.split() == b.split() and a[:1].isspace() == b[:1].isspace() and a[-1:].isspace() == b[-1:].isspace()
