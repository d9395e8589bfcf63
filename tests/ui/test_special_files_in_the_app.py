"""Named pipes, devices and sockets dropped on the window: each is a version with its message, the other files
are compared, and the window stays responsive (a named pipe called x.txt used to hang the app for good, and the
window could not even be closed)."""

from __future__ import annotations

import os
import subprocess
import sys

from app_helpers import WAIT_MS, drop_files
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from special_files import fifo_with_writer
from variorum.core.load.files import ONLY_FILES
from variorum.ui.versions.model import COL_VERSION

ARTICLE = "The council approved the budget on Tuesday, the mayor said. It passed by {} votes.\n"


def _refused(kind: str) -> str:
    return f"This is {kind}, not a file with a document in it; {ONLY_FILES}."


def test_a_pipe_and_a_device_opened_with_articles_are_versions_with_their_messages(qtbot, window, tmp_path,
                                                                                    monkeypatch):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(ARTICLE.format("five"), encoding="utf-8")
    second.write_text(ARTICLE.format("six"), encoding="utf-8")
    pipe, zero = tmp_path / "x.txt", tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    chosen = [str(p) for p in (first, pipe, zero, second)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    with fifo_with_writer(pipe, ARTICLE.format("nine").encode()), \
            qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.actions_.open.trigger()
    errors = {v.label: v.error for v in window.comparison.versions}
    assert errors == {"first.txt": None, "x.txt": _refused("a named pipe (FIFO)"), "zero.txt": _refused("a device"),
                      "second.txt": None}
    model = window.docks.versions.model
    tip = model.index(1, COL_VERSION).data(Qt.ItemDataRole.ToolTipRole)
    assert "named pipe" in tip
    assert [f.kind for f in window.comparison.findings] == ["number-changed"]  # five → six, the readable ones compared
    assert window.close()


def test_a_pipe_dropped_on_an_open_case_joins_it_as_a_version_with_its_message(qtbot, window, tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(ARTICLE.format("five"), encoding="utf-8")
    second.write_text(ARTICLE.format("six"), encoding="utf-8")
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        drop_files(window.welcome, [first, second])
    pipe = tmp_path / "late.txt"
    with fifo_with_writer(pipe, ARTICLE.format("nine").encode()), \
            qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        drop_files(window.panes.pane("v1").editor.viewport(), [pipe])
    assert [(v.label, v.error) for v in window.comparison.versions] == [
        ("first.txt", None), ("second.txt", None), ("late.txt", _refused("a named pipe (FIFO)"))]


def test_a_folder_of_many_files_shown_without_asking_prints_no_layout_warnings(tmp_path):
    """A folder of 5,000 files made the app give up, printing 1,280 QSplitter warnings."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    for n in range(300):
        (folder / f"draft-{n:03}.txt").write_text(ARTICLE.format(n), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VARIORUM_DATA_DIR=str(tmp_path / "data"))
    out = tmp_path / "shot.png"
    proc = subprocess.run([sys.executable, "-m", "variorum", str(folder), "--screenshot", str(out)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "QSplitter" not in proc.stderr and out.exists()
