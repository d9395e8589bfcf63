"""What counts as *cosmetic*: the normal form of characters and tokens, and the category of a difference.

A difference that vanishes once both sides are normalized is cosmetic. The rules cover typographic vs straight
quotes and apostrophes, dashes, ellipses, non-breaking and repeated spaces, line wraps and end-of-line
hyphenation from PDF extraction, soft hyphens, Unicode compatibility forms and Markdown/HTML markup leftovers.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from variorum.core.lazy_regex import LazyPattern

# Characters mapped before comparison. Quotation marks of every style become one mark: the style of quoting
# is typography, not content.
_CHAR_MAP = {
    # apostrophes and single quotes
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'", "\u0060": "'",
    "\u00b4": "'",
    # double quotes and guillemets
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2039": '"', "\u203a": '"',
    # dashes and minus signs
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    # spaces
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u3000": " ",
    # invisible characters
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
    # ellipsis
    "\u2026": "...",
}
_TRANSLATE = str.maketrans(_CHAR_MAP)
_CHAR_PAIRS = tuple(_CHAR_MAP.items())
_ASCII_PAIRS = tuple((char, plain) for char, plain in _CHAR_PAIRS if char.isascii())  # the grave accent

# Characters that are Markdown/HTML markup when they stand alone as a token.
MARKUP_TOKENS = frozenset({"*", "**", "***", "_", "__", "#", "##", "###", "####", "#####", "######", "[", "]",
                           "<", ">", "`", "```", "|", "~~", ">>"})
_MD_LINK_TARGET = re.compile(r"^\]\([^)\s]*\)$")
_SPACE_RUN = re.compile(r"\s+")
# The runs of white space that are not one plain space: collapsing these alone gives what collapsing every run
# does, without rebuilding a long text piece by piece around each of its spaces.
_SPACES_NOT_ONE = re.compile(r"[^\S ]\s*| \s+")  # each alternative starts with the character it needs
# Every character the pattern's \s matches (str.isspace's), deleted: ``_SPACE_RUN.sub("", text)`` in one pass.
WHITE_SPACE = ("\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
               "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_NO_SPACES = str.maketrans("", "", WHITE_SPACE)
# a hyphen at a line end between two words; the pattern starts at the hyphen and looks back from there (a
# lookbehind first is tried at every position of the text)
_WRAP_HYPHEN = re.compile(r"-(?<=\w-)\s*\n\s*(?=\w)")
_WORD = re.compile(r"\w+")
URL_IN_TEXT = re.compile(r"(?:https?://|www\.)\S+")  # an address written out in running text


def map_chars(text: str) -> str:
    """``text.translate(_TRANSLATE)``, done as one ``str.replace`` per mapped character present: many times
    faster on long texts, and the same, as no replacement contains a mapped character."""
    for char, plain in _CHAR_PAIRS:
        if char in text:
            text = text.replace(char, plain)
    return text


def normalize_chars(text: str) -> str:
    """Unicode compatibility forms folded (NFKC) and typographic characters mapped to plain ones."""
    if text.isascii():  # nothing to fold (the common case, and a fast check), only ASCII characters to map
        for char, plain in _ASCII_PAIRS:
            if char in text:
                text = text.replace(char, plain)
        return text
    if unicodedata.is_normalized("NFKC", text):
        return map_chars(text)
    return map_chars(unicodedata.normalize("NFKC", map_chars(text)))


def is_markup(raw: str) -> bool:
    return raw in MARKUP_TOKENS or bool(_MD_LINK_TARGET.match(raw))


@functools.lru_cache(maxsize=1 << 17)  # keyed by one token: small, bounded, the same in every run
def normalize_token(raw: str) -> str:
    """The comparison key of one token; empty for pure markup (it never takes part in alignment)."""
    if is_markup(raw):
        return ""
    text = normalize_chars(raw)
    text = _WRAP_HYPHEN.sub("-", text)  # "post-\nSoviet" -> "post-Soviet"
    text = _SPACE_RUN.sub("", text)
    return text.casefold()


def normalize_text(text: str) -> str:
    """A whole passage in normal form: for deciding whether two passages say the same thing."""
    text = normalize_chars(text)
    if "\n" in text and "-" in text:  # a hyphen at a line end needs both
        text = _WRAP_HYPHEN.sub("-", text)
    # runs of white space as one space, none at the ends (" ".join(text.split()), without a list of every word:
    # str.split's white space is the pattern's \s)
    return casefold(_single_spaced(text))


# Case folding works a character at a time, and str.casefold sets aside room for three characters of four bytes
# for each one: a long text is folded a piece at a time, with the same result in a twelfth of the memory.
_CASEFOLD_PIECE = 1 << 16


def casefold(text: str) -> str:
    """``text.casefold()``, in bounded extra memory."""
    if len(text) <= _CASEFOLD_PIECE:
        return text.casefold()
    return "".join(text[i:i + _CASEFOLD_PIECE].casefold() for i in range(0, len(text), _CASEFOLD_PIECE))


_ANY_SPACE = LazyPattern(r"\s")


def lower(text: str) -> str:
    """``text.lower()``, in bounded extra memory (str.lower, like casefold, sets aside twelve bytes for each
    character). The text is cut only just after white space, where no letter's lower case depends on its
    neighbours (a Greek final sigma), so the result is the same."""
    if len(text) <= _CASEFOLD_PIECE:
        return text.lower()
    return "".join(piece.lower() for piece in pieces(text))


def pieces(text: str) -> Iterator[str]:
    """``text`` in pieces of a little over ``_CASEFOLD_PIECE`` characters, each cut just after white space (no
    word, markup run, link target or letter whose form depends on its neighbours runs across such a cut)."""
    start = 0
    while start < len(text):
        space = _ANY_SPACE.search(text, start + _CASEFOLD_PIECE)
        end = space.end() if space else len(text)
        yield text[start:end]
        start = end


def word_count(text: str) -> int:
    """``len(word_key(text).split())``, without a list of the words or a normal form of the whole text: a long
    text is read a piece at a time, cut just after white space (no word runs across it, and the normal form of a
    piece is that part of the whole's, as far as its words go)."""
    return sum(1 for piece in pieces(text) for _ in _WORD.finditer(normalize_text(piece)))


def word_key(text: str) -> str:
    """A passage as its words only: no case, punctuation, quotation marks or markup ("'Dam Bursts!'" → "dam bursts").

    A long passage is read a piece at a time (see :func:`pieces`; no word runs across a cut, and the words of a
    piece's normal form are that part of the whole's): neither a normal form of all of it nor a list of every word
    (some 60 bytes a word) is made."""
    if len(text) <= _CASEFOLD_PIECE:
        return " ".join(_WORD.findall(normalize_text(text)))
    return " ".join(_words_of_pieces(text))


def spaced_word_key(text: str) -> str:
    """``f" {word_key(text)} "``, made as one string (a text of megabytes is not held twice to add two spaces)."""
    if len(text) <= _CASEFOLD_PIECE:
        return f" {word_key(text)} "
    found = list(_words_of_pieces(text))
    return " ".join(["", *found, ""]) if found else "  "


def _words_of_pieces(text: str) -> Iterator[str]:
    """The words of each piece of ``text`` that has any (:func:`pieces`), single-spaced."""
    for piece in pieces(text):
        words = " ".join(_WORD.findall(normalize_text(piece)))
        if words:
            yield words


def strip_urls(text: str) -> str:
    """``text`` with every address written out in it replaced by a space."""
    return URL_IN_TEXT.sub(" ", text)


def paragraph_key(text: str) -> str:
    """The comparison key of a paragraph: equal keys mean the paragraphs differ at most cosmetically."""
    return normalize_text(_strip_markup(text))


_LINK_TARGET = LazyPattern(r"\]\([^)\s]*\)")
_MARKUP_RUN = re.compile(r"[*_#\[\]<>`|~]+")
_MARKUP_CHARS = "*_#[]<>`|~"  # what the pattern's class holds: one look for each is faster than the pattern's scan


def _strip_markup(text: str) -> str:
    if "](" in text:
        text = _LINK_TARGET.sub(" ", text)
    if not any(char in text for char in _MARKUP_CHARS):  # most paragraphs and sentences have no markup at all
        return text
    return _MARKUP_RUN.sub(" ", text)


def _kind_of_raw_change(a: str, b: str) -> str | None:
    """Name the cosmetic category that explains the difference between two raw strings, or None."""
    if a == b:
        return None
    if _single_spaced(a) == _single_spaced(b):
        return "whitespace"
    na, nb = normalize_chars(a), normalize_chars(b)
    if _single_spaced(na) == _single_spaced(nb):
        if any(c in _INVISIBLE for c in a + b) and a.translate(_TRANSLATE).split() == b.translate(_TRANSLATE).split():
            return "whitespace"
        return "typography"
    if _WRAP_HYPHEN.sub("-", na).translate(_NO_SPACES) == _WRAP_HYPHEN.sub("-", nb).translate(_NO_SPACES):
        return "hyphenation" if ("-" in na or "-" in nb) else "whitespace"
    if _plain(a) == _plain(b):
        return "markup"
    if casefold(_plain(a)) == casefold(_plain(b)):
        return "case"
    return None


_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\u00a0\u202f\u2009")


def _plain(text: str) -> str:
    """The text without markup, in normal characters, single-spaced (case kept)."""
    return _single_spaced(_WRAP_HYPHEN.sub("-", normalize_chars(_strip_markup(text))))


def cosmetic_category(base: str, other: str) -> str | None:
    """The cosmetic category of a change from ``base`` to ``other``, or None if the change is substantive."""
    return _kind_of_raw_change(base, other)


def says_nothing(text: str, *, ignore_urls: bool = False) -> bool:
    """``not normalize_text(text)`` (``not normalize_text(strip_urls(text))`` when ``ignore_urls``): the text
    holds only white space and invisible characters (and addresses), read a piece at a time instead of in one
    normal form of all of it (no address runs across a cut)."""
    if _ASCII_LETTER_OR_DIGIT.search(text) and "://" not in text and "www." not in text:
        return False  # no address to leave out, and a letter or digit that the normal form keeps as it is
    return all(_blank(normalize_chars(strip_urls(piece) if ignore_urls else piece)) for piece in pieces(text))


_ASCII_LETTER_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


def _blank(text: str) -> bool:
    """Whether the text is empty or white space only (``not text.strip()``, without a copy)."""
    return not text or text.isspace()


def one_sided_category(text: str, *, before: str = "") -> str:
    """The category of a passage only one side has (a deletion or an insertion): ``cosmetic_category(text, "")
    or difference_category(text, "", before=before)``.

    Against nothing, only what the passage holds decides: white space alone, invisible characters, markup alone,
    punctuation alone, else what its words are. A passage is so read a piece at a time (see :func:`pieces`; each
    normal form of a piece is that part of the whole's) instead of in normal forms of all of it (a removed
    paragraph of megabytes took five copies of itself at once), and without the comparisons with the other side
    that a change between two passages needs (a paragraph of words is classified in half the time: a page of
    thousands of paragraphs against a short text is mostly such passages)."""
    if text.isspace():
        return "whitespace"
    if says_nothing(text):
        if any(c in _INVISIBLE for c in text) and all(_blank(p.translate(_TRANSLATE)) for p in pieces(text)):
            return "whitespace"
        return "typography"
    if all(_blank(_plain(piece)) for piece in pieces(text)):
        return "markup"
    if not any(_WORD_CHAR.search(normalize_text(_strip_markup(piece))) for piece in pieces(text)):
        return "punctuation"
    return _kind_of_wording((text,), before)


_WORD_CHAR = re.compile(r"\w")


def substantive_category(base: str, other: str) -> str:
    """The category of a change that survives normalization."""
    nb, no = normalize_text(_strip_markup(base)), normalize_text(_strip_markup(other))
    if not _WORD_CHAR.search(nb) and not _WORD_CHAR.search(no):
        return "punctuation"
    if nb.replace("-", "").replace(" ", "") == no.replace("-", "").replace(" ", ""):
        return "hyphenation"
    strip_punct = re.compile(r"[^\w\s]")
    if _single_spaced(strip_punct.sub("", nb)) == _single_spaced(strip_punct.sub("", no)):
        return "punctuation"
    return "wording"


_MONTH_OR_DAY = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    r"september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b\.?",
    re.IGNORECASE)
_DATE_DIGITS = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b")
_MONTH_BEFORE = re.compile(_MONTH_OR_DAY.pattern + r"\s*$", re.IGNORECASE)
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:]\s*|\n\s*)$")


def difference_category(base: str, other: str, *, before: str = "") -> str:
    """What a substantive difference changes, for a reader: ``link``, ``date``, ``number``, ``name``,
    ``punctuation``, ``hyphenation`` or ``wording``. ``before`` is the text just before the base side (a day
    changed after "Aug." is a date; a capitalised word at the start of a sentence is not a name)."""
    found = substantive_category(base, other)
    if found != "wording":
        return found
    return _kind_of_wording((base, other), before)


def _kind_of_wording(texts: tuple[str, ...], before: str) -> str:
    """What a change of wording between ``texts`` is about: a link, a date, a number, a name, else wording. Each
    text is read where it is, none joined to another (no pattern here matches across the space that would join
    them)."""
    if any(URL_IN_TEXT.search(text) or "](" in text for text in texts):
        return "link"
    digits = any(any(map(str.isdigit, text)) for text in texts)
    if (digits and (any(_DATE_DIGITS.search(text) for text in texts) or _MONTH_BEFORE.search(before))) or \
            (any(_MONTH_OR_DAY.search(text) for text in texts) and
             (digits or not any(_letters_beyond(text) for text in texts))):
        return "date"
    if digits:
        return "number"
    if _all_capitalised(*texts) and not _starts_sentence(before):
        return "name"
    return "wording"


def _single_spaced(text: str) -> str:
    """``" ".join(text.split())``, without a list of every word. Most text has no white space but single spaces
    and line breaks: with its line breaks made spaces, printable text without two spaces in a row is already
    single-spaced, and only its ends are left to strip."""
    flat = text.replace("\n", " ")
    if "  " not in flat and flat.isprintable():
        return flat.strip()
    return _SPACES_NOT_ONE.sub(" ", text).strip()


def _all_capitalised(*texts: str) -> bool:
    """Whether the texts hold words and every one is capitalised (stops at the first that is not)."""
    found = False
    for text in texts:
        for m in _NAME_WORD.finditer(text):
            if not m.group()[:1].isupper():
                return False
            found = True
    return found


def _starts_sentence(before: str) -> bool:
    """Whether what follows ``before`` starts a sentence (not after a title such as "Mr." or an initial)."""
    if not _SENTENCE_END.search(before):
        return False
    title = re.search(r"\b([A-Z][a-z]{0,2})\.\s*$", before)
    return title is None


_LETTER = re.compile(r"[^\W\d_]")


def _letters_beyond(text: str) -> bool:
    """Whether ``text`` has words besides month and weekday names: a letter outside every such name (the text
    read between them, not copied without them)."""
    pos = 0
    for m in _MONTH_OR_DAY.finditer(text):
        if _LETTER.search(text, pos, m.start()):
            return True
        pos = m.end()
    return bool(_LETTER.search(text, pos))
