"""A finding as a citation a fact-checker can paste into a story file or an e-mail: for every piece of evidence,
the file's name, its SHA-256, the character range in the extracted text and the quoted words."""

from __future__ import annotations

from variorum.core.model import Comparison, Finding

ABSENT = "not in this version"  # said of evidence a version lacks (an empty span), never quoted as an empty string


def quoted(text: str, limit: int | None = None, marks: str = "«»") -> str:
    """Evidence words between quotation marks, cut to ``limit`` characters (None: whole); words a version lacks
    (an empty span) are said to be absent instead."""
    if not text:
        return ABSENT
    if limit is not None and len(text) > limit:
        text = text[:limit - 1] + "…"
    return f"{marks[0]}{text}{marks[1]}"


def cite_finding(comparison: Comparison, finding: Finding) -> str:
    """Plain text, one line for the finding and one per piece of evidence (or per version, when it has none)."""
    lines = [f"{finding.kind} ({finding.severity}): {finding.message}"]
    versions = {v.id: v for v in comparison.versions}
    for e in finding.evidence:
        v = versions.get(e.version)
        name = v.label if v is not None else e.version
        sha = v.sha256 if v is not None else "unknown"
        if e.end > e.start:
            words = " ".join(e.text.split())  # one line per piece of evidence
            lines.append(f"- {name} (SHA-256 {sha}), characters {e.start}–{e.end}: {quoted(words, marks='“”')}")
        else:
            lines.append(f"- {name} (SHA-256 {sha}), at character {e.start}: {ABSENT}")
    if not finding.evidence:
        for vid in finding.versions:
            v = versions.get(vid)
            if v is not None:
                lines.append(f"- {v.label} (SHA-256 {v.sha256})")
    return "\n".join(lines)
