"""A finding cited for a story file: each piece of evidence with its file, SHA-256, range and words."""

from __future__ import annotations

from variorum.core.case import load_case
from variorum.core.citation import ABSENT, cite_finding


def test_every_finding_of_the_demo_cites_each_piece_of_evidence(seed_paths):
    comparison = load_case(seed_paths).compare()
    assert comparison.findings
    for finding in comparison.findings:
        lines = cite_finding(comparison, finding).splitlines()
        assert lines[0].endswith(finding.message)
        if not finding.evidence:
            assert len(lines) == 1 + len(finding.versions)
        for line, e in zip(lines[1:], finding.evidence, strict=True):
            v = comparison.version(e.version)
            if e.end <= e.start:  # a version that lacks the words: said so, no empty quotation
                assert line == f"- {v.label} (SHA-256 {v.sha256}), at character {e.start}: {ABSENT}"
                continue
            assert line == f"- {v.label} (SHA-256 {v.sha256}), characters {e.start}–{e.end}: “{' '.join(e.text.split())}”"
            assert v.text[e.start:e.end] == e.text or e.text in v.text
    assert any(e.end <= e.start for f in comparison.findings for e in f.evidence)
