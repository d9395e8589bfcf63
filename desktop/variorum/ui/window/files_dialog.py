"""Which files of a large folder to open: asked when a folder holds more files than one case can show.

The files are listed by their path inside the folder, with their size and when they were last changed; choosing
works as in every :class:`~variorum.ui.window.choice_dialog.ChoiceDialog`, up to the most a case opens from one
folder.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QWidget

from variorum.core.report.presentation import size
from variorum.ui.window.choice_dialog import ChoiceDialog, Row, Wording

COLUMNS = ("File", "Size", "Changed")
FILES = Wording("file", "files", "Type to filter the files by name or subfolder")


def _row(folder: Path, path: Path) -> Row:
    try:
        stat = path.stat()
    except OSError:  # gone or unreadable: it is listed, and opening it says why
        return Row(str(path), (_inside(folder, path), "—", "—"), sort=(None, -1, 0.0))
    changed = time.strftime("%Y-%m-%d %H:%M", time.localtime(stat.st_mtime))
    return Row(str(path), (_inside(folder, path), size(stat.st_size), changed),
               sort=(None, stat.st_size, stat.st_mtime))


def _inside(folder: Path, path: Path) -> str:
    try:
        return str(path.relative_to(folder))
    except ValueError:
        return str(path)


class FilesDialog(ChoiceDialog):
    """The files of one folder to choose from (at most ``most``); :meth:`chosen` gives their paths."""

    def __init__(self, folder: Path, files: Sequence[Path], most: int, parent: QWidget | None = None) -> None:
        intro = (f"<b>{folder.name or folder}</b> holds {len(files)} files that can be compared; a case opens at "
                 f"most {most} of them. Choose the files to compare: check them with Space, or filter the list and "
                 "highlight them (Ctrl+A in the list highlights every file shown).")
        super().__init__(f"Files of {folder.name or folder}", intro, COLUMNS, [_row(folder, f) for f in files],
                         FILES, most=most, parent=parent)
