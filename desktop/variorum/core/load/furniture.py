"""Page furniture and embeds in a version's text: what a page shows around the article without being the article.

Embedded social posts ("… pic.twitter.com/…", "— City Police (@citypolice) May 3, 2021"), sidebars, navigation,
related-link lists, newsletter boxes and wire agencies' copyright lines end up in extracted text, where they read as
paragraphs: a post's date would become a changed figure, a sidebar dozens of missing paragraphs. They are found at
load time and recorded as :class:`~variorum.core.model.Furniture` spans, kept in the text (the reader still sees
them) and out of the checks.

A web page's own structure decides first (``blockquote.twitter-tweet``, ``aside``, ``nav``, elements whose class
or id names a newsletter, a related-links list, sharing buttons, a sidebar or a sponsor's message); then the words of each paragraph
(a breadcrumb trail and a line of posted / updated times are furniture too: see :mod:`.page_lines`; so are a site's
copyright notice and licence numbers: see :mod:`.legal_lines`). Text is judged with
its mojibake repaired ("â€” FEMA (@fema)" is "— FEMA (@fema)"). An "Original url: <…>" footer is marked too: it
is metadata (the metadata checks read it), not words of the article to compare.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence

from variorum.core.lazy_regex import LazyPattern
from variorum.core.load.legal_lines import MAX_NOTICE_CHARS, is_copyright_notice, is_licence_numbers
from variorum.core.load.page_lines import SENTENCE_END, is_article_info, is_breadcrumb
from variorum.core.metadata.fields import original_url_statement
from variorum.core.model import Furniture
from variorum.core.normalize import lower as lower_case
from variorum.core.normalize import pieces, word_count, word_key
from variorum.core.repair import repaired_text
from variorum.core.tokens import paragraphs

EMBED = "embedded social post"
SIDEBAR = "sidebar"
NAVIGATION = "navigation"
RELATED = "related links"
NEWSLETTER = "newsletter box"
SHARING = "sharing buttons"
SPONSOR = "sponsor message"  # an advertisement or a sponsor's line beside the article
COPYRIGHT = "wire agency copyright line"
SOURCE_ADDRESS = "source address"  # an "Original url: <…>" footer: metadata, read by the metadata checks
WIKI_MARKUP = "wiki markup"  # image syntax, templates, tables and magic words a wiki export left in the text
ARTICLE_INFO = "article information"  # the line of an article's posted and updated times over it
LEGAL = "legal notice"  # a site's copyright notice or licence numbers at the foot of its pages

# class names of embeds from the social networks' own embed code
_EMBED_CLASSES = ("twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "fb-post", "fb-video",
                  "reddit-card", "bluesky-embed", "mastodon-embed", "threads-embed")
# words inside class or id values that name page furniture, and what it is
_CLASS_WORDS: tuple[tuple[str, str], ...] = (
    ("newsletter", NEWSLETTER), ("signup", NEWSLETTER), ("sign-up", NEWSLETTER), ("subscribe", NEWSLETTER),
    ("related", RELATED), ("recommended", RELATED), ("more-stories", RELATED),
    ("outbrain", RELATED), ("taboola", RELATED), ("share", SHARING), ("social-links", SHARING),
    ("sidebar", SIDEBAR), ("sponsor", SPONSOR), ("advert", SPONSOR),
)
_CLASS_PATTERNS = tuple((LazyPattern(rf"[\s_-]{re.escape(word)}(?:s|ing)?[\s_-]"), reason)
                        for word, reason in _CLASS_WORDS)
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# "— City Police (@citypolice) May 3, 2021": the attribution line closing an embedded post
_ATTRIBUTION = LazyPattern(rf"^[\W_]{{0,3}}[^\n()]{{1,80}}\(@\w{{1,30}}\)\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s*$")
_POST_LINK = LazyPattern(r"\bpic\.twitter\.com/\w+|\b(?:twitter|x)\.com/\w+/status/\d+|\binstagram\.com/p/\w+",
                         re.IGNORECASE)
_COPYRIGHT = LazyPattern(r"^(?:copyright\b|©|\(c\)\s)[^\n]{0,120}\ball rights reserved\b|"
                         r"\bmay not be published, broadcast, rewritten,? or redistributed\b", re.IGNORECASE)
_NEWSLETTER = LazyPattern(r"^(?:sign up|subscribe)\b[^\n]{0,160}\b(?:newsletter|inbox|e-?mail|updates)\b",
                          re.IGNORECASE)
# the label over a list of links to other stories, alone on its line ("More coverage", "Read more:"); a line that
# names one related article is left to the reader: it can be what a copy of the article lost
_RELATED = LazyPattern(r"^(?:related(?: articles| stories| coverage| content)?|read more|more coverage|"
                       r"more on this story|see also|also read|recommended(?: for you)?|you may also like|"
                       # the heading over a box of other stories: "Trending On Reuters", "Most Popular",
                       # "REUTERS SHOWCASE", "Top Stories", "Editor's Picks", "In The News", "More Must-Reads From TIME"
                       r"trending(?: now| stories| (?:on|in) [\w .'’&-]{1,30})?|most (?:popular|read|viewed|shared|"
                       r"emailed|commented)(?: stories| articles)?|top (?:stories|headlines)|latest (?:news|headlines)|"
                       r"editors?['’]?s?['’]? (?:picks|choice)|(?:[\w'’&-]+ ){0,2}showcase|in the news|"
                       r"(?:more (?:news|stories|headlines)|(?:more )?must[- ]reads?)(?: from [\w .'’&-]{1,30})?|around the web|"
                       r"(?:promoted|sponsored) (?:stories|content|links)|(?:part of )?complete coverage(?: on)?)"
                       r"\s*[:|»›>-]?$",
                       re.IGNORECASE)
# a cross-reference line of a wiki or a reference page ("See also: List of …", "see also iraqi production …")
_SEE_ALSO = LazyPattern(r"^see also\b[:\s][^\n]{1,160}$", re.IGNORECASE)
MAX_SEE_ALSO_WORDS = 16
# a teaser of another story, closed by the link to it ("... on the sidelines of a banking retreat. Full Article");
# every such link holds "full" or "read", in letters that match only themselves when case is ignored
_TEASER = re.compile(r"^(?:\S+\s+){6,}(?:full (?:article|story|coverage)|continue reading|read (?:more|the full story))"
                     r"\s*[»›>…]*$", re.IGNORECASE)
MAX_HEADLINE_WORDS = 16  # the headline line over a teaser
_FOLLOW = LazyPattern(r"^follow (?:us|[\w ]{1,40}) on (?:twitter|x|facebook|instagram|tiktok|threads|bluesky)\b",
                      re.IGNORECASE)
# wiki markup that an export of a wiki page leaves as a paragraph of its own: an image with its options
# ("thumb|right|200px|Henry Moseley", "[[File:Moseley.jpg|thumb|…]]"), a template ("{{Infobox …}}"), a table
# ("{| class=…", "|}"), a category link or a magic word ("__NOTOC__")
_IMAGE_OPTION = r"(?:thumb(?:nail)?|frame(?:less)?|border|left|right|cent(?:er|re)|none|upright(?:=[\d.]+)?|\d+(?:x\d+)?px)"
_WIKI_MARKUP = re.compile(
    rf"^(?:\[\[\s*(?:file|image|media|category)\s*:[^\n]*"
    rf"|(?:[^|\n\[\]]{{1,120}}\|)?{_IMAGE_OPTION}(?:\|{_IMAGE_OPTION})*\|[^\n]*"
    rf"|\{{\{{[^\n]*\}}\}}|\{{\{{[^\n]*|\{{\|[^\n]*|\|\}}|__[A-Z]{{4,20}}__)$",
    re.IGNORECASE)
# what every line of wiki markup holds: the pattern, which reads up to 120 characters of a line before it fails,
# is tried only in a paragraph holding one of them
_WIKI_MARKS = ("|", "[[", "{{", "__")
MAX_PROMPT_WORDS = 40  # a newsletter or "read more" prompt is short; a paragraph of the article is not one
MAX_BLOCK_SHARE = 0.35  # furniture never holds more than this share of a page's words
MIN_MATCH_WORDS = 4  # a shorter paragraph is furniture only when it is a whole furniture block


def _class_tokens(el) -> str:
    return f" {el.get('class') or ''} {el.get('id') or ''} ".lower()


def page_blocks(tree) -> list[tuple[str, str]]:
    """(words, reason) of every element of a parsed web page that is furniture or an embed, outermost only.

    An element holding most of the page's words is a wrapper of the article, whatever its class says."""
    out: list[tuple[str, str]] = []
    body = tree.find("body")
    root = body if body is not None else tree
    page_words = sum(word_count(piece) for piece in _joined_in_pieces(root.itertext()))
    boxes = _labelled_boxes(root)
    stack = [root]
    while stack:
        el = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag:
            continue
        reason = RELATED if el in boxes else _reason(el, tag)
        if reason is not None:
            words = word_key(el.text_content())
            if words and (reason == EMBED or len(words.split()) <= MAX_BLOCK_SHARE * page_words):
                out.append((words, reason))
                continue
        stack.extend(reversed(el))
    return out


def _joined_in_pieces(chunks: Iterable[str], size: int = 1 << 20) -> Iterator[str]:
    """The text ``chunks`` make when joined, in pieces of about ``size`` characters or more, each cut just after
    white space (see :func:`~variorum.core.normalize.pieces`): the words of a page of megabytes are counted
    without a copy of all its text (a page's text in one string is twice its size in memory, or four times)."""
    held: list[str] = []
    count = 0
    for chunk in chunks:
        held.append(chunk)
        count += len(chunk)
        if count >= size:
            *whole, rest = pieces("".join(held))
            yield from whole
            held, count = [rest], len(rest)
    if count:
        yield "".join(held)


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
MAX_BOX_WORDS = 600  # a box of other stories' headlines and teasers; more is a page's column, not one box
MIN_LINK_SHARE = 0.15  # of a box's words in its links
MAX_LABEL_WORDS = 6


def _labels(root):
    """The elements a page titles a box with: headings, and elements holding nothing but a short line of text
    (``<div class="title">Most Popular</div>``), each with its label when it reads as a box's."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _HEADINGS:
            label = " ".join(el.text_content().split())
        elif len(el) == 0 and el.text and len(el.text.split()) <= MAX_LABEL_WORDS:
            label = " ".join(el.text.split())
        else:
            continue
        if label and _RELATED.match(label):
            yield el, label


def _in_story(el) -> bool:
    """Whether ``el`` is inside the page's story: an ``<article>``, or a ``<main>`` that holds no ``<article>`` (a
    ``<main>`` that holds one has its story there, and the boxes after it are the page's)."""
    for ancestor in el.iterancestors():
        if ancestor.tag == "article":
            return True
        if ancestor.tag == "main":
            return next(ancestor.iter("article"), None) is None
    return False


def _labelled_boxes(root) -> set:
    """Boxes of other stories a page titles with a label ("Trending On Reuters", "Most Popular"): for each such
    label, the nearest element around it that holds more than the label and links (the box, with its list of
    stories)."""
    boxes = set()
    for labelled, label in _labels(root):
        if _in_story(labelled):
            continue  # a section of the article itself ("In the news" as one of its subheadings)
        el = labelled.getparent()
        while el is not None and el is not root and (
                len(el.text_content().split()) <= len(label.split()) or next(el.iter("a"), None) is None):
            el = el.getparent()
        if el is None or el is root:
            continue
        words = _seen_words(el)
        if len(words) <= MAX_BOX_WORDS and words[:len(label.split())] == label.split() \
                and not _holds_prose(el, len(words) - len(label.split())):
            boxes.add(el)  # titled at its top (a story with a "Related" heading further down is not a box)
    return boxes


_SEEN_TEXT = "./descendant-or-self::*[not(self::script or self::style or self::noscript or self::template)]" \
             "/text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"


def _seen_words(el) -> list[str]:
    """The words a reader sees in ``el`` (not those of its scripts and styles)."""
    return [w for text in el.xpath(_SEEN_TEXT) for w in str(text).split()]


def _holds_prose(el, words: int) -> bool:
    """Whether an element is mostly running text rather than links (a short story with a "Related" heading in
    it): besides its label (``words`` are the others), a box of other stories is a fair share links, its
    headlines and "Full Article"."""
    linked = sum(len(a.text_content().split()) for a in el.iter("a"))
    return linked < MIN_LINK_SHARE * words


def _reason(el, tag: str) -> str | None:
    classes = _class_tokens(el)
    if tag == "blockquote":
        if any(f" {c} " in classes for c in _EMBED_CLASSES):
            return EMBED
        text = el.text_content()
        lines = [ln.strip() for ln in repaired_text(text).text.splitlines() if ln.strip()]
        if _POST_LINK.search(text) or any(_ATTRIBUTION.match(ln) for ln in lines):
            return EMBED
        return None
    if tag == "aside" or (el.get("role") or "").lower() == "complementary":
        return SIDEBAR
    if tag == "nav" or (el.get("role") or "").lower() == "navigation":
        return NAVIGATION
    if tag in ("html", "body", "main", "article"):
        return None
    for pattern, reason in _CLASS_PATTERNS:
        if pattern.search(classes):
            return reason
    return None


def _at_most_words(para: str, limit: int) -> bool:
    """``len(para.split()) <= limit``, splitting no further than the word after the limit (the rest of a long
    paragraph stays one piece)."""
    return len(para.split(None, limit)) <= limit


def _text_reason(para: str) -> str | None:
    """What a paragraph is when its words alone show it is furniture, else None.

    The patterns are searched only in paragraphs holding the words each needs (case aside), which most do not:
    a search tries them at every position of the paragraph.
    """
    lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
    lower = lower_case(para)
    if (".com/" in lower and _POST_LINK.search(para)) or \
            ("(@" in para and any(_ATTRIBUTION.match(ln) for ln in lines)):
        return EMBED
    if ("all r" in lower or "may not be p" in lower) and _COPYRIGHT.search(para):
        return COPYRIGHT
    if len(para) <= MAX_NOTICE_CHARS and ("all r" in lower or "版" in para) and is_copyright_notice(para):
        return LEGAL
    if len(lines) == 1 and ("ICP" in para or "网" in para or "網" in para) and is_licence_numbers(para):
        return LEGAL
    if lines and any(mark in para for mark in _WIKI_MARKS) and all(_WIKI_MARKUP.match(ln) for ln in lines):
        return WIKI_MARKUP
    words = len(para.split(None, 2 * MAX_PROMPT_WORDS))  # exact up to the limits asked below, then over them
    prompt = words <= MAX_PROMPT_WORDS
    if len(lines) == 1 and prompt:
        if is_breadcrumb(para):
            return NAVIGATION
        if is_article_info(para):
            return ARTICLE_INFO
    if prompt:
        if _NEWSLETTER.match(para):
            return NEWSLETTER
        if _RELATED.match(para) or (_SEE_ALSO.match(para) and words <= MAX_SEE_ALSO_WORDS):
            return RELATED
        if _FOLLOW.match(para):
            return SHARING
    if words <= 2 * MAX_PROMPT_WORDS and ("full" in lower or "read" in lower) \
            and _TEASER.search(para):  # the link's words first: the pattern reads every word before them
        return RELATED
    return None


def _headline_over(para: str) -> bool:
    """A short line without a sentence's closing punctuation: the linked headline a teaser sits under."""
    return bool(para.strip()) and _at_most_words(para, MAX_HEADLINE_WORDS) and "\n" not in para.strip() \
        and para.rstrip()[-1] not in SENTENCE_END


def find_furniture(text: str, blocks: Sequence[tuple[str, str]] = ()) -> tuple[Furniture, ...]:
    """The furniture in ``text``: paragraphs inside one of the page's furniture ``blocks`` (see
    :func:`page_blocks`), then paragraphs whose words show what they are."""
    repaired = repaired_text(text)
    found: list[Furniture] = []
    known = _Blocks(blocks)
    previous: tuple[int, int] | None = None
    for start, end in paragraphs(repaired.text):
        para = repaired.text[start:end]
        reason = known.reason(para) or _text_reason(para)
        if reason is not None:
            if reason == RELATED and previous is not None and _TEASER.search(para) \
                    and _headline_over(repaired.text[previous[0]:previous[1]]):
                start = previous[0]  # the teaser's headline goes with it
                found = [f for f in found if f.start < repaired.start_in_original(start)]
            s, e = repaired.start_in_original(start), repaired.end_in_original(end)
            found.append(Furniture(s, e, reason))
        previous = (start, end)
    statement = original_url_statement(text)
    if statement is not None:
        found = [f for f in found if not (statement[0] <= f.start < statement[1])]
        found.append(Furniture(*statement, SOURCE_ADDRESS))
        found.sort(key=lambda f: f.start)
    return tuple(_merged(found, text))


class _Blocks:
    """A page's furniture blocks, looked up by a paragraph's words: the whole block for a short paragraph, any
    part of one for a longer paragraph (the first block in page order that holds it). All blocks are searched at
    once, as one string, so a page of thousands of blocks and paragraphs is not searched block by block."""

    def __init__(self, blocks: Sequence[tuple[str, str]]) -> None:
        self.whole: dict[str, str] = {}
        for words, reason in blocks:
            self.whole.setdefault(words, reason)
        self.reasons = [reason for _words, reason in blocks]
        # block words never hold a line break (see word_key): a match never runs from one block into the next
        self.starts: list[int] = []
        at = 0
        for words, _reason in blocks:
            self.starts.append(at)
            at += len(words) + 1
        self.joined = "\n".join(words for words, _reason in blocks)

    def reason(self, para: str) -> str | None:
        if not self.reasons:  # a page without furniture blocks, or a file that is not a web page
            return None
        words = word_key(para)
        if not words:
            return None
        if len(words.split()) < MIN_MATCH_WORDS:
            return self.whole.get(words)
        at = self.joined.find(words)
        return self.reasons[bisect.bisect_right(self.starts, at) - 1] if at >= 0 else None


def _merged(found: list[Furniture], text: str) -> Iterable[Furniture]:
    """Neighbouring paragraphs of one kind of furniture as one span (an embedded post and its attribution)."""
    out: list[Furniture] = []
    for f in found:
        prev = out[-1] if out else None
        between = text[prev.end:f.start].strip() if prev is not None else ""
        # a short line between two pieces of one box of links (a headline over a teaser) is part of the box; between
        # two embedded posts it can be the article's ("He resigned.")
        if prev is not None and prev.reason == f.reason and (not between or (
                f.reason == RELATED and "\n" not in between and len(between.split()) < MIN_MATCH_WORDS)):
            out[-1] = Furniture(prev.start, f.end, f.reason)
        else:
            out.append(f)
    return out
