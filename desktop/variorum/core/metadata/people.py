"""Whether what a page names as its author or photo credit is one: a byline is people's names, a credit names
whoever made or supplied the picture.

Pages fill their author fields with many other things: a social handle (``@citydesk``), the outlet itself ("The
Daily Courier", the same as its site name), a desk ("CITY POST STAFF") or a name run together with the date and time
it was printed ("JANE DOE MARCH 3, 2021 10:43"). A date or time after the names is cut off; what is left is a byline
only when it reads as one or more people's names.
"""

from __future__ import annotations

import re

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# a date or time stuck to the end of the names: "… NOVEMBER 20, 2019 10:43", "… 20/11/2019", "… | 10:43 am"
_TRAILING_DATE = re.compile(rf"[\s,|·•–—-]+(?:{_MONTH}\s+\d|\d).*$", re.IGNORECASE)
# words that name a group of people or an organisation's desk, never one person
_GROUP_WORDS = frozenset({
    "staff", "desk", "team", "newsroom", "editors", "editorial", "agencies", "agency", "wires", "wire", "reporters",
    "correspondents", "contributors", "bureau", "services", "service", "news", "press", "media", "online",
    "digital", "admin", "administrator", "webmaster"})
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")
MAX_WORDS_PER_NAME = 5


def person_byline(value: str | None, site_name: str | None = None) -> str | None:
    """``value`` as a byline of people's names, or None when it names no person (a handle, a desk, the site)."""
    if not value:
        return None
    text = _TRAILING_DATE.sub("", " ".join(value.split())).strip(" ,;|·")
    if not text or "@" in text or "://" in text:  # a social handle, an e-mail address, a profile's address
        return None
    if site_name and text.casefold() == " ".join(site_name.split()).casefold():
        return None
    names = [n.strip() for n in re.split(r",|;|&|\band\b|\bund\b|\bet\b|\by\b", text) if n.strip()]
    if not names:
        return None
    for name in names:
        words = name.split()
        if len(words) > MAX_WORDS_PER_NAME or not all(_NAME_WORD.match(w) for w in words):
            return None
        if any(w.casefold().strip(".") in _GROUP_WORDS for w in words):
            return None
    return text


# words a credit may write in lower case ("Photo by …", "courtesy of …", "Getty Images via AP")
_CREDIT_SMALL = frozenset({"by", "and", "of", "for", "via", "courtesy", "de", "da", "van", "von", "la", "le", "the",
                           "photo", "photos", "image", "images", "credit", "file", "pool", "handout", "staff"})
MAX_CREDIT_WORDS = 10
# a credit closing a caption: "(Fethi Belaid/AFP/Getty Images)", "Photo: Jane Doe / Reuters"
_TRAILING_CREDIT = re.compile(r"(?:\((?P<paren>[^()]{2,80})\)|(?:photo|image|credit)s?\s*:\s*(?P<label>[^.:]{2,80}))"
                              r"\s*\.?$", re.IGNORECASE)


_CREDIT_LABEL = re.compile(r"^(?:©|\(c\)|(?:photo(?:graph)?|image|picture|foto|credit)s?\s*(?:credit)?\s*:)",
                           re.IGNORECASE)


def _reads_as_credit(text: str) -> bool:
    words = text.split()
    if not words or len(words) > MAX_CREDIT_WORDS or "@" in text:
        return False
    if _CREDIT_LABEL.match(text):
        return True  # labelled as a credit ("Photo: efe/epa"), short: it is one, however it is written
    lower = [w for w in words if w[:1].islower() and "/" not in w and w.casefold().strip(".,:;") not in _CREDIT_SMALL]
    return not lower


def credit_text(value: str | None) -> str | None:
    """The credit in what a page marks as one: itself when it reads as a credit, the credit closing it when it is
    a caption ending in one, else None (a caption fragment, a social handle)."""
    if not value:
        return None
    text = " ".join(value.split())
    if _reads_as_credit(text):
        return text
    m = _TRAILING_CREDIT.search(text)
    found = (m.group("paren") or m.group("label") or "").strip() if m else ""
    return found if _reads_as_credit(found) else None
