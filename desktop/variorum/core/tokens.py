"""Split text into word, number, URL, punctuation and markup tokens with code-point offsets."""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator
from itertools import compress, islice
from typing import NamedTuple

from variorum.core.lazy_regex import LazyPattern
from variorum.core.normalize import normalize_token

# One alternative per kind of token, tried in this order; no named groups (nothing reads them, and the scan runs
# about a third faster without marking them at every token).
_TOKEN = re.compile(
    r"""
    (?:https?://|www\.)[^\s<>()\[\]"“”]+[^\s<>()\[\]"“”.,;:!?'’]   # a URL (trailing punctuation left out)
    | \]\([^)\s]*\)                                # the "](target)" of a Markdown link
    | \d+(?:[.,:/]\d+)*(?:%|[^\W\d_]+)?             # numbers: 12,300  3.5  80%  9/11  10:30  19th
    | \w+(?:(?:-[ \t]*\n[ \t]*|[-\u2010\u2011'’\u00ad])\w+)*   # words, with inner hyphens/apostrophes
    | \.\.\.|…                                      # an ellipsis
    | -{2,3}                                         # dashes
    | \*{1,3}|_{2}|\#{1,6}|`{1,3}|~~                  # Markdown's emphasis, heading and code marks
    | [^\w\s]                                        # any other punctuation
    """,
    re.VERBOSE,
)


# Where one sentence ends and the next begins: end punctuation (and closing quotes), then white space.
SENTENCE_BREAK = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]*[A-Z0-9])")
EXCERPT_MAX_CHARS = 200
_TITLE_END = LazyPattern(r"(?:^|\s)[A-Z][a-z]{0,2}\.$")


def first_sentence(text: str, limit: int = EXCERPT_MAX_CHARS) -> str:
    """The first sentence of ``text`` (at most ``limit`` characters, cut at a word, "…" added), or the whole
    text when it is one sentence that fits."""
    head = text
    for m in SENTENCE_BREAK.finditer(text):
        if not _TITLE_END.search(text, 0, m.start()):  # "Mr. Hale", "J. Smith": not the end of a sentence
            head = text[:m.start()]
            break
    if len(head) > limit:
        cut = head.rfind(" ", 0, limit)
        head = head[:cut if cut > limit // 2 else limit].rstrip()
    return head if head == text else head + "…"


class Token(NamedTuple):
    """One token (immutable; a named tuple rather than a dataclass, as texts have tens of thousands of them and
    a tuple is made in half the time)."""

    start: int
    end: int
    raw: str
    key: str  # normalized comparison key; "" for markup that takes no part in alignment


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Every token of ``text[start:end]`` in order (offsets into ``text``), markup included (its key is empty)."""
    norm = normalize_token
    return [Token(m.start(), m.end(), m.group(), norm(m.group()))
            for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


class Words(NamedTuple):
    """The content tokens of a stretch of text, compactly: where each starts and ends, and its comparison key
    (one key object per distinct token, shared), in three parallel sequences. A text of a million words takes
    about 16 MB so, against some 180 MB as one :class:`Token` each."""

    starts: array
    ends: array
    keys: list[str]


_START, _END, _GROUP = re.Match.start, re.Match.end, re.Match.group
_BATCH = 4096  # tokens read at a time
# Offsets are kept as 4-byte integers (a version holds at most 10 million characters): 8 bytes a word fewer than
# the platform's long.
OFFSETS = "i"


def _word_batches(text: str, start: int, end: int | None, *,
                  markup: bool = False) -> Iterator[tuple[list[re.Match[str]], list[str]]]:
    """The content tokens of ``text[start:end]`` a batch at a time: their matches and their keys (markup left
    out, unless ``markup``: then its key is empty). Each step maps a built-in over a whole batch (no Python-level
    work per token; the batch bounds the match objects held at once, for a passage of megabytes)."""
    tokens = _TOKEN.finditer(text, start, len(text) if end is None else end)
    while found := list(islice(tokens, _BATCH)):
        batch = list(map(normalize_token, map(_GROUP, found)))
        if not markup and "" in batch:  # markup: no part in alignment
            kept = list(map(bool, batch))
            found, batch = list(compress(found, kept)), list(compress(batch, kept))
        if batch:
            yield found, batch


def content_words(text: str, start: int = 0, end: int | None = None, *, markup: bool = False) -> Words:
    """The tokens of ``text[start:end]`` that take part in alignment (markup dropped), as :class:`Words`; with
    ``markup``, every token, markup with an empty key."""
    starts, ends = array(OFFSETS), array(OFFSETS)
    keys: list[str] = []
    for found, batch in _word_batches(text, start, end, markup=markup):
        starts.extend(map(_START, found))
        ends.extend(map(_END, found))
        keys.extend(batch)
    return Words(starts, ends, keys)


class Extent(NamedTuple):
    """How many content words a stretch of text has, where the first starts and where the last ends."""

    words: int
    first: int
    last: int


def word_extent(text: str, start: int, end: int, keys: Callable[[list[str]], object] | None = None) -> Extent:
    """The :class:`Extent` of ``text[start:end]`` (``first`` and ``last`` are ``start`` when it has no word),
    without holding its words: a stretch that is only counted and quoted whole (a paragraph one side lacks, which
    can be megabytes long) needs no list of them. ``keys`` (when given) is called with the words' keys, in
    order, a batch at a time."""
    count, first, last = 0, start, start
    for found, batch in _word_batches(text, start, end):
        if not count:
            first = found[0].start()
        count += len(batch)
        last = found[-1].end()
        if keys is not None:
            keys(batch)
    return Extent(count, first, last)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph ranges: split at blank lines when the text has any, else at line breaks. Empty ones dropped."""
    splitter = re.compile(r"\n[ \t\u00a0]*\n\s*") if re.search(r"\n[ \t\u00a0]*\n", text) else re.compile(r"\n+")
    out: list[tuple[int, int]] = []
    pos = 0
    for m in splitter.finditer(text):
        _add_range(text, pos, m.start(), out)
        pos = m.end()
    _add_range(text, pos, len(text), out)
    return out


def _add_range(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        out.append((start + lead, start + lead + len(stripped)))
