"""What a background job does with the open case: load new files, then compare. No Qt here: the job runs on a
worker thread of the window's process or in a process of its own (:mod:`variorum.ui.job_process`)."""

from __future__ import annotations

from pathlib import Path

from variorum.core import collection
from variorum.core.case import LOAD_SHARE, Case
from variorum.core.quick_dataclass import dataclass
from variorum.ui.panes.alignment_map import AlignmentMap, alignment_for


@dataclass(frozen=True)
class Job:
    """What to compute: a copy of the open case, plus files and pasted texts to add to it."""

    case: Case
    paths: tuple[Path, ...] = ()
    pasted: tuple[str, ...] = ()


def run_job(job: Job, *, progress, cancelled, loaded=None, maps: bool = True) -> Case:
    """Load then compare, on the job's copy of the case; headless.

    ``loaded`` gets a copy of its own once the files are read (the texts can be shown while the comparison
    runs on). With ``maps``, the word-exact maps are built before it returns (see :func:`build_maps`)."""
    case = job.case
    case.add(job.paths, job.pasted, progress=progress, cancelled=cancelled)

    def scaled(fraction: float, message: str) -> None:
        progress(LOAD_SHARE + (1 - LOAD_SHARE) * fraction, message)

    # A collection amid the comparison's objects would hold the window up. What reading the files left as garbage
    # (a PDF's parsed objects and bytes) is collected first, before the texts go on screen, so it is not set
    # aside with the comparison for as long as the app runs.
    with collection.paused(collect_first=True):
        if loaded is not None:
            loaded(case.copy())
        # A chosen base that was removed or cannot be read: the program picks one.
        case.compare(progress=scaled, cancelled=cancelled, strict_base=False)
        if maps:
            build_maps(case, cancelled)
    return case


def build_maps(case: Case, cancelled) -> AlignmentMap | None:
    """The word-exact maps stepping and findings use, built here rather than on the UI thread at the first
    Alt+Down; None when the case's comparison has no base to map through. Stops early if the result is not
    wanted any more."""
    if case.comparison is None or case.comparison.base is None:
        return None
    amap = alignment_for(case.comparison)
    with collection.paused():
        amap.prepare(cancelled)
    return amap
