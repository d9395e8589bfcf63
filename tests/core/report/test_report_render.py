"""``render(report, fmt)``: the one way the CLI and the app turn a report into the bytes of a file."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import fields, is_dataclass
from functools import partial
from pathlib import Path

import pytest

from reportcase import seed_report
from variorum.core.report import FORMATS, RendererUnavailable, UnknownFormat, render, report_data
from variorum.core.report.render_csv import render_csv
from variorum.core.report.render_html import render_html
from variorum.core.report.render_json import render_json
from variorum.core.report.render_markdown import render_markdown

GOLDEN = Path(__file__).resolve().parents[2] / "data" / "reports"
# the JSON golden is the indented report (--pretty); the compact one holds the same data on one line
TEXT_RENDERERS = {"json": partial(render_json, pretty=True), "md": render_markdown, "csv": render_csv, "html": render_html}


@pytest.mark.parametrize("fmt", sorted(TEXT_RENDERERS))
def test_text_formats_are_the_golden_reports_in_utf8(fmt):
    data = render(seed_report(), fmt, pretty=True)
    assert data == TEXT_RENDERERS[fmt](seed_report()).encode("utf-8")
    assert data == (GOLDEN / f"seed-report.{fmt}").read_bytes()


@pytest.mark.parametrize("fmt", ["docx", "PDF", "", "markdown"])
def test_an_unknown_format_is_refused_with_the_known_ones_named(fmt):
    with pytest.raises(UnknownFormat) as raised:
        render(seed_report(), fmt)
    assert all(known in str(raised.value) for known in FORMATS)


def _run(code: str) -> str:
    root = Path(__file__).resolve().parents[3]
    out = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, 'tests')\n" + code], cwd=root,
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_text_formats_never_load_qt_and_pdf_needs_its_renderer_loaded():
    printed = _run(
        "from reportcase import seed_report\n"
        "from variorum.core.report import RendererUnavailable, render\n"
        "report = seed_report()\n"
        "sizes = [len(render(report, f)) for f in ('json', 'md', 'html', 'csv')]\n"
        "try:\n"
        "    render(report, 'pdf')\n"
        "except RendererUnavailable as exc:\n"
        "    print('unavailable:', exc)\n"
        "print(all(sizes), sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6', 'variorum.ui'))))\n"
    )
    assert printed.splitlines() == ["unavailable: no renderer for PDF reports is loaded", "True []"]
    assert issubclass(RendererUnavailable, RuntimeError)


def _pairs(model, data, path="report"):
    """Every (field path, typed value, JSON value) of the model, walking the dataclasses and the JSON side by side."""
    if is_dataclass(model):
        keys: list[str] = []
        for f in fields(model):  # an inline field's keys stand where the field does
            item = getattr(model, f.name)
            if not f.metadata.get("inline"):
                keys.append(f.name)
                yield from _pairs(item, data[f.name], f"{path}.{f.name}")
            elif is_dataclass(item):
                inner = [g.name for g in fields(item)]
                keys += inner
                yield from _pairs(item, {k: data[k] for k in inner}, path)
            else:
                keys += [k for k, _ in item]
                yield from ((f"{path}.{k}", v, data[k]) for k, v in item)
        for name in getattr(model, "derived", ()):  # values made when the report is written, after the fields
            keys.append(name)
            yield from _pairs(getattr(model, name), data[name], f"{path}.{name}")
        assert list(data) == keys, path
    elif isinstance(model, Sequence) and not isinstance(model, str):  # a tuple, or a list made as it is read
        assert isinstance(data, list) and len(data) == len(model), path
        for i, (m, d) in enumerate(zip(model, data, strict=True)):
            yield from _pairs(m, d, f"{path}[{i}]")
    elif isinstance(model, dict):
        assert list(data) == list(model), path
        for key in model:
            yield from _pairs(model[key], data[key], f"{path}.{key}")
    else:
        yield path, model, data


def test_every_field_of_the_typed_report_reaches_the_json_and_back_unchanged():
    report = seed_report(show_cosmetic=True)
    data = json.loads(render_json(report))
    assert data == report_data(report)
    pairs = list(_pairs(report, data))
    assert pairs and all(typed == plain for _, typed, plain in pairs)
    paths = {p for p, _, _ in pairs}
    for expected in ("report.versions[0].size", "report.versions[0].metadata.title",
                     "report.findings[0].evidence[0].before", "report.notes[1].history[2].action",
                     "report.notes[0].target.kind", "report.differences[0].other.after", "report.case.status",
                     "report.variants[0].grouped"):
        assert expected in paths


def test_a_note_keeps_fields_the_report_does_not_know_in_the_order_given():
    from reportcase import seed_comparison
    from variorum.core.report import build_report

    note = {"id": 7, "anchor": "case", "status": "open", "body": "b", "author": "ana",
            "created_at": "2026-11-20T09:00:00Z", "updated_at": "2026-11-20T09:00:00Z",
            "history": [{"at": "2026-11-20T09:00:00Z", "who": "ana", "action": "create", "before": None,
                         "after": "open", "origin": "import"}],
            "orphaned": False, "quote": None, "colour": "yellow"}
    data = report_data(build_report(seed_comparison(), notes=[note]))
    (reported,) = data["notes"]
    assert list(reported) == [*note, "target", "history_summary"]
    assert reported["colour"] == "yellow" and reported["history"][0]["origin"] == "import"


def test_compact_json_is_written_piece_by_piece_as_the_encoder_writes_it_whole():
    import io
    from dataclasses import replace

    from variorum.core.report.render_json import write_json

    report = seed_report()
    many = replace(report, differences=tuple(report.differences) * 150)  # long lists go out a slice at a time
    for r in (report, many):
        whole = json.dumps(report_data(r), ensure_ascii=False, separators=(",", ":")) + "\n"
        out = io.StringIO()
        write_json(r, out)
        assert render_json(r) == out.getvalue() == whole
        assert render(r, "json") == whole.encode("utf-8")


def test_a_report_quoting_a_passage_of_megabytes_is_encoded_a_slice_at_a_time_as_the_encoder_writes_it_whole(
        monkeypatch):
    import io
    from dataclasses import replace

    from variorum.core.report import render_json as module

    encoded: list[int] = []
    encode = module._compact
    monkeypatch.setattr(module, "_compact", lambda data: encoded.append(len(s := encode(data))) or s)
    report = seed_report()
    passage = "A line with \"quotes\", a tab\tand a break\n, é and \u2028 " * 40_000  # about 2 MB
    finding = report.findings[0]
    quoting = replace(finding, evidence=tuple(replace(e, span=replace(e.span, text=passage)) for e in finding.evidence))
    difference = replace(report.differences[0], base=replace(report.differences[0].base, text=passage))
    for r in (replace(report, findings=(quoting, *report.findings[1:])),
              replace(report, differences=(difference,) * 70 + tuple(report.differences))):
        whole = json.dumps(report_data(r), ensure_ascii=False, separators=(",", ":")) + "\n"
        out = io.StringIO()
        encoded.clear()
        module.write_json(r, out)
        assert out.getvalue() == whole
        assert max(encoded) < 200_000  # the passage is never encoded, nor held encoded, whole


def test_a_long_report_is_made_an_item_at_a_time_as_it_is_written():
    """A page of thousands of paragraphs against a short text: its report's differences and places are made as
    the JSON is written and dropped once written, never all held at once (they held some 30 MB for a page of
    20,000 paragraphs)."""
    import gc
    import io

    from variorum.core.compare import compare_versions
    from variorum.core.load import load_pasted
    from variorum.core.report import build_report
    from variorum.core.report.model import ReportDifference, ReportPlace
    from variorum.core.report.render_json import write_json

    words = ("the", "council", "voted", "on", "the", "harbour", "budget", "after", "a", "long", "debate", "about",
             "ferries", "and", "fares")
    page = "\n\n".join(" ".join(words[(n + k) % len(words)] for k in range(12)) + f" item {n}." for n in range(1500))
    short = page.split("\n\n")[0]
    versions = [load_pasted(text, version_id=f"v{n}", label=f"version {n}") for n, text in
                enumerate((page, short), start=1)]
    report = build_report(compare_versions(versions))
    assert len(report.differences) > 1000 and len(report.variants) > 1000

    class Counting(io.StringIO):
        alive = 0

        def write(self, piece: str) -> int:
            made = sum(isinstance(o, ReportDifference | ReportPlace) for o in gc.get_objects())
            Counting.alive = max(Counting.alive, made)
            return super().write(piece)

    out = Counting()
    write_json(report, out)
    assert Counting.alive <= 2 * 64  # a slice of items at a time, at most
    assert json.loads(out.getvalue()) == report_data(report)
    written = json.loads(out.getvalue())
    assert [d["id"] for d in written["differences"]] == [d.id for d in report.differences]
