"""The window's panels drive the panes: a clicked finding, a hidden version, the overview strip, the demo."""

from __future__ import annotations

import dataclasses

from app_helpers import WAIT_MS, make_window, open_and_wait, painted_kinds
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from variorum.core import case as case_module
from variorum.core.model import Evidence, Finding
from variorum.ui.palette import FORMAT_KIND_PROPERTY


def _with_a_finding(monkeypatch, word: str) -> None:
    """Findings come from the checks; here one is added to every comparison, citing ``word`` everywhere."""
    original = case_module.compare_versions

    def compare(versions, **kwargs):
        c = original(versions, **kwargs)
        evidence = []
        for v in c.versions:
            if v.ok and word in v.text:
                start = v.text.index(word)
                evidence.append(Evidence(v.id, start, start + len(word), word))
        finding = Finding("f-test", "name-changed", "medium", tuple(e.version for e in evidence),
                          f"'{word}' is cited", tuple(evidence))
        return dataclasses.replace(c, findings=(finding,))

    monkeypatch.setattr(case_module, "compare_versions", compare)


def test_clicking_a_finding_selects_its_evidence_in_every_pane(qtbot, window, seed_paths, monkeypatch):
    _with_a_finding(monkeypatch, "Peskov")
    open_and_wait(qtbot, window, seed_paths)
    finding = window.comparison.findings[0]
    view = window.docks.findings.view
    index = view.model().index(0, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert len(finding.evidence) >= 3
    for e in finding.evidence:
        assert window.panes.pane(e.version).selected_range() == (e.start, e.end)


def test_related_coverage_shows_the_facts_findings_cite(qtbot, window, seed_paths, monkeypatch):
    _with_a_finding(monkeypatch, "Belarus")
    open_and_wait(qtbot, window, seed_paths)
    related = [v.id for v in window.comparison.versions if window.comparison.relations[v.id].kind == "related"]
    cited = {e.version for e in window.comparison.findings[0].evidence}
    for vid in related:
        kinds = painted_kinds(window.panes.pane(vid))
        assert kinds == (["fact-conflict"] if vid in cited else [])  # facts, never a word diff
    assert related and all(vid in cited for vid in related)


def test_hiding_a_version_in_the_list_removes_its_pane(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    versions = window.docks.versions
    versions.set_current("v3")
    versions.act_toggle.trigger()
    qtbot.waitUntil(lambda: not window.panes.is_filling(), timeout=WAIT_MS)
    assert [p.version_id for p in window.panes.panes()] == ["v1", "v2"]


def test_hiding_the_compared_version_compares_the_next_one(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    hidden = window.compared
    window.docks.versions.set_current(hidden)
    window.docks.versions.act_toggle.trigger()
    qtbot.waitUntil(lambda: not window.panes.is_filling(), timeout=WAIT_MS)
    assert hidden not in [p.version_id for p in window.panes.panes()]
    assert window.compared not in (hidden, window.comparison.base)
    assert window.panes.pane(window.compared).role.full_text().startswith("compared")


def test_the_overview_strip_jumps_to_the_nearest_difference(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    strip = window.panes.overview
    marks = strip.marks()
    assert marks
    last_start, last_end, _colour = marks[-1]
    h = strip.height() - 4
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(strip.width() // 2, int(2 + last_end * h)))
    stops = window.panes.stops()
    assert window.navigator.current == stops[-1]
    base = window.comparison.base
    assert window.panes.pane(base).selected_range() == (stops[-1].start, stops[-1].end)


def test_the_demo_button_opens_the_demo_case(qtbot, window):
    assert window.welcome.isVisible()
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert len(window.comparison.versions) == 5
    assert window.comparison.base is not None


def test_highlights_follow_a_palette_change(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    pane = window.panes.pane(window.compared)

    def insert_background() -> str:
        block = pane.editor.document().firstBlock()
        while block.isValid():
            for r in block.layout().formats():
                if r.format.property(FORMAT_KIND_PROPERTY) == "insert":
                    return r.format.background().color().name()
            block = block.next()
        return ""

    light = insert_background()
    app = QApplication.instance()
    old = app.palette()
    dark = QPalette(QColor("#202124"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#1b1b1b"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    try:
        app.setPalette(dark)
        qtbot.waitUntil(lambda: insert_background() not in ("", light), timeout=WAIT_MS)
        assert QColor(insert_background()).lightness() < QColor(light).lightness()
    finally:
        app.setPalette(old)


def test_eight_versions_stay_readable_and_scroll_sideways(qtbot, window, tmp_path):
    from variorum.ui.panes.diff_pane import PANE_MIN_WIDTH

    sentence = "the council approved the budget for the new bridge after a long debate on costs"
    words = sentence.split(" ")
    paths = []
    for i in range(8):
        text = " ".join(words[:i % len(words)] + [f"version{i}"] + words[i % len(words):])
        path = tmp_path / f"v{i}.txt"
        path.write_text(f"{text}.\n\nSecond paragraph, the same in every version of this short text.", encoding="utf-8")
        paths.append(path)
    open_and_wait(qtbot, window, paths)
    panes = window.panes.panes()
    assert len(panes) == 8
    assert all(p.width() >= PANE_MIN_WIDTH for p in panes)
    scroll = window.panes.scroll_area.horizontalScrollBar()
    assert scroll.maximum() > 0  # the panes do not squeeze below their minimum: the view scrolls
    for _ in range(len(panes)):
        window.actions_.next_version.trigger()
    last = window.panes.pane(window.compared)
    viewport = window.panes.scroll_area.viewport()
    left = last.mapTo(viewport, last.rect().topLeft()).x()
    assert left < viewport.width() and left + last.width() > 0  # the compared pane was brought into view


def test_a_finding_is_shown_also_when_the_panels_were_arranged_before(qtbot, tmp_path, seed_paths, monkeypatch):
    """The second start restores the docks as the user left them; clicking a finding must still lead to it."""
    _with_a_finding(monkeypatch, "Peskov")
    first = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, first, seed_paths[:2])
    first.close()  # the layout is saved
    first.runner.wait()
    second = make_window(qtbot, tmp_path)
    try:
        open_and_wait(qtbot, second, seed_paths)
        finding = second.comparison.findings[0]
        view = second.docks.findings.view
        index = view.model().index(0, 0)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
        for e in finding.evidence:
            assert second.panes.pane(e.version).selected_range() == (e.start, e.end)
    finally:
        second.runner.invalidate()
        second.runner.wait()
