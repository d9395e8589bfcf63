"""``variorum compare``: compare files and print or write a report (exit 0 ok, 2 usage or too few versions)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from variorum.core.atomic import atomic_write_text

FORMATS = ("json", "md", "html")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="variorum compare",
                                description="Compare versions of an article and print a variorum.report/1 report.")
    p.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help="files to compare; a folder adds every "
                   "supported file in it (.txt .md .html .htm .pdf .docx)")
    p.add_argument("--base", metavar="ID|PATH", help="the version to compare the others against "
                   "(default: the most complete version of the article)")
    p.add_argument("--format", choices=FORMATS, default="json", help="report format (default: json)")
    p.add_argument("--output", "-o", metavar="PATH", help="write the report here instead of standard output")
    p.add_argument("--show-cosmetic", action="store_true",
                   help="list cosmetic differences (quotes, line wraps, markup) in full, not just counted")
    return p


def _fail(message: str) -> int:
    print(f"variorum compare: error: {message}", file=sys.stderr)
    return 2


def render(report: dict, fmt: str) -> str:
    if fmt == "json":
        from variorum.core.report.render_json import render_json

        return render_json(report)
    if fmt == "md":
        from variorum.core.report.render_markdown import render_markdown

        return render_markdown(report)
    from variorum.core.report.render_html import render_html

    return render_html(report)


def main(argv: Sequence[str]) -> int:
    ns = parser().parse_args(list(argv))
    from variorum.core.compare import BaseNotFound, compare_versions
    from variorum.core.load import load_paths
    from variorum.core.model import Options
    from variorum.core.report import build_report

    missing = [p for p in ns.paths if not Path(p).exists()]
    if missing:
        return _fail(f"no such file or folder: {missing[0]}")
    versions = load_paths(ns.paths)
    for v in versions:
        if v.error:
            print(f"variorum compare: {v.id} {v.label}: {v.error}", file=sys.stderr)
    readable = [v for v in versions if v.ok]
    if len(readable) < 2:
        return _fail(f"need at least two readable versions to compare, got {len(readable)} "
                     f"(of {len(versions)} file{'s' if len(versions) != 1 else ''})")
    try:
        comparison = compare_versions(versions, options=Options(base=ns.base, show_cosmetic=ns.show_cosmetic))
    except BaseNotFound as exc:
        return _fail(str(exc))
    text = render(build_report(comparison), ns.format)
    if ns.output:
        try:
            atomic_write_text(Path(ns.output), text)
        except OSError as exc:
            return _fail(f"cannot write {ns.output}: {exc.strerror or exc}")
    else:
        sys.stdout.write(text)
    return 0
