"""Where quotations are in a text, in any quotation style, and who is said to speak them.

Double quotes of every style (straight, curly, low-high, guillemets) and curly single quotes are paired by a
small scanner: an opening mark follows a space or the start of a line, a closing mark precedes a space or
punctuation. Straight single quotes are left alone (they are far more often apostrophes). A quotation may run
over a paragraph break, as when a PDF extraction cuts a sentence.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from variorum.core.quick_dataclass import dataclass

MAX_QUOTE_CHARS = 1200
_OPEN_ONLY = "“„«‘"
_CLOSE_ONLY = "”»’"
_AMBIGUOUS = '"'
_PAIRS = {"“": "”\"", "„": "“”\"", "«": "»", "‘": "’", '"': "\"”"}
SPEECH_VERBS = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|stated|states|declared|declares|wrote|writes|noted|notes|asked|"
    r"explained|clarified|insisted|argued|claimed|announced|warned|replied|according to)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Quote:
    start: int  # the opening mark
    end: int  # just after the closing mark

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


_MARKS = re.compile("[" + re.escape(_OPEN_ONLY + _CLOSE_ONLY + _AMBIGUOUS) + "]")


def find_quotes(text: str) -> tuple[Quote, ...]:
    """Every quotation in ``text``, in order (they never overlap)."""
    out: list[Quote] = []
    open_at: int | None = None
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if open_at is not None and i - open_at > MAX_QUOTE_CHARS:
            open_at = None  # an unclosed mark: give up on it
        if open_at is not None:
            if ch in _PAIRS[text[open_at]] and _closes(text, i):
                out.append(Quote(open_at, i + 1))
                open_at = None
            elif (ch in _OPEN_ONLY or ch in _AMBIGUOUS) and _opens(text, i) and text[i - 1] != "\n":
                open_at = i  # the previous mark was never closed: start again here
            continue
        if (ch in _OPEN_ONLY or ch in _AMBIGUOUS) and _opens(text, i):
            open_at = i
    return tuple(out)


class Quotations:
    """The quotations of one text, found once, and which of them holds a position."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def quotes(self) -> tuple[Quote, ...]:
        return find_quotes(self.text)

    @cached_property
    def _starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    @cached_property
    def ends(self) -> list[int]:
        """Where each quotation ends, in order (the quotations never overlap)."""
        return [q.end for q in self.quotes]

    def _before(self, pos: int) -> Quote | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.quotes[i] if i >= 0 else None

    def at(self, start: int, end: int) -> Quote | None:
        """The quotation that holds the span [start, end), if any."""
        q = self._before(start) if end > start else None
        return q if q is not None and q.inner[0] <= start and end <= q.inner[1] else None

    def around(self, pos: int) -> Quote | None:
        """The quotation whose inside strictly contains the position ``pos`` (an insertion point)."""
        q = self._before(pos)
        return q if q is not None and q.inner[0] < pos < q.inner[1] else None


# Titles written before a name: the period of an abbreviated one ("Ms. Lee said") does not end the sentence, and
# a title changed alone ("Ms. Lee" → "Mayor Lee") does not change who speaks.
_TITLE_WORDS = ("Mr Mrs Ms Dr Prof Rep Sen Gov Gen Col Lt Sgt Det St Jr Sr Rev Hon Capt Cmdr Supt Insp Judge President "
          "Minister Mayor Chief Officer Justice Senator Governor Sheriff Professor Doctor Councillor Councilman "
          "Councilwoman Director Commissioner Secretary Chairman Chairwoman")
TITLES = frozenset(_TITLE_WORDS.split())
_ABBREVIATION = re.compile(r"(?:\b(?:" + "|".join(sorted(TITLES)) + r")|\b[A-Z])$")


def sentence_end(text: str, start: int, limit: int) -> int:
    """Where the sentence running from ``start`` ends (a full stop, ! or ?, or a line break), at most ``limit``
    characters on; titles and initials ("Ms.", "J.") do not end it."""
    stop = min(len(text), start + limit)
    for m in re.finditer(r"[.!?\n]", text[start:stop]):
        at = start + m.start()
        if text[at] == "." and _ABBREVIATION.search(text[max(0, at - 5):at]):
            continue
        return at
    return stop


def attribution_span(text: str, q: Quote) -> tuple[int, int] | None:
    """The words that say who speaks the quotation: the rest of its sentence after it, or the lead-in before it."""
    after_end = sentence_end(text, q.end, 160)
    after = text[q.end:min(after_end, q.end + 160)]
    if SPEECH_VERBS.search(after):
        return q.end, q.end + len(after)
    reach = max(0, q.start - 160)  # the lead-in is at most 160 characters: nothing further back is read
    lead_start = max(text.rfind(".", reach, q.start), text.rfind("\n", reach, q.start), q.start - 160) + 1
    lead = text[lead_start:q.start]
    if SPEECH_VERBS.search(lead) or lead.rstrip().endswith(":"):
        return lead_start, q.start
    return None
