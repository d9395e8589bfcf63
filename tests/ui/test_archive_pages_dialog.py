"""A web archive of many pages, opened or dropped: the window asks which pages to compare, by keyboard or mouse;
only the chosen pages' captures open, Cancel opens nothing of the archive, and reopening the case asks no more."""

from __future__ import annotations

import os
import subprocess
import sys

from app_helpers import WAIT_MS, drop_files, open_and_wait
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from archive_builders import ARTICLE_URL, OTHER_URL, article_html, build_wacz, build_warc

DATES = ("2024-03-01T09:00:00Z", "2024-03-04T10:30:00Z", "2024-03-06T12:00:00Z")
WEATHER_URL = "https://www.example-news.com/weather/2024/03/05/storm-warning-lifted"


def crawl(tmp_path, name="crawl.wacz"):
    """A crawl of three pages: the article twice and a revisit of it, the sport page and the weather page once."""
    warc = build_warc([(ARTICLE_URL, DATES[0], article_html(closed_days="ten")),
                       (OTHER_URL, DATES[1], article_html(closed_days="two", title="Final score")),
                       (ARTICLE_URL, DATES[1], article_html(closed_days="fourteen")),
                       (WEATHER_URL, DATES[2], article_html(closed_days="one", title="Storm warning lifted"))],
                      revisits=[(ARTICLE_URL, DATES[2], 2)])
    path = tmp_path / name
    path.write_bytes(build_wacz(warc, [(ARTICLE_URL, DATES[0], "Bridge"), (OTHER_URL, DATES[1], "Score"),
                                       (WEATHER_URL, DATES[2], "Weather")]))
    return path


def reader_copy(tmp_path):
    note = tmp_path / "reader-copy.txt"
    note.write_text("Harbour bridge closed after storm damage\n\nThe harbour bridge will stay closed for ten days "
                    "after Tuesday's storm damaged two of its cables, the city's transport office said on Friday.",
                    encoding="utf-8")
    return note


def saved_sport_page(tmp_path):
    """The sport page as a reader saved it from the site: its canonical address is the sport page's."""
    page = tmp_path / "final-score.html"
    page.write_bytes(article_html(closed_days="three", title="Final score").replace(ARTICLE_URL.encode(),
                                                                                    OTHER_URL.encode()))
    return page


def question(qtbot, window):
    qtbot.waitUntil(lambda: window.opening.dialog is not None and window.opening.dialog.isVisible(), timeout=WAIT_MS)
    return window.opening.dialog


def rows(dialog):
    return [[dialog.proxy.index(r, c).data() for c in range(4)] for r in range(dialog.proxy.rowCount())]


def targets(window):
    return [v.metadata.capture.target_uri if v.metadata.capture else v.label for v in window.comparison.versions]


def test_opened_with_the_file_dialog_the_pages_are_listed_and_enter_opens_the_most_captured(
        qtbot, window, tmp_path, monkeypatch):
    path, note = crawl(tmp_path), reader_copy(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(note), str(path)], ""))
    window.actions_.open.trigger()
    dialog = question(qtbot, window)
    assert dialog.windowTitle() == "Pages of crawl.wacz"
    assert rows(dialog) == [[ARTICLE_URL, 3, "2024-03-01 09:00 UTC", "2024-03-06 12:00 UTC"],
                            [OTHER_URL, 1, "2024-03-04 10:30 UTC", "2024-03-04 10:30 UTC"],
                            [WEATHER_URL, 1, "2024-03-06 12:00 UTC", "2024-03-06 12:00 UTC"]]
    # a text file says no address: the page captured most often is offered
    assert dialog.checked() == [ARTICLE_URL] and dialog.open_button.text() == "Open 1 page"
    assert window.stack.currentWidget() is window.welcome  # nothing opens before the answer
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert targets(window) == ["reader-copy.txt", ARTICLE_URL, ARTICLE_URL, ARTICLE_URL]
    assert [v.metadata.capture.time for v in window.comparison.versions[1:]] == list(DATES)
    assert not any("different pages" in w for v in window.comparison.versions for w in v.warnings)


def test_dropped_with_a_saved_page_the_page_it_is_about_is_offered(qtbot, window, tmp_path):
    page, path = saved_sport_page(tmp_path), crawl(tmp_path)
    drop_files(window.welcome, [page, path])
    dialog = question(qtbot, window)
    assert dialog.checked() == [OTHER_URL]
    assert dialog.view.currentIndex().data() == OTHER_URL
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        qtbot.keyClick(dialog.view, Qt.Key.Key_Enter)
    assert targets(window) == ["final-score.html", OTHER_URL]


def test_cancel_opens_nothing_of_the_archive_and_keeps_the_case(qtbot, window, tmp_path):
    note = reader_copy(tmp_path)
    later = tmp_path / "later.warc.gz"
    later.write_bytes(build_warc([(ARTICLE_URL, "2024-03-09T08:00:00Z", article_html(closed_days="twelve"))]))
    open_and_wait(qtbot, window, [note, later])
    before = window.comparison
    drop_files(window.panes.pane("v1").editor.viewport(), [crawl(tmp_path)])
    dialog = question(qtbot, window)
    assert dialog.checked() == [ARTICLE_URL]  # the page the case is about
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.opening.dialog is None)
    assert window.comparison is before and not window.runner.is_busy()
    assert window.statusBar().currentMessage() == "Nothing was opened from crawl.wacz."
    # with other files, only the archive is left out
    other = tmp_path / "other-note.txt"
    other.write_text("The bridge stays closed for fourteen days, the transport office said.", encoding="utf-8")
    drop_files(window.panes.pane("v1").editor.viewport(), [crawl(tmp_path), other])
    dialog = question(qtbot, window)
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        dialog.buttons.rejected.emit()
    assert targets(window) == ["reader-copy.txt", ARTICLE_URL, "other-note.txt"]


def test_typing_filters_the_pages_and_space_checks_the_one_shown(qtbot, window, tmp_path):
    drop_files(window.welcome, [crawl(tmp_path)])
    dialog = question(qtbot, window)
    qtbot.keyClicks(dialog.filter, "WEATHER")
    assert [r[0] for r in rows(dialog)] == [WEATHER_URL]
    assert dialog.view.currentIndex().data() == WEATHER_URL
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Space)
    assert dialog.checked() == [ARTICLE_URL, WEATHER_URL]
    assert "1 of them hidden by the filter" in dialog.status.text()
    dialog.filter.clear()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Up)  # from the weather page to the sport page
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Up)  # and to the article
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Space)  # unchecked
    assert dialog.checked() == [WEATHER_URL] and dialog.open_button.text() == "Open 1 page"
    qtbot.keyClicks(dialog.filter, "nowhere")
    assert dialog.proxy.rowCount() == 0 and "0 of 3 pages shown" in dialog.status.text()
    dialog.filter.clear()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Space)
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert targets(window) == [ARTICLE_URL, ARTICLE_URL, WEATHER_URL, ARTICLE_URL]  # in capture order


def test_with_none_checked_ctrl_and_shift_pick_the_pages(qtbot, window, tmp_path):
    drop_files(window.welcome, [crawl(tmp_path)])
    dialog = question(qtbot, window)
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Space)  # the article unchecked: nothing checked
    assert dialog.checked() == []
    qtbot.keyClick(dialog.view, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.chosen() == [OTHER_URL, WEATHER_URL] and dialog.open_button.text() == "Open 2 pages"
    first = dialog.view.visualRect(dialog.proxy.index(0, 1)).center()
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, first)
    assert dialog.chosen() == [ARTICLE_URL, OTHER_URL, WEATHER_URL]
    qtbot.keyClicks(dialog.view, "sport")  # typing in the list goes to the filter box
    assert dialog.filter.text() == "sport" and dialog.focusWidget() is dialog.filter


def test_reopening_the_case_asks_no_more(qtbot, window, tmp_path):
    path, note = crawl(tmp_path), reader_copy(tmp_path)
    drop_files(window.welcome, [note, path])
    dialog = question(qtbot, window)
    qtbot.keyClicks(dialog.filter, "sport")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Space)
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    chosen = targets(window)
    assert chosen == ["reader-copy.txt", ARTICLE_URL, OTHER_URL, ARTICLE_URL, ARTICLE_URL]
    window.close_case()
    qtbot.waitUntil(lambda: window.welcome.recent.count() == 1)
    assert "crawl.wacz" in window.welcome.recent.item(0).text() and window.welcome.recent.item(0).text().count(",") == 1
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.actions_.recent_menu.actions()[0].trigger()
        assert window.opening.dialog is None
    assert targets(window) == chosen
    window.close_case()
    item = window.welcome.recent.item(0)
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.welcome.recent.itemActivated.emit(item)
    assert targets(window) == chosen


def test_two_crawls_dropped_together_are_asked_in_turn_the_second_offering_the_first_choice(qtbot, window, tmp_path):
    first, second = crawl(tmp_path, "monday.wacz"), crawl(tmp_path, "tuesday.wacz")
    drop_files(window.welcome, [tmp_path])  # the folder holding both
    dialog = question(qtbot, window)
    assert dialog.windowTitle() == "Pages of monday.wacz"
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Space)
    assert dialog.checked() == [OTHER_URL]
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.opening.dialog is not dialog and window.opening.dialog is not None)
    dialog = question(qtbot, window)
    assert dialog.windowTitle() == "Pages of tuesday.wacz" and dialog.checked() == [OTHER_URL]
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert targets(window) == [OTHER_URL, OTHER_URL]
    assert [v.path for v in window.comparison.versions] == [str(first), str(second)]


def test_after_filtering_the_page_space_and_enter_act_on_is_highlighted(qtbot, window, tmp_path):
    drop_files(window.welcome, [crawl(tmp_path)])
    dialog = question(qtbot, window)
    for text in ("sport", "weather", "e"):
        dialog.filter.clear()
        qtbot.keyClicks(dialog.filter, text)
        current = dialog.view.currentIndex()
        assert current.isValid() and dialog.view.selectionModel().isRowSelected(current.row())


def test_cancel_for_an_archive_inside_a_dropped_folder_opens_the_rest_of_the_folder(qtbot, window, tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    crawl(folder)
    reader_copy(folder)
    (folder / "second-copy.txt").write_text("The harbour bridge will stay closed for fourteen days.", encoding="utf-8")
    drop_files(window.welcome, [folder])
    dialog = question(qtbot, window)
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)
    assert targets(window) == ["reader-copy.txt", "second-copy.txt"]


def test_cancel_for_a_folder_holding_only_the_archive_opens_nothing(qtbot, window, tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    crawl(folder)
    drop_files(window.welcome, [folder])
    dialog = question(qtbot, window)
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.opening.dialog is None)
    qtbot.wait(300)
    assert window.stack.currentWidget() is window.welcome and window.comparison is None
    assert not window.runner.is_busy()


def _screenshot(tmp_path, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VARIORUM_DATA_DIR=str(tmp_path / "data"))
    out = tmp_path / "shot.png"
    proc = subprocess.run([sys.executable, "-m", "variorum", *args, "--screenshot", str(out)], env=env,
                          capture_output=True, text=True, timeout=120)
    return proc, out


def test_a_screenshot_of_a_crawl_says_which_pages_it_holds_instead_of_waiting_for_an_answer(tmp_path):
    """Nobody can answer the question in a screenshot: the app lists the pages, as ``compare`` does, and exits."""
    proc, out = _screenshot(tmp_path, str(crawl(tmp_path)))
    assert proc.returncode == 2 and not out.exists()
    assert "crawl.wacz holds captures of 3 pages; choose one with --url URL" in proc.stderr
    assert ARTICLE_URL in proc.stderr and OTHER_URL in proc.stderr and WEATHER_URL in proc.stderr


def test_a_crawl_opened_with_a_page_named_on_the_command_line_asks_nothing(tmp_path):
    proc, out = _screenshot(tmp_path, str(crawl(tmp_path)), "--url", ARTICLE_URL)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_page_named_for_the_window_opens_only_its_captures(qtbot, window, tmp_path):
    written_otherwise = ARTICLE_URL.replace("https://www.example-news.com", "http://EXAMPLE-NEWS.com") + "/"
    window.add_paths([crawl(tmp_path)], url=written_otherwise)  # the same page, by the one URL rule
    assert window.opening.dialog is None
    qtbot.waitUntil(lambda: window.session.is_final(), timeout=WAIT_MS)
    assert targets(window) == [ARTICLE_URL] * 3


def test_the_base_and_hidden_captures_of_one_archive_come_back_when_it_is_reopened(qtbot, window, tmp_path):
    """Captures of one archive share its path: the choices were kept by path, so reopening put the base on the
    last capture and hid every capture of the file (or none)."""
    drop_files(window.welcome, [crawl(tmp_path)])
    dialog = question(qtbot, window)
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)  # the article, captured three times
    times = [v.metadata.capture.time for v in window.comparison.versions]
    assert times == list(DATES)
    second, third = (v.id for v in window.comparison.versions[1:])
    versions = window.docks.versions
    versions.set_current(second)
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        versions.act_base.trigger()
    versions.set_current(third)
    versions.view.setFocus()
    qtbot.keyClick(versions.view, Qt.Key.Key_Space)  # hide the third capture
    assert window.session.hidden_ids() == {third}
    window.close_case()
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.actions_.recent_menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: window.session.is_final() and not window.runner.is_busy(), timeout=WAIT_MS)
    c = window.comparison
    capture_time = {v.id: v.metadata.capture.time for v in c.versions}
    assert capture_time[c.base] == DATES[1]
    assert {capture_time[h] for h in window.session.hidden_ids()} == {DATES[2]}
