"""Single lines a web page shows over its article that are not the article: a breadcrumb trail ("News > Economy >
Companies") and the article-information line of its posted and updated times ("Posted: 2013-10-24 03:00 |
Updated: 2013-10-25 10:12"). An extraction of the article leaves them out, so they are page furniture, not a
passage the extraction is missing.

Both are judged by their words alone, and narrowly, since a line taken for furniture is out of the checks: a
breadcrumb has at least three short crumbs with no figure or sentence punctuation, joined by one of the signs
pages join them with (">", "›", "»"); an article-information line holds full dates (with or without a time),
the labels pages put before them (posted, updated, published …, in several languages) and nothing else, or
follows a section's name with no space between them ("North Korea09:31 August 20, 2019": the extraction ran the
section link and the time together).
"""

from __future__ import annotations

import re

from variorum.core.lazy_regex import LazyPattern

MAX_LINE_WORDS = 20
MIN_CRUMBS = 3
MAX_CRUMB_WORDS = 4
_CRUMB_SIGNS = ">›»＞"
_CRUMB_SEPARATOR = LazyPattern(rf"\s+[{_CRUMB_SIGNS}]\s+")
# what closes a sentence or a clause: a line ending in one is running text, not a label, crumb or headline
SENTENCE_END = ".!?:;,\"”’"

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
# a full date: 2013-10-24, 2013.10.24., 2013년 10월 24일, 24/10/2013, Thursday, October 24, 2013, 24 Oct 2013
_DATE = (rf"(?:{_WEEKDAY}\s+)?(?:\d{{4}}\s*[-./년]\s*\d{{1,2}}\s*[-./월]\s*\d{{1,2}}\s*[.일]?"
         rf"|\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{2,4}}"
         rf"|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})")
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
_DATE_STAMP = LazyPattern(rf"(?<!\w){_DATE}(?:,?\s+(?:at\s+)?{_TIME})?(?!\w)", re.IGNORECASE)
_TIME_STAMP = LazyPattern(rf"(?<!\w){_TIME}(?!\w)", re.IGNORECASE)
# the labels before a page's timestamps, and the words that join them to the dates
_LABELS = frozenset((
    "posted", "published", "updated", "modified", "edited", "created", "last", "first", "date", "time",
    "veröffentlicht", "aktualisiert", "geändert", "stand", "publié", "publiée", "modifié", "mis", "jour",
    "publicado", "publicada", "actualizado", "atualizado", "modificado", "pubblicato", "aggiornato",
    "gepubliceerd", "bijgewerkt", "기사입력", "기사수정", "입력", "수정", "최종수정", "업데이트", "등록", "승인",
    "公開", "公開日", "更新", "更新日", "配信", "发布", "发布时间", "更新时间", "發佈", "發布", "發布時間",
))
_JOINERS = frozenset((
    "on", "at", "le", "à", "am", "um", "el", "em", "de", "a", "o", "il", "op",
    "utc", "gmt", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "bst", "cet", "cest", "kst", "jst",
    "오전", "오후",
))
_PUNCTUATION = ":|·•,–—-()[]/"
# a section's name (one to four capitalised words, no figure) with no space before the time or date that follows:
# two elements of the page's article-information line whose text an extraction of the page runs together
_GLUED_SECTION = LazyPattern(r"^(?:[A-Z][\w'’&.-]*\s+){0,3}[A-Z][\w'’&.-]*?[^\W\d_](?P<stamp>\d{1,2}:\d{2}\b.*"
                             r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}\b.*)$")


def is_breadcrumb(line: str) -> bool:
    """A trail of section names joined by '>' (or '›', '»'): 'News > Economy > Companies'."""
    if "\n" in line.strip() or not any(sign in line for sign in _CRUMB_SIGNS):
        return False
    crumbs = _CRUMB_SEPARATOR.split(line.strip())
    return len(crumbs) >= MIN_CRUMBS and all(
        0 < len(c.split()) <= MAX_CRUMB_WORDS and c[-1] not in SENTENCE_END and not any(ch.isdigit() for ch in c)
        for c in crumbs)


def is_article_info(line: str) -> bool:
    """A line of the article's posted or updated times and their labels, and nothing else:
    '기사입력 2013-10-24 03:00:00 기사수정 2013-10-24 03:00:00', 'Updated: Oct. 24, 2013 at 3:10 p.m. ET';
    or a section's name run into the time and date the page shows beside it: 'North Korea09:31 August 20, 2019'."""
    line = line.strip()
    if not line or "\n" in line or len(line.split()) > MAX_LINE_WORDS or not any(ch.isdigit() for ch in line):
        return False
    glued = _GLUED_SECTION.match(line)
    if glued:
        line = glued.group("stamp")
        return bool(_DATE_STAMP.search(line)) and not _TIME_STAMP.sub(" ", _DATE_STAMP.sub(" ", line)).strip(
            _PUNCTUATION + " ")
    rest, dates = _DATE_STAMP.subn(" ", line)
    if not dates:
        return False
    rest = _TIME_STAMP.sub(" ", rest)
    words = [w.strip(_PUNCTUATION).lower() for w in rest.split()]
    words = [w for w in words if w]
    return any(w in _LABELS for w in words) and all(w in _LABELS or w in _JOINERS for w in words)
