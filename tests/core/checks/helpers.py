"""Build a comparison from texts typed in a test, the way a user pasting versions would."""

from __future__ import annotations

from variorum.core.compare import compare_versions
from variorum.core.load import load_pasted
from variorum.core.model import Comparison, Finding, Options


def compare_texts(*texts: str, base: str | None = None) -> Comparison:
    versions = [load_pasted(t, version_id=f"v{i}", label=f"version {i}") for i, t in enumerate(texts, start=1)]
    return compare_versions(versions, options=Options(base=base))


def of_kind(comparison: Comparison, kind: str) -> list[Finding]:
    return [f for f in comparison.findings if f.kind == kind]
