"""Discrepancy checks. Each check is one module exposing ``check(ctx) -> Iterable[Finding]``.

A new check is one new module added to ``CHECKS``. Findings are sorted by severity, then by where their first
evidence sits (version load order, then offset); ids depend only on what a finding cites, so they are stable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import import_module

from variorum.core.checks.analysis import TextAnalysis
from variorum.core.checks.context import Context
from variorum.core.model import SEVERITY_ORDER, Alignment, Difference, Finding, Relation, Version

__all__ = ["CHECKS", "Context", "TextAnalysis", "run_checks", "sort_findings"]

# Module names under variorum.core.checks, in the order their findings are produced.
CHECKS: tuple[str, ...] = (
    "url_dates",
    "capture_dates",
    "link_targets",
    "titles",
    "dates",
    "bylines",
    "credits",
    "weekdays",
    "quotes",
    "numbers",
    "names",
    "claims",
    "bounds",
    "roles",
    "passages",
    "encoding",
    "related_facts",
)


def _check(name: str) -> Callable[[Context], Iterable[Finding]]:
    return import_module(f"variorum.core.checks.{name}").check


def sort_findings(findings: Iterable[Finding], versions: Sequence[Version]) -> list[Finding]:
    order = {v.id: i for i, v in enumerate(versions)}

    def position(f: Finding) -> tuple[int, int]:
        spots = [(order.get(e.version, len(order)), e.start) for e in f.evidence]
        return min(spots) if spots else (len(order), 0)

    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], position(f), f.kind, f.id))


def run_checks(versions: Sequence[Version], base_id: str | None, relations: Mapping[str, Relation],
               differences: Sequence[Difference], alignments: Mapping[str, Alignment],
               analyses: Mapping[str, TextAnalysis] | None = None) -> list[Finding]:
    """All findings, sorted by severity then position; one finding per id.

    ``analyses`` are the run's readings of the versions' texts, by version id (those missing are made here).
    """
    ctx = Context(tuple(versions), base_id, relations, tuple(differences), alignments, analyses or {})
    found: dict[str, Finding] = {}
    for name in CHECKS:
        for f in _check(name)(ctx):
            found.setdefault(f.id, f)
    return sort_findings(found.values(), versions)
