"""Page furniture and embeds in a version's text: what a page shows around the article without being the article.

Embedded social posts ("… pic.twitter.com/…", "— City Police (@citypolice) May 3, 2021"), sidebars, navigation,
related-link lists, newsletter boxes and wire agencies' copyright lines end up in extracted text, where they read as
paragraphs: a post's date would become a changed figure, a sidebar dozens of missing paragraphs. They are found at
load time and recorded as :class:`~variorum.core.model.Furniture` spans, kept in the text (the reader still sees
them) and out of the checks.

A web page's own structure decides first (``blockquote.twitter-tweet``, ``aside``, ``nav``, elements whose class
names a newsletter, a related-links list or sharing buttons); then the words of each paragraph. Text is judged with
its mojibake repaired ("â€” FEMA (@fema)" is "— FEMA (@fema)"). An "Original url: <…>" footer is marked too: it
is metadata (the metadata checks read it), not words of the article to compare.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from variorum.core.metadata.fields import original_url_statement
from variorum.core.model import Furniture
from variorum.core.normalize import word_key
from variorum.core.repair import repaired_text
from variorum.core.tokens import paragraphs

EMBED = "embedded social post"
SIDEBAR = "sidebar"
NAVIGATION = "navigation"
RELATED = "related links"
NEWSLETTER = "newsletter box"
SHARING = "sharing buttons"
COPYRIGHT = "wire agency copyright line"
SOURCE_ADDRESS = "source address"  # an "Original url: <…>" footer: metadata, read by the metadata checks
WIKI_MARKUP = "wiki markup"  # image syntax, templates, tables and magic words a wiki export left in the text

# class names of embeds from the social networks' own embed code
_EMBED_CLASSES = ("twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "fb-post", "fb-video",
                  "reddit-card", "bluesky-embed", "mastodon-embed", "threads-embed")
# words inside class or id values that name page furniture, and what it is
_CLASS_WORDS: tuple[tuple[str, str], ...] = (
    ("newsletter", NEWSLETTER), ("signup", NEWSLETTER), ("sign-up", NEWSLETTER), ("subscribe", NEWSLETTER),
    ("related", RELATED), ("recommended", RELATED), ("more-stories", RELATED),
    ("outbrain", RELATED), ("taboola", RELATED), ("share", SHARING), ("social-links", SHARING),
)
_CLASS_PATTERNS = tuple((re.compile(rf"[\s_-]{re.escape(word)}(?:s|ing)?[\s_-]"), reason)
                        for word, reason in _CLASS_WORDS)
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# "— City Police (@citypolice) May 3, 2021": the attribution line closing an embedded post
_ATTRIBUTION = re.compile(rf"^[\W_]{{0,3}}[^\n()]{{1,80}}\(@\w{{1,30}}\)\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s*$")
_POST_LINK = re.compile(r"\bpic\.twitter\.com/\w+|\b(?:twitter|x)\.com/\w+/status/\d+|\binstagram\.com/p/\w+",
                        re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s)[^\n]{0,120}\ball rights reserved\b|"
                        r"\bmay not be published, broadcast, rewritten,? or redistributed\b", re.IGNORECASE)
_NEWSLETTER = re.compile(r"^(?:sign up|subscribe)\b[^\n]{0,160}\b(?:newsletter|inbox|e-?mail|updates)\b",
                         re.IGNORECASE)
# the label over a list of links to other stories, alone on its line ("More coverage", "Read more:"); a line that
# names one related article is left to the reader: it can be what a copy of the article lost
_RELATED = re.compile(r"^(?:related(?: articles| stories| coverage| content)?|read more|more coverage|"
                      r"more on this story|see also|also read|recommended(?: for you)?|you may also like)\s*[:|»›>-]?$",
                      re.IGNORECASE)
# a cross-reference line of a wiki or a reference page ("See also: List of …", "see also iraqi production …")
_SEE_ALSO = re.compile(r"^see also\b[:\s][^\n]{1,160}$", re.IGNORECASE)
MAX_SEE_ALSO_WORDS = 16
_FOLLOW = re.compile(r"^follow (?:us|[\w ]{1,40}) on (?:twitter|x|facebook|instagram|tiktok|threads|bluesky)\b",
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
    page_words = len(word_key(root.text_content()).split())
    stack = [root]
    while stack:
        el = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag:
            continue
        reason = _reason(el, tag)
        if reason is not None:
            words = word_key(el.text_content())
            if words and (reason == EMBED or len(words.split()) <= MAX_BLOCK_SHARE * page_words):
                out.append((words, reason))
                continue
        stack.extend(reversed(el))
    return out


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


def _text_reason(para: str) -> str | None:
    """What a paragraph is when its words alone show it is furniture, else None.

    The patterns are searched only in paragraphs holding the words each needs (case aside), which most do not:
    a search tries them at every position of the paragraph.
    """
    lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
    lower = para.lower()
    if (".com/" in lower and _POST_LINK.search(para)) or \
            ("(@" in para and any(_ATTRIBUTION.match(ln) for ln in lines)):
        return EMBED
    if ("all r" in lower or "may not be p" in lower) and _COPYRIGHT.search(para):
        return COPYRIGHT
    if lines and all(_WIKI_MARKUP.match(ln) for ln in lines):
        return WIKI_MARKUP
    if len(para.split()) <= MAX_PROMPT_WORDS:
        if _NEWSLETTER.match(para):
            return NEWSLETTER
        if _RELATED.match(para) or (_SEE_ALSO.match(para) and len(para.split()) <= MAX_SEE_ALSO_WORDS):
            return RELATED
        if _FOLLOW.match(para):
            return SHARING
    return None


def find_furniture(text: str, blocks: Sequence[tuple[str, str]] = ()) -> tuple[Furniture, ...]:
    """The furniture in ``text``: paragraphs inside one of the page's furniture ``blocks`` (see
    :func:`page_blocks`), then paragraphs whose words show what they are."""
    repaired = repaired_text(text)
    found: list[Furniture] = []
    known = _Blocks(blocks)
    for start, end in paragraphs(repaired.text):
        para = repaired.text[start:end]
        reason = known.reason(para) or _text_reason(para)
        if reason is not None:
            s, e = repaired.start_in_original(start), repaired.end_in_original(end)
            found.append(Furniture(s, e, reason))
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
        if prev is not None and prev.reason == f.reason and not text[prev.end:f.start].strip():
            out[-1] = Furniture(prev.start, f.end, f.reason)
        else:
            out.append(f)
    return out
