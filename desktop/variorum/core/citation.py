"""A finding as a citation a fact-checker can paste into a story file or an e-mail: for every piece of evidence,
the file's name, its SHA-256, the character range in the extracted text and the quoted words."""

from __future__ import annotations

from variorum.core.model import Comparison, Finding


def cite_finding(comparison: Comparison, finding: Finding) -> str:
    """Plain text, one line for the finding and one per piece of evidence (or per version, when it has none)."""
    lines = [f"{finding.kind} ({finding.severity}): {finding.message}"]
    versions = {v.id: v for v in comparison.versions}
    for e in finding.evidence:
        v = versions.get(e.version)
        name = v.label if v is not None else e.version
        sha = v.sha256 if v is not None else "unknown"
        words = " ".join(e.text.split())  # one line per piece of evidence
        lines.append(f"- {name} (SHA-256 {sha}), characters {e.start}–{e.end}: “{words}”")
    if not finding.evidence:
        for vid in finding.versions:
            v = versions.get(vid)
            if v is not None:
                lines.append(f"- {v.label} (SHA-256 {v.sha256})")
    return "\n".join(lines)
