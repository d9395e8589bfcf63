"""Files opened on the welcome view: the compare view comes at once, in the turn that starts reading them; the docks
come in the next turns, one a turn, findings in front, and a dock shown only for some cases (the source) stays
hidden."""

from __future__ import annotations

from app_helpers import WAIT_MS, make_window
from PySide6.QtCore import QTimer


def test_the_docks_come_up_in_the_turns_after_the_files_are_opened(qtbot, tmp_path, seed_paths):
    window = make_window(qtbot, tmp_path)
    docks = window.docks
    shown = (docks.version_dock, docks.findings_dock, docks.metadata_dock)
    assert not any(d.isVisible() for d in shown)
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.add_paths(seed_paths)
        assert window.stack.currentIndex() == 1  # the texts' view, its panes to come
        assert not any(d.isVisible() for d in shown)
        qtbot.waitUntil(lambda: all(d.isVisible() for d in shown), timeout=WAIT_MS)
    assert all(d.isVisible() for d in shown)
    assert not window.source.dock.isVisible()  # plain texts: no original page to show
    window.runner.invalidate()
    window.runner.wait()


def test_closing_the_case_while_the_docks_come_up_keeps_them_for_the_next(qtbot, tmp_path, seed_paths):
    window = make_window(qtbot, tmp_path)
    window.add_paths(seed_paths)
    window.close_case()  # before the docks are up: the next case shows them all the same
    assert window.layout_.on_welcome()
    window.runner.invalidate()
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.add_paths(seed_paths)
    assert window.docks.findings_dock.isVisible() and window.docks.version_dock.isVisible()
    window.runner.invalidate()
    window.runner.wait()


def test_the_docks_come_one_a_turn_and_the_source_dock_never_flashes_up(qtbot, tmp_path, seed_paths):
    """Showing every dock in one turn held the window 25-30 ms; and the source dock was shown with the others, then
    hidden again, for a case of plain texts."""
    window = make_window(qtbot, tmp_path)
    docks = window.docks
    panels = (docks.findings_dock, docks.version_dock, docks.metadata_dock, docks.variants_dock)
    source_shown: list[bool] = []
    window.source.dock.visibilityChanged.connect(source_shown.append)
    per_turn: list[int] = []  # how many of the panels are up, each turn
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: per_turn.append(sum(d.isVisible() for d in panels)))
    timer.start()
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.add_paths(seed_paths)
    timer.stop()
    assert all(d.isVisible() for d in panels)
    counts = sorted(set(per_turn))
    assert counts == list(range(counts[0], len(panels) + 1)), per_turn  # never two coming up in one turn
    assert not docks.findings.visibleRegion().isEmpty()  # in front of its tab group: read first
    assert source_shown == []
    window.runner.invalidate()
    window.runner.wait()
