"""Related coverage compared on facts: ``shared-facts`` (info) and ``fact-conflict`` (high).

Another outlet's article on the same story is not a version of the base, so its words are not diffed. Instead
its names, dates, figures and quotations are set against the base's: the ones they share corroborate each
other; a date or figure given for the same thing (the sentences around them share at least two content words)
that differs (dates and percentages only), when neither article states the other's value anywhere, is a conflict a fact-checker must settle.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from rapidfuzz import fuzz

from variorum.core.checks.context import Context, short
from variorum.core.checks.facts import Facts, Mention, extract
from variorum.core.model import Evidence, Finding, Version

MIN_SHARED_CONTEXT = 2
MAX_NAMES = 8


def _facts(ctx: Context, v: Version, common: frozenset[str]) -> Facts:
    article = ctx.article_date(v.id)
    return extract(ctx.text(v.id), article.date if article else None, common)


def _ev(v: Version, m: Mention) -> Evidence:
    return Evidence(v.id, m.start, m.end, v.text[m.start:m.end])


def _first(mentions: list[Mention]) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for m in mentions:
        out.setdefault(m.key, m)
    return out


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


def _shared(ctx: Context, base: Version, fb: Facts, other: Version, fo: Facts) -> Finding | None:
    parts: list[str] = []
    ev: list[Evidence] = []
    matched = _matching_names(fo, fb)
    names = sorted(matched, key=lambda label: fo.names[matched[label][0]].start)
    if names:
        shown = [min((fo.names[matched[n][0]].shown, fb.names[matched[n][1]].shown), key=len) for n in names]
        parts.append("names " + ", ".join(shown[:MAX_NAMES])
                     + (f" and {len(names) - MAX_NAMES} more" if len(names) > MAX_NAMES else ""))
        for n in names[:MAX_NAMES]:
            k, j = matched[n]
            ev += [_ev(other, fo.names[k]), _ev(base, fb.names[j])]
    for label, mine, theirs in (("dates", fo.dates, fb.dates), ("figures", fo.figures, fb.figures)):
        a, b = _first(mine), _first(theirs)
        common = [k for k in a if k in b]
        if common:
            parts.append(f"{label} " + ", ".join(a[k].shown for k in common))
            for k in common:
                ev += [_ev(other, a[k]), _ev(base, b[k])]
    quotes = [(q, p) for q in fo.quotes for p in fb.quotes if fuzz.ratio(q.key, p.key) >= 90]
    if quotes:
        parts.append("quotations " + ", ".join(f"“{short(q.shown, 60)}”" for q, _ in quotes))
        for q, p in quotes:
            ev += [_ev(other, q), _ev(base, p)]
    if not parts or not (len(parts) > 1 or len(names) >= 3):
        return None  # a name or two in common is not corroboration
    return ctx.finding("shared-facts", "info",
                       f"{other.id} (related coverage) agrees with the base {base.id} on " + "; ".join(parts) + ".",
                       ev)


def _conflicts(ctx: Context, a: Version, fa: Facts, b: Version, fb: Facts) -> Iterator[Finding]:
    # Percentages (vote shares, turnout) and dates; counts are left out: "3,000 people detained" and "200 people
    # injured" share every word but the one that matters.
    percents_a = [m for m in fa.figures if m.key.endswith("%")]
    percents_b = [m for m in fb.figures if m.key.endswith("%")]
    for label, ma, mb in (("date", fa.dates, fb.dates), ("percentage", percents_a, percents_b)):
        keys_a, keys_b = {m.key for m in ma}, {m.key for m in mb}
        seen: set[tuple[str, str]] = set()
        for x in ma:
            for y in mb:
                if x.key == y.key or x.key in keys_b or y.key in keys_a or (x.key, y.key) in seen:
                    continue
                shared = x.context & y.context
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
    sources = (base, *ctx.related)
    common = frozenset().union(*(ctx.text(v.id).lower_case_words for v in sources))
    facts = {v.id: _facts(ctx, v, common) for v in sources}
    for other in ctx.related:
        shared = _shared(ctx, base, facts[base.id], other, facts[other.id])
        if shared is not None:
            yield shared
    for a, b in combinations((base, *ctx.related), 2):
        yield from _conflicts(ctx, a, facts[a.id], b, facts[b.id])
