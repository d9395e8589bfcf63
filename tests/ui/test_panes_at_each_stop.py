"""At every Alt+Down stop, every pane marks exactly the words that read there, and the panes stand level."""

from __future__ import annotations

import re

import pytest
from app_helpers import make_window, open_and_wait
from panes_helpers import (
    click_finding,
    in_filler_space,
    line_top,
    mark_top,
    on_screen,
    out_of_level,
    walk_stops,
)
from PySide6.QtCore import QPoint, Qt

from variorum.core.counterpart import on_word_boundary
from variorum.core.normalize import word_key
from variorum.demo import demo_paths
from variorum.ui.panes.highlights import is_word_diffed


@pytest.fixture(params=["demo", "darwin"])
def case_window(request, qtbot, tmp_path, darwin_paths):
    w = make_window(qtbot, tmp_path, 1280, 720)
    if request.param == "demo":
        with demo_paths() as paths:
            open_and_wait(qtbot, w, paths)
            qtbot.waitUntil(w.panes.settled)  # filler space follows the panes' final width (slower on a busy machine)
            yield w
    else:
        open_and_wait(qtbot, w, darwin_paths)
        qtbot.waitUntil(w.panes.settled)
        yield w
    w.runner.invalidate()
    w.runner.wait()


def lined_up_panes(window):
    c = window.comparison
    return [p for p in window.panes.panes() if p.version_id == c.base or is_word_diffed(c, p.version_id)]


def test_every_pane_marks_that_versions_reading_of_the_place(qtbot, case_window):
    window = case_window
    c = window.comparison
    visited = 0
    for compared, stop in walk_stops(qtbot, window):
        d = stop.difference
        if d is None:  # related coverage: Alt+Down goes on through the findings that cite it
            assert not is_word_diffed(c, compared) and stop.finding is not None
            continue
        assert d.version == compared
        visited += 1
        for pane in lined_up_panes(window):
            vid, text = pane.version_id, pane.version.text
            start, end = pane.selected_range()
            assert on_word_boundary(text, start) and on_word_boundary(text, end), (vid, d, text[start:end])
            if vid == c.base:
                assert (start, end) == (d.base.start, d.base.end)
            elif vid == d.version:
                assert (start, end) == (d.other.start, d.other.end)
            else:
                own = [x for x in c.differences if x.version == vid and x.kind != "move"
                       and x.base.start < d.base.end and d.base.start < x.base.end]
                if not own and d.base.end > d.base.start:  # this version reads as the base there
                    assert word_key(text[start:end]) == word_key(d.base.text), (vid, d)
                for x in own:  # its own changes there are part of its reading of the place
                    assert start <= x.other.start and x.other.end <= end, (vid, d, x)
    # Alt+Down went through the differences of every version of the same article, one after the other.
    expected = sum(1 for d in c.differences if not d.cosmetic and d.kind != "move"
                   and d.version in window.session.comparable() and is_word_diffed(c, d.version))
    assert visited >= expected > 0


def test_the_current_passage_is_level_in_every_pane_at_every_stop(qtbot, case_window):
    window = case_window
    text_tops = {p.editor.mapTo(window, QPoint(0, 0)).y() for p in window.panes.panes()}
    assert len(text_tops) == 1  # the compared pane's header is no taller than the others
    steps = 0
    for _compared, stop in walk_stops(qtbot, window):
        if stop.difference is None:
            continue  # related coverage does not line up with the base
        steps += 1
        panes = lined_up_panes(window)
        line = max(p.editor.fontMetrics().lineSpacing() for p in panes)
        tops = {}
        for p in panes:
            start, end = p.selected_range()
            if end <= start:  # text this version lacks: the mark is drawn in the filler space opposite it
                space = p.place_qt(start, empty=True)
                assert space <= p.editor.marker <= space + max(0, p.filler_before(start) - 1)
                tops[p.version_id] = mark_top(window, p)
            else:
                tops[p.version_id] = line_top(window, p, start)
        assert max(tops.values()) - min(tops.values()) <= line, (steps, tops)
    assert steps > 0


@pytest.mark.parametrize("which", ["demo", "energy", "darwin"])
def test_the_paragraphs_around_each_stop_and_finding_stay_level(qtbot, tmp_path, energy_paths, darwin_paths, which):
    """Text one version lacks stands opposite filler space: the mark for it is drawn on the line of that space
    opposite the passage, and the paragraphs on screen around it stay level in every pane."""
    window = make_window(qtbot, tmp_path, 1280, 720)
    with demo_paths() as demo:
        open_and_wait(qtbot, window, {"demo": demo, "energy": energy_paths, "darwin": darwin_paths}[which])
    qtbot.waitUntil(window.panes.settled)
    lacking = 0
    for n, (_compared, stop) in enumerate(walk_stops(qtbot, window)):
        if stop.difference is not None and in_filler_space(window):
            lacking += 1
            assert not out_of_level(window, in_filler_space(window)), (n, stop.difference)
    for finding in window.comparison.findings:
        click_finding(qtbot, window, finding)
        assert not out_of_level(window, [p.version_id for p in window.panes.panes() if p.notice]), finding.message
    assert lacking or which == "darwin"  # the Darwin editions lack no whole paragraph
    window.runner.invalidate()
    window.runner.wait()


def test_scrolling_lands_aligned_paragraphs_on_the_same_line(qtbot, case_window):
    window = case_window
    c = window.comparison
    base = window.panes.pane(c.base)
    checked = 0
    for pane in lined_up_panes(window):
        if pane is base:
            continue
        seen = set()
        for pair in c.alignments[pane.version_id].paragraphs:
            if pair.base is None or pair.other is None or pair.other[0] in seen:
                continue  # a base paragraph that continues the one before in this version starts mid-paragraph
            seen.add(pair.other[0])
            start = pair.base[0]
            base.editor.verticalScrollBar().setValue(base.line_of(start))  # as the user's wheel or scroll bar
            line = base.editor.fontMetrics().lineSpacing()
            assert abs(line_top(window, pane, pair.other[0]) - line_top(window, base, start)) <= line, \
                (pane.version_id, base.version.text[start:start + 40])
            checked += 1
    assert checked > 0


@pytest.mark.parametrize("which", ["demo", "energy"])
def test_filler_space_keeps_shared_paragraphs_level_wherever_the_view_is(qtbot, tmp_path, energy_paths, which):
    window = make_window(qtbot, tmp_path, 1280, 720)
    with demo_paths() as demo:
        open_and_wait(qtbot, window, demo if which == "demo" else energy_paths)
    qtbot.waitUntil(window.panes.settled)  # filler space follows the panes' final width
    c = window.comparison
    panes = lined_up_panes(window)
    base = window.panes.pane(c.base)
    starts: dict[int, dict[str, int]] = {}  # base paragraph -> where it starts in each version
    for pane in panes:
        if pane is not base:
            for pair in c.alignments[pane.version_id].paragraphs:
                if pair.base is not None and pair.other is not None:
                    starts.setdefault(pair.base[0], {}).setdefault(pane.version_id, pair.other[0])
    line = base.editor.fontMetrics().lineSpacing()

    def opening(text: str, at: int) -> list[str]:
        return re.findall(r"\w+", text[at:at + 80].casefold())[:4]

    # Paragraphs every version has, starting with the same words (not merged into another paragraph there).
    shared = {b: row for b, row in starts.items() if len(row) == len(panes) - 1
              and all(opening(c.version(vid).text, at) == opening(base.version.text, b) for vid, at in row.items())}
    assert shared
    bar = base.editor.verticalScrollBar()
    rows = base.visible_lines()
    for b, row in shared.items():
        bar.setValue(max(0, base.line_of(b) - rows // 2))  # as the user scrolls: the others follow
        placed = [(base, b)] + [(window.panes.pane(vid), at) for vid, at in row.items()]
        assert all(on_screen(pane, at) for pane, at in placed)
        tops = [line_top(window, pane, at) for pane, at in placed]
        assert max(tops) - min(tops) <= line, (base.version.text[b:b + 40], tops)
    window.runner.invalidate()
    window.runner.wait()


def test_the_keyboard_cursor_skips_filler_space(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, 1280, 720)
    with demo_paths() as demo:
        open_and_wait(qtbot, window, demo)
    qtbot.waitUntil(window.panes.settled)
    pane = next(p for p in lined_up_panes(window) if p.fillers().get(min(p.fillers(), default=-1)) and
                min(p.fillers()) <= len(p.version.text) - len(p.version.text.lstrip()))
    pane.editor.setFocus()
    qtbot.keyClick(pane.editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):
        qtbot.keyClick(pane.editor, Qt.Key.Key_Right,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    start, end = pane.selected_range()
    assert len(pane.version.text[start:end].split()) >= 2  # words, not the empty lines before them
    window.runner.invalidate()
    window.runner.wait()
