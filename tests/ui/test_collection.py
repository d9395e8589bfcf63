"""The garbage collector does not walk a comparison's objects while it runs (each walk held the window up), and
collection is back as it was afterwards, however the comparison ends."""

from __future__ import annotations

import gc
import os
import random
import subprocess
import sys
import threading
import weakref
from pathlib import Path

import pytest

from variorum.core import collection
from variorum.core.case import Cancelled, Case
from variorum.ui.worker import Job, run_job

WORDS = ["council", "library", "hours", "survey", "students", "evening", "study", "space", "budget", "members",
         "questions", "costs", "dates", "contractors", "harbour", "project", "delays", "report", "vote"]


@pytest.fixture(autouse=True)
def collector_restored():
    enabled = gc.isenabled()
    yield
    gc.unfreeze()  # what a comparison set aside goes back to the collector the other tests use
    if enabled:
        gc.enable()


@pytest.fixture
def versions(tmp_path):
    rng = random.Random(4)
    paras = [" ".join(rng.choice(WORDS) for _ in range(60)) + "." for _ in range(40)]
    paths = []
    for k in range(3):
        edited = [p.replace(WORDS[k], WORDS[-1 - k], 1) for p in paras]
        path = tmp_path / f"v{k}.txt"
        path.write_text("\n\n".join(edited), encoding="utf-8")
        paths.append(path)
    return paths


def _collections_while(run) -> list[tuple[str, int]]:
    """(phase, generation) of every collection Python ran during ``run(mark)``; ``mark(name)`` names the phase."""
    phase = ["start"]
    seen: list[tuple[str, int]] = []

    def on_collect(stage: str, info: dict) -> None:
        if stage == "start":
            seen.append((phase[0], info["generation"]))

    gc.callbacks.append(on_collect)
    try:
        run(lambda name: phase.__setitem__(0, name))
    finally:
        gc.callbacks.remove(on_collect)
    return seen


def test_no_collection_runs_while_the_versions_are_compared(versions):
    def job(mark) -> None:
        case = run_job(Job(Case(), tuple(versions)), progress=lambda f, m: None, cancelled=lambda: False,
                       loaded=lambda _c: mark("comparing"))
        mark("done")
        assert case.comparison is not None and case.comparison.differences
        # What the comparison left alive is not walked again by the collections that follow.
        tracked = {id(o) for o in gc.get_objects()}
        assert id(case.comparison.differences[0]) not in tracked
        assert id(case.comparison.differences) not in tracked

    seen = _collections_while(job)
    assert gc.isenabled()
    assert not [s for s in seen if s[0] == "comparing"]


def test_the_same_comparison_outside_the_window_collects_as_usual(versions):
    """The case above makes enough objects for Python to collect several times (the pause is what stops it)."""
    def compare(mark) -> None:
        case = Case()
        case.add(versions)
        mark("comparing")
        case.compare()

    assert [s for s in _collections_while(compare) if s[0] == "comparing"]


def test_collection_resumes_when_a_comparison_is_cancelled(versions):
    with pytest.raises(Cancelled):
        run_job(Job(Case(), tuple(versions)), progress=lambda f, m: None, cancelled=lambda: True)
    assert gc.isenabled()


def test_overlapping_comparisons_keep_collection_paused_until_the_last_ends():
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    states: list[bool] = []

    def first() -> None:
        with collection.paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    t = threading.Thread(target=first)
    t.start()
    first_in.wait(5)
    with collection.paused():
        second_in.set()
        first_out.wait(5)
        states.append(gc.isenabled())  # the first has ended, this one still runs
    t.join(5)
    assert states == [False]
    assert gc.isenabled()


def test_collection_left_off_by_the_program_stays_off():
    gc.disable()
    with collection.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_what_reading_a_pdf_leaves_is_not_kept_by_the_comparisons_that_follow(qtbot, window, tmp_path, monkeypatch):
    """Reading a PDF leaves reference cycles (the parsed objects, holding the file's bytes): collected before the
    comparison starts, not set aside with it for as long as the app runs, however often the case is opened."""
    from app_helpers import open_and_wait
    from test_source_view import text_pdf

    from variorum.core.load import pdf

    readers: list[weakref.ref] = []

    class Reader(pdf.PdfReader):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            readers.append(weakref.ref(self))

    monkeypatch.setattr(pdf, "PdfReader", Reader)
    text = tmp_path / "article.txt"
    text.write_text(" ".join(WORDS), encoding="utf-8")
    paths = [text, text_pdf(tmp_path / "article.pdf", [[" ".join(reversed(WORDS))]])]
    for _ in range(3):
        window.close_case()
        open_and_wait(qtbot, window, paths)
    gc.collect()  # what automatic collection would find: not what was set aside
    assert len(readers) >= 3
    assert not [r for r in readers if r() is not None]


def test_what_the_app_has_alive_once_its_window_is_built_is_not_walked_again(tmp_path):
    """A fresh program: once the window is built, the collector sets aside what is alive (the modules, the
    window), so no later collection walks it; garbage made while starting is freed first."""
    code = (
        "import gc, sys\n"
        "from variorum.ui.app import make_app\n"
        "app = make_app([])\n"
        "from variorum.ui.window.main_window import MainWindow\n"
        "garbage = []\n"
        "garbage.append(garbage)\n"
        "import weakref\n"
        "class Cycle: pass\n"
        "c = Cycle(); c.me = c; made = weakref.ref(c); del c, garbage\n"
        "w = MainWindow()\n"
        "tracked = {id(o) for o in gc.get_objects()}\n"
        "print(id(w) in tracked, id(w.session) in tracked, id(sys.modules['variorum.ui.session']) in tracked,"
        " made() is None)\n"
        "w.runner.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VARIORUM_DATA_DIR": str(tmp_path),
           "PYTHONPATH": str(Path(collection.__file__).parents[2])}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120,
                          check=True)
    assert done.stdout.split() == ["False", "False", "False", "True"]


def test_closed_cases_are_freed_however_often_one_is_opened(qtbot, tmp_path, versions, monkeypatch):
    """What is set aside (the app's objects, each comparison once taken in) is still freed when nothing refers
    to it: a case closed and opened again and again does not make the app grow (the panes of the last case
    closed, hidden behind the welcome view, are let go when the next one is shown)."""
    from app_helpers import make_window, open_and_wait

    from variorum.ui import job_process

    monkeypatch.setattr(job_process, "_enabled", True)  # as the app compares: in a process of its own
    window = make_window(qtbot, tmp_path)
    shown: list[list[weakref.ref]] = []
    try:
        for _ in range(4):
            open_and_wait(qtbot, window, versions)
            c = window.comparison
            shown.append([weakref.ref(c), *(weakref.ref(v) for v in c.versions)])
            del c
            window.close_case()
            qtbot.wait(10)  # the panes of the case shown before are deleted in the next turns
    finally:
        window.runner.close()
        window.runner.wait()
    gc.collect()
    assert not [r for case in shown[:-1] for r in case if r() is not None]
