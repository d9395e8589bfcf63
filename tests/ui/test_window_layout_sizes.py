"""The window at 1280×720: the compared pane in view, readable panes (or all of them, on request), identical
versions in one pane, an empty metadata dock reduced to its message, the version list showing every row."""

from __future__ import annotations

from app_helpers import make_window, open_and_wait
from PySide6.QtCore import QRect, Qt

from variorum.ui.panes.diff_pane import PANE_MIN_WIDTH

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _small(qtbot, tmp_path, paths):
    window = make_window(qtbot, tmp_path, 1280, 720)
    open_and_wait(qtbot, window, paths)
    qtbot.wait(50)  # the docks are fitted a moment after the comparison is shown
    return window


def _in_view(window, version_id) -> bool:
    area = window.panes.scroll_area
    pane = window.panes.pane(version_id)
    top_left = pane.mapTo(area.viewport(), pane.rect().topLeft())
    return area.viewport().rect().contains(QRect(top_left, pane.size()).adjusted(0, 0, -1, -1))


def test_the_compared_pane_comes_into_view_at_each_ctrl_page_down(qtbot, tmp_path, darwin_paths):
    window = _small(qtbot, tmp_path, darwin_paths)
    assert window.panes.scroll_area.horizontalScrollBar().maximum() > 0  # not every pane fits
    seen = set()
    for _ in range(len(window.session.comparable())):
        qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
        qtbot.waitUntil(lambda: _in_view(window, window.compared))
        seen.add(window.compared)
    assert seen == set(window.session.comparable())
    window.close()


def test_panes_keep_a_readable_width_unless_all_versions_are_fitted(qtbot, tmp_path, darwin_paths):
    window = _small(qtbot, tmp_path, darwin_paths)
    assert all(p.width() >= PANE_MIN_WIDTH for p in window.panes.panes())
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)
    assert window.actions_.fit_all.isChecked()
    qtbot.waitUntil(lambda: window.panes.scroll_area.horizontalScrollBar().maximum() == 0)
    assert all(_in_view(window, p.version_id) for p in window.panes.panes())
    window.close()
    again = _small(qtbot, tmp_path, darwin_paths)  # the choice is kept
    assert again.actions_.fit_all.isChecked()
    qtbot.keyClick(again, Qt.Key.Key_F, CTRL_SHIFT)
    qtbot.waitUntil(lambda: again.panes.scroll_area.horizontalScrollBar().maximum() > 0)
    assert all(p.width() >= PANE_MIN_WIDTH for p in again.panes.panes())
    again.close()


def test_identical_versions_collapse_into_one_pane_that_names_them(qtbot, tmp_path, darwin_paths):
    window = _small(qtbot, tmp_path, darwin_paths)
    ids = {window.comparison.version(v.id).label: v.id for v in window.comparison.versions}
    first, twin = ids["origin-1860.txt"], ids["origin-1861.txt"]
    assert window.comparison.version(first).text == window.comparison.version(twin).text
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.panes.pane(twin) is None and not window.panes.is_filling())
    assert len(window.panes.panes()) == len(darwin_paths) - 1
    assert f"= {twin}  origin-1861.txt" in window.panes.pane(first).role.full_text()
    assert twin not in window.session.comparable()
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.panes.pane(twin) is not None and not window.panes.is_filling())
    assert "=" not in window.panes.pane(first).role.full_text()
    window.close()


def test_an_empty_metadata_dock_is_one_line_and_the_version_list_shows_every_row(qtbot, tmp_path, darwin_paths,
                                                                               seed_paths):
    window = _small(qtbot, tmp_path, darwin_paths)
    metadata = window.docks.metadata
    assert metadata.hint.isVisible() and not metadata.view.isVisible()
    assert window.docks.metadata_dock.height() <= metadata.hint.height() + 40
    view = window.docks.versions.view
    for row in range(view.model().rowCount()):
        assert view.viewport().rect().contains(view.visualRect(view.model().index(row, 0)))
    window.close()
    demo = _small(qtbot, tmp_path, seed_paths)
    assert demo.docks.metadata.view.isVisible() and demo.docks.metadata_dock.height() >= 100
    view = demo.docks.versions.view
    for row in range(view.model().rowCount()):
        assert view.viewport().rect().contains(view.visualRect(view.model().index(row, 0)))
    demo.close()


def test_the_panes_keep_their_size_when_the_comparison_arrives(qtbot, tmp_path, darwin_paths):
    """The texts are shown while the comparison runs; when it arrives, the panels beside the panes are filled.
    The variant table's version filter ("Where v6 differs from all others") and its count once widened the dock
    column then, and the metadata dock shrank to its one-line message then: every pane was wrapped, fitted and
    painted again, and the text the user read moved. The docks take their sizes when the files are read."""
    window = make_window(qtbot, tmp_path, 1280, 720)
    window.layout_.show_compare()  # the Variants tab in front: its table and filters are filled as it arrives
    window.docks.variants_dock.raise_()
    sizes: list[tuple[int, int]] = []  # each time the panes have shown their texts (read, then compared)
    window.panes.shown.connect(lambda: sizes.append(window.panes.size().toTuple()))
    open_and_wait(qtbot, window, darwin_paths)
    qtbot.waitUntil(lambda: window.docks.details_for is window.comparison and window.panes.settled())
    qtbot.wait(50)
    assert window.docks.variants.alone_filter.count() > 2  # the filter has its versions
    assert window.docks.metadata.is_empty()  # plain texts: the dock is its one-line message
    assert sizes and set(sizes) == {window.panes.size().toTuple()}
    window.close()
