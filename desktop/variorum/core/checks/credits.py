"""``credit-mismatch``: photo and agency credits that differ across versions of one article, or are missing.

Two versions giving different credits of the same kind (photo, "contributed reporting", wire) contradict each
other (medium). A credit some versions lack is low — unless the whole caption around it is missing, which
``passage-missing`` reports (with the credit named), the version still has the credit in its text, or it could not
carry it (a credit a web page names, in its markup or in the page around the article, against a plain-text copy:
see :func:`.fields.could_state`). Credits are
compared by :func:`variorum.core.metadata.equality.credit_key`, as in the metadata table.
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from variorum.core.checks.context import Context, join_ids, short
from variorum.core.checks.fields import could_state
from variorum.core.metadata.equality import credit_key
from variorum.core.model import Evidence, Finding, Version
from variorum.core.normalize import normalize_text

MIN_CONTEXT_WORDS = 5


def credit_kind(credit: str) -> str:
    low = credit.lower()
    if "contributed" in low:
        return "contributed"
    if "/" in credit or low.startswith(("photo", "image")):
        return "photo"
    return "agency"


def _spans(ctx: Context, v: Version) -> dict[str, Evidence]:
    """Credit key → where the credit sits in the text (an empty span at 0 when only the loader knows it)."""
    found = {credit_key(f.value): f for f in ctx.meta(v.id).credits}
    out: dict[str, Evidence] = {}
    for credit in v.metadata.credits:
        key = credit_key(credit)
        if not key:
            continue
        f = found.get(key)
        if f is not None and v.furniture_at(f.start, f.end) is not None:
            continue  # a handle in an embedded post, a line of a sidebar: not the article's credit
        if f is not None:
            out[key] = Evidence(v.id, f.start, f.end, v.text[f.start:f.end])
        else:
            pos = v.text.find(credit)
            out[key] = Evidence(v.id, pos, pos + len(credit), credit) if pos >= 0 else Evidence(v.id, 0, 0, "")
    return out


def _context_missing(ctx: Context, ev: Evidence, other: Version) -> bool:
    """True when the caption or paragraph around the credit is itself absent from ``other``."""
    text = ctx.version(ev.version).text
    para = ctx.text(ev.version).paragraph_at(ev.start) if ev.end > ev.start else None
    if para is None:
        return False
    around = normalize_text(text[para[0]:ev.start] + " " + text[ev.end:para[1]])
    if len(around.split()) < MIN_CONTEXT_WORDS:
        return False
    return fuzz.partial_ratio(around, ctx.normalized(other.id)) < 90


def check(ctx: Context) -> Iterator[Finding]:
    group = list(ctx.group)
    if len(group) < 2:
        return
    spans = {v.id: _spans(ctx, v) for v in group}
    if not any(spans.values()):
        return
    keys = list(dict.fromkeys(k for v in group for k in spans[v.id]))
    # as written (a credit only the page's markup names has no span): its kind is read from its own punctuation
    written = {credit_key(c): c for v in group for c in v.metadata.credits}
    shown = {k: next(spans[v.id][k].text or written.get(k, k) for v in group if k in spans[v.id]) for k in keys}
    conflicted: set[str] = set()
    for kind in ("photo", "contributed", "agency"):
        of_kind = [k for k in keys if credit_kind(shown[k]) == kind]
        holders = {k: [v.id for v in group if k in spans[v.id]] for k in of_kind}
        # a contradiction: some version gives one credit of this kind and another version a different one
        # and neither gives the other's
        clashing = [k for k in of_kind if any(
            o != k and not set(holders[k]) & set(holders[o]) for o in of_kind)]
        if len(clashing) > 1:
            conflicted.update(clashing)
            desc = "; ".join(f"{join_ids(holders[k])}: '{short(shown[k], 80)}'" for k in clashing)
            ev = [spans[vid][k] for k in clashing for vid in holders[k]]
            yield ctx.finding("credit-mismatch", "medium",
                              f"The {kind if kind != 'contributed' else 'reporting'} credit differs between "
                              f"versions of the article — {desc}.", ev)
    for k in keys:
        if k in conflicted:
            continue
        having = [v.id for v in group if k in spans[v.id]]
        # a credit in the text of a web page (or another format that keeps metadata) is in the page around the
        # article, which a plain-text extraction of it has no place for: only a plain text's credit says another
        # plain text could have carried it (as for a byline: see fields.compare_field)
        in_text = any(ctx.version(h).metadata.carrier is None
                      and k in {credit_key(f.value) for f in ctx.meta(h).credits} for h in having)
        missing = []
        for v in group:
            if v.id in having or k in ctx.text(v.id).words or not could_state(v, in_text):
                continue
            if any(_context_missing(ctx, spans[h][k], v) for h in having):
                continue  # the whole caption is gone: passage-missing says so
            missing.append(v.id)
        if missing:
            ev = [spans[h][k] for h in having] + [Evidence(vid, 0, 0, "") for vid in missing]
            yield ctx.finding("credit-mismatch", "low",
                              f"The credit '{short(shown[k], 80)}' is given in {join_ids(having)} but missing "
                              f"from {join_ids(missing)}.", ev)
