"""A comparison of the seed case with a fixed set of findings and notes, for report tests.

The findings are built here (not by the checks) so report tests stay about rendering: the same input gives the
same report whatever the checks find.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from variorum.core.case import load_case
from variorum.core.model import Comparison, Evidence, Finding, Link, Metadata
from variorum.core.report.model import Report

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo"
GENERATED_AT = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def _evidence(c: Comparison, vid: str, needle: str) -> Evidence:
    text = c.version(vid).text
    start = text.index(needle)
    return Evidence(vid, start, start + len(needle), needle)


def seed_comparison() -> Comparison:
    c = load_case(sorted(DEMO.glob("*.txt"))).compare()
    url = next(v.id for v in c.versions if "/2025/" in v.text)
    dated = next(v.id for v in c.versions if v.id != url and "August 19, 2020" in v.text)
    short = min((v for v in c.versions if c.relations[v.id].kind == "same-article"), key=lambda v: len(v.text))
    findings = (
        Finding("f-url-date", "url-date-mismatch", "high", (url, dated),
                "A link dated 21 February 2025 appears in an article dated 19 August 2020.",
                (_evidence(c, url, "2025/02/21"), _evidence(c, dated, "August 19, 2020"))),
        Finding("f-caption", "passage-missing", "low", (dated, short.id),
                f"The photo caption is in {dated} but not in {short.id}.",
                (_evidence(c, dated, "Dmitri Lovetsky / AP / TASS"),)),
        Finding("f-credit", "credit-mismatch", "medium", (url, dated),
                "The photo credit is written differently.",
                (_evidence(c, url, "Dmitri Lovetsky / AP / TASS"), _evidence(c, dated, "Dmitri Lovetsky / AP / TASS"))),
    )
    # Metadata fixed here too, so these reports do not change with the metadata extractors.
    versions = tuple(replace(v, metadata=Metadata()) for v in c.versions)
    base = c.version(dated)
    link_text = "Belarus Opposition Urges EU"
    at = base.text.find(link_text)
    meta = Metadata(title=next(line for line in base.text.splitlines() if line.strip()).lstrip("# ").strip(), published="2020-08-19",
                    byline="Staff reporter", credits=("Dmitri Lovetsky / AP / TASS",),
                    links=(Link(link_text, "#", at, at + len(link_text)),))
    versions = tuple(replace(v, metadata=meta) if v.id == dated else v for v in versions)
    return replace(c, versions=versions, findings=findings)


def seed_notes(c: Comparison) -> list[dict]:
    diff = next(d for d in c.differences if not d.cosmetic)
    return [
        {"id": 1, "anchor": "finding:f-url-date", "status": "open", "body": "Check the archive.",
         "author": "ana", "created_at": "2026-11-20T09:00:00Z", "updated_at": "2026-11-20T09:00:00Z",
         "history": [{"at": "2026-11-20T09:00:00Z", "who": "ana", "action": "create", "before": None,
                      "after": {"status": "open", "body": "Check the archive."}}], "orphaned": False},
        {"id": 2, "anchor": "finding:f-url-date", "status": "explained",
         "body": "The 2025 link is a CMS error;\nthe related piece ran 19 Aug 2020.",
         "author": "ana", "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-21T10:30:00Z",
         "history": [
             {"at": "2026-11-20T10:00:00Z", "who": "ana", "action": "create", "before": None,
              "after": {"status": "open", "body": "The 2025 link is a CMS error."}},
             {"at": "2026-11-21T10:00:00Z", "who": "ana", "action": "edit", "before": {"status": "open"},
              "after": {"status": "open"}},
             {"at": "2026-11-21T10:30:00Z", "who": "ben", "action": "status", "before": {"status": "open"},
              "after": {"status": "explained"}}],
         "orphaned": False},
        {"id": 3, "anchor": f"difference:{diff.id}", "status": "confirmed", "body": "Headline dropped.",
         "author": "ben", "created_at": "2026-11-21T11:00:00Z", "updated_at": "2026-11-21T11:00:00Z",
         "history": [], "orphaned": False},
        {"id": 4, "anchor": "case", "status": "open", "body": "Ask the desk which copy went to print.",
         "author": "ana", "created_at": "2026-11-21T12:00:00Z", "updated_at": "2026-11-21T12:00:00Z",
         "history": [], "orphaned": False},
        {"id": 5, "anchor": "a sentence that was later cut", "status": "dismissed", "body": "No longer relevant.",
         "author": "ben", "created_at": "2026-11-21T13:00:00Z", "updated_at": "2026-11-21T13:00:00Z",
         "history": [], "orphaned": True},
    ]


def seed_report(**kwargs) -> Report:
    """The seed report with everything that depends on the machine made fixed: paths relative to the
    repository, the tool version, the generation time."""
    from variorum.core.report import build_report

    c = seed_comparison()
    report = build_report(c, notes=seed_notes(c), generated_at=GENERATED_AT, **kwargs)
    versions = tuple(replace(v, path=Path(v.path).relative_to(ROOT).as_posix()) for v in report.versions)
    return replace(report, tool=replace(report.tool, version="0.0.0-test"), versions=versions)


def seed_report_data(**kwargs) -> dict:
    """:func:`seed_report` as the plain ``variorum.report/1`` JSON object."""
    from variorum.core.report import report_data

    return report_data(seed_report(**kwargs))


XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'


def hostile_comparison() -> Comparison:
    """Two versions of an article whose text, title and link URLs try to inject markup into a report."""
    from variorum.core.compare import compare_versions
    from variorum.core.load import load_pasted
    from variorum.core.model import Link, Metadata

    body = (f"Title {XSS_SCRIPT} here.\n\nThe minister said {XSS_IMG} on Monday, "
            "and [click](javascript:alert(1)) ![x](http://tracker.invalid/p.png) **bold**.\n\n"
            "Closing words of the piece.\n")
    changed = body.replace("on Monday", f"on Tuesday {XSS_SCRIPT}")
    v1 = load_pasted(body, version_id="v1", label=f"first{XSS_IMG}.txt")
    v2 = load_pasted(changed, version_id="v2", label=f"second{XSS_SCRIPT}.txt")
    meta = Metadata(title=f"Headline {XSS_SCRIPT}{XSS_IMG}", byline=XSS_IMG,
                    url=f"javascript:alert(1)//{XSS_IMG}",
                    links=(Link(text=XSS_SCRIPT, url=f'http://x.invalid/{XSS_IMG}', start=0, end=5),
                           Link(text="js", url="javascript:alert(document.cookie)", start=6, end=8)))
    v1 = replace(v1, metadata=meta)
    c = compare_versions([v1, v2])
    ev = c.version("v2").text.index(XSS_SCRIPT)
    finding = Finding("f-xss", "quote-changed", "high", ("v1", "v2"), f"Changed {XSS_SCRIPT} {XSS_IMG}",
                      (Evidence("v2", ev, ev + len(XSS_SCRIPT), XSS_SCRIPT),))
    return replace(c, findings=(finding,))


def hostile_notes() -> list[dict]:
    return [{"id": f"n{XSS_IMG}", "anchor": "finding:f-xss", "status": "open", "body": f"Body {XSS_SCRIPT}",
             "author": XSS_IMG, "created_at": "2026-11-20T09:00:00Z", "updated_at": "2026-11-20T09:00:00Z",
             "history": [{"at": "2026-11-20T09:00:00Z", "who": XSS_SCRIPT, "action": XSS_IMG, "before": XSS_IMG,
                          "after": XSS_SCRIPT}], "orphaned": False},
            {"id": 2, "anchor": XSS_SCRIPT, "status": "open", "body": "on a quote", "author": None,
             "created_at": None, "updated_at": None, "history": [], "orphaned": True}]
