"""Files opened or dropped on the window join the case; a web archive of many pages first asks which of them.

Each archive of many pages (alone, with other files, or inside a dropped folder) gets a :class:`PagesDialog`,
one after another; the page the other files of the case are about is offered first. Cancelling opens nothing of
that archive and leaves every other file and the open case as they are. A case reopened with the pages already
chosen (Open Recent) does not ask again.
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
from variorum.core.load import expand_paths, known_suffix, load_file
from variorum.core.load.archive_choice import ArchivePage, PageChoice, preselected
from variorum.core.load.capture_versions import archive_pages, capture_kind
from variorum.core.model import Version
from variorum.ui.window.pages_dialog import PagesDialog

log = logging.getLogger(__name__)
HTML_SUFFIXES = frozenset(s for s, fmt in EXTENSIONS.items() if fmt == "html")
MAX_READ_FOR_ADDRESS = 5 * 1024 * 1024  # a saved page read to learn its address before the dialog shows
AddFiles = Callable[[list[Path], PageChoice], None]


def _key(path: Path) -> str:
    return str(path.absolute())


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


class FileOpening(QObject):
    """Hands files to ``add`` (with the pages chosen in web archives) once every question is answered."""

    message = Signal(str)  # something to tell the user in the status bar
    _surveyed = Signal(object)  # the archives' pages were read (sent by the thread that read them)

    def __init__(self, parent: QWidget, versions: Callable[[], Sequence[Version]], add: AddFiles) -> None:
        super().__init__(parent)
        self._window = parent
        self._versions = versions
        self._add = add
        self._groups: list[tuple[Path, list[Path]]] = []  # each file or folder opened, with the files it holds
        self._questions: Questions = []
        self._choice: dict[str, tuple[str, ...]] = {}
        self._addresses: list[str] = []
        self._busy = False  # reading archives' pages or asking: files opened meanwhile wait their turn
        self._waiting: list[tuple[list[Path], dict[str, tuple[str, ...]], str | None]] = []
        self.dialog: PagesDialog | None = None  # the question on screen
        self._surveyed.connect(self._on_surveyed)

    def open(self, paths: Sequence[str | Path], known: PageChoice | None = None, url: str | None = None) -> None:
        """Open files and folders; ``known`` holds the pages already chosen in some archives (path → addresses),
        ``url`` the page to open from every other archive (none: ask)."""
        batch = ([Path(p) for p in paths], {_key(Path(p)): tuple(v) for p, v in (known or {}).items()}, url)
        if self._busy:
            self._waiting.append(batch)
            return
        self._start(*batch)

    def _start(self, paths: list[Path], known: dict[str, tuple[str, ...]], url: str | None) -> None:
        self._groups = [(p, expand_paths([p])) for p in paths]
        files = [f for _p, group in self._groups for f in group]
        archives = [f for f in files if _key(f) not in known and f.is_file() and capture_kind(f)]
        self._choice = known
        if url:  # said on the command line: nothing to ask
            self._choice |= {_key(f): (url,) for f in archives}
            archives = []
        if not archives:
            self._finish()
            return
        # Listing an archive's pages reads all of it: off the window's thread, as a large crawl takes seconds.
        self._busy = True
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
        dialog = PagesDialog(path, pages, preselected(pages, self._addresses), self._window)
        dialog.finished.connect(lambda result: self._answered(path, dialog, result))
        self.dialog = dialog
        dialog.open()

    def _answered(self, path: Path, dialog: PagesDialog, result: int) -> None:
        chosen = tuple(dialog.chosen()) if result == QDialog.DialogCode.Accepted else ()
        self.dialog = None
        dialog.deleteLater()
        self._choice[_key(path)] = chosen
        self._addresses += chosen  # the next archive offers the same page first
        if not chosen:
            self.message.emit(f"Nothing was opened from {path.name}.")
        self._ask_next()

    def _finish(self) -> None:
        choice = self._choice
        # a file or folder is left out when nothing of it was chosen (an empty folder still says it is empty)
        paths = [p for p, files in self._groups if not files or any(choice.get(_key(f)) != () for f in files)]
        self._groups, self._choice, self._addresses, self._busy = [], {}, [], False
        if paths:
            self._add(paths, choice)
        if self._waiting:
            self._start(*self._waiting.pop(0))
