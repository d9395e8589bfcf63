"""Comparing one single-valued field (title, date, byline) across the versions of one article.

Two versions stating different values is a contradiction; a value some versions state and others lack is an
absence (low severity) — unless the version that lacks the field still has the value in its text, or could not
state it: a plain text or an extracted article body has no place for a title, date or byline, so its silence is
no discrepancy. A version is expected to state the field when its format keeps metadata (``Metadata.carrier``: a
web page's ``<head>``, Markdown front matter, document properties) or when the versions stating it do so in their
text (a dateline, a "By …" line), which the silent version's text could have carried too — unless the versions
stating it are web pages (or other formats that keep metadata), whose text holds the page around the article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from itertools import combinations

from variorum.core.checks.context import Context, join_ids, short
from variorum.core.model import Evidence, Finding, Severity, Version
from variorum.core.quick_dataclass import dataclass


def field_evidence(ctx: Context, v: Version, field: str, value: str) -> Evidence:
    """Where version ``v`` states ``value`` for metadata ``field``: the place the text reader found it, else the
    first occurrence in the text, else an empty span at the start."""
    found = getattr(ctx.meta(v.id), field)
    if found is not None and found.value == value:
        return Evidence(v.id, found.start, found.end, v.text[found.start:found.end])
    pos = v.text.find(value)
    return Evidence(v.id, pos, pos + len(value), value) if pos >= 0 else Evidence(v.id, 0, 0, "")


@dataclass(frozen=True)
class FieldValue:
    shown: str  # how the value reads in a message
    keys: frozenset[str]  # comparison keys; two values agree when they share one
    evidence: Evidence
    stated: str = ""  # the value as the version states it, when it reads otherwise in a message
    in_text: bool = False  # read from the version's text (not only from its format's metadata)


def could_state(v: Version, stated_in_text: bool) -> bool:
    """Whether version ``v``'s silence about a field is an absence: its format keeps metadata, or the versions
    that state the field do so in their text."""
    return stated_in_text or v.metadata.carrier is not None


def found_in_text(ctx: Context, v: Version, field: str, value: str) -> bool:
    """Whether the text reader found ``value`` for ``field`` in ``v``'s own text."""
    found = getattr(ctx.meta(v.id), field)
    return found is not None and found.value == value


def compare_field(ctx: Context, *, kind: str, label: str, values: Mapping[str, FieldValue],
                  conflict: Severity, text_has: Callable[[str, FieldValue], bool],
                  same: Callable[[FieldValue, FieldValue], bool] | None = None,
                  absence_counts: bool = True) -> Iterator[Finding]:
    """Findings for one field: ``values`` maps version id → value for the versions that state it.

    Two values agree when ``same`` says so (by default: when they share a comparison key). Without
    ``absence_counts``, only contradictions are reported: a field a version may well lack (the date of a last
    update, which a version never updated has no reason to state) is not missing from it.
    """
    agree = same or (lambda a, b: bool(a.keys & b.keys))
    group = [v.id for v in ctx.group]
    if len(group) < 2 or not values:
        return
    # versions sharing a value are one party; parties are formed in load order
    parties: list[tuple[FieldValue, list[str]]] = []
    for vid in group:
        if vid not in values:
            continue
        val = values[vid]
        for first, members in parties:
            if agree(first, val):
                members.append(vid)
                break
        else:
            parties.append((val, [vid]))
    if len(parties) > 1 and any(
            not any(text_has(vid, q) for vid in pm) and not any(text_has(vid, p) for vid in qm)
            for (p, pm), (q, qm) in combinations(parties, 2)):
        # two parties each lacking the other's value: a version that also states the other value somewhere
        # (a page listing several dated items) is not contradicting it
        desc = "; ".join(f"{join_ids(members)}: '{short(val.shown, 100)}'" for val, members in parties)
        ev = [values[vid].evidence for _, members in parties for vid in members]
        yield ctx.finding(kind, conflict, f"The {label} differs between versions of the article — {desc}.", ev)
    if len(parties) > 1:
        return  # which value a version without one should have is then unclear: the contradiction says it all
    absent = [vid for vid in group if vid not in values]
    if not absent or not absence_counts:
        return
    (val, members), = parties
    # a dateline or "By" line in a web page's text is part of the page around the article (its <head> states the
    # same): the article body copied as plain text had no place for it
    in_text = any(values[vid].in_text and ctx.version(vid).metadata.carrier is None for vid in members)
    missing = [vid for vid in absent if could_state(ctx.version(vid), in_text) and not text_has(vid, val)]
    if missing:
        ev = [values[vid].evidence for vid in members] + [Evidence(vid, 0, 0, "") for vid in missing]
        yield ctx.finding(kind, "low",
                          f"The {label} '{short(val.shown, 100)}' is stated in {join_ids(members)} but missing "
                          f"from {join_ids(missing)}.", ev)
