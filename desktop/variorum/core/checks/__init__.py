"""Discrepancy checks. Each check is one module exposing ``check(ctx) -> Iterable[Finding]``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from variorum.core.model import Alignment, Difference, Finding, Relation, Version


def run_checks(versions: Sequence[Version], base_id: str | None, relations: Mapping[str, Relation],
               differences: Sequence[Difference], alignments: Mapping[str, Alignment]) -> list[Finding]:
    """All findings, sorted by severity then position. (Checks are registered as they are written.)"""
    return []
