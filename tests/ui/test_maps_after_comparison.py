"""The comparison's process sends a comparison as soon as it is made and its word-exact maps after it: the window
shows the comparison at once, takes the maps into the map it uses when they come, and a newer job does not wait
behind maps nobody wants any more. The process is stood in for, so what it sends, and when, is the test's."""

from __future__ import annotations

import pytest

from variorum.core.case import Case
from variorum.ui import process_jobs
from variorum.ui.job import Job, run_job
from variorum.ui.job_process import READY, TOKEN
from variorum.ui.job_signals import JobSignals
from variorum.ui.job_stream import Encoder
from variorum.ui.panes.alignment_map import AlignmentMap, alignment_for


class StandInProcess:
    """Takes jobs and is stopped as a comparison process is; sends only what the test has it send."""

    def __init__(self, deliver) -> None:
        self.deliver, self.ready, self.jobs, self.stopped, self.exitcode = deliver, False, [], False, None

    def submit(self, token: int, job: Job) -> None:
        self.jobs.append(token)

    def stop(self, wait: float | None = None) -> None:
        self.stopped = True

    def send(self, token: int, *report: object, encoder: Encoder) -> None:
        for message in encoder.report(*report):
            self.deliver(self, TOKEN.pack(token) + message)


@pytest.fixture
def jobs(qtbot, monkeypatch):
    started: list[StandInProcess] = []

    def start(deliver) -> StandInProcess:
        started.append(StandInProcess(deliver))
        return started[-1]

    monkeypatch.setattr(process_jobs, "JobProcess", start)
    carrier = JobSignals()
    finished: list[Case] = []
    carrier.finished.connect(lambda _token, case: finished.append(case))
    runner = process_jobs.ProcessJobs(carrier, fallback=lambda token, job: pytest.fail("ran on a thread"))
    started[0].deliver(started[0], READY)
    yield runner, started, finished
    runner.close()


def maps_of(case: Case) -> AlignmentMap:
    """The maps the process builds once it has sent the comparison."""
    amap = AlignmentMap(case.comparison)
    amap.prepare(cancelled=lambda: False)
    return amap


def made_in_the_process(paths) -> tuple[Job, Case, Encoder]:
    sent = Case()
    sent.add(paths)
    job = Job(sent.copy())
    case = run_job(Job(sent.copy()), progress=lambda f, m: None, cancelled=lambda: False, maps=False)
    return job, case, Encoder(known=job.case.versions)


def comparison_sent(qtbot, jobs, paths) -> tuple[Job, Case, Encoder]:
    """Job 1 started, and its comparison sent from the first process, maps to follow; the window has it."""
    runner, started, finished = jobs
    job, case, encoder = made_in_the_process(paths)
    assert runner.start(1, job)
    started[0].send(1, "finished", case, True, encoder=encoder)
    qtbot.waitUntil(lambda: len(finished) == 1)
    return job, case, encoder


def test_the_comparison_is_shown_first_and_its_maps_join_the_map_in_use(qtbot, jobs, darwin_paths):
    _runner, started, finished = jobs
    _job, case, encoder = comparison_sent(qtbot, jobs, darwin_paths[:3])
    shown = finished[0].comparison
    others = [v.id for v in shown.versions if v.id != shown.base]
    exact = alignment_for(shown).exact
    assert not any(exact.built(vid) for vid in others)  # shown before its maps were built

    started[0].send(1, "maps", maps_of(case), encoder=encoder)
    qtbot.waitUntil(lambda: all(exact.built(vid) for vid in others))
    assert alignment_for(shown).exact is exact


def test_a_newer_job_does_not_wait_for_the_maps_of_the_last(qtbot, jobs, darwin_paths):
    runner, started, finished = jobs
    job, case, encoder = comparison_sent(qtbot, jobs, darwin_paths[:3])
    first = started[0]
    assert runner.start(2, job)  # while the first process still builds the maps
    assert first.stopped and len(started) == 2 and started[1].jobs == [2]
    first.send(1, "maps", maps_of(case), encoder=encoder)  # too late: ignored
    shown = finished[0].comparison
    qtbot.wait(50)
    assert not any(alignment_for(shown).exact.built(v.id) for v in shown.versions if v.id != shown.base)


def test_a_job_whose_maps_came_stops_nothing_when_the_next_starts(qtbot, jobs, darwin_paths):
    runner, started, finished = jobs
    job, case, encoder = comparison_sent(qtbot, jobs, darwin_paths[:3])
    process = started[0]
    process.send(1, "maps", maps_of(case), encoder=encoder)
    shown = finished[0].comparison
    qtbot.waitUntil(lambda: all(alignment_for(shown).exact.built(v.id) for v in shown.versions if v.id != shown.base))
    assert runner.start(2, job)
    assert not process.stopped and process.jobs == [1, 2]
