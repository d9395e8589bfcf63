"""What a worker does with one case: compare its files and return its ``variorum.report/1`` JSON.

Runs in a process of the local pool or on a Dask worker; it reads only the case's files and writes nothing.
"""

from __future__ import annotations

from variorum.core.batch.cases import Case, CaseError
from variorum.core.batch.summary import Row, failed_row, row_of

MAX_LISTED_PAGES = 5


def _refuse_archives_with_many_pages(case: Case) -> None:
    from variorum.core.load import expand_paths
    from variorum.core.load.capture_versions import archives_with_many_pages

    for path, urls in archives_with_many_pages(expand_paths(case.files)):
        shown = ", ".join(urls[:MAX_LISTED_PAGES]) + (", …" if len(urls) > MAX_LISTED_PAGES else "")
        raise CaseError(f"{path} holds captures of {len(urls)} pages ({shown}); choose one with the case's \"url\"")


def run_case(case: Case) -> bytes:
    """The case's JSON report (raises on a case that cannot be compared)."""
    from variorum.core.case import load_case
    from variorum.core.model import Options
    from variorum.core.report import build_report, render

    if case.url is None:
        _refuse_archives_with_many_pages(case)
    loaded = load_case(list(case.files), options=Options(base=case.base, show_cosmetic=case.show_cosmetic,
                                                               cosmetic_places=case.show_cosmetic),
                       url=case.url)
    if len(loaded.readable()) < 2:
        errors = "; ".join(f"{v.label}: {v.error}" for v in loaded.errors())
        raise CaseError(f"fewer than two readable versions{': ' + errors if errors else ''}")
    return render(build_report(loaded.compare()), "json")


def describe(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, CaseError) else f"{type(exc).__name__}: {exc}"


def report_case(case: Case) -> tuple[bytes | None, Row]:
    """The case's report and its summary row (read from the report in the worker, not in the busy parent); for
    a case that fails, no report and a row saying why (returned, not raised: a worker logs no error for it, and
    an exception that cannot be sent back to the batch does not have to be)."""
    try:
        data = run_case(case)
        return data, row_of(data, case.id)
    except Exception as exc:  # one case's failure is recorded, never the end of the batch
        return None, failed_row(case.id, describe(exc))


def report_cases(cases: list[Case]) -> list[tuple[bytes | None, Row]]:
    """:func:`report_case` for each of a group of cases (a cluster's scheduler then handles one task per group,
    not per case)."""
    return [report_case(case) for case in cases]


def worker_version() -> str:
    """The version of Variorum a worker runs (asked of a Dask cluster before any case is sent)."""
    from variorum import __version__

    return __version__
