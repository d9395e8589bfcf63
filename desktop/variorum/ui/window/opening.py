"""Files opened or dropped on the window join the case; a folder of more files than a case can show, and a web
archive of many pages, first ask which of them.

Each folder of too many files gets a :class:`FilesDialog`, then each archive of many pages (alone, with other
files, or inside a dropped folder) a :class:`PagesDialog`, one after another; the page the other files of the
case are about is offered first. Cancelling opens nothing of that folder or archive and leaves every other file
and the open case as they are. A case reopened with the pages already chosen (Open Recent) does not ask again.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from variorum.core.extensions import EXTENSIONS
from variorum.core.load import MAX_FOLDER_VERSIONS, expand_paths, known_suffix, load_file
from variorum.core.load.archive_choice import ArchivePage, PageChoice, archive_key, preselected
from variorum.core.load.capture_versions import archive_pages, capture_kind
from variorum.core.model import Version
from variorum.ui.window.choice_dialog import ChoiceDialog
from variorum.ui.window.files_dialog import FilesDialog
from variorum.ui.window.pages_dialog import PagesDialog

log = logging.getLogger(__name__)
HTML_SUFFIXES = frozenset(s for s, fmt in EXTENSIONS.items() if fmt == "html")
MAX_READ_FOR_ADDRESS = 5 * 1024 * 1024  # a saved page read to learn its address before the dialog shows
AddFiles = Callable[[list[Path], PageChoice], None]


def version_addresses(versions: Iterable[Version]) -> list[str]:
    """The addresses the versions are about: their pages' URLs and the addresses they were captured from."""
    out = []
    for v in versions:
        capture = v.metadata.capture
        out += [a for a in (v.metadata.url, capture.target_uri if capture else None) if a]
    return out


def saved_page_addresses(path: Path) -> list[str]:
    """The addresses of a saved web page (its canonical URL, the original of an archived copy)."""
    try:
        if known_suffix(path) not in HTML_SUFFIXES or path.stat().st_size > MAX_READ_FOR_ADDRESS:
            return []
    except OSError:
        return []
    return version_addresses([load_file(path, version_id="v0")])


def other_addresses(files: list[Path], surveyed: dict[Path, list[ArchivePage]]) -> list[str]:
    """What the files opened with the archives are about: a saved page's address, a one-page archive's page."""
    out = []
    for f in files:
        pages = surveyed.get(f)
        if pages is None:
            out += saved_page_addresses(f)
        elif len(pages) == 1:
            out.append(pages[0].url)
    return out


Questions = list[tuple[Path, list[ArchivePage]]]  # each archive of many pages, with its pages
Batch = tuple[list[Path], dict[str, tuple[str, ...]], str | None]  # paths, pages known, the page named


class Group:
    """A file or folder opened: what is handed on to the case (the folder, or the files chosen in it), and the
    files it holds."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.files = expand_paths([path])
        self.opened = [path]

    def too_many(self) -> bool:
        return self.path.is_dir() and len(self.files) > MAX_FOLDER_VERSIONS

    def choose(self, files: list[Path]) -> None:
        self.files = self.opened = files


class FileOpening(QObject):
    """Hands files to ``add`` (with the pages chosen in web archives) once every question is answered."""

    message = Signal(str)  # something to tell the user in the status bar
    _surveyed = Signal(object)  # the archives' pages were read (sent by the thread that read them)

    def __init__(self, parent: QWidget, versions: Callable[[], Sequence[Version]], add: AddFiles) -> None:
        super().__init__(parent)
        self._window = parent
        self._versions = versions
        self._add = add
        self._groups: list[Group] = []  # each file or folder opened
        self._folders: list[Group] = []  # the folders still to ask about
        self._url: str | None = None
        self._questions: Questions = []
        self._choice: dict[str, tuple[str, ...]] = {}
        self._addresses: list[str] = []
        self._busy = False  # reading archives' pages or asking: files opened meanwhile wait their turn
        self._waiting: list[Batch] = []
        self.dialog: ChoiceDialog | None = None  # the question on screen
        self.interactive = True  # False: nobody is there to answer (a large folder opens its first files)
        self._surveyed.connect(self._on_surveyed)

    def open(self, paths: Sequence[str | Path], known: PageChoice | None = None, url: str | None = None) -> None:
        """Open files and folders; ``known`` holds the pages already chosen in some archives (path → addresses),
        ``url`` the page to open from every other archive (none: ask)."""
        batch: Batch = ([Path(p) for p in paths], {archive_key(Path(p)): tuple(v) for p, v in (known or {}).items()}, url)
        if self._busy:
            self._waiting.append(batch)
            return
        self._start(*batch)

    def _start(self, paths: list[Path], known: dict[str, tuple[str, ...]], url: str | None) -> None:
        self._busy = True
        self._groups = [Group(p) for p in paths]
        self._folders = [g for g in self._groups if g.too_many()] if self.interactive else []
        self._choice, self._url = known, url
        self._ask_folder()

    def _ask_folder(self) -> None:
        if not self._folders:
            self._look_for_archives()
            return
        group = self._folders.pop(0)
        self._show(FilesDialog(group.path, group.files, MAX_FOLDER_VERSIONS, self._window),
                   lambda dialog, result: self._folder_answered(group, dialog, result))

    def _folder_answered(self, group: Group, dialog: ChoiceDialog, result: int) -> None:
        group.choose([Path(f) for f in dialog.chosen()] if result == QDialog.DialogCode.Accepted else [])
        if not group.files:
            self.message.emit(f"Nothing was opened from {group.path.name or group.path}.")
        self._ask_folder()

    def _show(self, dialog: ChoiceDialog, answered: Callable[[ChoiceDialog, int], None]) -> None:
        def finished(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            answered(dialog, result)

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()

    def _look_for_archives(self) -> None:
        files = [f for g in self._groups for f in g.files]
        archives = [f for f in files if archive_key(f) not in self._choice and f.is_file() and capture_kind(f)]
        if self._url:  # said on the command line: nothing to ask
            self._choice |= {archive_key(f): (self._url,) for f in archives}
            archives = []
        if not archives:
            self._finish()
            return
        # Listing an archive's pages reads all of it: off the window's thread, as a large crawl takes seconds.
        self.message.emit(f"Reading the pages of {', '.join(f.name for f in archives)}…")
        addresses = version_addresses(self._versions())
        threading.Thread(target=self._survey, args=(files, archives, addresses), daemon=True,
                         name="archive pages").start()

    def _survey(self, files: list[Path], archives: list[Path], addresses: list[str]) -> None:
        """On a thread of its own: the archives' pages, and what the other files are about when one asks."""
        questions: Questions = []
        try:
            surveyed = {f: archive_pages(f) for f in archives}
            questions = [(f, pages) for f, pages in surveyed.items() if len(pages) > 1]
            if questions:
                addresses = addresses + other_addresses(files, surveyed)
        except Exception:  # a bug: the files open as they would without a choice, and the log says why
            log.exception("Could not list the pages of %s", ", ".join(map(str, archives)))
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            self._surveyed.emit((questions, addresses))

    def _on_surveyed(self, result: tuple[Questions, list[str]]) -> None:
        self._questions, self._addresses = result
        self.message.emit("")  # done reading
        self._ask_next()

    def _ask_next(self) -> None:
        if not self._questions:
            self._finish()
            return
        path, pages = self._questions.pop(0)
        self._show(PagesDialog(path, pages, preselected(pages, self._addresses), self._window),
                   lambda dialog, result: self._answered(path, dialog, result))

    def _answered(self, path: Path, dialog: ChoiceDialog, result: int) -> None:
        chosen = tuple(dialog.chosen()) if result == QDialog.DialogCode.Accepted else ()
        self._choice[archive_key(path)] = chosen
        self._addresses += chosen  # the next archive offers the same page first
        if not chosen:
            self.message.emit(f"Nothing was opened from {path.name}.")
        self._ask_next()

    def _finish(self) -> None:
        choice = self._choice
        # a file or folder is left out when nothing of it was chosen (an empty folder still says it is empty)
        paths = [p for g in self._groups if not g.files or any(choice.get(archive_key(f)) != () for f in g.files)
                 for p in g.opened]
        self._groups, self._choice, self._addresses, self._url, self._busy = [], {}, [], None, False
        if paths:
            self._add(paths, choice)
        if self._waiting:
            self._start(*self._waiting.pop(0))
