"""Word changes between aligned passages, as the quote, number and name checks see them.

Only substantive differences inside passages that really are one passage in two versions count (a page that
swapped one news item for another is not a changed figure). Differences that are only a URL (a link's address
spilled into the text by an extraction) are left to the link checks. The same change made in several versions
is one change with evidence in each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from variorum.core.checks.context import Context
from variorum.core.model import Difference, Evidence
from variorum.core.normalize import normalize_text
from variorum.core.quick_dataclass import dataclass


@dataclass(frozen=True)
class Change:
    """One change from the base, made identically in one or more versions."""

    base_start: int
    base_end: int
    base_text: str
    other_text: str
    diffs: tuple[Difference, ...]

    def evidence(self, ctx: Context) -> list[Evidence]:
        base_id = ctx.base_id or ""
        ev = [Evidence(base_id, self.base_start, self.base_end, self.base_text)]
        ev += [Evidence(d.version, d.other.start, d.other.end, d.other.text) for d in self.diffs]
        return ev

    @property
    def versions(self) -> list[str]:
        return [d.version for d in self.diffs]


def changes(ctx: Context, keep: Callable[[Difference], bool], *, replaces_only: bool = False) -> Iterator[Change]:
    """Substantive changes in aligned passages for which ``keep`` is true, grouped across versions."""
    grouped: dict[tuple[int, int, str], list[Difference]] = {}
    for d in ctx.aligned_changes:
        if (replaces_only and d.kind != "replace") or not keep(d):
            continue
        key = (d.base.start, d.base.end, normalize_text(d.other.text))
        grouped.setdefault(key, []).append(d)
    for (start, end, _), diffs in grouped.items():
        yield Change(start, end, diffs[0].base.text, diffs[0].other.text, tuple(diffs))
