"""The open case: its versions and their ids, the user's choices, the latest comparison and the notes' state.

The command line, the app and the tests all load and compare through this class::

    case = load_case(["a.html", "b.pdf", "folder/"], pasted=["text from the clipboard"])
    for v in case.errors():                  # one error per file that could not be read
        print(v.id, v.label, v.error)
    comparison = case.compare()

Version ids are ``v1``, ``v2``… in load order; the next one is kept here, so adding files to an open case (or
removing some) never renumbers the versions already in it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from variorum.core.compare import BaseNotFound, CancelFn, Cancelled, ProgressFn, compare_versions
from variorum.core.load import case_bytes, load_pasted, load_paths, note_duplicates
from variorum.core.model import Comparison, Options, Version, nth_id
from variorum.core.sources import Source

if TYPE_CHECKING:  # the notes are read only when there is a store
    from variorum.core.load.archive_choice import PageChoice
    from variorum.core.notes.records import Note

LOAD_SHARE = 0.3  # of the progress bar, when files are read and compared in one go

__all__ = ["BaseNotFound", "Cancelled", "Case", "LOAD_SHARE", "load_case"]


class Case:
    """What the user has open. Not thread-safe: a background job works on a :meth:`copy`."""

    def __init__(self, options: Options | None = None) -> None:
        options = options or Options()
        self.versions: list[Version] = []
        self.base_choice: str | None = options.base  # what the user asked for (id or path); None = automatic
        self.show_cosmetic: bool = options.show_cosmetic
        self.cosmetic_places: bool = options.cosmetic_places
        self.comparison: Comparison | None = None
        self.compared: str | None = None  # the version compared with the base in the app
        self.hidden: set[str] = set()  # ids of versions the user hid
        self.collapse_identical = False  # show versions with the same text as one (the first shown)
        self.notes: tuple[Note, ...] = ()  # the live notes of this case, oldest first
        self.pages: dict[str, tuple[str, ...]] = {}  # web archive (absolute path) -> the pages chosen in it
        self._next_id = 1
        self._loaded: dict[str, int] = {}  # version id -> its place in load order

    # --- versions --------------------------------------------------------------------------------------------
    @property
    def next_id(self) -> int:
        return self._next_id

    @property
    def options(self) -> Options:
        return Options(base=self.base_choice, show_cosmetic=self.show_cosmetic, cosmetic_places=self.cosmetic_places)

    def add(self, paths: Iterable[str | Path] = (), pasted: Iterable[str] = (), *,
            progress: ProgressFn | None = None, cancelled: CancelFn | None = None,
            url: str | None = None) -> list[Version]:
        """Read files (a folder adds every supported file in it, or one error when it has none; a web archive
        the captures of the pages chosen for it (:meth:`choose_pages`), else of ``url``, else all) and pasted
        texts; the new versions, in load order, are appended to the case and returned. A case reads at most
        ``load.MAX_CASE_BYTES`` in all: a file or text that would take it past the limit is a version with that
        error, and the others are read."""
        pasted = list(pasted)
        stop = cancelled or (lambda: False)

        def before_file(index: int, total: int, path: Path) -> None:
            if stop():
                raise Cancelled()
            if progress is not None:
                progress(LOAD_SHARE * index / max(1, total + len(pasted)), f"Reading {path.name}")

        held = case_bytes(self.versions)  # counted against the limit of what one case reads in all
        added = load_paths(list(paths), first_id=self._next_id, before_file=before_file, url=url, held=held,
                           pages=self.pages)
        already = sum(1 for v in self.versions if v.path is None)
        for n, text in enumerate(pasted, start=already + 1):
            added.append(load_pasted(text, version_id=nth_id(self._next_id + len(added)), label=f"Pasted text {n}",
                                     held=held + case_bytes(added)))
        added = note_duplicates([*self.versions, *added])[len(self.versions):]  # also a file the case has
        self.versions.extend(added)
        for v in added:
            self._loaded[v.id] = self._next_id
            self._next_id += 1
        return added

    def choose_pages(self, pages: PageChoice) -> None:
        """Read only these pages of these web archives (file → addresses; none: nothing of the file) when they
        are added; the choice stays with the case (:meth:`sources`)."""
        from variorum.core.load.archive_choice import archive_key

        self.pages.update({archive_key(path): tuple(urls) for path, urls in pages.items()})

    def sources(self) -> list[Source]:
        """The files the case's versions were read from, in load order, each once, with the pages chosen in web
        archives: opening these again gives the same versions."""
        from variorum.core.load.archive_choice import archive_key

        paths = dict.fromkeys(p for p in (self.version(vid).path for vid in self.id_order()) if p)
        return [Source(p, self.pages.get(archive_key(p))) for p in paths]

    def adopt(self, other: Case) -> None:
        """Take the versions another copy of this case loaded (in the background); the user's choices stay."""
        self.versions = list(other.versions)
        self.pages.update(other.pages)
        self._next_id = max(self._next_id, other.next_id)
        self._loaded.update(other._loaded)

    def version(self, version_id: str) -> Version:
        for v in self.versions:
            if v.id == version_id:
                return v
        raise KeyError(version_id)

    def errors(self) -> list[Version]:
        """The versions that could not be read (each carries its error), in load order."""
        return [v for v in self.versions if not v.ok]

    def readable(self) -> list[Version]:
        return [v for v in self.versions if v.ok]

    def remove(self, version_id: str) -> None:
        """Drop a version; the others keep their ids, and a base choice that named it is forgotten."""
        self.versions = [v for v in self.versions if v.id != version_id]
        self.hidden.discard(version_id)
        self._loaded.pop(version_id, None)
        if self.base_choice == version_id:
            self.base_choice = None
        if self.compared == version_id:
            self.compared = None

    def reorder(self, ids: Sequence[str]) -> None:
        """Put the versions in this display order (ids not named keep their place at the end)."""
        rank = {vid: i for i, vid in enumerate(ids)}
        self.versions.sort(key=lambda v: rank.get(v.id, len(rank)))

    def id_order(self) -> list[str]:
        """The version ids in load order (for colours that stay with a version whatever the display order)."""
        return sorted((v.id for v in self.versions), key=lambda vid: self._loaded.get(vid, self._next_id))

    # --- choices -----------------------------------------------------------------------------------------------
    def choose_base(self, version_id: str | None) -> None:
        self.base_choice = version_id
        if version_id is not None and self.compared == version_id:
            self.compared = None

    def set_hidden(self, version_id: str, hidden: bool) -> None:
        if hidden:
            self.hidden.add(version_id)
        else:
            self.hidden.discard(version_id)
        if self.compared not in self.comparable():  # the compared version was hidden: compare the next shown
            self.compared = self.default_compared()

    def visible_ids(self) -> list[str]:
        """Ids of the versions to show, in display order (hidden and unreadable versions left out, and with
        ``collapse_identical`` every version whose text an earlier shown one has)."""
        shown = [v.id for v in self.versions if v.ok and v.id not in self.hidden]
        if not self.collapse_identical:
            return shown
        folded = {other for others in self.identical().values() for other in others}
        return [vid for vid in shown if vid not in folded]

    def identical(self) -> dict[str, list[str]]:
        """Versions the user sees with the same text: the first in display order → the others (in order).
        The base always stands for its group, so what is compared with it stays in view."""
        groups: dict[str, list[str]] = {}
        for v in self.versions:
            if v.ok and v.id not in self.hidden:
                groups.setdefault(v.text, []).append(v.id)
        base = self.comparison.base if self.comparison is not None else None
        result = {}
        for ids in groups.values():
            if len(ids) > 1:
                first = base if base in ids else ids[0]
                result[first] = [vid for vid in ids if vid != first]
        return result

    def comparable(self) -> list[str]:
        """The visible versions that can be compared with the base of the latest comparison."""
        c = self.comparison
        if c is None or c.base is None:
            return []
        return [vid for vid in self.visible_ids() if vid != c.base and vid in c.relations]

    def default_compared(self) -> str | None:
        """The first visible version of the same article, else the first comparable one."""
        comparable = self.comparable()
        c = self.comparison
        same = [vid for vid in comparable if c is not None and c.relations[vid].kind == "same-article"]
        return next(iter(same or comparable), None)

    def set_compared(self, version_id: str | None) -> bool:
        """Compare this version with the base; False (nothing changes) when it cannot be compared."""
        if version_id == self.compared or version_id not in self.comparable():
            return False
        self.compared = version_id
        return True

    # --- comparing -------------------------------------------------------------------------------------------
    def compare(self, *, progress: ProgressFn | None = None, cancelled: CancelFn | None = None,
                strict_base: bool = True) -> Comparison:
        """Compare every version; the result is kept as the case's comparison and returned.

        With ``strict_base`` a base choice that names no readable version raises :class:`BaseNotFound`;
        without, the program picks the base (the app does so when the chosen base was removed or is unreadable).
        """
        try:
            comparison = compare_versions(self.versions, options=self.options, progress=progress,
                                          cancelled=cancelled)
        except BaseNotFound:
            if strict_base:
                raise
            comparison = compare_versions(self.versions, options=replace(self.options, base=None),
                                          progress=progress, cancelled=cancelled)
        self.take(comparison)
        return comparison

    def take(self, comparison: Comparison | None, *, provisional: bool = False) -> None:
        """Make ``comparison`` the case's latest; the compared version stays if it still can be compared.

        A ``provisional`` comparison (the texts alone, shown while the real one runs) leaves it as it is."""
        self.comparison = comparison
        if comparison is None:
            self.compared = None
            return
        self.versions = list(comparison.versions)
        if not provisional and self.compared not in self.comparable():
            self.compared = self.default_compared()

    def copy(self) -> Case:
        """A copy to load and compare in the background (versions are immutable; lists are not shared)."""
        other = Case(self.options)
        other.versions = list(self.versions)
        other.comparison = self.comparison
        other.compared = self.compared
        other.hidden = set(self.hidden)
        other.collapse_identical = self.collapse_identical
        other.notes = self.notes
        other.pages = dict(self.pages)
        other._next_id = self._next_id
        other._loaded = dict(self._loaded)
        return other

    # --- notes ---------------------------------------------------------------------------------------------
    def set_notes(self, notes: Sequence[Note]) -> None:
        self.notes = tuple(notes)

    def finding_statuses(self) -> dict[str, str]:
        """Finding id → status of its latest note."""
        return {n.anchor.ref: n.status for n in self.notes if n.anchor.kind == "finding" and n.anchor.ref}


def load_case(paths: Iterable[str | Path] = (), *, pasted: Iterable[str] = (), options: Options | None = None,
              progress: Callable[[float, str], None] | None = None,
              cancelled: Callable[[], bool] | None = None, url: str | None = None) -> Case:
    """A new case made of these files and pasted texts (see :meth:`Case.add`); nothing is compared yet."""
    case = Case(options)
    case.add(paths, pasted, progress=progress, cancelled=cancelled, url=url)
    return case

