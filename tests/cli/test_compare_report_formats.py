"""``variorum compare --format html|pdf|md|json|csv --output PATH``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import types

import pytest
from pypdf import PdfReader
from test_compare_cli import run

from variorum import cli_compare
from variorum.core.report.schema import validation_errors


def test_json_report_validates_against_the_schema(seed_paths):
    out = run("compare", *map(str, seed_paths), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert validation_errors(json.loads(out.stdout)) == []


def test_json_report_is_compact_unless_pretty_is_asked_for(seed_paths):
    compact = run("compare", *map(str, seed_paths))
    pretty = run("compare", *map(str, seed_paths), "--pretty")
    assert compact.returncode == pretty.returncode == 0, compact.stderr + pretty.stderr
    assert compact.stdout.count("\n") == 1 and '\n  "schema"' in pretty.stdout
    strip = lambda data: {k: v for k, v in data.items() if k != "generated_at"}  # noqa: E731
    assert strip(json.loads(compact.stdout)) == strip(json.loads(pretty.stdout))


def test_html_report_to_a_file(seed_paths, tmp_path):
    target = tmp_path / "report.html"
    out = run("compare", *map(str, seed_paths), "--format", "html", "--output", str(target))
    assert out.returncode == 0, out.stderr
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "default-src 'none'" in html
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_csv_report_on_standard_output(seed_paths):
    out = run("compare", *map(str, seed_paths), "--format", "csv")
    assert out.returncode == 0, out.stderr
    rows = list(csv.reader(io.StringIO(out.stdout)))
    assert rows[0] == ["id", "kind", "severity", "versions", "message", "status", "note_count"]


def test_pdf_report_needs_an_output_file(seed_paths):
    out = run("compare", *map(str, seed_paths), "--format", "pdf")
    assert out.returncode == 2
    assert "--format pdf writes a file: give --output PATH" in out.stderr
    assert out.stdout == ""


def test_pdf_report_to_a_file(seed_paths, tmp_path):
    target = tmp_path / "report.pdf"
    out = run("compare", *map(str, seed_paths), "--format", "pdf", "--output", str(target))
    assert out.returncode == 0, out.stderr
    reader = PdfReader(target)
    assert len(reader.pages) >= 1
    first_page = " ".join(reader.pages[0].extract_text().split())
    assert first_page.startswith("Variorum comparison report: ")


def test_unwritable_output_is_a_clear_error(seed_paths, tmp_path):
    target = tmp_path / "no-such-folder" / "report.md"
    out = run("compare", *map(str, seed_paths), "--format", "md", "--output", str(target))
    assert out.returncode == 2
    assert f"cannot write {target}" in out.stderr
    assert not target.parent.exists()


def test_report_has_no_notes_without_a_notes_store(seed_paths, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "variorum.core.notes", None)  # as if the store were not there
    assert cli_compare.main([*map(str, seed_paths), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"] == []


@pytest.fixture
def fake_notes_store(monkeypatch, tmp_path):
    """A stand-in with the notes store's interface, holding one note for whatever case is asked for."""
    calls = {}
    module = types.ModuleType("variorum.core.notes")
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"")

    class NotesStore:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            calls["closed"] = True

        def find_case(self, versions):
            calls["case"] = [v.sha256 for v in versions]
            return types.SimpleNamespace(id="case-7")

    def notes_for_report(store, case_id, comparison=None):
        calls["notes"] = (case_id, comparison.base)
        return [{"id": "n1", "anchor": "case", "status": "explained", "body": "Checked with the desk.",
                 "author": "ana", "created_at": "2026-11-20T09:00:00Z", "updated_at": "2026-11-20T09:00:00Z",
                 "history": [], "orphaned": False, "quote": None}]

    module.NotesStore, module.notes_for_report, module.store_path = NotesStore, notes_for_report, lambda: path
    monkeypatch.setitem(sys.modules, "variorum.core.notes", module)
    return calls


def test_report_includes_the_notes_of_the_case(seed_paths, capsys, fake_notes_store):
    assert cli_compare.main([*map(str, seed_paths), "--format", "md"]) == 0
    assert "Checked with the desk." in capsys.readouterr().out
    assert len(fake_notes_store["case"]) == len(seed_paths)
    assert fake_notes_store["notes"] == ("case-7", "v2")
    assert fake_notes_store["closed"]


def test_a_broken_notes_store_costs_a_warning_not_the_report(seed_paths, capsys, fake_notes_store, monkeypatch):
    def broken(_store, _case, _comparison=None):
        raise OSError("database disk image is malformed")

    monkeypatch.setattr(sys.modules["variorum.core.notes"], "notes_for_report", broken)
    assert cli_compare.main([*map(str, seed_paths), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["notes"] == []
    assert "the case's notes could not be read: database disk image is malformed" in captured.err


def test_no_notes_store_means_no_notes_and_no_store_created(seed_paths, capsys, fake_notes_store, monkeypatch,
                                                           tmp_path):
    missing = tmp_path / "never-created.sqlite3"
    monkeypatch.setattr(sys.modules["variorum.core.notes"], "store_path", lambda: missing)
    assert cli_compare.main([*map(str, seed_paths), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"] == []
    assert not missing.exists() and "case" not in fake_notes_store


def test_notes_written_with_the_notes_store_appear_in_the_report(seed_paths, tmp_path):
    from variorum.core import notes
    from variorum.core.case import load_case

    comparison = load_case(seed_paths).compare()
    with notes.NotesStore() as store:
        case = store.open_case(comparison.versions)
        note = store.add_note(case.id, notes.parse_anchor("case", comparison=comparison), "Ask the desk.")
        store.update_note(note.id, status="explained")
    target = tmp_path / "report.json"
    out = run("compare", *map(str, seed_paths), "--format", "json", "--output", str(target))
    assert out.returncode == 0, out.stderr
    report = json.loads(target.read_text(encoding="utf-8"))
    assert [(n["body"], n["status"]) for n in report["notes"]] == [("Ask the desk.", "explained")]
    assert report["case"]["status"] == "explained"
    assert "status open → explained" in report["notes"][0]["history_summary"]
    assert validation_errors(report) == []


def test_the_cli_offers_every_format_the_report_dispatch_writes():
    from variorum.core.report import FORMATS

    assert sorted(cli_compare.FORMATS) == sorted(FORMATS)


@pytest.mark.parametrize("fmt", ["json", "md", "html", "csv", "pdf"])
def test_only_a_pdf_loads_qt_and_the_app_is_never_loaded(seed_paths, tmp_path, fmt):
    target = tmp_path / f"report.{fmt}"
    code = ("import sys\n"
            "from variorum import cli_compare\n"
            f"code = cli_compare.main(sys.argv[1:] + ['--format', {fmt!r}, '--output', {str(target)!r}])\n"
            "print(code, sorted({n.split('.')[0] for n in sys.modules if n.startswith(('PySide6', 'shiboken6'))}),"
            " sorted(n for n in sys.modules if n.startswith('variorum.ui')))\n")
    out = subprocess.run([sys.executable, "-c", code, *map(str, seed_paths)], capture_output=True, text=True,
                         check=True)
    qt = "['PySide6', 'shiboken6']" if fmt == "pdf" else "[]"
    assert out.stdout.strip() == f"0 {qt} []"
    assert target.stat().st_size > 0
