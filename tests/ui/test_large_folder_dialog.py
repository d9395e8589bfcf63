"""A folder holding more files than a case can show, opened or dropped: the window asks which of them to open,
by keyboard or mouse, and opens only those (it used to open the first 50 by name, whatever the user wanted)."""

from __future__ import annotations

import os
import subprocess
import sys

from app_helpers import WAIT_MS, drop_files
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from variorum.core.load import MAX_FOLDER_VERSIONS

COUNT = MAX_FOLDER_VERSIONS + 12


def big_folder(tmp_path):
    """Drafts of a council story, one per day; a few days sit in a subfolder."""
    folder = tmp_path / "drafts"
    (folder / "late").mkdir(parents=True)
    for n in range(1, COUNT + 1):
        where = folder / "late" if n > COUNT - 3 else folder
        (where / f"draft-{n:03}.txt").write_text(
            f"The council approved the budget on day {n}, the mayor said. It passed by {n % 7 + 3} votes.\n",
            encoding="utf-8")
    return folder


def question(qtbot, window):
    qtbot.waitUntil(lambda: window.opening.dialog is not None and window.opening.dialog.isVisible(), timeout=WAIT_MS)
    return window.opening.dialog


def labels(window):
    return [v.label for v in window.comparison.versions]


def test_a_dropped_folder_of_too_many_files_asks_and_opens_the_files_filtered_and_highlighted(qtbot, window,
                                                                                                tmp_path):
    drop_files(window.welcome, [big_folder(tmp_path)])
    dialog = question(qtbot, window)
    assert dialog.windowTitle() == "Files of drafts"
    assert dialog.proxy.rowCount() == COUNT and dialog.checked() == []
    assert dialog.proxy.index(COUNT - 1, 0).data() == os.path.join("late", f"draft-{COUNT:03}.txt")
    assert dialog.proxy.index(0, 1).data().endswith("bytes")
    assert window.stack.currentWidget() is window.welcome  # nothing opens before the answer
    qtbot.keyClicks(dialog.filter, "draft-01")
    assert dialog.proxy.rowCount() == 10  # draft-010 … draft-019
    dialog.view.setFocus()  # Tab from the filter box
    qtbot.keyClick(dialog.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert dialog.open_button.text() == "Open 10 files" and dialog.open_button.isEnabled()
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert labels(window) == [f"draft-{n:03}.txt" for n in range(10, 20)]
    assert not any("only the first" in w for v in window.comparison.versions for w in v.warnings)


def test_more_files_than_a_case_opens_cannot_be_chosen(qtbot, window, tmp_path):
    drop_files(window.welcome, [big_folder(tmp_path)])
    dialog = question(qtbot, window)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.open_button.isEnabled()
    assert f"At most {MAX_FOLDER_VERSIONS} can be opened: {COUNT} are chosen." in dialog.status.text()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert dialog.isVisible() and window.comparison is None  # Enter does nothing then
    # Space checks files one by one; checked files are what opens
    qtbot.keyClick(dialog.view, Qt.Key.Key_Home)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    assert dialog.open_button.text() == "Open 2 files" and dialog.open_button.isEnabled()
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        dialog.open_button.click()
    assert labels(window) == ["draft-001.txt", "draft-002.txt"]


def test_cancel_opens_nothing_of_the_folder_and_the_other_files_dropped_with_it(qtbot, window, tmp_path):
    other = tmp_path / "wire-copy.txt"
    other.write_text("The council approved the budget, the mayor said. It passed by five votes.\n", encoding="utf-8")
    again = tmp_path / "wire-copy-2.txt"
    again.write_text("The council approved the budget, the mayor said. It passed by six votes.\n", encoding="utf-8")
    drop_files(window.welcome, [other, big_folder(tmp_path), again])
    dialog = question(qtbot, window)
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS), qtbot.waitSignal(window.opening.message) as told:
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)
    assert told.args == ["Nothing was opened from drafts."]
    assert labels(window) == ["wire-copy.txt", "wire-copy-2.txt"]


def test_a_screenshot_of_a_large_folder_opens_its_first_files_as_compare_does(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VARIORUM_DATA_DIR=str(tmp_path / "data"))
    out = tmp_path / "shot.png"
    proc = subprocess.run([sys.executable, "-m", "variorum", str(big_folder(tmp_path)), "--size", "1280x720",
                           "--screenshot", str(out)], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert QImage(str(out)).width() == 1280
