"""Related coverage compared on facts: ``shared-facts`` (info) and ``fact-conflict`` (high).

Another outlet's article on the same story is not a version of the base, so its words are not diffed. Instead
its specific facts (people's names other than the one the headline names, dates, figures with their units,
quotations) are set against the base's, and those of every two other outlets against each other: the ones they
share corroborate each other. An equal figure is shared
only when it states the same fact: said of no two different subjects, in sentences that share a content word
("Lowe's stock … down 1.8%" and "sales growth of 1.8 percent" are two facts); the same count of things named by
two nouns ("14 providers" / "14 firms", not "14 days") is shared when the sentences share two content words. A quotation one outlet gives
in part and the other at length is shared when the part, five words or more, is found whole in the longer one. A date, percentage or count
given for the same thing (the sentences around them share at least two content words besides the unit, and the
counts count the same thing: "less than 10 minutes" / "just 15 minutes") that differs, when neither article
states the other's value anywhere, is a conflict a fact-checker must settle. Counts of different units ("12 km"
/ "12 injured") or of different events ("3,000 people detained" / "200 people injured") never meet, nor do a
chance and a share of a set ("an 87% risk of breast cancer" / "5% of all breast cancers"); a percentage the other
story gives as the lower end of a range ("50 to 75 percent") is stated there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import combinations
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from variorum.core.checks.context import Context, short
from variorum.core.checks.wordlists import word_set
from variorum.core.lazy_regex import LazyPattern
from variorum.core.model import Evidence, Finding, Version
from variorum.core.normalize import word_key

if TYPE_CHECKING:  # the fact reader (and its patterns) is loaded only when related articles are compared
    from variorum.core.checks.facts import Facts, Mention

MIN_SHARED_CONTEXT = 2
MAX_NAMES = 8


def _facts(ctx: Context, v: Version, common: frozenset[str]) -> Facts:
    from variorum.core.checks.facts import extract

    article = ctx.article_date(v.id)
    return extract(ctx.text(v.id), article.date if article else None, common)


def _ev(v: Version, m: Mention) -> Evidence:
    return Evidence(v.id, m.start, m.end, v.text[m.start:m.end])


def _first(mentions: list[Mention]) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for m in mentions:
        out.setdefault(m.key, m)
    return out


_LEDE = LazyPattern(r"\S[^\n]{0,300}")


def _lead_words(ctx: Context, v: Version) -> set[str]:
    """The capitalised words of a version's headline and first paragraph (its first 300 characters)."""
    lede = _LEDE.search(v.text)
    title = ctx.meta(v.id).title
    said = " ".join(x for x in (title.value if title else "", lede.group() if lede else "") if x)
    return {w.casefold() for w in re.findall(r"\b[A-Z][\w'’-]{2,}", said)}


def _story_subject(ctx: Context, base: Version, other: Version) -> set[str]:
    """Who or what the story is about: the names both articles put in their headline or first paragraph."""
    return _lead_words(ctx, base) & _lead_words(ctx, other)


def _same_date(a: str, b: str) -> bool:
    """Keys of one date: equal, or the same month and day when one of them has no year ("--02-14")."""
    return a == b or ((a.startswith("--") or b.startswith("--")) and a[-5:] == b[-5:])


def _matching_names(fo: Facts, fb: Facts) -> dict[str, tuple[str, str]]:
    """Shared names: label → (key in ``fo``, key in ``fb``). A full name matches its surname alone
    ("Alexander Lukashenko" / "Lukashenko", shown as the surname); a name that is part of a longer shared one
    is listed once."""
    pairs: dict[str, tuple[str, str]] = {k.casefold(): (k, k) for k in fo.names if k in fb.names}
    for k in fo.names:
        for j in ([k] if k in fb.names else []) + [j for j in fb.names if j != k]:
            if j == k or k.split()[-1] == j or j.split()[-1] == k:
                label = min((fo.names[k].shown, fb.names[j].shown), key=len)
                pairs.setdefault(label.casefold(), (k, j))
                break
    labels = list(pairs)
    return {label: pairs[label] for label in labels
            if not any(o != label and set(label.split()) < set(o.split()) for o in labels)}


def _once(pairs: list[tuple[Mention, Mention]]) -> list[tuple[Mention, Mention]]:
    """Shared quotations, each once: a quotation a story gives twice (its punctuation aside) is one."""
    seen: set[str] = set()
    out = []
    for q, p in pairs:
        keys = {"q" + word_key(q.key), "p" + word_key(p.key)}
        if not keys & seen:
            out.append((q, p))
        seen |= keys
    return out


def _shared(ctx: Context, base: Version, fb: Facts, other: Version, fo: Facts) -> Finding | None:
    from variorum.core.checks.facts import is_person

    parts: list[str] = []
    ev: list[Evidence] = []
    subject = _story_subject(ctx, base, other)
    matched = {label: (k, j) for label, (k, j) in _matching_names(fo, fb).items()
               if not subject & set(label.split())
               and (is_person(fo.names[k].shown, other.text) or is_person(fb.names[j].shown, base.text))}
    names = sorted(matched, key=lambda label: fo.names[matched[label][0]].start)
    if names:
        shown = [min((fo.names[matched[n][0]].shown, fb.names[matched[n][1]].shown), key=len) for n in names]
        parts.append("names " + ", ".join(shown[:MAX_NAMES])
                     + (f" and {len(names) - MAX_NAMES} more" if len(names) > MAX_NAMES else ""))
        for n in names[:MAX_NAMES]:
            k, j = matched[n]
            ev += [_ev(other, fo.names[k]), _ev(base, fb.names[j])]
    a, b = _first(fo.dates), _first(fb.dates)
    common = [(a[k], b[next(j for j in b if _same_date(k, j))]) for k in a if any(_same_date(k, j) for j in b)]
    for label, pairs in (("dates", common), ("figures", shared_figures(fo.figures, fb.figures))):
        if pairs:
            parts.append(f"{label} " + ", ".join(x.shown for x, _ in pairs))
            for x, y in pairs:
                ev += [_ev(other, x), _ev(base, y)]
    quotes = _once([(q, p) for q in fo.quotes for p in fb.quotes if same_quote(q.key, p.key)])
    if quotes:
        parts.append("quotations " + ", ".join(f"“{short(q.shown, 60)}”" for q, _ in quotes))
        for q, p in quotes:
            ev += [_ev(other, q), _ev(base, p)]
    if not parts or (parts == parts[:1] and names and len(names) < 3):
        return None  # a name or two in common is not corroboration; one figure, date or quotation is
    with_whom = f"the base {base.id}" if base.id == ctx.base_id else f"{base.id}"
    return ctx.finding("shared-facts", "info",
                       f"{other.id} (related coverage) agrees with {with_whom} on " + "; ".join(parts) + ".", ev)


MIN_PARTIAL_QUOTE_WORDS = 5
MIN_SYNONYM_COUNT = 10  # a smaller count found in both stories under two nouns may be chance

# units that measure rather than count: "14 days" and "14 providers" never state the same fact
_MEASURES = word_set("""year-old year month week day hour minute second mile km kilometre kilometer metre meter
foot feet inch kg kilogram pound ton tonne litre liter gallon degree point""")


def _same_thing(x: Mention, y: Mention, shared_words: int = 1) -> bool:
    """Whether two equal figures state one fact: said of no two different subjects, and their sentences share at
    least ``shared_words`` content words besides the unit, two when different things happen to what they count
    ("Lowe's stock … down 1.8%" and "sales growth of 1.8 percent" share none: two facts)."""
    if x.subjects and y.subjects and not x.subjects & y.subjects:
        return False
    if x.events and y.events and not x.events & y.events:
        shared_words = max(shared_words, MIN_SHARED_CONTEXT)  # "3,000 detained" / "3,000 injured": say more
    return len((x.sentence & y.sentence) - {x.unit, y.unit}) >= shared_words


def _counts_alike(x: Mention, y: Mention) -> bool:
    """Counts of one number under two nouns for the same things ("14 providers" / "14 firms"): both count things
    rather than measure them, the number is not a small one, and their sentences share two content words."""
    if x.value != y.value or x.unit == y.unit or {x.unit, y.unit} & (_MEASURES | {"%", "$"}):
        return False
    return Decimal(x.value) >= MIN_SYNONYM_COUNT and _same_thing(x, y, MIN_SHARED_CONTEXT)


def shared_figures(mine: list[Mention], theirs: list[Mention]) -> list[tuple[Mention, Mention]]:
    """The figures two stories share, each once: the same value and unit stating the same fact, or the same count
    of the same things named by another noun."""
    by_key: dict[str, list[Mention]] = {}
    by_value: dict[str, list[Mention]] = {}
    for y in theirs:
        by_key.setdefault(y.key, []).append(y)
        by_value.setdefault(y.value, []).append(y)
    out: list[tuple[Mention, Mention]] = []
    keys: set[str] = set()
    for x in mine:
        same = None if x.key in keys else next((y for y in by_key.get(x.key, []) if _same_thing(x, y)), None)
        if same is not None:
            keys.add(x.key)
            out.append((x, same))
    values = {x.value for x, _ in out}
    for x in mine:
        alike = None if x.value in values else next((y for y in by_value.get(x.value, []) if _counts_alike(x, y)),
                                                    None)
        if alike is not None:
            values.add(x.value)
            out.append((x, alike))
    return sorted(out, key=lambda p: p[0].start)


def _words(key: str) -> list[str]:
    return re.findall(r"\w+", key)


def same_quote(a: str, b: str) -> bool:
    """Whether two quotations (in normal form) quote the same words: alike as a whole, or one of at least five
    words quoted whole inside the other (one outlet quoting part of what another quotes at length)."""
    if fuzz.ratio(a, b) >= 90:
        return True
    short_words, long_words = sorted((_words(a), _words(b)), key=len)
    if len(short_words) < MIN_PARTIAL_QUOTE_WORDS:
        return False
    return f" {' '.join(short_words)} " in f" {' '.join(long_words)} "


def _same_count(x: Mention, y: Mention) -> bool:
    """Whether two counts count the same thing: the same unit or counted noun, or the noun one counts named
    around the other ("25 million people" in "the Black Death killed…" / "50 million deaths"); and no two
    different events ("detained" / "injured")."""
    if x.unit in "%$" or y.unit in "%$":
        return False
    if x.events and y.events and not x.events & y.events:
        return False
    if x.unit in _MEASURES or y.unit in _MEASURES:
        return x.unit == y.unit  # an age is never a number of minutes, whatever the sentences around them say
    return x.unit == y.unit or x.unit in y.context or y.unit in x.context


_ANY_NUMBER = LazyPattern(r"\d[\d,]*(?:\.\d+)?")


def _numbers_anywhere(text: str) -> set[str]:
    """Every number the text writes, ordinals and numbers inside words included ("50th anniversary" → 50)."""
    return {n.replace(",", "").rstrip(".") for n in _ANY_NUMBER.findall(text)}


def _leading_number(m: Mention) -> str:
    found = _ANY_NUMBER.search(m.shown)
    return found.group().replace(",", "") if found else ""


def _rounded_alike(x: Mention, y: Mention) -> bool:
    """A share in words and a percentage that round to each other ("one-third" / "33%") are one figure."""
    in_words = not any(c.isdigit() for c in x.shown) or not any(c.isdigit() for c in y.shown)
    return in_words and abs(Decimal(x.value) - Decimal(y.value)) < 1


# a range of percentages: "50 to 75 percent", "3-4%" state their lower end too
_PERCENT_RANGE = LazyPattern(r"(?<![\d.,])(\d+(?:\.\d+)?)\s*(?:to|-|–|and)\s*\d+(?:\.\d+)?\s*(?:%|percent\b|per cent\b)")


def _range_ends(text: str) -> set[str]:
    """The lower ends of the ranges of percentages a text gives, as percentage keys ("50%")."""
    return {f"{Decimal(m.group(1)).normalize()}%" for m in _PERCENT_RANGE.finditer(text)}


_CHANCE = frozenset(("risk", "chance", "likelihood", "probability", "odds"))
_NEXT_WORD = LazyPattern(r"[\s-]*([a-z]+)")


def _percent_kind(text: str, m: Mention) -> str:
    """What a percentage measures, from the word after it: a chance ("an 87% risk of …") or a share of a set
    ("5% of all breast cancers"); "" when the words do not say."""
    after = text[m.end:]
    word = _NEXT_WORD.match(after)
    if word and word.group(1) in _CHANCE:
        return "chance"
    if word and word.group(1) == "of":
        return "share"
    return ""


def _measure_the_same(a: Version, x: Mention, b: Version, y: Mention) -> bool:
    """A chance and a share of a set are different measures, even of the same disease."""
    kx, ky = _percent_kind(a.text, x), _percent_kind(b.text, y)
    return not (kx and ky and kx != ky)


def _conflicts(ctx: Context, a: Version, fa: Facts, b: Version, fb: Facts) -> Iterator[Finding]:
    percents_a = [m for m in fa.figures if m.unit == "%"]
    percents_b = [m for m in fb.figures if m.unit == "%"]
    counts_a = [m for m in fa.figures if m.unit not in ("%", "$")]
    counts_b = [m for m in fb.figures if m.unit not in ("%", "$")]
    dates_a = [m for m in fa.dates if not m.key.startswith("--")]
    dates_b = [m for m in fb.dates if not m.key.startswith("--")]
    for label, ma, mb in (("date", dates_a, dates_b), ("percentage", percents_a, percents_b),
                          ("figure", counts_a, counts_b)):
        keys_a, keys_b = {m.key for m in ma}, {m.key for m in mb}
        if label == "percentage":
            keys_a, keys_b = keys_a | _range_ends(a.text), keys_b | _range_ends(b.text)
        values_a, values_b = _numbers_anywhere(a.text), _numbers_anywhere(b.text)
        seen: set[tuple[str, str]] = set()
        for x in ma:
            for y in mb:
                if x.key == y.key or x.key in keys_b or y.key in keys_a or (x.key, y.key) in seen:
                    continue
                if label == "percentage" and (_rounded_alike(x, y) or not _measure_the_same(a, x, b, y)):
                    continue
                if label == "figure" and (not _same_count(x, y) or _leading_number(x) in values_b
                                          or _leading_number(y) in values_a):
                    continue
                shared = (x.context & y.context) - {x.unit, y.unit}
                if len(shared) < MIN_SHARED_CONTEXT:
                    continue
                if x.subjects and y.subjects and not x.subjects & y.subjects:
                    continue  # about different people or places
                seen.add((x.key, y.key))
                about = ", ".join(sorted(shared)[:4])
                yield ctx.finding(
                    "fact-conflict", "high",
                    f"{a.id} and {b.id} give different {label}s for what looks like the same fact "
                    f"(both passages mention {about}): {a.id} says '{x.shown}', {b.id} says '{y.shown}', and "
                    f"neither states the other's {label}.", [_ev(a, x), _ev(b, y)])


def check(ctx: Context) -> Iterator[Finding]:
    base = ctx.base
    if base is None or not ctx.related:
        return
    # the month comparison reads facts too: loaded only when related articles are compared
    from variorum.core.checks.related_months import month_conflicts

    sources = (base, *ctx.related)
    common = frozenset().union(*(ctx.text(v.id).lower_case_words for v in sources))
    facts = {v.id: _facts(ctx, v, common) for v in sources}
    # every pair of outlets: two stories besides the base can share what the base does not say
    for first, other in combinations(sources, 2):
        shared = _shared(ctx, first, facts[first.id], other, facts[other.id])
        if shared is not None:
            yield shared
    for a, b in combinations((base, *ctx.related), 2):
        yield from _conflicts(ctx, a, facts[a.id], b, facts[b.id])
        yield from month_conflicts(ctx, a, b)
