"""``passage-missing``: a paragraph present in some versions of the article and absent from others.

Not counted as passages: lines of metadata (the title, a dateline, a byline, an "Original url:" label), lines
that are only a URL, and scraps under four words — the metadata checks report those — and short lines that share
no word with the rest of the text (a link to another story a copy picked up). A caption that carries a
photo credit says so in the message.

A web page whose article extractor left a passage out (a caption, a box) has not lost it: before a passage is
reported missing from a page, the page's whole visible text (``Version.page_text``, its ``<title>`` first) is
searched for it, paragraph by paragraph, so that a copy of the whole page that lays its menus out in other lines
and another order, or glues two of its elements together ("SymptomsApproximately"), is not more than the page.

A paragraph reworded so much that the diff kept it whole on both sides ("relatively young at death, he could …"
→ "only twenty-seven years old at death, he could …") is one paragraph in two wordings, not one missing and one
added: a removed paragraph most of whose words are in a paragraph added at the same place is paired with it, and
one three quarters of whose words are in a paragraph added elsewhere (a rewrite that also reorders) too. A
paragraph whose words the other version has, in order, somewhere (moved, or split from a longer paragraph) is not
missing at all.

A version that keeps every passage of the base and adds to it (a later revision that expands the article) has
added passages, not passages the base is missing: they show as differences, and what they change of the base's
facts is for the fact checks. Only when the version also lost passages (items swapped on a page, a section
replaced), or is known to be older than the base (so the base dropped them), are its extra passages reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import islice

from variorum.core.checks.analysis import TextAnalysis, topic_words
from variorum.core.checks.anchors import anchor_key
from variorum.core.checks.context import ALIGNED_MIN_SIMILARITY, Context, join_ids, short
from variorum.core.checks.titles import title_keys
from variorum.core.lazy_regex import LazyPattern
from variorum.core.model import Evidence, Finding, Version
from variorum.core.normalize import normalize_text, strip_urls, word_key
from variorum.core.timeline import best_time
from variorum.core.tokens import paragraphs

MIN_WORDS = 4
DATELINE_WORDS = 8  # a paragraph of at most this many words holding a dateline is the dateline
_WORD = LazyPattern(r"\w+")
_NON_SPACE = LazyPattern(r"\S+")
COVERED = 0.9
# a removed paragraph whose words are at least this share of a paragraph added at the same place was reworded
REWORDED_SHARED = 0.6
MOVED_REWORDED_SHARED = 0.75  # the same for a paragraph added elsewhere (a rewrite that also reorders)
WRAPPED_LINE = 100  # a paragraph none of whose lines is longer was wrapped by hand: its lines are not statements
REWORDED_MIN_WORDS = 12  # shorter lines (list items, headings) share words by chance
OFF_TOPIC_MAX_WORDS = 12  # a line this short that shares no word with the rest of the text is not the article's
MAX_PAGE_SEARCHES = 400  # paragraphs looked for one by one on a page (each look reads the page's words)


def _short_paragraph(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds at least one word and at most ``OFF_TOPIC_MAX_WORDS`` (read no further)."""
    words = sum(1 for _ in islice(_NON_SPACE.finditer(text, start, end), OFF_TOPIC_MAX_WORDS + 1))
    return 0 < words <= OFF_TOPIC_MAX_WORDS


def off_topic(analysis: TextAnalysis, start: int, end: int) -> bool:
    """A short paragraph standing alone between paragraphs of prose and sharing no word with the rest of its text
    ("The best and worst of Bollywood in 2014." amid a story on a plane crash): a link to another story or an
    advertisement that the copy picked up, not a passage of the article. An entry of a list (a run of short
    lines) is the article's, whatever its words. Only the paragraph and its neighbours are read (a text of
    thousands of short lines is not copied, nor its words counted again, for each of them)."""
    text = analysis.text
    if sum(1 for _ in islice(_NON_SPACE.finditer(text, start, end), OFF_TOPIC_MAX_WORDS + 1)) > OFF_TOPIC_MAX_WORDS:
        return False
    line = text[start:end]
    if "\n" in line.strip():
        return False
    before_end = start  # the paragraph before: text[:start].rstrip().rsplit("\n\n", 1)[-1]
    while before_end > 0 and text[before_end - 1].isspace():
        before_end -= 1
    gap = text.rfind("\n\n", 0, before_end)
    before_start = gap + 2 if gap >= 0 else 0
    after_start = end  # the paragraph after: text[end:].lstrip().split("\n\n", 1)[0]
    while after_start < len(text) and text[after_start].isspace():
        after_start += 1
    after_end = text.find("\n\n", after_start)
    if _short_paragraph(text, before_start, before_end) or \
            _short_paragraph(text, after_start, after_end if after_end >= 0 else len(text)):
        return False
    own = topic_words(normalize_text(line))
    whole = analysis.topic_words  # counted once a run, for every short line of the text
    return bool(own) and not any(whole[w] > n for w, n in own.items())  # none of its words elsewhere


def _is_passage(ctx: Context, v: Version, start: int, end: int) -> bool:
    text = v.text[start:end]
    # only whether it has fewer than MIN_WORDS, or at most DATELINE_WORDS, matters: a long passage's words are
    # not listed
    words = sum(1 for _ in islice(_WORD.finditer(normalize_text(strip_urls(text))), DATELINE_WORDS + 1))
    if words < MIN_WORDS or off_topic(ctx.text(v.id), start, end):
        return False
    key = anchor_key(text)
    tm = ctx.meta(v.id)
    for value in (v.metadata.title, tm.title.value if tm.title else None, v.metadata.byline):
        if value and key in title_keys(value):
            return False
    return not any(start <= d.found.start < end and words <= DATELINE_WORDS for d in tm.datelines)


def on_the_page(ctx: Context, v: Version, passage: str) -> bool:
    """Whether ``passage`` is in the whole visible text of web page ``v`` (its extractor having left it out).

    Paragraph by paragraph (see :func:`_off_the_page`): a copy of the whole page lays its menus and lists out in
    other lines and another order than the page ("* Menu, * Skip to content," as one paragraph). Words the copy
    glued together ("SymptomsApproximately", two elements of the page run into one) are still the page's."""
    page = ctx.page(v.id)
    if page is None:  # not a web page: nothing to search, and the passage need not be read at all
        return False
    words = word_key(passage)
    if not words:
        return False
    # the page's words are read once a run
    return f" {words} " in page.spaced_words or (" " in words and words.replace(" ", "") in page.joined_words)


def _off_the_page(ctx: Context, page: Version, text: str, paras: dict[tuple[int, int], int]) -> dict[
        tuple[int, int], int]:
    """The paragraphs of ``paras`` (spans of ``text``) that web page ``page`` does not show anywhere. Each look
    reads the whole page: past ``MAX_PAGE_SEARCHES`` paragraphs, the passages they make are looked for instead."""
    if ctx.page(page.id) is None or len(paras) > MAX_PAGE_SEARCHES:
        return paras
    return {p: at for p, at in paras.items() if not on_the_page(ctx, page, text[p[0]:p[1]])}


def said_in(ctx: Context, v: Version, passage: str) -> bool:
    """Whether version ``v`` has the passage's words, in order, somewhere in its text: a paragraph the diff could
    not place (moved by a rewrite, or split from a longer one) is not missing from it."""
    words = word_key(passage)
    return bool(words) and f" {words} " in ctx.text(v.id).spaced_words


def _covered(span: tuple[int, int], start: int, end: int) -> bool:
    return min(end, span[1]) - max(start, span[0]) >= COVERED * (span[1] - span[0])


def _lines(text: str, para: tuple[int, int]) -> list[tuple[int, int]]:
    out, pos = [], para[0]
    for line in text[para[0]:para[1]].split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + len(line.rstrip())))
        pos += len(line) + 1
    return out


def _whole_lines(text: str, para: tuple[int, int], start: int, end: int) -> tuple[int, int] | None:
    """The whole lines of a paragraph written one line per statement that ``start``-``end`` removes or adds (a
    vandal line dropped from a block of lines), or None. Lines of a hard-wrapped paragraph are not statements."""
    lines = _lines(text, para)
    if len(lines) < 2 or all(e - s <= WRAPPED_LINE for s, e in lines[:-1]):
        return None
    whole = [line for line in lines if _covered(line, start, end)]
    return (whole[0][0], whole[-1][1]) if whole else None


def _whole_paragraph(ctx: Context, vid: str, start: int, end: int) -> tuple[int, int] | None:
    para = ctx.text(vid).paragraph_at(start)
    if para is None:
        return None
    if _covered(para, start, end):
        return para
    return _whole_lines(ctx.version(vid).text, para, start, end)


def _credit_note(ctx: Context, v: Version, start: int, end: int) -> str:
    credits = [f.value for f in ctx.meta(v.id).credits if start <= f.start < end]
    return f" It carries the credit '{credits[0]}'." if credits else ""


def _counterpart(ctx: Context, vid: str, para: tuple[int, int]) -> Evidence | None:
    alignment = ctx.alignments.get(vid)
    if alignment is None:
        return None
    others = [pair.other for pair in alignment.paragraphs
              if pair.base and pair.other and para[0] <= pair.base[0] < para[1]]
    if not others:
        return None
    s, e = others[0][0], others[-1][1]
    return Evidence(vid, s, e, ctx.version(vid).text[s:e])


def _merge(paras: list[tuple[int, int]], text: str) -> list[tuple[tuple[int, int], int]]:
    """Adjacent paragraphs (nothing but a date or a scrap between them) as one passage: (span, paragraphs)."""
    out: list[tuple[tuple[int, int], int]] = []
    for para in sorted(paras):
        if out and len(re.findall(r"\w+", text[out[-1][0][1]:para[0]])) < MIN_WORDS:
            (start, _), n = out[-1]
            out[-1] = ((start, para[1]), n + 1 + len(paragraphs(text[out[-1][0][1]:para[0]])))
        else:
            out.append((para, 1))
    return out


def _describe(ctx: Context, v: Version, span: tuple[int, int], n: int, having: list[str],
              lacking: list[str]) -> str:
    what = "A paragraph" if n == 1 else f"A passage of {n} paragraphs"
    return (f"{what} present in {join_ids(having)} is missing from {join_ids(lacking)}: "
            f"'{short(v.text, 120, *span)}'.{_credit_note(ctx, v, *span)}")


def _shared_words(a: str, b: str) -> float:
    """The share of the shorter text's words (by count) that the longer one has too."""
    wa, wb = (Counter(m.group() for m in _WORD.finditer(normalize_text(t))) for t in (a, b))  # no list of words
    small, large = (wa, wb) if sum(wa.values()) <= sum(wb.values()) else (wb, wa)
    total = sum(small.values())
    return sum((small & large).values()) / total if total >= REWORDED_MIN_WORDS else 0.0


def _pair_reworded(base: Version, other: Version, lacking: dict[tuple[int, int], int],
                   extra: dict[tuple[int, int], int]) -> None:
    """Take out of ``lacking`` and ``extra`` each removed paragraph and the paragraph added in its place that
    rewords it."""
    for para, where in sorted(lacking.items()):
        for added, at in sorted(extra.items()):
            near = para[0] <= at <= para[1] + 2 or added[0] <= where <= added[1] + 2
            # a paragraph a rewrite moved elsewhere and reworded must keep more of its words
            if _shared_words(base.text[para[0]:para[1]], other.text[added[0]:added[1]]) >= \
                    (REWORDED_SHARED if near else MOVED_REWORDED_SHARED):
                del lacking[para], extra[added]
                break


def _older(a: Version, b: Version) -> bool:
    """Whether ``a`` is known, by the versions' own dates, to be older than ``b``."""
    ta, tb = best_time(a), best_time(b)
    return ta is not None and tb is not None and ta.moment < tb.moment


def _expands(ctx: Context, base: Version, vid: str, lacking: dict[tuple[int, int], int]) -> bool:
    """Whether version ``vid`` keeps every passage of the base (its extra passages are additions of its own)."""
    v = ctx.version(vid)
    lost = [p for p in lacking if not on_the_page(ctx, v, base.text[p[0]:p[1]])]
    return not lost and not _older(v, base)


def _drop_said_elsewhere(ctx: Context, base: Version, lacking_in: dict[str, dict[tuple[int, int], int]],
                         extra_in: dict[str, dict[tuple[int, int], int]]) -> None:
    """Take out the paragraphs that the version said to lack them has elsewhere (see :func:`said_in`)."""
    for vid, paras in lacking_in.items():
        v = ctx.version(vid)
        lacking_in[vid] = {p: at for p, at in paras.items() if not said_in(ctx, v, base.text[p[0]:p[1]])}
    for vid, paras in extra_in.items():
        text = ctx.version(vid).text
        extra_in[vid] = {p: at for p, at in paras.items() if not said_in(ctx, base, text[p[0]:p[1]])}


def check(ctx: Context) -> Iterator[Finding]:
    base = ctx.base
    group = [v.id for v in ctx.group]
    if base is None or len(group) < 2:
        return
    # base paragraphs some versions lack: version -> [(paragraph, where it would be in that version)]
    lacking_in: dict[str, dict[tuple[int, int], int]] = {}
    # paragraphs the base lacks: version -> {paragraph: where it would be in the base}
    extra_in: dict[str, dict[tuple[int, int], int]] = {}
    for d in ctx.substantive():
        v = ctx.version(d.version)
        # a paragraph replaced by an unlike one (one news item swapped for another) is one gone, one new
        swapped = d.kind == "replace" and ctx.aligned_similarity(d) < ALIGNED_MIN_SIMILARITY
        if d.kind == "delete" or swapped:
            para = _whole_paragraph(ctx, base.id, d.base.start, d.base.end)
            if para and _is_passage(ctx, base, *para):
                lacking_in.setdefault(d.version, {})[para] = d.other.start
        if d.kind == "insert" or swapped:
            para = _whole_paragraph(ctx, v.id, d.other.start, d.other.end)
            if para and _is_passage(ctx, v, *para):
                extra_in.setdefault(d.version, {})[para] = d.base.start
    _drop_said_elsewhere(ctx, base, lacking_in, extra_in)
    for vid in set(lacking_in) & set(extra_in):
        _pair_reworded(base, ctx.version(vid), lacking_in[vid], extra_in[vid])
    extra_in = {vid: paras for vid, paras in extra_in.items()
                if not _expands(ctx, base, vid, lacking_in.get(vid, {}))}
    # a passage of the base and the versions that lack it
    missing: dict[tuple[tuple[int, int], int], list[tuple[str, int]]] = {}
    for vid, paras in lacking_in.items():
        paras = _off_the_page(ctx, ctx.version(vid), base.text, paras)
        for span, n in _merge(list(paras), base.text):
            where = min(pos for p, pos in paras.items() if span[0] <= p[0] < span[1])
            missing.setdefault((span, n), []).append((vid, where))
    for (span, n), all_entries in missing.items():
        entries = [(vid, pos) for vid, pos in all_entries  # (only a page's text is searched: no copy otherwise)
                   if not (ctx.version(vid).page_text and on_the_page(ctx, ctx.version(vid), base.text[span[0]:span[1]]))]
        if not entries:
            continue
        lacking = [vid for vid, _ in entries]
        having = [vid for vid in group if vid not in lacking]
        ev = [Evidence(base.id, span[0], span[1], base.text[span[0]:span[1]])]
        ev += [e for vid in having if vid != base.id and (e := _counterpart(ctx, vid, span)) is not None]
        ev += [Evidence(vid, pos, pos, "") for vid, pos in entries]
        yield ctx.finding("passage-missing", "low", _describe(ctx, base, span, n, having, lacking), ev)
    # passages the base lacks, grouped by what they say
    extra: dict[str, list[tuple[str, tuple[int, int], int, int]]] = {}
    for vid, paras in extra_in.items():
        text = ctx.version(vid).text
        paras = _off_the_page(ctx, base, text, paras)
        for span, n in _merge(list(paras), text):
            where = min(pos for p, pos in paras.items() if span[0] <= p[0] < span[1])
            extra.setdefault(anchor_key(text[span[0]:span[1]]), []).append((vid, span, n, where))
    for found in extra.values():
        first_vid, first_span, _n, _where = found[0]
        if on_the_page(ctx, base, ctx.version(first_vid).text[first_span[0]:first_span[1]]):
            continue  # the base page has it; its extractor left it out
        having = [vid for vid, _, _, _ in found]
        lacking = [vid for vid in group if vid not in having]
        vid0, span0, n0, where = found[0]
        ev = [Evidence(vid, s, e, ctx.version(vid).text[s:e]) for vid, (s, e), _, _ in found]
        ev.append(Evidence(base.id, where, where, ""))
        yield ctx.finding("passage-missing", "low", _describe(ctx, ctx.version(vid0), span0, n0, having, lacking), ev)
