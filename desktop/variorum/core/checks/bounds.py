"""``claim-changed`` when an unbounded amount becomes a bounded one, or the reverse, with no figure to compare.

"allowed to export unlimited quantities of oil" → "allowed to export $5.2 billion of oil every 6 months" changes
what is asserted, yet no figure changed (one side has none) and the sentence may be reworded too much for a word
diff to pair the two wordings. A sentence that says an amount has no limit ("unlimited", "unrestricted", "no
limit") is set against the changed sentences of the other version; one that says the same thing in other words
(most of its content words) without the "no limit" but with a figure of its own is the same claim, bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from variorum.core.checks.context import Context, sentence_around, short
from variorum.core.checks.figures import same_sentence, sentence_span
from variorum.core.checks.numbers import numbers_in
from variorum.core.lazy_regex import LazyPattern
from variorum.core.model import Evidence, Finding

_UNBOUNDED = re.compile(r"\b(?:unlimited|unrestricted|limitless|unbounded|uncapped|no (?:upper )?limit|without "
                        r"(?:any )?limit)(?:\s+[^\W\d_]+)?", re.IGNORECASE)
_AMOUNT = LazyPattern(r"[$£€]?\d[\d,.]*(?:\s*(?:%|percent|million|billion|trillion|bn)\b)?", re.IGNORECASE)
MAX_SENTENCES = 200  # sentences of one changed passage looked at; a longer one is a rewrite, not a correction


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    at, n = start, 0
    while at < end and n < MAX_SENTENCES:
        s, e = sentence_span(text, at, at)
        if e <= at:
            break
        yield s, e
        at, n = e + 1, n + 1


def check(ctx: Context) -> Iterator[Finding]:
    base = ctx.base
    if base is None:
        return
    group = {v.id for v in ctx.group} - {base.id}
    by_version: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    for d in ctx.substantive():
        if d.version in group and d.kind != "move":
            by_version.setdefault(d.version, []).append(((d.base.start, d.base.end), (d.other.start, d.other.end)))
    for vid, spans in by_version.items():
        other = ctx.version(vid)
        sides = ((base, other, [b for b, _ in spans], [o for _, o in spans]),
                 (other, base, [o for _, o in spans], [b for b, _ in spans]))
        for mine, theirs, my_spans, their_spans in sides:
            candidates = None
            for start, end in my_spans:
                for m in _UNBOUNDED.finditer(mine.text, start, end):
                    if candidates is None:
                        candidates = {s for a, b in their_spans for s in _sentences(theirs.text, a, max(b, a + 1))}
                    found = _bounded(mine.text, m.start(), m.end(), theirs.text, sorted(candidates))
                    if found is None:
                        continue
                    marker = Evidence(mine.id, m.start(), m.end(), m.group())
                    amount = Evidence(theirs.id, *found, theirs.text[found[0]:found[1]])
                    ev = [marker, amount] if mine.id == base.id else [amount, marker]
                    yield ctx.finding(
                        "claim-changed", "medium",
                        f"The claim changes (a limit): {ev[0].version} has '{short(ev[0].text, 60)}', "
                        f"{ev[1].version} has '{short(ev[1].text, 60)}' in “{sentence_around(base.text, ev[0].start, ev[0].end)}”.",
                        ev)


def _bounded(text: str, start: int, end: int, other: str, candidates: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where, in the other version's sentence that says the same without the "no limit", its figures are."""
    s, e = sentence_span(text, start, end)
    sentence = text[s:e]
    before = numbers_in(sentence)
    for a, b in candidates:
        said = other[a:b]
        if _UNBOUNDED.search(said) or not same_sentence(sentence, said) or not numbers_in(said) - before:
            continue
        # the figures after the word the "no limit" followed ("export unlimited" / "export $5.2 billion")
        lead = re.findall(r"[^\W\d_]{3,}", text[s:start])
        at = re.search(rf"\b{re.escape(lead[-1])}\b", said) if lead else None
        amounts = list(_AMOUNT.finditer(other, a + at.end() if at else a, b)) or list(_AMOUNT.finditer(other, a, b))
        unit = re.match(r"\s+[^\W\d_]+", other[amounts[-1].end():b])
        return amounts[0].start(), amounts[-1].end() + (unit.end() if unit else 0)
    return None
