"""What is read from one version's text — its metadata, dates, quotations, paragraphs, normal form — once per run.

A comparison run makes one :class:`TextAnalysis` per version, hands it to the metadata reader and the checks, and
drops it when the run ends: nothing read from a text outlives the run that read it, and no two runs share hidden
state. Each field is computed the first time a check asks for it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cached_property

from variorum.core.checks.quotations import Quotations
from variorum.core.lazy_regex import LazyPattern
from variorum.core.metadata import DateMention, TextMetadata, find_dates, find_weekday_dates, text_metadata
from variorum.core.normalize import normalize_text, spaced_word_key, word_key
from variorum.core.repair import RepairedText, repaired_text
from variorum.core.tokens import paragraphs

_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_SPACE = re.compile(r"\s")
_TOPIC_WORD = LazyPattern(r"[^\W\d_]{4,}")
_PIECE = 1 << 16  # characters read at a time
_SEEN_AT_MOST = 1 << 16  # stretches between white space remembered as read


def lower_case_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case: a capitalised one of them is a sentence start, not a name."""
    return lower_case_words_of((text,))


def lower_case_words_of(texts: Iterable[str]) -> frozenset[str]:
    """The words any of ``texts`` writes in lower case (:func:`lower_case_words` of each, joined).

    No such word holds or borders on white space, so each stretch between white space is read once however often
    the texts repeat it (a third of a long article's words, and most of another version's); a text is read a
    piece at a time, cut at white space, so that a long one's words are never all listed at once, and the
    stretches already read are forgotten when they grow many (read again, they give the same words)."""
    found: set[str] = set()
    seen: set[str] = set()
    for text in texts:
        start = 0
        while start < len(text):
            space = _SPACE.search(text, start + _PIECE)
            end = space.start() if space else len(text)
            if len(seen) > _SEEN_AT_MOST:
                seen.clear()
            new = set(text[start:end].split()) - seen
            seen |= new
            found.update(_LOWER_WORD.findall(" ".join(new)))
            start = end if space else len(text)
    return frozenset(found)


def topic_words(normalized: str) -> Counter[str]:
    """The words of four letters or more in a text in normal form, a plural's ``s`` dropped, counted: what the
    text is about."""
    return Counter(m.group().rstrip("s") for m in _TOPIC_WORD.finditer(normalized))  # no list of words


class Matches:
    """The matches of one pattern in a text, in order, found only as far as they are asked for."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self._found: list[re.Match[str]] = []
        self._rest = pattern.finditer(text)

    def __iter__(self) -> Iterator[re.Match[str]]:
        i = 0
        while True:
            if i == len(self._found):
                m = next(self._rest, None)
                if m is None:
                    return
                self._found.append(m)
            yield self._found[i]
            i += 1


class TextAnalysis:
    """One text, and what the checks read from it, each part computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._matches: dict[re.Pattern[str], Matches] = {}

    def matches(self, pattern: re.Pattern[str]) -> Matches:
        """The matches of ``pattern`` in the text, searched once per run however often they are asked for (each
        of a version's links to one address looks for the passage its address spells)."""
        found = self._matches.get(pattern)
        if found is None:
            found = self._matches[pattern] = Matches(pattern, self.text)
        return found

    @cached_property
    def metadata(self) -> TextMetadata:
        return text_metadata(self.text, self.paragraphs)

    @cached_property
    def repaired(self) -> RepairedText:
        """The text with its mojibake repaired: what the comparison reads (see :mod:`variorum.core.repair`)."""
        return repaired_text(self.text)

    @cached_property
    def dates(self) -> tuple[DateMention, ...]:
        """Every date written in the text (dates inside URLs left out)."""
        return tuple(find_dates(self.text))

    @cached_property
    def weekday_dates(self) -> tuple[DateMention, ...]:
        """The :attr:`dates` written with a weekday ("Wednesday, August 20, 2020"), in order: found from
        :attr:`dates` when they are read already, else looked for only where a weekday is named."""
        if "dates" in self.__dict__:
            return tuple(m for m in self.dates if m.weekday is not None)
        return tuple(find_weekday_dates(self.text))

    @cached_property
    def quotations(self) -> Quotations:
        return Quotations(self.text)

    @cached_property
    def normalized(self) -> str:
        """The whole text in normal form (for "does this version say X anywhere")."""
        return normalize_text(self.text)

    @cached_property
    def words(self) -> str:
        """The whole text as its words only (:func:`~variorum.core.normalize.word_key`)."""
        return word_key(self.text)

    @cached_property
    def spaced_words(self) -> str:
        """:attr:`words` between two spaces: a passage whose words, spaced the same way, are in it is said here.
        Made from the text, not from :attr:`words`: a text of megabytes is not held as both."""
        return spaced_word_key(self.text)

    @cached_property
    def joined_words(self) -> str:
        """:attr:`spaced_words` run together: a copy that glued two of the text's words ("SymptomsApproximately")
        still has its letters, in order, here."""
        return self.spaced_words.replace(" ", "")

    @cached_property
    def topic_words(self) -> Counter[str]:
        """:func:`topic_words` of the whole text."""
        return topic_words(self.normalized)

    @cached_property
    def lower_case_words(self) -> frozenset[str]:
        return lower_case_words(self.text)

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """The text's paragraph ranges (:func:`~variorum.core.tokens.paragraphs`): the metadata reader, the word
        diff and the checks share one split."""
        return paragraphs(self.text)

    @cached_property
    def _paragraphs(self) -> tuple[list[tuple[int, int]], list[int]]:
        return self.paragraphs, [s for s, _ in self.paragraphs]

    def paragraph_at(self, offset: int) -> tuple[int, int] | None:
        """The (start, end) of the paragraph holding ``offset``, or None (between paragraphs)."""
        paras, starts = self._paragraphs
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0 or offset > paras[i][1]:
            return None
        return paras[i]

    def paragraph_before(self, offset: int) -> str:
        """The text of the last paragraph starting at or before ``offset`` ("" before the first)."""
        span = self.paragraph_span_before(offset)
        return self.text[span[0]:span[1]] if span else ""

    def paragraph_span_before(self, offset: int) -> tuple[int, int] | None:
        """The (start, end) of the last paragraph starting at or before ``offset`` (None before the first)."""
        paras, starts = self._paragraphs
        i = bisect.bisect_right(starts, offset) - 1
        return paras[i] if i >= 0 else None
