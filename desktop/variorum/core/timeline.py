"""The versions' timeline: each version at its best-known time, with where that time came from, and the history of
every changed fact along it.

A version's time is, in order of trust: its capture time (a web archive's), its modified date, its published date
(each as its loader or its text gave it, the source shown), and a date in its URL. A version with none of these is listed
apart, never placed by guess; the file's time on disk is shown there as a last-resort hint (copying a file changes
it, so it never orders a version among the dated ones, and reports, which depend on the files' contents only,
leave it out).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence

from variorum.core.metadata.dates import url_date
from variorum.core.model import Comparison, Finding, Version
from variorum.core.quick_dataclass import dataclass

# The finding kinds that say a fact changed: a figure, a name, a quotation, a title, a date, a credit.
FACT_KINDS = frozenset({"number-changed", "name-changed", "quote-changed", "title-mismatch", "date-mismatch",
                        "byline-mismatch", "credit-mismatch", "claim-changed"})
FILE_TIME = "file time"


@dataclass(frozen=True)
class VersionTime:
    version: str
    when: str  # ISO-8601, as the source gave it
    source: str  # e.g. "capture (warc)", "modified (meta)", "published (dateline)", "URL date", "file time"

    @property
    def weak(self) -> bool:
        """Only the file's time on disk says when: copying a file changes it."""
        return self.source == FILE_TIME

    @property
    def moment(self) -> dt.datetime:
        return parse_time(self.when) or dt.datetime.min

    @property
    def short(self) -> str:
        """The time as it reads in a history: the date, and the time of day when known."""
        return self.when[:16].replace("T", " ") if "T" in self.when else self.when[:10]


@dataclass(frozen=True)
class Step:
    version: str
    when: str | None  # the version's time, or None when it has no known time
    text: str


@dataclass(frozen=True)
class FactHistory:
    """One changed fact (a finding) followed along the timeline."""

    finding: str
    kind: str
    message: str
    steps: tuple[Step, ...]

    def line(self, labels: dict[str, str] | None = None) -> str:
        """``25 (v1, 2025-02-21 10:02) → 27 (v3, 2025-02-21 14:40)``."""
        names = labels or {}
        return " → ".join(f"{s.text or '(absent)'} ({names.get(s.version, s.version)}, {s.when or 'no known time'})"
                          for s in self.steps)


@dataclass(frozen=True)
class Timeline:
    dated: tuple[VersionTime, ...]  # earliest first
    undated: tuple[str, ...]  # versions with no known time, in case order
    facts: tuple[FactHistory, ...]
    file_times: tuple[VersionTime, ...] = ()  # for undated versions, when asked: the file's time on disk (a hint)

    def time_of(self, version: str) -> VersionTime | None:
        return next((t for t in self.dated if t.version == version), None)

    def order(self) -> list[str]:
        return [t.version for t in self.dated] + list(self.undated)


def parse_time(value: str) -> dt.datetime | None:
    """An ISO-8601 date or timestamp as a naive UTC datetime; None when it does not parse."""
    try:
        when = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when


def best_time(v: Version) -> VersionTime | None:
    """``v``'s best-known time, or None."""
    m = v.metadata
    candidates: list[tuple[str | None, str]] = []
    if m.capture is not None and m.capture.time:
        candidates.append((m.capture.time, f"capture ({m.capture.source or 'web archive'})"))
    for name in ("modified", "published"):
        value = getattr(m, name)
        if value:
            candidates.append((value, f"{name} ({m.source_of(name) or 'metadata'})"))
    found = url_date(m.url) if m.url else None
    if found is not None:
        candidates.append((found.date.isoformat(), "URL date"))
    for value, source in candidates:
        if value and parse_time(value) is not None:
            return VersionTime(v.id, value, source)
    return None


def file_time(v: Version) -> VersionTime | None:
    """The time ``v``'s file was last changed on disk, or None (pasted text, a file gone)."""
    if not v.path:
        return None
    try:
        mtime = os.stat(v.path).st_mtime
    except OSError:
        return None
    stamp = dt.datetime.fromtimestamp(mtime, dt.UTC).replace(microsecond=0, tzinfo=None)
    return VersionTime(v.id, stamp.isoformat() + "Z", FILE_TIME)


def build_timeline(c: Comparison, *, file_times: bool = False) -> Timeline:
    """The readable versions ordered by their best-known time (ties in case order), and every changed fact's
    history along that order; with ``file_times``, the undated versions' file times as hints."""
    readable = [v for v in c.versions if v.ok]
    times = [t for t in (best_time(v) for v in readable) if t is not None]
    dated = tuple(sorted(times, key=lambda t: t.moment))  # sorted() is stable: ties keep case order
    known = {t.version for t in dated}
    undated = tuple(v.id for v in readable if v.id not in known)
    facts = tuple(_history(f, dated, undated) for f in c.findings if f.kind in FACT_KINDS)
    hints = tuple(t for t in (file_time(c.version(v)) for v in undated) if t is not None) if file_times else ()
    return Timeline(dated=dated, undated=undated, facts=tuple(h for h in facts if len(h.steps) > 1),
                    file_times=hints)


def _history(f: Finding, dated: Sequence[VersionTime], undated: Iterable[str]) -> FactHistory:
    said: dict[str, str] = {}
    for ev in f.evidence:
        said.setdefault(ev.version, " ".join(ev.text.split()))
    steps: list[Step] = []
    for version, when in [(t.version, t.short) for t in dated] + [(v, None) for v in undated]:
        text = said.get(version)
        if text is None or (steps and steps[-1].text == text and steps[-1].when is not None and when is not None):
            continue
        steps.append(Step(version, when, text))
    return FactHistory(finding=f.id, kind=f.kind, message=f.message, steps=tuple(steps))
