"""A finding is read in full (message and evidence, with version names) without dragging anything, and copied
as a citation: file name, SHA-256, character range and quoted words for every piece of evidence."""

from __future__ import annotations

from app_helpers import make_window, open_and_wait
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from variorum.ui.findings.panel import details_room


def _reach(qtbot, window, finding) -> None:
    """Select a finding with the keyboard: into the list, then down to its row."""
    view = window.docks.findings.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    for _ in range(len(window.comparison.findings)):
        if window.docks.findings.current_finding() == finding:
            return
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert window.docks.findings.current_finding() == finding


def _wordiest(window):
    return max(window.comparison.findings, key=lambda f: len(f.message) + sum(len(e.text) for e in f.evidence[:6]))


def test_the_details_grow_to_show_each_finding_at_1280_by_720(qtbot, tmp_path, seed_paths):
    window = make_window(qtbot, tmp_path, 1280, 720)
    open_and_wait(qtbot, window, seed_paths)
    panel = window.docks.findings
    room = details_room(sum(panel._table_page.sizes()), panel.view.header().height(), panel.view.sizeHintForRow(0))
    taller_than_a_quarter = 0
    for finding in window.comparison.findings:
        _reach(qtbot, window, finding)
        qtbot.waitUntil(lambda: panel.details_scroll.isVisible())
        for e in finding.evidence[:6]:
            assert window.comparison.version(e.version).label in panel.details.text()
        needed = panel.details.heightForWidth(panel.details.width())
        if needed < room:
            assert panel.details_scroll.verticalScrollBar().maximum() == 0, finding.message
            taller_than_a_quarter += needed > sum(panel._table_page.sizes()) // 4
        assert panel.view.height() >= 3 * panel.view.sizeHintForRow(0)  # the list keeps some rows
    assert taller_than_a_quarter  # a details box of fixed size would have cut some of them
    window.close()


def test_a_long_finding_opens_in_full_with_every_piece_of_evidence(qtbot, tmp_path, seed_paths):
    window = make_window(qtbot, tmp_path, 1280, 720)
    open_and_wait(qtbot, window, seed_paths)
    finding = _wordiest(window)
    _reach(qtbot, window, finding)
    qtbot.keyClick(window.docks.findings.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    view = window.docks.findings.full_view
    qtbot.waitExposed(view)
    text = view.browser.toPlainText()
    assert " ".join(finding.message.split()) in " ".join(text.split())
    for e in finding.evidence:
        assert f"{window.comparison.version(e.version).label}: «{e.text}»" in text
    assert view.browser.verticalScrollBar().maximum() == 0
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()
    window.close()


def test_copy_as_citation_names_each_file_its_hash_range_and_words(qtbot, tmp_path, seed_paths):
    window = make_window(qtbot, tmp_path, 1280, 720)
    open_and_wait(qtbot, window, seed_paths)
    finding = next(f for f in window.comparison.findings if len(f.evidence) >= 2)
    _reach(qtbot, window, finding)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(window.docks.findings.view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    text = QGuiApplication.clipboard().text()
    assert finding.message in text
    for e in finding.evidence:
        v = window.comparison.version(e.version)
        assert f"{v.label} (SHA-256 {v.sha256}), characters {e.start}–{e.end}: “{' '.join(e.text.split())}”" in text
    cite = window.docks.findings.act_cite
    assert cite in window.actions_.edit_menu.actions()
    assert cite.shortcut().toString() == "Ctrl+Shift+C"
    window.close()


def test_a_version_that_lacks_the_evidence_is_said_to_lack_it_not_quoted_as_nothing(qtbot, tmp_path):
    """The demo's date is stated in one version and missing from two: the details, the tooltip, the full view,
    the copied finding and the citation say so, and never quote an empty string."""
    from variorum.core.citation import ABSENT
    from variorum.demo import demo_paths

    window = make_window(qtbot, tmp_path, 1280, 720)
    with demo_paths() as paths:
        open_and_wait(qtbot, window, paths)
    panel = window.docks.findings
    lacking = [f for f in window.comparison.findings if any(e.end <= e.start for e in f.evidence)]
    assert lacking
    for finding in lacking:
        _reach(qtbot, window, finding)
        qtbot.keyClick(panel.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitExposed(panel.full_view)
        full = panel.full_view.browser.toPlainText()
        qtbot.keyClick(panel.full_view, Qt.Key.Key_Escape)
        qtbot.keyClick(panel.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        copied = QGuiApplication.clipboard().text()
        qtbot.keyClick(panel.view, Qt.Key.Key_C,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        cited = QGuiApplication.clipboard().text()
        index = panel.view.currentIndex()
        tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
        for shown in (panel.details.text(), full, copied, cited, tooltip):
            assert "«»" not in shown and "“”" not in shown, shown
        for e in finding.evidence:
            if e.end <= e.start:
                label = window.comparison.version(e.version).label
                assert f"{label}: {ABSENT}" in " ".join(full.split()) and f"{label}: {ABSENT}" in copied
                assert f"at character {e.start}: {ABSENT}" in cited
    window.close()
