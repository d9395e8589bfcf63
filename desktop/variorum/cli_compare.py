"""``variorum compare``: compare files and print or write a report (exit 0 ok, 2 usage or too few versions)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from variorum.core.report_formats import BINARY_FORMATS, FORMATS  # the names alone: --help loads no engine

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing before --help has answered
if TYPE_CHECKING:
    from variorum.core.model import Comparison


def parser() -> argparse.ArgumentParser:
    from variorum.cli_width import help_formatter
    from variorum.core.extensions import EXTENSIONS  # the suffixes alone: --help loads no loader

    p = argparse.ArgumentParser(prog="variorum compare", formatter_class=help_formatter,
                                description="Compare versions of an article and print a variorum.report/1 report.")
    p.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help="files to compare; a folder adds every "
                   f"supported file in it ({' '.join(EXTENSIONS)})")
    p.add_argument("--base", metavar="ID|PATH", help="the version to compare the others against "
                   "(default: the most complete version of the article)")
    p.add_argument("--format", choices=FORMATS, default="json",
                   help="report format: json (the variorum.report/1 object), md (Markdown), html (one "
                        "self-contained page), pdf (needs --output), csv (one row per finding), tei (TEI P5 "
                        "parallel segmentation of the variation places); default: json")
    p.add_argument("--output", "-o", metavar="PATH", help="write the report here (atomically) instead of "
                   "standard output; never one of the files compared, nor a link, pipe or device")
    p.add_argument("--force", action="store_true", help="replace the --output file if it already exists")
    p.add_argument("--url", metavar="URL", help="for a web archive (.warc, .warc.gz, .wacz) holding several pages: "
                   "compare the captures of this page (without it, the pages it holds are listed)")
    p.add_argument("--pretty", action="store_true",
                   help="indent the JSON report for reading (by default it is written compactly, on one line)")
    p.add_argument("--show-cosmetic", action="store_true",
                   help="list cosmetic differences (quotes, line wraps, markup) in full, not just counted")
    return p


def _fail(message: str) -> int:
    print(f"variorum compare: error: {message}", file=sys.stderr)
    return 2


def _refused_output(ns: argparse.Namespace) -> str | None:
    if not ns.output:
        return None
    from pathlib import Path

    from variorum.core.output_guard import output_problem

    return output_problem(Path(ns.output), ns.paths, overwrite=ns.force)


def case_notes(comparison: Comparison) -> list[dict]:
    """The reconciliation notes of the case made of these files, for the report.

    This is where reports get their notes: ``notes_for_report(store, case_id, comparison)`` from the notes
    store. Nothing is created: without a notes store, or a case for these files, the report has no notes; a
    damaged store costs a warning, never the report.
    """
    try:
        from variorum.core.notes import store_path  # the store itself is loaded only when there is one
    except ImportError:
        return []
    try:
        if not store_path().exists():
            return []
        try:
            from variorum.core.notes import NotesStore, notes_for_report
        except ImportError:
            return []
        with NotesStore() as store:
            case = store.find_case(comparison.versions)
            return [] if case is None else list(notes_for_report(store, case.id, comparison))
    except Exception as exc:
        import logging

        from variorum.core.notes.errors import NotesError

        # A damaged store is expected (one line in the log); anything else is a bug (with its traceback).
        expected = isinstance(exc, NotesError | OSError)
        logging.getLogger(__name__).warning("The case's notes could not be read: %s", exc, exc_info=not expected)
        print(f"variorum compare: warning: the case's notes could not be read: {exc}", file=sys.stderr)
        return []


def main(argv: Sequence[str]) -> int:
    ns = parser().parse_args(list(argv))
    if ns.format in BINARY_FORMATS and not ns.output:
        return _fail(f"--format {ns.format} writes a file: give --output PATH")
    from variorum.core.case import BaseNotFound, load_case
    from variorum.core.load import many_pages_message
    from variorum.core.model import Options
    from variorum.core.report import build_report, render

    refused = _refused_output(ns)
    if refused:
        return _fail(refused)

    missing = [p for p in ns.paths if not os.path.lexists(p)]  # a link that loops is one version's error
    if missing:
        return _fail(f"no such file or folder: {missing[0]}")
    unchosen = many_pages_message(ns.paths) if ns.url is None else None
    if unchosen:
        return _fail(unchosen)
    case = load_case(ns.paths, options=Options(base=ns.base, show_cosmetic=ns.show_cosmetic,
                                                 cosmetic_places=ns.show_cosmetic), url=ns.url)
    for v in case.errors():
        print(f"variorum compare: {v.id} {v.label}: {v.error}", file=sys.stderr)
    readable, total = len(case.readable()), len(case.versions)
    if readable < 2:
        return _fail(f"need at least two readable versions to compare, got {readable} "
                     f"(of {total} file{'s' if total != 1 else ''})")
    from variorum.core import collection

    try:
        with collection.paused():  # a comparison makes almost no cycles: walking its objects finds no garbage
            comparison = case.compare()
            report = build_report(comparison, notes=case_notes(comparison))
    except BaseNotFound as exc:
        return _fail(str(exc))
    if ns.format == "json" and not ns.pretty and not ns.output:
        from variorum.core.report.render_json import write_json

        write_json(report, sys.stdout)  # written as it is encoded, never held whole
        return 0
    if ns.format == "pdf":
        import variorum.report_pdf  # noqa: F401  (registers the PDF renderer; Qt is loaded only for a PDF)
    try:
        data = render(report, ns.format, pretty=ns.pretty)
    except RuntimeError as exc:  # e.g. Qt could not start to draw the PDF
        return _fail(f"cannot render the {ns.format.upper()} report: {exc}")
    if not ns.output:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    from pathlib import Path

    from variorum.core.atomic import atomic_write_bytes  # only a report written to a file needs it

    try:
        atomic_write_bytes(Path(ns.output), data)
    except OSError as exc:
        return _fail(f"cannot write {ns.output}: {exc.strerror or exc}")
    return 0
