"""``number-changed``: a figure, percentage, count, amount or date that differs between aligned passages.

Only the values are compared: "12,300" → "14,000" and "$50 million" → "$50 billion" are changes; "80%" → "80 percent", "1,000" → "1000" and
"80%" vs "more than 80%" (a qualifier added around the same figure) are not. The month of a date is part of
it ("may 2013" → "october 2013" is a change, in lower-cased text too). Both sides of the change must
state a number or a date: a figure replaced by words ("12" → "several") is a wording change. A conversion added in
parentheses after a figure ("4-inch" → "4 inch (102 mm)") restates the figure and is not a change, and the date
that signs an embedded social post ("— City Police (@citypolice) May 3, 2021") is not an article figure. Neither is
a reference's target in angle brackets: a reference rewritten in reStructuredText's role markup
(`` `PEP 13 <https://…/pep-0013/>`_ `` → ``:pep:`PEP 13 <13>` ``) states the same figures.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from variorum.core.checks.changes import Change, changes
from variorum.core.checks.context import IGNORED_CATEGORIES, Context, join_ids, sentence_around, short
from variorum.core.checks.figures import (
    count_other_things,
    figures,
    same_sentence,
    sentence_span,
    unit_changes,
)
from variorum.core.checks.list_order import reordered_entries
from variorum.core.checks.months import months_in
from variorum.core.lazy_regex import LazyPattern
from variorum.core.model import Difference, Evidence, Finding
from variorum.core.normalize import strip_urls

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?:st|nd|rd|th)?(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)*(?=%|[a-zA-Z])")
_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
          "dozen": 12}
_SCALES = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9,
           "trillion": Decimal(10) ** 12, "bn": Decimal(10) ** 9, "m": Decimal(10) ** 6, "k": Decimal(10) ** 3}
_SCALE = re.compile(r"\s?(thousand|million|billion|trillion|bn|m|k)\b", re.IGNORECASE)
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.IGNORECASE)


def _value(raw: str) -> Decimal | None:
    raw = re.sub(r"(st|nd|rd|th)$", "", raw)
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", raw):
        raw = raw.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", raw):  # 12.300,5
        raw = raw.replace(".", "").replace(",", ".")
    else:
        raw = raw.replace(",", ".")
    try:
        return Decimal(raw).normalize()
    except InvalidOperation:
        return None


# "(102 mm)", "(5 kg)", "(about 6.4 km)": a figure and its unit alone in parentheses, right after a figure
_CONVERSION = LazyPattern(r"(?<=[\w.])\s*\(\s*(?:about |approx\.? |c\. |~)?\d[\d.,]*\s*[^\W\d_]{1,12}\.?\s*\)")
# the signature line of an embedded social post: "— Name (@handle) Month D, YYYY"
EMBED_SIGNATURE = LazyPattern(r"[—–-]{1,2}\s*[^\n()]{0,80}\(@\w{1,30}\)\s*[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}")
# how far a signature line reaches either side of a figure in it: the pattern's longest match, with room for the
# spaces it allows
SIGNATURE_REACH = 400


def without_conversions(text: str) -> str:
    """``text`` without the unit conversions added in parentheses after its figures."""
    return _CONVERSION.sub(" ", text) if "(" in text else text


def in_embed_signature(text: str, start: int, end: int) -> bool:
    """Whether [start, end) of ``text`` lies in the signature line of an embedded social post. Only the line's
    part within reach of the span is read: a figure on a line of megabytes costs no more than on a short one."""
    if end - start > SIGNATURE_REACH:
        return False
    lo, hi = max(0, start - SIGNATURE_REACH), min(len(text), end + SIGNATURE_REACH)
    lead = text.rfind("\n", lo, start) + 1 or lo  # the line's start, or as far back as a signature reaches
    stop = text.find("\n", end, hi)
    stop = stop if stop >= 0 else hi
    if text.find("(@", lead, stop) < 0:  # every signature names a handle: most lines have none to search for
        return False
    return any(m.start() <= start and end <= m.end() for m in EMBED_SIGNATURE.finditer(text, lead, stop))


# a reference's target written in angle brackets after its text, as reStructuredText writes links and roles
# (`PEP 13 <pep-0013/#membership>`_, :pep:`PEP 13 <13#membership>`): an address, not a figure. A passage may end
# before the closing bracket (the versions share it).
_LINK_TARGET = LazyPattern(r"(?<=\s)<(?:[^<>\s]+>(?=`)|(?=[^<>\s]*[A-Za-z#/_])[^<>\s]+(?:>|\Z))")


def numbers_in(text: str) -> Counter[Decimal]:
    """The values a passage states, in digits or as small number words (conversions in parentheses and the targets
    of references left out)."""
    text = without_conversions(strip_urls(text))
    if "<" in text:
        text = _LINK_TARGET.sub(" ", text)
    out: Counter[Decimal] = Counter()
    for m in _NUMBER.finditer(text):
        v = _value(m.group())
        if v is not None:
            scale = _SCALE.match(text, m.end())
            out[v * _SCALES[scale.group(1).lower()] if scale else v] += 1
    for m in _NUMBER_WORD.finditer(text):
        out[Decimal(_WORDS[m.group(1).lower()])] += 1
    return out


def is_number_change(before: str, after: str) -> bool:
    a, b = numbers_in(before), numbers_in(after)
    return bool(a) and bool(b) and a != b


def changes_figure(ctx: Context, d: Difference) -> bool:
    """:func:`is_number_change` of a difference's two sides, asked once per run (the quote, claim and number
    checks all ask it)."""
    return ctx.once("changes a figure", lambda: is_number_change(d.base.text, d.other.text), d)


def month_change(ctx: Context, d: Difference) -> bool:
    """Whether a difference changes the month of a date ("may 2013" → "october 2013")."""
    before = months_in(ctx.version(ctx.base_id or "").text, d.base.start, d.base.end)
    after = months_in(ctx.version(d.version).text, d.other.start, d.other.end)
    return bool(before) and bool(after) and before != after


def check(ctx: Context) -> Iterator[Finding]:
    base = ctx.base
    if base is None:
        return
    def keep(d: Difference) -> bool:
        if in_embed_signature(base.text, d.base.start, d.base.end) or \
                in_embed_signature(ctx.version(d.version).text, d.other.start, d.other.end):
            return False
        if month_change(ctx, d):
            return True
        if not changes_figure(ctx, d):
            return False
        other = ctx.version(d.version).text
        return not count_other_things(d.base.text, figures(base.text, d.base.start, d.base.end),
                                      d.other.text, figures(other, d.other.start, d.other.end))

    yield from _rewritten(ctx)
    for ch, repeats in _repeats_merged(list(changes(ctx, keep, replaces_only=True))):
        entries = _reordered(ctx, ch)
        if entries is not None:
            yield from entries
            continue
        others = join_ids(ch.versions)
        around = sentence_around(base.text, ch.base_start, ch.base_end)
        what = "A figure" if is_number_change(ch.base_text, ch.other_text) else "A date"
        message = (f"{what} changed: {ctx.base_id} has '{short(ch.base_text, 60)}', {others} "
                   f"{'has' if len(ch.versions) == 1 else 'have'} '{short(ch.other_text, 60)}' "
                   f"in “{around}”.")
        if repeats:
            n = len(repeats)
            message += f" The same figures change in {n} other place{'s' if n > 1 else ''}."
        evidence = ch.evidence(ctx) + [e for r in repeats for e in r.evidence(ctx)]
        yield ctx.finding("number-changed", "high", message, evidence)


def _reordered(ctx: Context, ch: Change) -> list[Finding] | None:
    """A list put in another order (None when the change is not one): a finding for each entry whose figures
    changed, its evidence that entry alone; none when only the order changed."""
    per_version = [(d, reordered_entries(ch.base_text, d.other.text)) for d in ch.diffs]
    if any(found is None for _, found in per_version):
        return None
    base = ctx.version(ctx.base_id or "")
    out: dict[tuple[int, int], list[Evidence]] = {}
    for d, found in per_version:
        for (s, e), (t, u) in found or []:
            ev = out.setdefault((ch.base_start + s, ch.base_start + e),
                                [Evidence(base.id, ch.base_start + s, ch.base_start + e, ch.base_text[s:e])])
            ev.append(Evidence(d.version, d.other.start + t, d.other.start + u, d.other.text[t:u]))
    findings = []
    for ev in out.values():
        others = join_ids([e.version for e in ev[1:]])
        findings.append(ctx.finding(
            "number-changed", "high",
            f"A figure changed in a list put in another order: {base.id} has '{short(ev[0].text, 60)}', {others} "
            f"{'has' if len(ev) == 2 else 'have'} '{short(ev[1].text, 60)}'; the list's other entries keep their "
            "figures.", ev))
    return findings


MAX_REPEAT_CANDIDATES = 64  # changes a change is compared with to find the one it repeats


def _delta(ch: Change) -> tuple[Counter[Decimal], Counter[Decimal]]:
    """The values a change drops and the values it adds."""
    before, after = numbers_in(ch.base_text), numbers_in(ch.other_text)
    return before - after, after - before


def _repeats_merged(found: list[Change]) -> list[tuple[Change, list[Change]]]:
    """Each change with the changes that repeat it: the same figures updated in another place of the same
    versions ("in 2007, 2010 and 2012" → "…, 2012 and 2014" in the lead and again in the body), one finding."""
    deltas = [_delta(ch) for ch in found]
    # the changes that drop or add each value, per set of versions: the only ones another change can repeat
    having: dict[tuple[tuple[str, ...], Decimal], list[int]] = {}
    for j, (dropped, added) in enumerate(deltas):
        for value in dropped.keys() | added.keys():
            having.setdefault((tuple(found[j].versions), value), []).append(j)
    into: dict[int, int] = {}  # change -> the change it repeats (one whose drops and additions include its own)
    for i, (dropped, added) in enumerate(deltas):
        if not dropped and not added:
            continue
        value = next(iter(added or dropped))
        for j in having[(tuple(found[i].versions), value)][:MAX_REPEAT_CANDIDATES]:
            d2, a2 = deltas[j]
            if j != i and dropped <= d2 and added <= a2 and ((dropped, added) != (d2, a2) or j < i):
                into[i] = j
                break
    merged: dict[int, list[Change]] = {}
    for i, j in into.items():
        while j in into:
            j = into[j]
        merged.setdefault(j, []).append(found[i])
    return [(ch, merged.get(i, [])) for i, ch in enumerate(found) if i not in into]


def _rewritten(ctx: Context) -> Iterator[Finding]:
    """Figures changed inside sentences rewritten around them (too reworded for the passage to count as aligned):
    compared figure by figure with what they count, between sentences that still say the same thing."""
    base = ctx.base
    assert base is not None
    aligned = set(ctx.aligned_changes)
    found: dict[tuple[int, int, str], list[tuple[Evidence, Evidence]]] = {}
    for d in ctx.substantive():
        if d.kind != "replace" or d in aligned or d.category in IGNORED_CATEGORIES:
            continue
        other = ctx.version(d.version)
        changed = unit_changes(figures(base.text, d.base.start, d.base.end),
                               figures(other.text, d.other.start, d.other.end))
        if not changed or ctx.in_metadata(base.id, d.base.start, d.base.end) or \
                ctx.in_metadata(d.version, d.other.start, d.other.end) or \
                in_embed_signature(base.text, d.base.start, d.base.end) or \
                in_embed_signature(other.text, d.other.start, d.other.end):
            continue
        bs, be = sentence_span(base.text, d.base.start, d.base.end)
        os_, oe = sentence_span(other.text, d.other.start, d.other.end)
        if not same_sentence(base.text[bs:be], other.text[os_:oe]):
            continue
        for a, b in changed:
            pair = (Evidence(base.id, a.start, a.end, base.text[a.start:a.end]),
                    Evidence(d.version, b.start, b.end, other.text[b.start:b.end]))
            found.setdefault((a.start, a.end, pair[1].text), []).append(pair)
    for (start, end, _), pairs in found.items():
        others = join_ids([ev.version for _, ev in pairs])
        old, new = pairs[0][0].text, pairs[0][1].text
        around = sentence_around(base.text, start, end)
        message = (f"A figure changed in a rewritten sentence: {ctx.base_id} has '{old}', {others} "
                   f"{'has' if len(pairs) == 1 else 'have'} '{new}' in “{around}”.")
        yield ctx.finding("number-changed", "high", message, [pairs[0][0], *(ev for _, ev in pairs)])
