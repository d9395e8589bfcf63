"""Files and folders dropped anywhere on the window open as versions; nothing remote is ever fetched."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDropEvent


def local_paths(mime) -> list[str]:
    """The local files and folders carried by a drag (remote URLs are ignored: nothing is fetched)."""
    if mime is None or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


class FileDropFilter(QObject):
    """Installed on children that take drops themselves (the version list reorders rows, text fields take
    text): a drag carrying files is handled by ``on_drop`` instead, so it opens the files."""

    def __init__(self, on_drop: Callable[[list[str]], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_drop = on_drop

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if isinstance(event, QDropEvent) and local_paths(event.mimeData()):  # drag enter and move too
            if kind == QEvent.Type.Drop:
                self._on_drop(local_paths(event.mimeData()))
            event.acceptProposedAction()
            return True
        return False
