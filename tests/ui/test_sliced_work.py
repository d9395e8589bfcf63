"""Long work on the UI thread runs in slices: the event loop turns between them, so the window keeps answering."""

from __future__ import annotations

from app_helpers import WAIT_MS, make_window
from PySide6.QtCore import QTimer

from variorum.assets import demo_paths
from variorum.ui.panes import slices
from variorum.ui.panes.slices import SlicedWork


def _turns() -> list:
    """A counter of event-loop turns (a zero-interval timer's ticks) that runs until the test ends."""
    count: list = [0]
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: count.__setitem__(0, count[0] + 1))
    timer.start()
    count.append(timer)  # kept alive with the counter
    return count


def test_the_loop_turns_between_steps(qtbot):
    turns = _turns()
    seen: list[int] = []
    done: list[bool] = []

    def work():
        for _ in range(5):
            seen.append(turns[0])
            yield

    runner = SlicedWork(slice_ms=0)
    runner.start(work(), done=lambda: done.append(True))
    assert runner.active() and not seen  # nothing runs before the loop turns
    qtbot.waitUntil(lambda: bool(done))
    assert len(seen) == 5 and all(b > a for a, b in zip(seen, seen[1:], strict=False))
    assert not runner.active()


def test_new_work_replaces_the_running_one(qtbot):
    ran: list[str] = []
    done: list[str] = []

    def work(name, steps):
        for _ in range(steps):
            ran.append(name)
            yield

    runner = SlicedWork(slice_ms=0)
    runner.start(work("old", 100_000), done=lambda: done.append("old"))
    qtbot.waitUntil(lambda: bool(ran))
    runner.start(work("new", 3), done=lambda: done.append("new"))
    qtbot.waitUntil(lambda: bool(done))
    qtbot.wait(20)
    assert done == ["new"] and ran.count("new") == 3 and ran.count("old") < 100_000


def test_panes_are_laid_out_a_little_at_a_time(qtbot, tmp_path, monkeypatch):
    """Laying out every pane to fit filler space once held the window until all of them were done; now the
    event loop turns between the blocks laid out, and the panes still end up filled and level."""
    monkeypatch.setattr(slices, "SLICE_MS", 0.0)  # a step per turn: the turns count the steps
    window = make_window(qtbot, tmp_path, 1280, 720)
    turns = _turns()
    compared: list[int] = []  # the turn the comparison arrived in
    filled: list[int] = []  # the turn the panes were filled and fitted in
    window.session.comparisonChanged.connect(lambda: compared.append(turns[0]) if window.session.is_final() else None)
    window.panes.shown.connect(lambda: filled.append(turns[0]) if compared else None)
    with demo_paths() as paths:
        window.add_paths(paths)
        qtbot.waitUntil(lambda: bool(filled) and window.panes.settled(), timeout=WAIT_MS)
    c = window.comparison
    blocks = sum(p.editor.document().blockCount() for p in window.panes.panes())
    assert filled[0] - compared[0] > blocks  # at least a turn for each block laid out
    for pane in window.panes.panes():
        assert pane.editor.toPlainText().strip()  # every pane has its text
        assert pane.is_laid_out()
    assert any(p.fillers() for p in window.panes.panes() if p.version_id != c.base)
    window.runner.invalidate()
    window.runner.wait()
