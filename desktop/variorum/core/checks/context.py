"""What every check gets: the versions, how they relate, the differences, and helpers shared by the checks.

A :class:`Context` belongs to one comparison run, and so does everything it caches: each version's
:class:`~variorum.core.checks.analysis.TextAnalysis` and the results several checks reuse are typed cached
properties, freed with the run.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import field
from functools import cached_property
from typing import TypeVar, cast

from variorum.core.checks.analysis import TextAnalysis, lower_case_words_of
from variorum.core.metadata import TextMetadata, format_date, parse_date, url_date
from variorum.core.model import Alignment, Difference, Evidence, Finding, Relation, Severity, Version
from variorum.core.normalize import normalize_text, says_nothing
from variorum.core.quick_dataclass import dataclass

# Passages whose words are less alike than this are not treated as one passage in two versions, even when the
# diff lined them up (a page that swapped one news item for another).
ALIGNED_MIN_SIMILARITY = 60.0
# Categories of substantive difference the quote, number and name checks never look at.
IGNORED_CATEGORIES = frozenset({"punctuation", "hyphenation", "order"})
# A paragraph longer than this (a text without paragraph breaks, a page of megabytes on one line) is compared
# only around each difference, this many characters either side: comparing it whole, for every version, would
# take time growing with the square of its length.
LONG_PARAGRAPH = 20_000
_HASHED_CHARS = 1 << 16
AROUND_CHARS = 1_000
_T = TypeVar("_T")


@dataclass(frozen=True)
class ArticleDate:
    """The date an article carries, where it was read, and how to say so in a message."""

    date: dt.date
    version: str
    evidence: Evidence | None
    source: str  # "the dateline" | "the date in its original URL" | "its published metadata"

    def describe(self, also: str = "") -> str:
        return f"{format_date(self.date)} (from {self.source} in {self.version}{also})"


@dataclass(frozen=True)
class Context:
    """One comparison as the checks see it. Built once per run; helpers cache what several checks need."""

    versions: tuple[Version, ...]
    base_id: str | None
    relations: Mapping[str, Relation]
    differences: tuple[Difference, ...]
    alignments: Mapping[str, Alignment]
    analyses: Mapping[str, TextAnalysis] = field(default_factory=dict)  # by version id; the rest made on demand

    # --- versions ---------------------------------------------------------------------------------------------
    @cached_property
    def readable(self) -> tuple[Version, ...]:
        return tuple(v for v in self.versions if v.ok and v.text)

    @cached_property
    def _by_id(self) -> dict[str, Version]:
        return {v.id: v for v in self.versions}

    def version(self, vid: str) -> Version:
        return self._by_id[vid]

    @cached_property
    def group(self) -> tuple[Version, ...]:
        """The base and every version of the same article, in load order."""
        return tuple(v for v in self.readable if self.relation(v.id) in {"base", "same-article"})

    @cached_property
    def related(self) -> tuple[Version, ...]:
        return tuple(v for v in self.readable if self.relation(v.id) == "related")

    @property
    def base(self) -> Version | None:
        return self._by_id.get(self.base_id) if self.base_id else None

    def relation(self, vid: str) -> str | None:
        rel = self.relations.get(vid)
        return rel.kind if rel else None

    def text(self, vid: str) -> TextAnalysis:
        """What is read from a version's text, computed once for this run."""
        return self._analyses[vid]

    @cached_property
    def _analyses(self) -> dict[str, TextAnalysis]:
        given = self.analyses
        return {v.id: given[v.id] if v.id in given and given[v.id].text == v.text else TextAnalysis(v.text)
                for v in self.versions}

    def page(self, vid: str) -> TextAnalysis | None:
        """What is read from a web page's whole visible text (``Version.page_text``), when its extractor kept only
        part of it: the page around the article (a "Posted on … by …" line) states things the article body does
        not. None for a version that is not such a page."""
        return self._pages.get(vid)

    @cached_property
    def _pages(self) -> dict[str, TextAnalysis]:
        return {v.id: TextAnalysis(v.page_text) for v in self.versions if v.page_text}

    def normalized(self, vid: str) -> str:
        """A version's whole text in normal form (for "does this version say X anywhere")."""
        return self.text(vid).normalized

    def meta(self, vid: str) -> TextMetadata:
        return self.text(vid).metadata

    @cached_property
    def _metadata_spans(self) -> dict[str, list[tuple[int, int]]]:
        out: dict[str, list[tuple[int, int]]] = {}
        for v in self.versions:
            tm = self.meta(v.id)
            found = [tm.title, tm.byline, tm.original_url, *tm.credits, *(d.found for d in tm.datelines)]
            spans = [(f.start, f.end) for f in found if f is not None]
            out[v.id] = spans + [(link.start, link.end) for link in v.metadata.links if link.url in link.text]
        return out

    def metadata_spans(self, vid: str) -> list[tuple[int, int]]:
        """Where a version's text states metadata (title, dateline, byline, credits, original URL, links'
        URLs): changes there are the metadata checks' business, not the quote, number or name checks'."""
        return self._metadata_spans[vid]

    def in_metadata(self, vid: str, start: int, end: int) -> bool:
        """Whether [start, end) lies inside one of the version's metadata spans (found by position: a page of
        thousands of links costs no more per difference than a page of a few)."""
        starts, reach = self._metadata_reach.get(vid, ((), ()))
        i = bisect.bisect_right(starts, start)
        return i > 0 and reach[i - 1] >= end

    @cached_property
    def _metadata_reach(self) -> dict[str, tuple[list[int], list[int]]]:
        """For each version: its metadata spans' starts in order, and the furthest end of any span starting at
        or before each of them."""
        out: dict[str, tuple[list[int], list[int]]] = {}
        for vid, spans in self._metadata_spans.items():
            spans = sorted(spans)
            reach: list[int] = []
            for _s, e in spans:
                reach.append(max(e, reach[-1]) if reach else e)
            out[vid] = ([s for s, _ in spans], reach)
        return out

    @cached_property
    def lower_case_words(self) -> frozenset[str]:
        """Every word the versions of the article write in lower case."""
        return lower_case_words_of(v.text for v in self.group)  # what the versions share is read once

    # --- differences ------------------------------------------------------------------------------------------
    def substantive(self, vid: str | None = None) -> list[Difference]:
        return [d for d in self.differences if not d.cosmetic and (vid is None or d.version == vid)]

    def once(self, question: str, answer: Callable[[], _T], about: Difference | None = None) -> _T:
        """``answer()`` to ``question`` (about difference ``about``, or about the whole run), worked out once per
        run: several checks ask the same (is a difference a changed figure? does it change a name?)."""
        key = (question, id(about))
        found = self._answers.get(key)
        if found is None or found[0] is not about:  # kept with its difference: an id is never taken for another's
            found = self._answers[key] = (about, answer())
        return cast(_T, found[1])

    @cached_property
    def _answers(self) -> dict[tuple[str, int], tuple[Difference | None, object]]:
        return {}

    def aligned_similarity(self, d: Difference) -> float:
        """How alike the base and other paragraphs around a difference are (0–100), worked out once per
        difference (the passage check and the aligned changes both ask)."""
        # by the difference's id, made from the two texts compared, its kind and both spans (the same id, the same
        # score): a page of 20,000 removed paragraphs held 4.8 MB of keys repeating its offsets
        if d.id not in self._aligned_scores:
            self._aligned_scores[d.id] = self._aligned_similarity(d)
        return self._aligned_scores[d.id]

    @cached_property
    def _aligned_scores(self) -> dict[str, float]:
        return {}

    def _aligned_similarity(self, d: Difference) -> float:
        if self.base_id is None or self.base_id not in self._by_id:
            return 0.0
        bspan = self.text(self.base_id).paragraph_span_before(d.base.start)
        ospan = self.text(d.version).paragraph_span_before(d.other.start)
        if bspan is None or ospan is None or bspan[0] == bspan[1] or ospan[0] == ospan[1]:
            return 0.0
        score = self._paragraph_similarity(d, bspan, ospan)
        if score >= ALIGNED_MIN_SIMILARITY:
            return score
        # a paragraph that lost or gained clauses around an unchanged one ("More than 20 miles cleared; 12
        # highways open" / "More than 30 miles cleared"): the words right around the change decide
        return max(score, local_similarity(self.version(self.base_id).text, d.base.start, d.base.end,
                                           self.version(d.version).text, d.other.start, d.other.end))

    def _paragraph_similarity(self, d: Difference, bspan: tuple[int, int], ospan: tuple[int, int]) -> float:
        from rapidfuzz import fuzz  # loaded only when a check asks

        base, other = self.version(self.base_id or "").text, self.version(d.version).text
        if max(bspan[1] - bspan[0], ospan[1] - ospan[0]) > LONG_PARAGRAPH:  # only the words around the change
            bp = base[max(bspan[0], d.base.start - AROUND_CHARS):min(bspan[1], d.base.end + AROUND_CHARS)]
            op = other[max(ospan[0], d.other.start - AROUND_CHARS):min(ospan[1], d.other.end + AROUND_CHARS)]
            return _long_passages_similarity(normalize_text(bp), normalize_text(op))
        at = (d.version, bspan, ospan)
        if at not in self._span_similarities:  # each paragraph is cut out and normalized once, however many
            key = (self._normal_paragraph(self.base_id or "", bspan), self._normal_paragraph(d.version, ospan))
            if key not in self._similarities:  # versions sharing a paragraph share its score
                self._similarities[key] = fuzz.ratio(*key)
            self._span_similarities[at] = self._similarities[key]
        return self._span_similarities[at]

    def _normal_paragraph(self, vid: str, span: tuple[int, int]) -> str:
        """A paragraph of a version in normal form (changes paired with it ask for it again and again)."""
        if (vid, span) not in self._normal_paragraphs:
            self._normal_paragraphs[(vid, span)] = normalize_text(self.version(vid).text[span[0]:span[1]])
        return self._normal_paragraphs[(vid, span)]

    @cached_property
    def _normal_paragraphs(self) -> dict[tuple[str, tuple[int, int]], str]:
        return {}

    @cached_property
    def _similarities(self) -> dict[tuple[str, str], float]:
        return {}

    @cached_property
    def _span_similarities(self) -> dict[tuple[str, tuple[int, int], tuple[int, int]], float]:
        return {}

    @cached_property
    def aligned_changes(self) -> tuple[Difference, ...]:
        """The substantive changes inside aligned passages, outside metadata lines, that are not only a URL:
        what the quote, number and name checks look at."""
        out = []
        for d in self.substantive():
            if d.kind == "move" or d.category in IGNORED_CATEGORIES:
                continue
            if says_nothing(d.base.text, ignore_urls=True) and says_nothing(d.other.text, ignore_urls=True):
                continue
            if self.in_metadata(self.base_id or "", d.base.start, d.base.end) or \
                    self.in_metadata(d.version, d.other.start, d.other.end):
                continue
            if self.aligned_similarity(d) >= ALIGNED_MIN_SIMILARITY:
                out.append(d)
        # every change is scored now (a score is kept by its change's id): the paragraphs' normal forms and the
        # scores by paragraph that made them go (a page of 20,000 paragraphs held 14 MB of them through the
        # remaining checks)
        self._normal_paragraphs.clear()
        self._similarities.clear()
        self._span_similarities.clear()
        return tuple(out)

    # --- dates ------------------------------------------------------------------------------------------------
    def own_date(self, vid: str) -> ArticleDate | None:
        """The date a version states for itself: loader metadata, its dateline, or its original URL's date."""
        v = self.version(vid)
        tm = self.meta(vid)
        source = v.metadata.source_of("published")
        if tm.published is not None and source in (None, "dateline"):
            f = tm.published.found
            return ArticleDate(tm.published.date, vid, Evidence(vid, f.start, f.end, v.text[f.start:f.end]),
                               "the dateline")
        if v.metadata.published and source not in (None, "dateline", "url"):
            date = parse_date(v.metadata.published)
            if date:
                return ArticleDate(date, vid, self.locate_date(vid, date), f"its {source} metadata")
        canonical = v.metadata.url
        ud = url_date(canonical) if canonical else None
        if canonical and ud is not None and ud.precision == "day":
            where = tm.original_url
            ev = None
            if where is not None and where.value == canonical:
                ev = Evidence(vid, where.start, where.end, v.text[where.start:where.end])
            else:
                pos = v.text.find(canonical)
                if pos >= 0:
                    ev = Evidence(vid, pos, pos + len(canonical), canonical)
            return ArticleDate(ud.date, vid, ev, "the date in its original URL")
        if v.metadata.published:
            date = parse_date(v.metadata.published)
            if date:
                return ArticleDate(date, vid, self.locate_date(vid, date), "its published metadata")
        return None

    def confirmations(self, article: ArticleDate) -> list[tuple[Evidence, str]]:
        """Other places in the article's versions that state the same date (a dateline, an original URL)."""
        out: list[tuple[Evidence, str]] = []
        for v in self.group if article.version in {g.id for g in self.group} else (self.version(article.version),):
            tm = self.meta(v.id)
            if tm.published is not None and tm.published.date == article.date:
                f = tm.published.found
                out.append((Evidence(v.id, f.start, f.end, v.text[f.start:f.end]), f"the dateline in {v.id}"))
            if tm.original_url is not None:
                ud = url_date(tm.original_url.value)
                if ud is not None and ud.precision == "day" and ud.date == article.date:
                    f = tm.original_url
                    out.append((Evidence(v.id, f.start, f.end, v.text[f.start:f.end]),
                                f"the original URL in {v.id}"))
        return [(e, what) for e, what in out if e != article.evidence]

    def locate_date(self, vid: str, date: dt.date) -> Evidence | None:
        for m in self.text(vid).dates:
            if m.year_given and m.date == date:
                return Evidence(vid, m.start, m.end, m.text)
        return None

    def article_date(self, vid: str) -> ArticleDate | None:
        """The article's date for a version: its own, else (for versions of one article) another version's."""
        own = self.own_date(vid)
        if own is not None or vid not in {v.id for v in self.group}:
            return own
        dated = [self.own_date(v.id) for v in self.group if v.id != vid]
        candidates = [c for c in dated if c is not None]
        if self.base_id:
            candidates.sort(key=lambda c: c.version != self.base_id)
        return candidates[0] if candidates else None

    # --- findings ---------------------------------------------------------------------------------------------
    def finding(self, kind: str, severity: Severity, message: str, evidence: Iterable[Evidence]) -> Finding:
        """A finding whose id depends only on its kind and the content it cites (version sha256 + span)."""
        ev = tuple(evidence)
        sha = {v.id: v.sha256 for v in self.versions}
        order = {vid: i for i, vid in enumerate(sha)}
        versions = tuple(sorted(dict.fromkeys(e.version for e in ev), key=lambda vid: order.get(vid, len(order))))
        # the hash of "|".join([kind, *sorted(cited), message if nothing is cited]) in UTF-8, each cited passage
        # written "sha:start:end:text" and fed a slice at a time: evidence quoting a passage of megabytes is not
        # copied into a string of its own
        cited = sorted(((f"{sha.get(e.version, e.version)}:{e.start}:{e.end}:", e.text) for e in ev), key=_AsJoined)
        digest = hashlib.sha256()
        digest.update(kind.encode("utf-8"))
        for head, text in cited:
            digest.update(b"|" + head.encode("utf-8"))
            for at in range(0, len(text), _HASHED_CHARS):
                digest.update(text[at:at + _HASHED_CHARS].encode("utf-8"))
        if not ev:
            digest.update(b"|" + message.encode("utf-8"))
        return Finding("f" + digest.hexdigest()[:11], kind, severity, versions, message, ev)


class _AsJoined:
    """Sorts ``(head, text)`` pairs as the strings ``head + text`` sort, without making them: no head (a version's
    sha256 or id, a start and an end, each followed by a colon) is the start of another unless they are equal,
    so the heads decide first, then the texts (``sorted`` needs only ``<``)."""

    __slots__ = ("head", "text")

    def __init__(self, pair: tuple[str, str]) -> None:
        self.head, self.text = pair

    def __lt__(self, other: _AsJoined) -> bool:
        if self.head != other.head and (self.head.startswith(other.head) or other.head.startswith(self.head)):
            return self.head + self.text < other.head + other.text  # an id holding a colon: compared whole
        return (self.head, self.text) < (other.head, other.text)


def _long_passages_similarity(a: str, b: str) -> float:
    """How alike two passages around a change in a long paragraph are (0–100; a score under
    ``ALIGNED_MIN_SIMILARITY`` may be given as any lower one). The change itself may be megabytes long: then
    the passages are not compared character by character (that took hundreds of megabytes and seconds)."""
    from rapidfuzz import fuzz  # loaded only when a check asks

    if a and b and min(len(a), len(b)) > LONG_PARAGRAPH:  # a change this long on both sides: its two ends
        a, b = a[:AROUND_CHARS] + a[-AROUND_CHARS:], b[:AROUND_CHARS] + b[-AROUND_CHARS:]
    elif len(a) + len(b) > LONG_PARAGRAPH:
        most = 200.0 * min(len(a), len(b)) / (len(a) + len(b))  # the shorter one found whole in the longer
        if most < ALIGNED_MIN_SIMILARITY:
            return most
    return fuzz.ratio(a, b)


LOCAL_WORDS = 5
LOCAL_MIN_WORDS = 4


_NON_SPACE = re.compile(r"\S+")
LOCAL_REACH = 300  # characters read either side first; more only when they hold fewer than five whole words


def _local_words(text: str, start: int, end: int) -> list[str]:
    """Up to five words either side of [start, end), inside its paragraph, in normal form. Only the characters
    near the span are read (unless the words there are very long), however long the line."""
    lo, hi = max(0, start - LOCAL_REACH), min(len(text), end + LOCAL_REACH)
    lead = text.rfind("\n", lo, start) + 1 or lo
    stop = text.find("\n", end, hi)
    stop = stop if stop >= 0 else hi
    before = re.findall(r"\w+", normalize_text(text[lead:start]))
    if lead == lo > 0 and text[lo - 1] != "\n":  # cut inside the line: the first word may be cut too
        before = before[1:]
        if len(before) < LOCAL_WORDS:
            before = re.findall(r"\w+", normalize_text(text[text.rfind("\n", 0, start) + 1:start]))
    after = re.findall(r"\w+", normalize_text(text[end:stop]))
    if stop == hi < len(text) and text[hi] != "\n":
        after = after[:-1]
        if len(after) < LOCAL_WORDS:
            line_end = text.find("\n", end)
            after = re.findall(r"\w+", normalize_text(text[end:line_end if line_end >= 0 else len(text)]))
    return before[-LOCAL_WORDS:] + ["|"] + after[:LOCAL_WORDS]


def local_similarity(a: str, a_start: int, a_end: int, b: str, b_start: int, b_end: int) -> float:
    """How alike the words right around two spans are (0–100): the words on each side of the change must be the
    same, in order, for at least four words, the shorter side of a paragraph break counting as a match."""
    wa, wb = _local_words(a, a_start, a_end), _local_words(b, b_start, b_end)
    ia, ib = wa.index("|"), wb.index("|")
    before = 0
    while before < min(ia, ib) and wa[ia - 1 - before] == wb[ib - 1 - before]:
        before += 1
    after = 0
    while after < min(len(wa) - ia, len(wb) - ib) - 1 and wa[ia + 1 + after] == wb[ib + 1 + after]:
        after += 1
    # each side either matches as far as both reach, or one of them ends the paragraph there
    whole_before = before == min(ia, ib)
    whole_after = after == min(len(wa) - ia, len(wb) - ib) - 1
    if before + after < LOCAL_MIN_WORDS or not (whole_before and whole_after):
        return 0.0
    return 100.0 * (before + after) / max(len(wa) - 1, len(wb) - 1)


def sentence_around(text: str, start: int, end: int, limit: int = 160) -> str:
    """The sentence holding [start, end), shortened around the span when long, for a message. Only ``limit``
    characters either side are searched for its ends: a sentence reaching further is shortened anyway."""
    lo, hi = max(0, start - limit - 2), min(len(text), end + limit + 2)
    dot = text.rfind(". ", lo, start)
    s = max(dot + 2 if dot >= 0 else lo, text.rfind("\n", lo, start) + 1)
    stops = [i for i in (text.find(". ", end, hi), text.find("\n", end, hi)) if i >= 0]
    e = min(stops) + 1 if stops else hi
    lead = tail = ""
    if e - s > limit:
        if start - limit // 2 > s:
            s, lead = start - limit // 2, "…"
            while s < start and not text[s - 1].isspace():
                s += 1
        if end + limit // 2 < e:
            e, tail = end + limit // 2, "…"
            while e > end and not text[e].isspace():
                e -= 1
    return lead + " ".join(text[s:e].split()) + tail


def evidence(version: Version, start: int, end: int) -> Evidence:
    return Evidence(version.id, start, end, version.text[start:end])


def short(text: str, limit: int = 80, start: int = 0, end: int | None = None) -> str:
    """A passage (``text``, or its part ``[start, end)``) shortened for a message, on one line. Only the words
    that can be shown are read: a passage of megabytes is neither copied nor split into a list of its words."""
    words: list[str] = []
    length = -1
    for m in _NON_SPACE.finditer(text, start, len(text) if end is None else end):
        if length > limit:
            s = " ".join(words)
            return s[: limit - 1].rstrip() + "…"
        words.append(m.group())
        length += 1 + len(words[-1])
    s = " ".join(words)
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def join_ids(ids: Sequence[str]) -> str:
    ids = list(ids)
    return ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " and " + ids[-1]
