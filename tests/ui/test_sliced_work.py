"""Long work on the UI thread runs in slices: the event loop turns between them, so the window keeps answering."""

from __future__ import annotations

import shiboken6
from app_helpers import WAIT_MS, make_window, open_and_wait
from PySide6.QtCore import QObject, QTimer

from variorum.demo import demo_paths
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


def test_work_started_first_takes_the_next_turn_before_work_waiting(qtbot):
    """The docks come up and take their sizes before the panes' filling goes on, a turn for each step; work
    started plainly waits its turn."""
    ran: list[str] = []

    def work(name, steps):
        for _ in range(steps):
            ran.append(name)
            yield

    filling, sizing, later = SlicedWork(slice_ms=0), SlicedWork(slice_ms=0), SlicedWork(slice_ms=0)
    filling.start(work("filling", 3))
    later.start(work("later", 1))
    sizing.start(work("sizing", 3), first=True)
    qtbot.waitUntil(lambda: not (filling.active() or sizing.active() or later.active()))
    assert ran[:3] == ["sizing"] * 3, "each of its slices goes ahead, not only the first"
    assert ran.index("filling") < ran.index("later")
    assert sorted(ran) == ["filling"] * 3 + ["later"] + ["sizing"] * 3


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
    # A turn for each block laid out: the blocks highlighted anew, then those the filler lines changed around
    # (the others keep their layout), then the blocks each pane reads its lines from.
    assert filled[0] - compared[0] > blocks // 2
    for pane in window.panes.panes():
        assert pane.editor.toPlainText().strip()  # every pane has its text
        assert pane.is_laid_out()
    assert any(p.fillers() for p in window.panes.panes() if p.version_id != c.base)
    window.runner.invalidate()
    window.runner.wait()


def test_two_pieces_of_work_take_turns_instead_of_adding_up_in_one(qtbot):
    """The panes' filling and the panels' each had a timer of its own, and both ran in the same turn: the window
    waited for the sum of their slices. Now one of them runs per turn."""
    turns = _turns()
    seen: dict[str, list[int]] = {"panes": [], "panels": []}
    done: list[str] = []

    def work(name):
        for _ in range(5):
            seen[name].append(turns[0])
            yield

    first, second = SlicedWork(slice_ms=1000), SlicedWork(slice_ms=1000)  # slices long enough for all 5 steps
    first.start(work("panes"), done=lambda: done.append("panes"))
    second.start(work("panels"), done=lambda: done.append("panels"))
    qtbot.waitUntil(lambda: len(done) == 2)
    assert len(set(seen["panes"])) == 1 and len(set(seen["panels"])) == 1  # alone, each runs within its slice
    assert set(seen["panes"]).isdisjoint(seen["panels"])


def test_work_stops_with_its_owner(qtbot):
    owner = QObject()
    steps: list[int] = []

    def work():
        for i in range(100_000):
            steps.append(i)
            yield

    runner = SlicedWork(owner, slice_ms=0)
    runner.start(work())
    qtbot.waitUntil(lambda: len(steps) >= 3)
    shiboken6.delete(owner)  # the view or panel it fills is gone
    ran = len(steps)
    qtbot.wait(50)
    assert len(steps) <= ran + 1


def test_the_panels_after_a_comparison_are_filled_a_turn_each(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, 1280, 720)
    turns = _turns()
    filled: dict[str, int] = {}
    variants = window.docks.variants

    def record(obj, method: str, name: str) -> None:
        original = getattr(obj, method)

        def wrapper(*args, **kwargs):
            if window.session.is_final():
                filled[name] = turns[0]
            return original(*args, **kwargs)
        setattr(obj, method, wrapper)

    record(window.docks.findings.model, "set_findings", "findings")
    record(window.docks.metadata, "redraw", "metadata")
    record(variants, "redraw_table", "variant table")
    record(variants.heatmap, "showing", "heat map")
    record(variants.timeline, "set_timeline", "timeline")
    record(variants.stemma, "set_stemma", "derivation")
    with demo_paths() as paths:
        open_and_wait(qtbot, window, paths)
        qtbot.waitUntil(lambda: window.docks.details_for is window.comparison, timeout=WAIT_MS)
    assert len(filled) == 6
    assert len(set(filled.values())) == 6  # each in a turn of its own
    assert window.docks.findings.model.rowCount() > 0
    window.docks.variants_dock.raise_()  # the variant table, behind the findings, is filled when first shown
    assert variants.model.rowCount() > 0
    window.runner.invalidate()
    window.runner.wait()


def test_each_pane_gets_its_text_at_its_final_width(qtbot, tmp_path, monkeypatch, darwin_paths):
    """Panes were created and filled one after another, and each pane added narrowed those already filled:
    their texts were wrapped again (and repainted) at every pane added. Now every pane has its width first."""
    from variorum.ui.panes.diff_pane import DiffPane

    widths: dict[str, int] = {}  # the width of each pane when its text was first set
    set_text = DiffPane.set_text

    def recording(pane, *args, **kwargs):
        widths.setdefault(pane.version_id, pane.width())
        return set_text(pane, *args, **kwargs)

    monkeypatch.setattr(DiffPane, "set_text", recording)
    window = make_window(qtbot, tmp_path, 1280, 720)
    open_and_wait(qtbot, window, darwin_paths)
    qtbot.waitUntil(window.panes.settled, timeout=WAIT_MS)
    final = {p.version_id: p.width() for p in window.panes.panes()}
    assert len(final) > 3 and widths == final
    window.runner.invalidate()
    window.runner.wait()
