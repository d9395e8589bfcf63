"""Reports of unusual cases: unreadable files, a single readable version, nothing readable, huge passages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from variorum.core.case import load_case
from variorum.core.model import Evidence, Finding
from variorum.core.report import build_report, report_data
from variorum.core.report.render_csv import render_csv
from variorum.core.report.render_html import render_html
from variorum.core.report.render_json import render_json
from variorum.core.report.render_markdown import render_markdown
from variorum.core.report.schema import validation_errors

RENDERERS = (render_json, render_markdown, render_csv, render_html)


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture
def mixed_case(tmp_path, seed_paths):
    empty = _write(tmp_path, "empty.txt", b"")
    binary = _write(tmp_path, "image.txt", bytes(range(256)) * 8)
    return load_case([seed_paths[0], empty, seed_paths[1], binary, seed_paths[3]]).compare()


def test_unreadable_versions_are_reported_with_their_error(mixed_case):
    report = build_report(mixed_case)
    assert validation_errors(report) == []
    errors = {v.label: v.error for v in report.versions if v.error}
    assert set(errors) == {"empty.txt", "image.txt"}
    html, md = render_html(report), render_markdown(report)
    for message in errors.values():
        assert message in html and message in md
    assert html.count("Not compared: the file could not be read.") == 2
    assert "Not diffed word by word: this is related coverage" in html


@pytest.mark.parametrize("count", [0, 1])
def test_too_few_readable_versions_still_make_a_report(tmp_path, count, seed_paths):
    paths = [*seed_paths[:count], _write(tmp_path, "empty.txt", b"")]
    report = build_report(load_case(paths).compare())
    assert validation_errors(report) == []
    for render in RENDERERS:
        assert render(report)
    if count == 0:
        assert report.base is None and report.subject == "no readable version"


def test_long_passages_are_shortened_in_reports_for_people_but_kept_whole_in_json(tmp_path):
    long = " ".join(f"word{i}" for i in range(3000))
    a = _write(tmp_path, "a.txt", f"Opening line of the piece.\n\n{long}\n\nClosing line.\n".encode())
    b = _write(tmp_path, "b.txt", b"Opening line of the piece.\n\nClosing line.\n")
    c = load_case([a, b]).compare()
    text = c.version("v1").text
    start = text.index("word0")
    c = replace(c, findings=(Finding("f1", "passage-missing", "low", ("v1", "v2"), "A long passage is missing.",
                                     (Evidence("v1", start, start + len(long), long),)),))
    report = build_report(c)
    assert report_data(report)["findings"][0]["evidence"][0]["text"] == long
    html = render_html(report)
    assert "more characters]" in html and long not in html
    assert "more characters" in render_markdown(report)


def test_findings_with_many_quotations_show_the_first_few_and_say_how_many_more(seed_paths):
    c = load_case(seed_paths[:2]).compare()
    text = c.version("v1").text
    words = [(i, i + 4) for i in range(0, 400, 20)]
    evidence = tuple(Evidence("v1", a, b, text[a:b]) for a, b in words)
    c = replace(c, findings=(Finding("f1", "shared-facts", "info", ("v1", "v2"), "Many facts agree.", evidence),))
    report = build_report(c)
    assert len(report.findings[0].evidence) == 20
    html = render_html(report)
    assert html.count('<div class="quote">') == 6 and "… and 14 more quotations" in html
    assert "… and 14 more quotations" in render_markdown(report)
