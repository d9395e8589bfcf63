"""``quote-changed``: words inside quotation marks that differ between versions, or a quotation's speaker.

Quotation style (straight or curly, « » or “ ”), line wraps and markup are cosmetic and never count; neither do
punctuation-only edits or a URL an extraction dropped into the middle of a quotation. A single word in quotation
marks (a term, a pronunciation: pronounced "hoick" → "haw-eek") is not a quotation: its change is a difference,
and the words around it name no speaker (a list of states before organized in six "clusters" is not an attribution).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from variorum.core.checks.changes import Change, changes
from variorum.core.checks.context import Context, join_ids, short
from variorum.core.checks.names import changes_name
from variorum.core.checks.numbers import changes_figure
from variorum.core.checks.quotations import TITLES, Quotations, Quote, attribution_span
from variorum.core.model import Difference, Finding


def _holder(quotations: Quotations, start: int, end: int) -> Quote | None:
    if end > start:
        return quotations.at(start, end)
    return quotations.around(start)  # an empty span: an insertion point inside a quotation


def _a_term(text: str, q: Quote) -> bool:
    """Whether quotation marks hold a single word: a term or a pronunciation glossed ("pronounced "hoick""), not
    words someone said."""
    return len(re.findall(r"[\w'’-]+", text[q.inner[0]:q.inner[1]])) <= 1


def _speaker_change(quotations: Quotations, start: int, end: int, changed: str) -> Quote | None:
    """The quotation whose attribution the span [start, end) sits in, when the change touches a name (a title
    changed alone, "Ms." → "Mayor", leaves the speaker the same)."""
    if not any(w not in TITLES for w in re.findall(r"\b[A-Z][\w'’-]+", changed)):
        return None
    text, quotes = quotations.text, quotations.quotes
    first = max(0, bisect.bisect_left(quotations.ends, start - 200))
    for q in quotes[first:]:
        if q.start > end + 200:
            break
        if _a_term(text, q):
            continue  # a term in quotation marks has no speaker
        span = attribution_span(text, q)
        if span and span[0] <= start and end <= span[1]:
            return q
    return None


def check(ctx: Context) -> Iterator[Finding]:
    base = ctx.base
    if base is None:
        return

    in_base = ctx.text(base.id).quotations

    # both passes below ask the same of each difference: each is answered once
    in_quotes: dict[int, bool] = {}

    def figure_or_name(d: Difference) -> bool:
        return changes_figure(ctx, d) or changes_name(ctx, d)

    def in_quote(d: Difference) -> bool:
        found = in_quotes.get(id(d))
        if found is None:
            found = in_quotes[id(d)] = not figure_or_name(d) and _quoted(d)  # a figure or name is reported as such
        return found

    def _quoted(d: Difference) -> bool:
        holders = [(in_base, _holder(in_base, d.base.start, d.base.end)),
                   (other := ctx.text(d.version).quotations, _holder(other, d.other.start, d.other.end))]
        return any(q is not None and not _a_term(found.text, q) for found, q in holders)

    # every change inside one quotation, made in the same versions, is one finding
    by_quote: dict[tuple[object, tuple[str, ...]], list[Change]] = {}
    for ch in changes(ctx, in_quote):
        q = _holder(in_base, ch.base_start, ch.base_end)
        by_quote.setdefault((q if q else ch, tuple(ch.versions)), []).append(ch)
    for (holder, versions), chs in by_quote.items():
        quoted = base.text[holder.start:holder.end] if isinstance(holder, Quote) else ""
        subject = f"The quotation {short(quoted, 100)}" if quoted else "A quotation"
        others = join_ids(list(versions))
        edits = "; ".join(f"{_said(c.base_text)} → {_said(c.other_text)}" for c in chs)
        ev = [e for c in chs for e in c.evidence(ctx)]
        yield ctx.finding("quote-changed", "high",
                          f"{subject} reads differently in {others} than in {ctx.base_id}: {edits}.", ev)
    for ch in changes(ctx, lambda d: not in_quote(d) and not figure_or_name(d), replaces_only=True):
        q = _speaker_change(in_base, ch.base_start, ch.base_end, ch.base_text + " " + ch.other_text)
        if q is None:
            continue
        yield _finding(ctx, ch, f"The speaker of the quotation {short(base.text[q.start:q.end], 100)} ",
                       "is given differently")


def _said(text: str) -> str:
    return f"'{short(text, 100)}'" if text else "nothing"


def _finding(ctx: Context, ch: Change, subject: str, verb: str) -> Finding:
    before = f"'{short(ch.base_text, 100)}'" if ch.base_text else "nothing"
    after = f"'{short(ch.other_text, 100)}'" if ch.other_text else "nothing"
    others = join_ids(ch.versions)
    message = f"{subject}{verb} in {others}: {ctx.base_id} has {before}, {others} {'has' if len(ch.versions) == 1 else 'have'} {after}."
    return ctx.finding("quote-changed", "high", message, ch.evidence(ctx))
