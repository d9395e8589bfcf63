"""Helpers for driving the main window in tests: open files and wait until the comparison is on screen."""

from __future__ import annotations

import warnings
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

WAIT_MS = 20000


def make_window(qtbot, tmp_path, width: int = 1400, height: int = 900):
    """A shown main window; its settings live in the test's data folder (``$VARIORUM_DATA_DIR``)."""
    from variorum.ui.window.main_window import MainWindow

    QCoreApplication.setOrganizationName("VariorumTests")
    QCoreApplication.setApplicationName("variorum-tests")
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(width, height)
    w.show()
    qtbot.waitExposed(w)
    return w


def open_and_wait(qtbot, window, paths) -> None:
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.add_paths([Path(p) for p in paths])


def file_mime(paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(Path(p).resolve())) for p in paths])
    return mime


def drop_files(widget, paths, pos: QPoint | None = None) -> None:
    """Drag files over ``widget`` and drop them; like Qt, the nearest widget that accepts drops gets them."""
    target = widget
    pos = pos or widget.rect().center()
    while target is not None and not target.acceptDrops():
        pos = target.mapToParent(pos)
        target = target.parentWidget()
    assert target is not None, "nothing under the cursor accepts drops"
    actions = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
    mime = file_mime(paths)  # keep a reference: the events do not own it
    with warnings.catch_warnings():  # the QPoint form, the only one before Qt 6.12, is deprecated since
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted(), "the drag was refused"
    drop = QDropEvent(QPointF(pos), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()


def painted_kinds(pane) -> list[str]:
    return [kind for _s, _e, kind in pane.painted_ranges()]


def label_of(window, version_id: str) -> str:
    return window.comparison.version(version_id).label
