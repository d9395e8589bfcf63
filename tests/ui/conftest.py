"""Comparisons built by hand for the widget tests (the findings engine is not needed to drive the panels)."""

from __future__ import annotations

import hashlib

import pytest

from variorum.core.model import Comparison, Evidence, Finding, Link, Metadata, Relation, Version


def make_version(vid: str, text: str = "Some article text.", *, label: str | None = None,
                 metadata: Metadata | None = None, error: str | None = None, fmt: str = "text",
                 warnings: tuple[str, ...] = ()) -> Version:
    return Version(
        id=vid,
        label=label or f"edition-{vid[1:]}.txt",
        path=f"/cases/{label or 'edition-' + vid[1:] + '.txt'}",
        sha256=hashlib.sha256((vid + text).encode()).hexdigest(),
        format=fmt,
        encoding="utf-8" if error is None else None,
        text="" if error else text,
        metadata=metadata or Metadata(),
        warnings=warnings,
        error=error,
    )


@pytest.fixture
def comparison() -> Comparison:
    """Four readable versions (base v2, two of the same article, one related) and one unreadable file."""
    link_a = Link("the report", "https://example.org/2020/05/report", 10, 20)
    link_b = Link("the report", "https://example.org/2021/05/report", 10, 20)
    versions = (
        make_version("v1", metadata=Metadata(title="Dam bursts after storm", published="2020-05-04",
                                             byline="A. Writer", links=(link_a,),
                                             sources=(("title", "og:title"),), carrier="<head>")),
        make_version("v2", metadata=Metadata(title="Dam bursts after storm", published="2020-05-04T10:00:00",
                                             byline="A. Writer", credits=("Photo: Agency",), links=(link_a,))),
        make_version("v3", metadata=Metadata(title="Dam bursts after storms", published="2020-05-05",
                                             byline="A. Writer", links=(link_b,))),
        make_version("v4", metadata=Metadata(title="Storm season begins", published="2020-06-01")),
        make_version("v5", error="not a text file: binary content (NUL bytes) at offset 12 — " + "x" * 80,
                     label="broken.bin"),
    )
    relations = {
        "v1": Relation("same-article", 0.97),
        "v2": Relation("base", 1.0),
        "v3": Relation("same-article", 0.912),
        "v4": Relation("related", 0.18),
    }
    findings = (
        Finding("f1", "date-mismatch", "high", ("v2", "v3"), "Published 2020-05-04 in v2 but 2020-05-05 in v3",
                (Evidence("v2", 0, 4, "May 4"), Evidence("v3", 0, 4, "May 5"))),
        Finding("f2", "title-mismatch", "medium", ("v2", "v3"), "Titles differ: 'storm' vs 'storms'"),
        Finding("f3", "link-target-mismatch", "medium", ("v1", "v3"), "Link 'the report' points elsewhere",
                (Evidence("v1", 10, 20, "the report"), Evidence("v3", 10, 20, "the report"))),
        Finding("f4", "number-changed", "low", ("v3",), "12 became 13"),
        Finding("f5", "encoding-damage", "info", ("v1",), "Mojibake 'Ã©' in paragraph 2"),
    )
    return Comparison(base="v2", versions=versions, relations=relations, differences=(), findings=findings,
                      alignments={})


@pytest.fixture
def window(qtbot, tmp_path):
    """A shown main window; whatever it is still computing is dropped at the end of the test."""
    from app_helpers import make_window

    w = make_window(qtbot, tmp_path)
    yield w
    w.runner.invalidate()
    w.runner.wait()
