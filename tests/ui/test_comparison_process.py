"""The app compares in a process of its own (the comparison's Python code no longer holds the window's
interpreter): the same results on screen, Cancel ends the process, a newer job replaces one still running, a
process that dies is reported, and where no process can be started the window compares on a thread as before."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal

import pytest
from app_helpers import WAIT_MS, open_and_wait, painted_kinds
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from variorum import logs
from variorum.core.case import load_case
from variorum.ui import job_process


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A shown main window that compares in a process, as the app does (the process ends with the window)."""
    from app_helpers import make_window

    monkeypatch.setattr(job_process, "_enabled", True)
    w = make_window(qtbot, tmp_path)
    yield w
    w.runner.close()
    w.runner.wait()


@pytest.fixture
def long_case(tmp_path, darwin_paths) -> list:
    """Eight versions of a 150 KB article with edits: comparing them takes a while after their texts are read."""
    rng = random.Random(15)
    words = " ".join(p.read_text(encoding="utf-8") for p in darwin_paths).split()
    paras = [" ".join(rng.choice(words) for _ in range(rng.randint(40, 120))) for _ in range(220)]
    paths = []
    for k in range(8):
        edited = [" ".join(w if rng.random() > 0.01 else rng.choice(words) for w in p.split()) for p in paras]
        path = tmp_path / f"long-{k}.txt"
        path.write_text("\n\n".join(edited), encoding="utf-8")
        paths.append(path)
    return paths


def comparison_process_ids() -> set[int]:
    return {p.pid for p in multiprocessing.active_children() if p.name == "variorum-comparison"}


def wait_until_comparing(qtbot, window, paths) -> None:
    """Open ``paths`` and wait until their texts are shown and the comparison runs."""
    with qtbot.waitSignal(window.runner.loaded, timeout=WAIT_MS):
        window.add_paths(paths)
    assert window.runner.is_busy()


def test_the_comparison_on_screen_is_the_one_the_command_line_makes(qtbot, window, seed_paths):
    assert comparison_process_ids()  # started with the window, before any file is opened
    open_and_wait(qtbot, window, seed_paths[:3])
    expected = load_case(seed_paths[:3]).compare()
    shown = window.comparison
    assert [v.text for v in shown.versions] == [v.text for v in expected.versions]
    assert shown.differences == expected.differences
    assert [f.kind for f in shown.findings] == [f.kind for f in expected.findings]
    assert painted_kinds(window.panes.pane(shown.base))
    with qtbot.waitSignal(window.panes.shown, timeout=WAIT_MS, raising=False):
        qtbot.keyClick(window.panes.pane(shown.base).editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.session.focus_label != "the case"  # Alt+Down went to a difference


def reader_threads() -> list:
    import threading

    return [t for t in threading.enumerate() if t.name == "variorum-comparison-reader" and t.is_alive()]


def test_closing_the_window_ends_the_comparison_process_and_its_reader(qtbot, window, seed_paths):
    """Nothing reaches the window from the process once it is closed: its reader delivered its last message
    before Qt deletes what it delivers to (the screenshot command, which quits without closing the window, once
    crashed there)."""
    open_and_wait(qtbot, window, seed_paths[:2])
    assert comparison_process_ids() and reader_threads()
    window.close()
    assert comparison_process_ids() == set() and reader_threads() == []


def test_choosing_another_base_keeps_the_highlighted_texts_while_it_compares(qtbot, window, seed_paths):
    """The texts come back from the process as the window's own versions, so the window knows they are the same
    texts and keeps the comparison on show until the new one arrives."""
    open_and_wait(qtbot, window, seed_paths[:3])
    other = next(v.id for v in window.comparison.versions if v.id != window.comparison.base)
    with qtbot.waitSignal(window.runner.loaded, timeout=WAIT_MS):
        window.session.choose_base(other)
    assert window.session.is_final()
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        pass
    assert window.comparison.base == other


def test_cancel_ends_the_comparison_process_and_keeps_the_texts(qtbot, window, long_case, seed_paths):
    wait_until_comparing(qtbot, window, long_case)
    working = comparison_process_ids()
    with qtbot.waitSignal(window.runner.cancelled, timeout=WAIT_MS):
        qtbot.mouseClick(window.progress.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not working & comparison_process_ids(), timeout=WAIT_MS)
    assert not window.progress.isVisible()
    qtbot.waitUntil(lambda: not window.panes.is_filling(), timeout=WAIT_MS)
    assert len(window.panes.panes()) == len(long_case)
    window.close_case()
    open_and_wait(qtbot, window, seed_paths[:2])  # the next comparison runs in a fresh process
    assert len(window.comparison.versions) == 2 and window.comparison.differences


def test_a_newer_comparison_replaces_one_still_running(qtbot, window, long_case, darwin_paths):
    results = []
    window.runner.finished.connect(results.append)
    wait_until_comparing(qtbot, window, long_case)
    working = comparison_process_ids()
    window.close_case()
    open_and_wait(qtbot, window, darwin_paths[:2])
    assert not working & comparison_process_ids()  # the stale comparison was stopped, not left to run
    assert [v.label for v in window.comparison.versions] == [p.name for p in darwin_paths[:2]]
    assert [len(r.versions) for r in results] == [2]


def test_a_comparison_process_that_dies_is_reported_and_the_next_comparison_works(
        qtbot, window, long_case, seed_paths, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    wait_until_comparing(qtbot, window, long_case)
    (pid,) = comparison_process_ids()
    with qtbot.waitSignal(window.runner.failed, timeout=WAIT_MS) as failed:
        os.kill(pid, signal.SIGKILL)  # as the system does when memory runs out
    assert "ended unexpectedly" in failed.args[0]
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    assert "The versions are kept" in shown[0]
    window.close_case()
    open_and_wait(qtbot, window, seed_paths[:2])
    assert window.comparison.differences


def test_the_comparison_process_logs_in_the_window_process_log(qtbot, window, seed_paths, tmp_path):
    damaged = tmp_path / "scan.pdf"
    damaged.write_bytes(b"not a PDF at all")
    logs.configure()
    open_and_wait(qtbot, window, [*seed_paths[:2], damaged])
    log = logs.log_path().read_text(encoding="utf-8")
    assert "INFO variorum.core.load: Could not read" in log and "scan.pdf" in log
    assert any(v.error for v in window.comparison.versions)


class _NoProcesses:
    """A system on which no process can be started."""

    Pipe = staticmethod(multiprocessing.Pipe)

    class Process:
        def __init__(self, *args, **kwargs) -> None:
            pass

        def start(self) -> None:
            raise OSError("process creation is not allowed here")


def test_without_processes_the_window_compares_on_a_thread(qtbot, tmp_path, seed_paths, monkeypatch):
    from app_helpers import make_window

    monkeypatch.setattr(job_process, "_enabled", True)
    monkeypatch.setattr(job_process, "_context", _NoProcesses)
    logs.configure()
    window = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, window, seed_paths[:3])
    assert window.comparison.differences and painted_kinds(window.panes.pane(window.comparison.base))
    log = logs.log_path().read_text(encoding="utf-8")
    assert "Comparing in the window's own process" in log and "process creation is not allowed" in log
    window.runner.invalidate()
    window.runner.wait()


def test_the_comparison_comes_before_its_word_exact_maps_and_the_window_builds_none(qtbot, window, long_case,
                                                                                     monkeypatch):
    """The process sends the comparison first and builds the maps stepping and findings use while the window lays
    the comparison out (they took 0.3 of the 1.0 s a job of 10 × 100 KB took, all before the window had
    anything to show); the window takes them when they come and builds none itself."""
    from variorum.core import counterpart
    from variorum.ui.panes.alignment_map import alignment_for

    built_here: list[str] = []
    units = counterpart.units
    monkeypatch.setattr(counterpart, "units", lambda *a: built_here.append("map") or units(*a))
    at_finish: dict[str, bool] = {}

    def finished(case) -> None:
        exact, c = alignment_for(case.comparison).exact, case.comparison
        at_finish.update({v.id: exact.built(v.id) for v in c.versions if c.relations[v.id].kind == "same-article"})

    window.runner.finished.connect(finished)
    open_and_wait(qtbot, window, long_case[:4])
    c = window.comparison
    assert len(at_finish) == 3 and not any(at_finish.values())  # none there yet when the comparison came
    exact = alignment_for(c).exact
    qtbot.waitUntil(lambda: all(exact.built(vid) for vid in at_finish), timeout=WAIT_MS)
    for _ in range(3):
        qtbot.keyClick(window.panes.pane(c.base).editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.session.focus_label != "the case"
    assert built_here == []
