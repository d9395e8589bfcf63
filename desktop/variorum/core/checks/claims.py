"""``claim-changed``: a wording correction that changes what a sentence asserts, with no figure involved.

A small edit can turn a claim around: a negation added or removed ("approved" → "did not approve", high), a
quantifier ("all requests" → "most requests") or its scope (words put between "all", "every", "each", "any" or
"no" and its noun, or taken out: "affects all users" → "affects all Windows users"), an entry put into a list or
taken out of it ("Britain and France" → "Britain, Germany and France"), modality or certainty ("is
expected to resign" → "resigned", "will" → "may"; the month of "may 2013" is a date, not a modal verb), a trend
reversed ("has lessened" → "continues to this day", also within a rewritten sentence), a word negated in one
wording of a rewritten clause and said in the other ("password are never disclosed" → "address may be disclosed
to your network administrators"), a comparison made ("special properties" → "more special properties than other
honeys"), a loaded attribution verb ("said" → "claimed"), a hedge ("allegedly" added or removed), a nationality
("a polish actress" → "a polish-swedish actress"), or a qualifier moved from one coordinated clause to another
("both were awarded by ballot, one to A and the other to B" → "one to A and the other, by ballot, to B").
Each marker word has a meaning class; an edit changes the claim when the classes on the two sides differ. A
quantifier only one wording has must be the whole edit ("approved requests" → "approved most requests"): in a
passage reworded around it ("police tried" → "some clashed with police"), it qualifies something new.
Tense shifts of reported speech ("will" → "would"), neutral attribution verbs ("said" → "told"), intensifiers
and adverbs of frequency ("much more", "still often yield" → "still yield", which shade a claim rather than turn
it) and edits inside quotations (the quote check's business) are not reported.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator

from variorum.core.checks.changes import Change, changes
from variorum.core.checks.context import Context, join_ids, sentence_around, short
from variorum.core.checks.months import without_months
from variorum.core.checks.nationality import nationality_changed
from variorum.core.checks.numbers import changes_figure
from variorum.core.checks.wordlists import word_set
from variorum.core.lazy_regex import LazyPattern
from variorum.core.model import Difference, Evidence, Finding, Severity
from variorum.core.normalize import normalize_text
from variorum.core.repair import TYPOGRAPHIC

# An edit this long is a rewrite, not a correction of one claim.
MAX_EDIT_WORDS = 12
LONG_TREND_EDIT_WORDS = 24  # …but a sentence's trend reversed ("has lessened" → "continues") is one claim
SENTENCE_CHARS = 300
MAX_MOVED_WORDS = 4
MAX_MOVE_CHARS = 240  # a phrase moved further than this went to another sentence


def _classes(**groups: str) -> dict[str, str]:
    """Marker word → its meaning class, from ``class="word word …"``."""
    return {w: meaning for meaning, words in groups.items() for w in words.split()}


_MARKERS: dict[str, dict[str, str]] = {
    "negation": _classes(no="not no never none nobody nothing neither nor cannot without n't"),
    "quantifier": _classes(all="all every each always both entire whole", most="most majority mostly largely",
                           many="many numerous", some="some several partly partially", few="few minority",
                           only="only solely"),
    "modality": _classes(may="may might could can possibly perhaps", should="should ought", must="must",
                         expected="expected expects expect likely unlikely plans planned planning set poised",
                         will="will would shall"),
    "attribution": _classes(claim="claimed claims claim", allege="alleged alleges allege",
                            admit="admitted admits admit conceded concedes acknowledged acknowledges",
                            insist="insisted insists asserted asserts maintained maintains",
                            deny="denied denies", suggest="suggested suggests speculated", boast="boasted"),
    # the way something develops: a trend said to fade turned into one that goes on is a claim reversed; counted
    # only when both wordings state a trend (see _TWO_SIDED), so "remains unclear" → "is unclear" is not one
    "trend": _classes(fading="lessened lessen lessens lessening diminished diminish diminishes waned wane wanes "
                             "subsided subsides dwindled dwindles decreased decreases weakened weakens",
                      growing="intensified intensifies grew grows increased increases strengthened strengthens "
                              "worsened worsens deepened deepens",
                      lasting="continues continue continued persists persist persisted endures endure endured"),
    "hedge": _classes(hedged="allegedly reportedly apparently purportedly supposedly seemingly reputedly "
                             "ostensibly presumably"),
}
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# a clause or list-item boundary: a phrase moved across one qualifies something else
_CLAUSE_BREAK = LazyPattern(r",\s*(?:and|or|but|while|whereas)\b|;")

# words that qualify nothing on their own: a preposition or article dropped in one place and a word holding the
# same letters elsewhere ("on" in "resolution") is a restyled list, not a moved qualifier
_FUNCTION_WORDS = word_set("""a an the and or but of in on at by to for from with as into onto upon than that
which who is was were be been its it this these those""")


def _qualifier(phrase: str) -> bool:
    """Whether a removed phrase can qualify something: it holds a word that is not a function word."""
    return any(w not in _FUNCTION_WORDS for w in _WORD.findall(phrase))


def _holds_phrase(text: str, phrase: str) -> bool:
    """Whether ``text`` (normalized) holds ``phrase`` as whole words, not inside a longer word."""
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text) is not None


# phrases whose negation word negates nothing: they widen a list ("including without limitation", "including but
# not limited to") or open a pair ("not only … but also")
_NOT_NEGATING = LazyPattern(r"\bwithout\s+limitation\b|\b(?:but\s+)?not\s+(?:be\s+)?limited\s+to\b|\bnot\s+only\b")


def _words(text: str) -> list[str]:
    out: list[str] = []
    text = normalize_text(text).replace("’", "'")
    if "not" in text or "without" in text:
        text = _NOT_NEGATING.sub(" ", text)
    for w in _WORD.findall(text):
        if w.endswith("n't") and w != "n't":
            out += [w[:-3], "n't"]
        else:
            out.append(w)
    return out


def _by_word(groups: dict[str, dict[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """Each marker word's categories and meaning classes, in the categories' order: one look-up a word."""
    out: dict[str, list[tuple[str, str]]] = {}
    for category, words in groups.items():
        for w, meaning in words.items():
            out.setdefault(w, []).append((category, meaning))
    return out


_MARKER_OF = _by_word(_MARKERS)


def markers(text: str) -> dict[str, Counter[str]]:
    """The claim markers ``text`` holds, by category, as meaning classes."""
    found: dict[str, Counter[str]] = {}
    for w in _words(text):
        for category, meaning in _MARKER_OF.get(w, ()):
            found.setdefault(category, Counter())[meaning] += 1
    return found


# Printable ASCII without "&": text that ftfy's fix_text returns unchanged (no entity, control or mojibake).
_NOTHING_TO_FIX = re.compile(r"[\x20-\x25\x27-\x7e]*")
# The same with typographic punctuation: it makes no mojibake (see variorum.core.repair), and of it fix_text
# changes only the curly quotes, which it straightens.
_PLAIN_TYPOGRAPHY = LazyPattern(f"[\\x20-\\x25\\x27-\\x7e{TYPOGRAPHIC}]*")
_STRAIGHTEN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"'})


def _fixed(text: str) -> str:
    if _NOTHING_TO_FIX.fullmatch(text):
        return text
    if _PLAIN_TYPOGRAPHY.fullmatch(text):
        return text.translate(_STRAIGHTEN)
    import ftfy  # imported only for text it could change

    return ftfy.fix_text(text)


_TWO_SIDED = frozenset({"trend"})  # categories that shift only from one class to another, not by being added
# categories whose marker, when only one wording has it, must be the edit: the rest of the wording the same
# ("approved requests" → "approved most of the requests"); "police tried" → "some clashed with police sent" or
# "Elysees" → "Elysees, France's most famous avenue" reword the passage, and the marker qualifies something new
_ADDED_ALONE = frozenset({"quantifier"})


def _rest(text: str, category: str) -> list[str]:
    """A wording's words without ``category``'s markers and without function words."""
    words = _MARKERS[category]
    return [w for w in _words(text) if w not in words and w not in _FUNCTION_WORDS]


def _shifts(c: str, a: dict[str, Counter[str]], b: dict[str, Counter[str]], before: str, after: str) -> bool:
    if a.get(c) == b.get(c):  # a category is there only with a marker: absent on both sides, or the same
        return False
    if c in _TWO_SIDED:
        return c in a and c in b and not set(a[c]) & set(b[c])
    if c in _ADDED_ALONE and (c in a) != (c in b):
        return _rest(before, c) == _rest(after, c)
    return True


def claim_shift(before: str, after: str) -> list[str]:
    """The categories whose markers differ between two wordings of one place (negation first), else []."""
    # through the repaired text: damaged characters ("donâ€™t") are the encoding check's business
    before, after = _fixed(before), _fixed(after)
    a, b = markers(before), markers(after)
    shifted = [c for c in _MARKERS if _shifts(c, a, b, before, after)]
    return shifted + (["nationality"] if nationality_changed(before, after) else [])


def _short_edit(d: Difference, limit: int = MAX_EDIT_WORDS) -> bool:
    return max(len(d.base.text.split()), len(d.other.text.split())) <= limit


_COMPARATIVE = re.compile(r"\b(?:more|less|fewer)\b")
_THAN = re.compile(r"\bthan\b")


def _comparatives(text: str) -> int:
    return len(_COMPARATIVE.findall(normalize_text(text)))


def comparison_changed(before: str, after: str) -> bool:
    """Whether one sentence, in two wordings, gains or loses a comparison: a "more", "less" or "fewer" that a
    "than" completes ("special healing properties than other honeys" → "more special …"), counted over the whole
    sentence, so a comparative moved within it ("differ much more from each other than" → "differ from each other
    more than") changes nothing."""
    a, b = _comparatives(before), _comparatives(after)
    return a != b and _THAN.search(normalize_text(after if b > a else before)) is not None


def _in_quote(ctx: Context, d: Difference) -> bool:
    base = ctx.text(ctx.base_id or "").quotations
    other = ctx.text(d.version).quotations
    return any(q is not None for q in (base.at(d.base.start, max(d.base.end, d.base.start + 1)),
                                       other.at(d.other.start, max(d.other.end, d.other.start + 1))))


def _describe(text: str) -> str:
    return f"'{short(text, 80)}'"


def _edit(ctx: Context, ch: Change) -> str:
    others = join_ids(ch.versions)
    if not ch.base_text:
        return f"{others} {'adds' if len(ch.versions) == 1 else 'add'} {_describe(ch.other_text)}"
    if not ch.other_text:
        return f"{others} {'drops' if len(ch.versions) == 1 else 'drop'} {_describe(ch.base_text)}"
    return f"{ctx.base_id} has {_describe(ch.base_text)}, {others} {'has' if len(ch.versions) == 1 else 'have'} " \
           f"{_describe(ch.other_text)}"


_LABELS = {"negation": "a negation", "quantifier": "a quantifier", "scope": "the scope of a quantifier",
           "list": "the items of a list", "modality": "the certainty", "attribution": "the attribution verb",
           "hedge": "a hedge", "nationality": "a nationality", "trend": "the trend", "comparison": "a comparison"}


def _shift(ctx: Context, d: Difference) -> list[str]:
    """The claim categories a difference shifts, its month names used as dates left out ("may 2013" is a date)."""
    base = ctx.version(ctx.base_id or "")
    other = ctx.version(d.version).text
    shifted = claim_shift(without_months(base.text, d.base.start, d.base.end),
                          without_months(other, d.other.start, d.other.end))
    if _scope_changed(base.text, d):
        shifted.append("scope")
    if _list_item_changed(base.text, d):
        shifted.append("list")
    if _comparatives(d.base.text) != _comparatives(d.other.text) and comparison_changed(sentence_around(base.text, d.base.start, d.base.end, SENTENCE_CHARS),
                          sentence_around(other, d.other.start, d.other.end, SENTENCE_CHARS)):
        shifted.append("comparison")
    return shifted


# words that claim something of every member of a group: a qualifier put between one and its noun narrows the
# claim to part of the group ("affects all users" → "affects all Windows users"), or taken out widens it
_UNIVERSAL = frozenset({"all", "every", "each", "any", "no"})
MAX_SCOPE_WORDS = 3
# words after which "all" or "each" floats away from its noun ("they are all located in", "we each paid"): no
# noun follows it there to narrow
_FLOATED_AFTER = word_set("""are were is was be been being have has had they we you them us these those will would
can could should may might must do did""")
_NEXT_WORD = re.compile(r"\s*[^\W\d_]")


def _added_or_dropped(d: Difference) -> str | None:
    """The words a difference only adds or only drops (None for one that replaces words)."""
    if d.kind == "insert":
        return d.other.text
    return d.base.text if d.kind == "delete" else None


def _scope_changed(base: str, d: Difference) -> bool:
    """Whether a difference puts words between a universal quantifier and its noun, or takes them out."""
    added = _added_or_dropped(d)
    if added is None:
        return False
    words = _WORD.findall(normalize_text(added))
    if not 0 < len(words) <= MAX_SCOPE_WORDS or any(w in _FUNCTION_WORDS or w in _MARKER_OF for w in words):
        return False
    before = _WORD.findall(normalize_text(base[max(0, d.base.start - 30):d.base.start]))
    gap = base[max(0, d.base.start - 1):d.base.start]
    return bool(before) and before[-1] in _UNIVERSAL and (len(before) < 2 or before[-2] not in _FLOATED_AFTER) \
        and (gap.isspace() or d.kind == "delete") and _NEXT_WORD.match(base, d.base.end) is not None


# verbs that carry a negation over to the word after them ("are never disclosed", "was not being")
_AUXILIARIES = word_set("""be been being is are was were am have has had do does did will would can could may might
shall should must get gets got""")
_NEGATION = _MARKERS["negation"]


def _negated(words: list[str]) -> set[str]:
    """The words a negation bears on: the first word after each negation word that is not a function word, an
    auxiliary verb or another marker ("are never disclosed" → "disclosed")."""
    out = set()
    for i, w in enumerate(words):
        if w in _NEGATION:
            head = next((x for x in words[i + 1:i + 4] if x not in _FUNCTION_WORDS and x not in _AUXILIARIES
                         and x not in _MARKER_OF), None)
            if head is not None:
                out.add(head)
    return out


def negation_flipped(before: str, after: str) -> bool:
    """Whether a word one wording negates is said, not negated, in the other: "your email address and password
    are never disclosed" → "your email address may be disclosed to your network administrators"."""
    a, b = _words(before), _words(after)
    neg_a, neg_b = _negated(a), _negated(b)
    return any(w in b and w not in neg_b for w in neg_a) or any(w in a and w not in neg_a for w in neg_b)


MAX_ITEM_WORDS = 3
# an item put into a list or taken out of it, between two of its entries: ", Germany" before " and France"
_ITEM = LazyPattern(r",\s*[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,2},?\s*")
_ENTRY_BEFORE = re.compile(r"\w[\"'’”)]?\s*\Z")  # the entry the item follows
_LIST_GOES_ON = re.compile(r",?\s*\b(?:and|or)\s+\w")


def _list_item_changed(base: str, d: Difference) -> bool:
    """Whether a difference adds an entry to a list or drops one ("Britain and France" → "Britain, Germany and
    France", "necessary and analytics" → "necessary, preference, and analytics" cookies)."""
    item = _added_or_dropped(d)
    if item is None:
        return False
    if not _ITEM.fullmatch(item) or len(_WORD.findall(normalize_text(item))) > MAX_ITEM_WORDS:
        return False
    return _LIST_GOES_ON.match(base, d.base.end) is not None and \
        _ENTRY_BEFORE.search(base, max(0, d.base.start - 4), d.base.start) is not None


def _claim_shift(ctx: Context, d: Difference) -> list[str]:
    """:func:`_shift`, worked out once per difference (asked to keep a change, and again to describe it)."""
    return ctx.once("claim shift", lambda: _shift(ctx, d), d)


def _marker_changes(ctx: Context) -> Iterator[Finding]:
    base = ctx.base
    assert base is not None

    def keep(d: Difference) -> bool:
        if not _short_edit(d, LONG_TREND_EDIT_WORDS) or changes_figure(ctx, d) \
                or _in_quote(ctx, d):
            return False
        shifted = _claim_shift(ctx, d)
        # a sentence rewritten around a reversed trend, or around a predicate negated in one wording and not in
        # the other, is still one claim turned around
        return bool(shifted) and (_short_edit(d) or shifted == ["trend"] or (
            "negation" in shifted and negation_flipped(d.base.text, d.other.text)))

    for ch in changes(ctx, keep):
        shifted = _claim_shift(ctx, ch.diffs[0])
        what = " and ".join(_LABELS[c] for c in shifted)
        around = sentence_around(base.text, ch.base_start, ch.base_end)
        severity: Severity = "high" if "negation" in shifted else "medium"
        yield ctx.finding("claim-changed", severity,
                          f"The claim changes ({what}): {_edit(ctx, ch)} in “{around}”.", ch.evidence(ctx))


def _moved_qualifiers(ctx: Context) -> Iterator[Finding]:
    """A short phrase removed at one place of a sentence and put back at another, across a clause boundary; the
    same move made in several versions is one finding."""
    base = ctx.base
    assert base is not None
    by_version: dict[str, list[Difference]] = {}
    for d in ctx.aligned_changes:
        by_version.setdefault(d.version, []).append(d)
    moves: dict[tuple[int, int, int], list[tuple[Difference, Difference]]] = {}
    for vid, diffs in by_version.items():
        other = ctx.version(vid).text
        # only differences within MAX_MOVE_CHARS of a removed phrase can have taken it: found by position (in
        # the differences' own order, so the first that qualifies is the same), each one normalized once
        by_start = sorted((e.other.start, i) for i, e in enumerate(diffs))
        starts = [s for s, _ in by_start]
        normalized: dict[int, str] = {}
        for d in diffs:
            if d.kind != "delete" or not 0 < len(d.base.text.split()) <= MAX_MOVED_WORDS:
                continue
            phrase = normalize_text(d.base.text).strip()
            if not _qualifier(phrase):
                continue
            near = sorted(i for _, i in by_start[bisect.bisect_left(starts, d.other.start - MAX_MOVE_CHARS):
                                                 bisect.bisect_right(starts, d.other.start + MAX_MOVE_CHARS)])
            for i in near:
                e = diffs[i]
                if e is d:
                    continue
                if i not in normalized:
                    normalized[i] = normalize_text(e.other.text)
                if not _holds_phrase(normalized[i], phrase):
                    continue
                lo, hi = sorted((d.other.start, e.other.start))
                if hi - lo > MAX_MOVE_CHARS or "\n" in other[lo:hi] or not _CLAUSE_BREAK.search(other[lo:hi]):
                    continue
                moves.setdefault((d.base.start, d.base.end, e.base.start), []).append((d, e))
                break
    for (start, end, _), pairs in moves.items():
        versions = join_ids([d.version for d, _ in pairs])
        around = sentence_around(base.text, start, end)
        ev = [Evidence(base.id, start, end, base.text[start:end])]
        ev += [Evidence(e.version, e.other.start, e.other.end, e.other.text) for _, e in pairs]
        yield ctx.finding(
            "claim-changed", "medium",
            f"The claim changes (a qualifier moves to another clause): {_describe(base.text[start:end])} qualifies "
            f"a different part of the sentence in {versions} than in “{around}”.", ev)


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.base is None:
        return
    yield from _marker_changes(ctx)
    yield from _moved_qualifiers(ctx)
