"""The main window driven as a user would: drop, open, keys, clicks, toggles."""

from __future__ import annotations

import threading

import pytest
from app_helpers import WAIT_MS, drop_files, open_and_wait, painted_kinds
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from variorum import logs
from variorum.core import case as case_module
from variorum.core.model import Evidence, Finding
from variorum.ui.palette import FORMAT_KIND_PROPERTY
from variorum.ui.window.main_window import MainWindow


def pane_ids(window) -> list[str]:
    return [p.version_id for p in window.panes.panes()]


def test_starts_on_the_welcome_view(window):
    assert window.stack.currentWidget() is window.welcome


def test_dropping_files_on_the_window_opens_them(qtbot, window, seed_paths):
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        drop_files(window.welcome, seed_paths[:3])
    assert [v.label for v in window.comparison.versions] == [p.name for p in seed_paths[:3]]
    assert pane_ids(window) == ["v1", "v2", "v3"]
    # Dropping more files on a pane adds them to the open case.
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        drop_files(window.panes.pane("v1").editor.viewport(), seed_paths[3:])
    assert pane_ids(window) == ["v1", "v2", "v3", "v4", "v5"]
    assert window.comparison.relations["v4"].kind == "related"


def test_dropping_a_folder_adds_every_file_in_it(qtbot, window, darwin_paths):
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        drop_files(window.welcome, [darwin_paths[0].parent])
    assert len(window.panes.panes()) == len(darwin_paths) == 6


def test_open_action_adds_the_chosen_files(qtbot, window, seed_paths, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(p) for p in seed_paths[:3]], "Articles"))
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.actions_.open.trigger()
    assert len(window.panes.panes()) == 3
    assert window.comparison.base == "v2"  # the most complete version


def test_alt_down_selects_the_next_difference_in_every_pane(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    c = window.comparison
    base, compared = c.base, window.compared
    expected = [d for d in c.differences if d.version == compared and not d.cosmetic]
    expected.sort(key=lambda d: (d.base.start, d.base.end))
    editor = window.panes.pane(base).editor
    editor.setFocus()
    for d in expected[:3]:
        qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        assert window.panes.pane(base).selected_range() == (d.base.start, d.base.end)
        assert window.panes.pane(compared).selected_range() == (d.other.start, d.other.end)
        third = next(vid for vid in pane_ids(window) if vid not in (base, compared))
        s, e = window.panes.pane(third).selected_range()
        assert window.panes.alignment.counterpart(d, third) == (s, e)
    qtbot.keyClick(editor, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    d = expected[1]
    assert window.panes.pane(base).selected_range() == (d.base.start, d.base.end)


def test_hiding_cosmetic_differences_changes_the_highlighted_ranges(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    pane = window.panes.pane(window.compared)
    assert window.actions_.hide_cosmetic.isChecked()  # hidden by default
    hidden = painted_kinds(pane)
    assert "cosmetic" not in hidden and hidden
    window.actions_.hide_cosmetic.trigger()
    shown = painted_kinds(pane)
    assert shown.count("cosmetic") > 0
    assert len(shown) > len(hidden)
    window.actions_.hide_cosmetic.trigger()
    assert painted_kinds(pane) == hidden


def test_insertions_and_deletions_are_not_told_by_colour_alone(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    base_pane = window.panes.pane(window.comparison.base)
    block = base_pane.editor.document().firstBlock()
    deletes = []
    while block.isValid():
        for r in block.layout().formats():
            if r.format.property(FORMAT_KIND_PROPERTY) == "delete":
                deletes.append(r.format.fontStrikeOut())
        block = block.next()
    assert deletes and all(deletes)


def test_a_bad_file_shows_its_error_while_the_others_compare(qtbot, window, seed_paths, tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"")
    open_and_wait(qtbot, window, [seed_paths[0], bad, seed_paths[1]])
    c = window.comparison
    broken = next(v for v in c.versions if v.label == "broken.txt")
    assert broken.error
    model = window.docks.versions.model
    row = model.row_of(broken.id)
    shown = model.index(row, 0).data()
    assert "could not read" in shown and broken.error in shown
    assert broken.id not in pane_ids(window)
    assert c.base is not None and any(d.version != broken.id for d in c.differences)
    assert painted_kinds(window.panes.pane(c.base))


def test_a_stale_result_is_dropped(qtbot, window, seed_paths, darwin_paths, monkeypatch):
    entered, release = threading.Event(), threading.Event()
    original = case_module.compare_versions

    def slow_first(versions, *, options, progress, cancelled):
        if not entered.is_set():
            entered.set()
            release.wait(WAIT_MS / 1000)
            return original(versions, options=options)  # finishes although it was superseded
        return original(versions, options=options, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(case_module, "compare_versions", slow_first)
    results = []
    window.runner.finished.connect(results.append)
    window.add_paths(seed_paths[:3])
    qtbot.waitUntil(entered.is_set, timeout=WAIT_MS)
    window.close_case()
    with qtbot.waitSignal(window.runner.staleDropped, timeout=WAIT_MS), \
            qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.add_paths(darwin_paths[:2])
        release.set()
    assert [v.label for v in window.comparison.versions] == [p.name for p in darwin_paths[:2]]
    assert all(len(r.versions) == 2 for r in results)


def test_cancel_keeps_the_texts(qtbot, window, seed_paths, monkeypatch):
    entered = threading.Event()
    original = case_module.compare_versions

    def wait_for_cancel(versions, *, options, progress, cancelled):
        entered.set()
        pause = threading.Event()
        while not cancelled():  # the worker thread waits for the user's Cancel
            pause.wait(0.01)
        return original(versions, options=options, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(case_module, "compare_versions", wait_for_cancel)
    window.add_paths(seed_paths[:2])
    qtbot.waitUntil(entered.is_set, timeout=WAIT_MS)
    assert window.progress.isVisible()
    with qtbot.waitSignal(window.runner.cancelled, timeout=WAIT_MS):
        qtbot.mouseClick(window.progress.cancel, Qt.MouseButton.LeftButton)
    assert not window.progress.isVisible()
    qtbot.waitUntil(lambda: not window.panes.is_filling(), timeout=WAIT_MS)
    assert len(window.panes.panes()) == 2
    assert window.panes.pane("v1").editor.toPlainText().strip()


def test_clicking_a_highlight_selects_its_counterpart_in_every_pane(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    c = window.comparison
    compared = window.compared
    d = next(d for d in c.differences if d.version == compared and not d.cosmetic and d.other.end > d.other.start)
    pane = window.panes.pane(compared)
    pane.select(d.other.start, d.other.end)  # scroll it into view
    cursor = QTextCursor(pane.editor.document())
    cursor.setPosition(pane.to_qt(d.other.start + 1))
    point = pane.editor.cursorRect(cursor).center()
    pane.clear_selection()
    window.panes.pane(c.base).clear_selection()
    qtbot.mouseClick(pane.editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert pane.selected_range() == (d.other.start, d.other.end)
    assert window.panes.pane(c.base).selected_range() == (d.base.start, d.base.end)


def test_activating_a_finding_selects_its_evidence_in_every_pane(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    c = window.comparison
    evidence = []
    for v in c.versions:
        start = v.text.find("Lukashenko")
        evidence.append(Evidence(v.id, start, start + len("Lukashenko"), "Lukashenko"))
    finding = Finding("f-test", "name-changed", "medium", tuple(v.id for v in c.versions), "A name", tuple(evidence))
    window.docks.findingActivated.emit(finding)
    for e in evidence:
        assert window.panes.pane(e.version).selected_range() == (e.start, e.end)


def test_ctrl_page_down_changes_the_compared_version(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    first = window.compared
    qtbot.keyClick(window.panes.pane(first).editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    second = window.compared
    assert second != first and second != window.comparison.base
    assert window.panes.pane(second).role.full_text().startswith("compared")
    base_spans = window.panes.pane(window.comparison.base).painted_ranges()
    ranges = {(d.base.start, d.base.end) for d in window.comparison.differences
              if d.version == second and not d.cosmetic}
    assert {(s, e) for s, e, _k in base_spans} <= ranges
    qtbot.keyClick(window.panes.pane(second).editor, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.compared == first


def test_find_searches_every_version(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    qtbot.keyClick(window.panes.pane("v1").editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.edit, "lukashenko")
    qtbot.waitUntil(lambda: bool(window.find_bar.hits()), timeout=WAIT_MS)  # searched once typing pauses
    hits = window.find_bar.hits()
    assert {vid for vid, _s, _e in hits} == {"v1", "v2", "v3"}
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    vid, s, e = hits[0]
    assert window.panes.pane(vid).selected_range() == (s, e)
    assert window.comparison.version(vid).text[s:e] == "Lukashenko"


def test_paste_adds_a_version(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:2])
    text = seed_paths[2].read_text(encoding="utf-8")
    QCoreApplication.instance().clipboard().setText(text)
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.actions_.paste.trigger()
    assert window.comparison.versions[-1].label == "Pasted text 1"
    assert len(window.panes.panes()) == 3


def test_open_recent_reopens_the_last_case(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:2])
    window.close_case()
    assert window.welcome.recent.count() == 1
    actions = window.actions_.recent_menu.actions()
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        actions[0].trigger()
    assert [v.label for v in window.comparison.versions] == [p.name for p in seed_paths[:2]]


def test_the_cosmetic_option_persists(qtbot, window, tmp_path):
    window.actions_.hide_cosmetic.trigger()
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert not again.actions_.hide_cosmetic.isChecked()


def test_removing_a_version_compares_again(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.docks.versions.removeRequested.emit("v3")
    assert pane_ids(window) == ["v1", "v2"]


def test_choosing_another_base_compares_again(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.docks.versions.baseRequested.emit("v3")
    assert window.comparison.base == "v3"
    assert window.panes.pane("v3").role.full_text() == "base"


def test_files_dropped_on_a_text_field_open_as_versions(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:2])
    body = window.case_notes.panel.body_edit
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        drop_files(body.viewport(), seed_paths[2:3])
    assert len(window.panes.panes()) == 3
    assert body.toPlainText() == ""  # not pasted into the note as a file name


def test_when_no_file_can_be_read_the_window_says_so(qtbot, window, tmp_path):
    bad = [tmp_path / "empty.txt", tmp_path / "also-empty.txt"]
    for p in bad:
        p.write_bytes(b"")
    open_and_wait(qtbot, window, bad)
    assert window.comparison.base is None
    assert window.panes.empty.isVisible()
    assert "could be read" in window.panes.empty.text()
    assert "could not be read" in window.statusBar().currentMessage()


def test_each_paste_gets_its_own_name(qtbot, window, seed_paths):
    clipboard = QCoreApplication.instance().clipboard()
    for path in seed_paths[:2]:
        clipboard.setText(path.read_text(encoding="utf-8"))
        with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
            window.actions_.paste.trigger()
    assert [v.label for v in window.comparison.versions] == ["Pasted text 1", "Pasted text 2"]


def test_text_missing_from_a_version_is_marked_where_it_would_be(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    compared = window.compared
    stops = window.panes.stops()
    index = next(i for i, s in enumerate(stops) if s.difference.kind == "delete")
    for _ in range(index + 1):
        window.actions_.next_diff.trigger()
    d = stops[index].difference
    pane = window.panes.pane(compared)
    assert pane.selected_range() == (d.other.start, d.other.start)
    assert pane.editor.marker == pane.place_qt(d.other.start, empty=True)  # atop any filler space there
    window.actions_.next_diff.trigger()
    if stops[index + 1].difference.other.end > stops[index + 1].difference.other.start:
        assert pane.editor.marker is None


def test_selections_stay_on_the_right_words_after_emoji(qtbot, window, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Fans 😀😀 cheered 𝒳 as the 80% turnout was announced.\n\nA second paragraph here.", encoding="utf-8")
    b.write_text("Fans 😀😀 cheered 𝒳 as the 85% turnout was announced.\n\nA second paragraph here.", encoding="utf-8")
    open_and_wait(qtbot, window, [a, b])
    window.actions_.next_diff.trigger()
    d = window.navigator.current.difference
    for vid, span in ((window.comparison.base, d.base), (d.version, d.other)):
        pane = window.panes.pane(vid)
        assert pane.selected_range() == (span.start, span.end)
        assert pane.editor.textCursor().selectedText() == span.text
    assert {d.base.text, d.other.text} == {"80%", "85%"}


def test_a_very_common_word_is_counted_everywhere_but_marked_within_limits(qtbot, window, tmp_path):
    from variorum.ui.panes.find_bar import MAX_MARKED_PER_PANE

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("the cat and the dog. " * 800, encoding="utf-8")
    b.write_text("the cat and the dog! " * 800, encoding="utf-8")
    open_and_wait(qtbot, window, [a, b])
    window.actions_.find.trigger()
    qtbot.keyClicks(window.find_bar.edit, "the")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert len(window.find_bar.hits()) == 2 * 1600
    assert all(len(p.editor.extraSelections()) <= MAX_MARKED_PER_PANE + 1 for p in window.panes.panes())
    assert "marked" in window.find_bar.count.text() or "Match" in window.find_bar.count.text()


def test_a_recent_case_whose_files_are_gone_is_forgotten(qtbot, window, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("One version of the story, with a date: 3 May.", encoding="utf-8")
    b.write_text("Another version of the story, with a date: 4 May.", encoding="utf-8")
    open_and_wait(qtbot, window, [a, b])
    window.close_case()
    a.unlink()
    b.unlink()
    window.actions_.recent_menu.actions()[0].trigger()
    assert window.stack.currentWidget() is window.welcome
    assert "exist any more" in window.statusBar().currentMessage()
    assert window.welcome.recent.count() == 0


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform cannot raise the tooltip window
def test_hovering_a_highlight_explains_it(qtbot, window, seed_paths):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    open_and_wait(qtbot, window, seed_paths[:3])
    compared = window.compared
    d = next(d for d in window.comparison.differences
             if d.version == compared and not d.cosmetic and d.other.end > d.other.start)
    pane = window.panes.pane(compared)
    pane.select(d.other.start, d.other.end)  # bring it on screen
    cursor = QTextCursor(pane.editor.document())
    cursor.setPosition(pane.to_qt(d.other.start + 1))
    pos = pane.editor.cursorRect(cursor).center()
    viewport = pane.editor.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QHelpEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    assert "adds" in QToolTip.text() or "has" in QToolTip.text()
    QToolTip.hideText()


def test_the_drop_zone_lights_up_while_files_are_dragged_over(qtbot, window, seed_paths):
    import warnings

    from app_helpers import file_mime
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent
    from PySide6.QtWidgets import QApplication

    mime = file_mime(seed_paths[:1])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert "highlight" in window.welcome.drop_zone.styleSheet()
    QApplication.sendEvent(window, QDragLeaveEvent())
    assert "highlight" not in window.welcome.drop_zone.styleSheet()


def test_a_bug_in_the_comparison_is_logged_with_its_traceback_and_shown_in_one_line(
        qtbot, window, monkeypatch, seed_paths):
    def broken_compare(*args, **kwargs):
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(case_module, "compare_versions", broken_compare)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    logs.configure()
    with qtbot.waitSignal(window.runner.failed, timeout=WAIT_MS) as failed:
        window.add_paths(seed_paths[:2])
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)

    (message,) = failed.args
    assert message == "ZeroDivisionError: float division by zero"
    assert message in shown[0] and "Traceback" not in shown[0]
    log = logs.log_path().read_text(encoding="utf-8")
    assert "ERROR variorum.ui.worker: The comparison failed" in log
    assert "Traceback (most recent call last)" in log and "in broken_compare" in log


def test_the_drop_zone_names_every_kind_of_file_it_accepts(window):
    """It listed five kinds while web archives and screenshots were accepted too."""
    from PySide6.QtWidgets import QLabel

    from variorum.core.extensions import EXTENSIONS

    shown = " ".join(label.text() for label in window.welcome.drop_zone.findChildren(QLabel))
    named = {"text": "Text", "markdown": "Markdown", "html": "HTML", "pdf": "PDF", "docx": "DOCX", "warc": "WARC",
             "wacz": "WACZ", "image": "PNG"}
    assert [fmt for fmt in sorted(set(EXTENSIONS.values())) if named[fmt] not in shown] == []
