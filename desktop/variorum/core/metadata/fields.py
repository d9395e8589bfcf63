"""Metadata a text states about itself: title, dateline, byline, credits and its original URL.

Each finder returns where in the text the value was read, so findings can cite it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from variorum.core.lazy_regex import LazyPattern
from variorum.core.metadata.dates import WEEKDAYS, find_dates, url_date
from variorum.core.quick_dataclass import dataclass

HEAD_CHARS = 3000  # datelines and bylines are looked for near the top only…
HEAD_LINES = 20  # …within the first lines of text
_MARKUP = re.compile(r"^[\s*_#>|•·-]+|[\s*_|]+$")
_MARKUP_LEAD = frozenset("*_#>|•·-")  # what ``_MARKUP`` trims, besides white space, at the start…
_MARKUP_TAIL = frozenset("*_|")  # …and at the end


@dataclass(frozen=True)
class Found:
    """A value read from the text, with the span it was read from and the kind of evidence it is."""

    value: str
    start: int
    end: int
    source: str  # "heading" | "first line" | "dateline" | "byline" | "caption" | "original url" | …


def _trim_markup(text: str) -> str:
    """``_MARKUP.sub("", text)``; most text has nothing to trim at either end, and then no pattern runs."""
    if text and not (text[0] in _MARKUP_LEAD or text[0].isspace() or text[-1] in _MARKUP_TAIL
                     or text[-1].isspace()):
        return text
    return _MARKUP.sub("", text)


def lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, content) of every non-empty line with surrounding markup and spaces trimmed."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        start = pos
        pos += len(raw) + 1
        if raw and not (raw[0] in _MARKUP_LEAD or raw[0].isspace() or raw[-1] in _MARKUP_TAIL or raw[-1].isspace()):
            out.append((start, start + len(raw), raw))  # nothing to trim (most lines): no pattern to run
            continue
        m = _MARKUP.search(raw)
        lead = len(m.group()) if m and m.start() == 0 else 0
        core = _MARKUP.sub("", raw)
        if core:
            out.append((start + lead, start + lead + len(core), core))
    return out


# --- title ------------------------------------------------------------------------------------------------------

_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "as",
                "with", "from", "into", "vs", "via", "is", "are", "be", "if", "not", "up", "out", "over"}


def is_title_case(line: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(words) < 3 or not big:
        return False
    return sum(1 for w in big if w[0].isupper()) / len(big) >= 0.8


def find_title(text: str) -> Found | None:
    """A Markdown ``# `` heading at the top, or a short first line in title case."""
    for m in re.finditer(r"(?m)^[ \t]*#[ \t]+(.+?)[ \t#]*$", text[:HEAD_CHARS]):
        return Found(m.group(1).strip(), m.start(1), m.start(1) + len(m.group(1).strip()), "heading")
    first = next(iter(lines(text[:HEAD_CHARS])), None)
    if first is None:
        return None
    start, end, content = first
    words = content.split()
    if 3 <= len(words) <= 20 and not content.endswith((".", ",", ";", ":")) and is_title_case(content):
        return Found(content, start, end, "first line")
    return None


# --- dateline ---------------------------------------------------------------------------------------------------

_DATELINE_LABEL = LazyPattern(r"^(?:(?P<label>published|posted|updated|last updated|first published|"
                              r"date|modified)(?:[ \t]+on)?[ \t]*:?[ \t]*)?", re.IGNORECASE)
_TIME_TAIL = LazyPattern(r"^[ \t,|·-]*(?:at[ \t]+)?(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[ \t]*(?:[ap]\.?m\.?)?"
                         r"(?:[ \t]*\(?[A-Z]{2,5}[+-]?\d{0,2}\)?)?)?[ \t.]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Dateline:
    found: Found  # value: ISO date
    date: dt.date
    modified: bool  # "Updated …" rather than "Published …"


def find_datelines(text: str) -> list[Dateline]:
    """Lines near the top that state a full date and nothing else ("August 19, 2020", "Published 2 Sep 2020")."""
    out: list[Dateline] = []
    for start, _end, content in lines(text[:HEAD_CHARS])[:HEAD_LINES]:
        if len(content) > 80:
            continue
        label = _DATELINE_LABEL.match(content)
        if label is None:  # the pattern is optional throughout, so it always matches
            continue
        rest = content[label.end():]
        mentions = find_dates(rest)
        if not mentions or mentions[0].start != 0 or not mentions[0].year_given:
            continue
        mention = mentions[0]
        if not _TIME_TAIL.match(rest[mention.end:]):
            continue
        offset = start + label.end()
        word = (label.group("label") or "").lower()
        found = Found(mention.date.isoformat(), offset + mention.start, offset + mention.end, "dateline")
        out.append(Dateline(found, mention.date, word in {"updated", "last updated", "modified"}))
    return out


# --- byline -----------------------------------------------------------------------------------------------------

_NAME = r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|da|del|al|bin|ibn|la|le)){0,4}"
_BYLINE = LazyPattern(rf"^By[ \t]+(?P<names>{_NAME}(?:(?:,[ \t]*|[ \t]+and[ \t]+|[ \t]*&[ \t]*){_NAME})*)"
                      r"(?:[ \t]*[,|·-][ \t]*.{0,40})?$")
_ROLES = {"staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor",
          "editors", "contributor", "contributors", "bureau", "news", "desk", "chief", "senior", "special"}
_NOT_NAMES = set(WEEKDAYS) | {"The", "This", "That", "Then", "Now", "Monday's", "Law", "Order"}


def find_byline(text: str) -> Found | None:
    """A ``By First Last`` line near the top (names only; an outlet after a comma is left out)."""
    for start, _end, content in lines(text[:HEAD_CHARS])[:HEAD_LINES]:
        if len(content.split()) > 14:
            continue
        m = _BYLINE.match(content)
        if not m:
            continue
        names = m.group("names").strip()
        if names.split()[0] in _NOT_NAMES:
            continue
        # "By Jane Doe, Staff Writer": the role after a comma is not a name
        parts = re.split(r"(,[ \t]*)", names)
        while len(parts) > 2 and set(re.findall(r"[a-z]+", parts[-1].lower())) & _ROLES:
            parts = parts[:-2]
        names = "".join(parts).strip()
        return Found(names, start + m.start("names"), start + m.start("names") + len(names), "byline")
    return None


# --- credits ----------------------------------------------------------------------------------------------------

_CREDIT_PART = r"(?:[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|of|for|de|van|von))*)"
# "Dmitri Lovetsky / AP / TASS" ending a caption paragraph
_SLASH_CREDIT = re.compile(rf"(?P<credit>{_CREDIT_PART}(?:[ \t]*/[ \t]*{_CREDIT_PART})+)[ \t*_]*$")
# a character no slash credit holds: the credit is in the paragraph's last stretch of other characters
_NOT_IN_CREDIT = re.compile(r"[^\w.'’/ \t*-]")


def _credit_tail(para: str) -> int:
    """Where the last stretch of ``para`` that a slash credit may span starts: a match holds only those
    characters (and ends the paragraph), so a search from there finds what a search of the whole paragraph finds,
    without trying the pattern at every capitalised word of a long caption or article paragraph."""
    body = para[:-1] if para.endswith("\n") else para  # "$" also matches before a final line break
    m = _NOT_IN_CREDIT.search(body[::-1])
    return len(body) - m.start() if m else 0


# "| Photo: EFE/EPA/…", "Photo credit: …", "(Photo: …)"
_LABEL_CREDIT = re.compile(r"(?:^|[|(]|[.!?][ \t])[ \t]*(?:Photo(?:graph)?|Image|Picture|Credit|Photo credit|Foto)"
                           r"[ \t]*(?:credit)?[ \t]*:[ \t]*(?P<credit>[^|()\n]{2,120}?)[ \t)]*$", re.IGNORECASE)
# a piece of each label _LABEL_CREDIT knows, in letters that match only themselves when case is ignored (not "i",
# "k" or "s", which the pattern engine also matches to "ı", "K" or "ſ")
_LABEL_PIECES = ("oto", "mage", "ctur", "cred")


def _may_label_credit(para: str) -> bool:
    """Whether ``para`` holds a piece of a credit label: a line without one cannot match ``_LABEL_CREDIT``."""
    lowered = para.lower()
    return any(piece in lowered for piece in _LABEL_PIECES)


# "AFP contributed reporting.", "Reuters and AP contributed to this report."
_CONTRIBUTED = re.compile(r"^(?P<credit>[A-Z][^.\n]{1,100}?[ \t]+contributed[ \t]+(?:reporting|to[ \t]+this"
                          r"[ \t]+(?:report|story|article)(?:ing)?)(?:[ \t]+[^.\n]{0,60})?\.?)$")
# "MOSCOW (Reuters) —" opening a wire story
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}\((?P<credit>[A-Z][\w ]{1,30})\)[ \t]*[-–—]")


# one-word lines that close a saved page without being anyone's credit
_FURNITURE = {"share", "comments", "comment", "advertisement", "menu", "home", "subscribe", "related", "more", "top",
              "print", "email", "close", "next", "previous", "tags", "topics", "back", "reply", "login", "search",
              "contact", "about", "privacy", "terms", "copyright", "end", "ends", "video", "photos", "loading"}


def paragraphs_of(text: str, ranges: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """Each paragraph's (start, end, text); ``ranges``: the text's paragraphs when the caller has split it."""
    if ranges is None:
        from variorum.core.tokens import paragraphs

        ranges = paragraphs(text)
    return [(s, e, text[s:e]) for s, e in ranges]


def find_credits(text: str, ranges: Sequence[tuple[int, int]] | None = None) -> list[Found]:
    """Photo and agency credits, each with its span (``ranges``: the text's paragraphs, if already split)."""
    out: list[Found] = []
    paras = paragraphs_of(text, ranges)
    for start, _end, para in paras:
        body = _trim_markup(para.replace("**", "").replace("__", ""))
        if not body:
            continue
        offset = start + para.find(body[:20]) if body[:20] in para else start
        for line_start, _le, line in lines(para) if ":" in para and _may_label_credit(para) else ():
            m = _LABEL_CREDIT.search(line) if ":" in line else None  # the label ends with a colon
            if m:
                out.append(Found(_clean(m.group("credit")), start + line_start + m.start("credit"),
                                 start + line_start + m.start("credit") + len(m.group("credit")), "photo credit"))
        m = _CONTRIBUTED.match(body)
        if m:
            out.append(Found(_clean(m.group("credit")), offset, offset + len(m.group("credit")), "contributed"))
            continue
        m = _WIRE_DATELINE.match(body)
        if m:
            out.append(Found(m.group("credit"), offset + m.start("credit"), offset + m.end("credit"), "wire"))
        if "/" in para and (re.search(r"[.!?]", para) or len(para.split(None, 40)) > 40):  # a credit needs a "/"
            m = _SLASH_CREDIT.search(para, _credit_tail(para))
            if m and not any(f.start <= start + m.start("credit") < f.end for f in out):
                credit = m.group("credit")
                credit_start = start + m.start("credit")
                # only the credit itself, not the end of the caption sentence before it
                cut = max(credit.rfind(". "), credit.rfind("? "), credit.rfind("! "))
                if cut >= 0:
                    credit_start += cut + 2
                    credit = credit[cut + 2:]
                if "/" in credit:
                    out.append(Found(_clean(credit), credit_start, credit_start + len(credit), "photo credit"))
    if paras:
        # a wire agency's name alone closing the story ("Reuters")
        s, _e, last = paras[-1]
        body = _MARKUP.sub("", last).rstrip(".")
        if re.fullmatch(r"[A-Z][A-Za-z&-]{1,20}", body) and body.lower() not in _FURNITURE \
                and not any(f.start >= s for f in out):
            out.append(Found(body, s + last.find(body), s + last.find(body) + len(body), "agency"))
    return [f for f in out if "@" not in f.value]  # a social handle is nobody's photo credit


def _clean(credit: str) -> str:
    return re.sub(r"\s+", " ", credit.replace("*", "").replace("_", " ")).strip(" .")


# --- original / canonical URL -----------------------------------------------------------------------------------

_ORIGINAL_URL = re.compile(r"(?im)^[ \t*_]*(?:original[ \t]+url|original[ \t]+link|canonical(?:[ \t]+url)?|"
                           r"source[ \t]+url|permalink|url)[ \t*_]*:[ \t*_]*\n?(?:[ \t]*\n)*[ \t]*<?"
                           r"(?P<url>https?://[^\s<>]+?)>?[ \t]*$")


def _original_url(text: str) -> re.Match[str] | None:
    """``_ORIGINAL_URL.search(text)``, tried only at the start of each line that holds a colon (a statement's label
    ends with one on the line it starts): a search tries the line anchor at every position of the text."""
    pos = 0
    while (colon := text.find(":", pos)) >= 0:
        m = _ORIGINAL_URL.match(text, text.rfind("\n", 0, colon) + 1)
        if m:
            return m
        pos = text.find("\n", colon) + 1  # the next line
        if not pos:
            return None
    return None


def find_original_url(text: str) -> Found | None:
    """An ``Original url: <https://…>`` (or ``Canonical:``, ``Source URL:``) statement."""
    m = _original_url(text)
    if not m:
        return None
    return Found(m.group("url"), m.start("url"), m.end("url"), "original url")


def original_url_statement(text: str) -> tuple[int, int] | None:
    """Where the whole ``Original url: <https://…>`` statement sits, label included (see :func:`find_original_url`)."""
    m = _original_url(text)
    if not m:
        return None
    return m.start() + len(m.group()) - len(m.group().lstrip()), m.end()


def date_from_url(found: Found | None) -> dt.date | None:
    if found is None:
        return None
    ud = url_date(found.value)
    return ud.date if ud and ud.precision == "day" else None
