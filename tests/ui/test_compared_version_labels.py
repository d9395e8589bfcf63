"""Which version the highlights refer to is plain everywhere, and every label stays current."""

from __future__ import annotations

import pytest
from app_helpers import WAIT_MS, make_window, open_and_wait
from panes_helpers import walk_stops
from PySide6.QtCore import Qt

from variorum.demo import demo_paths
from variorum.ui.panes.pane_header import COMPARED_MARK


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path, 1280, 720)
    with demo_paths() as paths:
        open_and_wait(qtbot, w, paths)
        yield w
    w.runner.invalidate()
    w.runner.wait()


def marked_headers(window) -> list[str]:
    return [p.version_id for p in window.panes.panes() if p.header.full_text().startswith(COMPARED_MARK)]


def test_the_compared_version_is_named_in_its_header_and_the_status_bar(qtbot, window):
    compared, base = window.compared, window.comparison.base
    assert marked_headers(window) == [compared]
    assert window.panes.pane(compared).role.full_text().startswith("compared ·")
    label = window.compared_label.plain_text()
    assert label == f"Comparing {compared} with base {base}"
    assert window.comparison.version(compared).label in window.compared_label.toolTip()
    assert window.compared_label.isVisible()
    qtbot.keyClick(window.panes.pane(base).editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.compared != compared
    assert marked_headers(window) == [window.compared]
    assert window.compared_label.plain_text().startswith(f"Comparing {window.compared} with")


def test_hiding_the_compared_version_leaves_no_label_naming_it(qtbot, window):
    qtbot.keyClick(window.panes.pane(window.comparison.base).editor, Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)
    hidden = window.compared
    assert window.statusBar().currentMessage().startswith(f"Comparing {hidden} (")
    window.docks.versions.set_current(hidden)
    with qtbot.waitSignal(window.session.versionsChanged):
        window.docks.versions.act_toggle.trigger()
    qtbot.waitUntil(lambda: not window.panes.is_filling(), timeout=WAIT_MS)
    assert window.compared not in (None, hidden)
    assert f"Comparing {hidden} " not in window.statusBar().currentMessage()
    assert window.compared_label.plain_text().startswith(f"Comparing {window.compared} with")
    assert marked_headers(window) == [window.compared]
    # Hide every other version too: nothing is compared, and nothing says otherwise.
    while window.compared is not None:
        window.docks.versions.set_current(window.compared)
        with qtbot.waitSignal(window.session.versionsChanged):
            window.docks.versions.act_toggle.trigger()
        qtbot.waitUntil(lambda: not window.panes.is_filling(), timeout=WAIT_MS)
    assert "Comparing" not in window.statusBar().currentMessage()
    assert not window.compared_label.plain_text().startswith("Comparing")
    assert marked_headers(window) == []


def test_alt_down_goes_on_into_the_next_compared_version(qtbot, window):
    first = window.compared
    comparable = window.session.comparable()
    seen = []
    for compared, _stop in walk_stops(qtbot, window):
        if not seen or seen[-1] != compared:
            seen.append(compared)
            if len(seen) > 1:
                assert window.statusBar().currentMessage().startswith(f"No more differences with {seen[-2]}; "
                                                                      f"now comparing {compared} (")
                assert window.compared_label.plain_text().startswith(f"Comparing {compared} with")
    assert seen[0] == first and len(seen) > 1
    assert seen == [vid for vid in comparable if vid in seen]  # in list order, none skipped back
    assert "last difference of the last compared version" in window.statusBar().currentMessage()
    # And Alt+Up goes back the same way, into the previous version's last difference.
    editor = window.panes.pane(window.comparison.base).editor
    while window.compared == seen[-1]:
        qtbot.keyClick(editor, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.compared == seen[-2]
    assert window.navigator.current == window.panes.stops()[-1]
