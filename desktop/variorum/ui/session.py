"""The open case as the window's panels see it: a :class:`~variorum.core.case.Case` that announces its changes.

Panels read the case from here and follow these signals instead of keeping copies:

- ``comparisonChanged`` a new comparison is the case's latest (or, while comparing, a provisional one holding
                        the texts alone, so they are on screen at once: then ``provisional`` is True); the
                        versions, the compared version and everything else may have changed with it
- ``versionsChanged``   the same comparison, but versions were hidden, shown or re-ordered (hiding the compared
                        version also changes which one is compared)
- ``currentChanged``    another version (or none) is compared with the base: the user chose it, or hid the one
                        that was compared
- ``focusChanged``      the finding, difference or words the user is on (what a new note attaches to) changed
- ``cosmeticChanged``   cosmetic differences were shown or hidden
- ``notesChanged``      the case's notes changed (their anchors and statuses)

Loading and comparing run in the background (:class:`~variorum.ui.worker.ComparisonRunner`), on a copy of the
case; a result that arrives after the user changed the case again is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor

from variorum.core.case import Case
from variorum.core.load.archive_choice import PageChoice
from variorum.core.model import Comparison, Version
from variorum.core.notes.records import Note
from variorum.core.notes.refs import AnchorRef
from variorum.ui.palette import version_colours
from variorum.ui.worker import ComparisonRunner, Job

CASE = AnchorRef("case")
CASE_LABEL = "the case"


class Session(QObject):
    versionsChanged = Signal()
    comparisonChanged = Signal()
    currentChanged = Signal()
    focusChanged = Signal()
    cosmeticChanged = Signal(bool)  # True: cosmetic differences are shown
    notesChanged = Signal()
    closed = Signal()  # the case was closed (the window shows the welcome view)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case = Case()
        self.provisional = False  # the comparison on show is the texts only, while the real one runs
        self.focus = CASE  # what a new note attaches to: the finding, difference or words the user is on
        self.focus_label = CASE_LABEL
        self.runner = ComparisonRunner(self)
        self.runner.loaded.connect(self._on_loaded)
        self.runner.finished.connect(self._on_finished)

    # --- reading -----------------------------------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison | None:
        return self.case.comparison

    @property
    def versions(self) -> list[Version]:
        return self.case.versions

    @property
    def compared(self) -> str | None:
        return self.case.compared

    @property
    def notes(self) -> tuple[Note, ...]:
        return self.case.notes

    def is_final(self) -> bool:
        """A finished comparison is on show (not the texts alone while it runs)."""
        return self.case.comparison is not None and not self.provisional

    def colours(self) -> dict[str, QColor]:
        """One colour per version, by load order (it stays with the version whatever the display order)."""
        return version_colours(self.case.id_order())

    def visible_ids(self) -> list[str]:
        return self.case.visible_ids()

    def hidden_ids(self) -> set[str]:
        return set(self.case.hidden)

    def comparable(self) -> list[str]:
        return self.case.comparable()

    def finding_statuses(self) -> dict[str, str]:
        return self.case.finding_statuses()

    # --- changing the case --------------------------------------------------------------------------------------
    def add_paths(self, paths: Sequence[str | Path], pages: PageChoice | None = None) -> None:
        """Add files and folders (a folder adds every supported file in it; a web archive the captures of the
        pages chosen for it in ``pages``, which the case keeps)."""
        if paths:  # absolute: the case must reopen (Open Recent, saved choices) from any working folder
            case = self.case.copy()
            case.choose_pages(pages or {})
            self.runner.start(Job(case, paths=tuple(Path(p).absolute() for p in paths)))

    def add_pasted(self, text: str) -> None:
        self.runner.start(Job(self.case.copy(), pasted=(text,)))

    def remove(self, version_id: str) -> None:
        self.case.remove(version_id)
        if not self.case.versions:
            self.close()
            return
        self.recompare()

    def choose_base(self, version_id: str) -> None:
        self.case.choose_base(version_id)
        self.recompare()

    @property
    def show_cosmetic(self) -> bool:
        return self.case.show_cosmetic

    def set_show_cosmetic(self, show: bool) -> None:
        if show != self.case.show_cosmetic:
            self.case.show_cosmetic = show
            self.cosmeticChanged.emit(show)

    def recompare(self) -> None:
        self.runner.start(Job(self.case.copy()))

    def close(self) -> None:
        self.runner.invalidate()
        show_cosmetic, collapse = self.case.show_cosmetic, self.case.collapse_identical
        self.case = Case()
        self.case.show_cosmetic, self.case.collapse_identical = show_cosmetic, collapse
        self.provisional = False
        self.focus, self.focus_label = CASE, CASE_LABEL
        self.closed.emit()

    def set_collapse_identical(self, on: bool) -> None:
        """Show versions with identical text as one pane (its header names the others)."""
        if on != self.case.collapse_identical:
            self.case.collapse_identical = on
            if self.case.compared not in self.case.comparable():
                self.case.compared = self.case.default_compared()
            self.versionsChanged.emit()

    def identical(self) -> dict[str, list[str]]:
        """Shown version → the versions with the same text folded into it (only while they are collapsed)."""
        return self.case.identical() if self.case.collapse_identical else {}

    def set_visible(self, version_id: str, visible: bool) -> None:
        compared = self.case.compared
        self.case.set_hidden(version_id, not visible)
        self.versionsChanged.emit()
        if self.case.compared != compared:  # the compared version was hidden: every label must say so
            self.currentChanged.emit()

    def reorder(self, ids: Sequence[str]) -> None:
        self.case.reorder(ids)
        self.versionsChanged.emit()

    def set_compared(self, version_id: str) -> bool:
        if not self.case.set_compared(version_id):
            return False
        self.currentChanged.emit()
        return True

    def step_compared(self, delta: int) -> None:
        comparable = self.case.comparable()
        if not comparable:
            return
        index = comparable.index(self.compared) if self.compared in comparable else -delta
        self.set_compared(comparable[(index + delta) % len(comparable)])

    def set_focus(self, ref: AnchorRef, label: str) -> None:
        """What the user is on (a finding, a difference, selected words): what "Add note" attaches to."""
        if (ref, label) != (self.focus, self.focus_label):
            self.focus, self.focus_label = ref, label
            self.focusChanged.emit()

    def clear_focus(self) -> None:
        self.set_focus(CASE, CASE_LABEL)

    def set_notes(self, notes: Sequence[Note]) -> None:
        self.case.set_notes(notes)
        self.notesChanged.emit()

    # --- results -------------------------------------------------------------------------------------------------
    def _on_loaded(self, loaded: Case) -> None:
        """Show the texts at once; highlights follow when the comparison is done."""
        self.case.adopt(loaded)
        shown = self.case.comparison
        versions = self.case.versions
        if (shown is not None and not self.provisional and len(shown.versions) == len(versions)
                and all(a is b for a, b in zip(shown.versions, versions, strict=True))):
            return  # the same texts compared again (another base): keep the current view until the result
        self.case.take(Comparison(base=None, versions=tuple(versions), relations={}, differences=(),
                                  findings=(), alignments={}), provisional=True)
        self.provisional = True
        self.versionsChanged.emit()
        self.comparisonChanged.emit()

    def _on_finished(self, compared: Case) -> None:
        """Take the result in from the next event-loop turn: the turn that received it (read from the comparison's
        process) has done enough. A job started meanwhile (or the case closed) makes it stale: it is dropped."""
        token = self.runner.token
        QTimer.singleShot(0, self, lambda: self._take(compared) if token == self.runner.token else None)

    def _take(self, compared: Case) -> None:
        self.case.adopt(compared)
        self.provisional = False
        self.case.take(compared.comparison)
        self.focus, self.focus_label = CASE, CASE_LABEL  # what the user was on may not exist any more
        self.versionsChanged.emit()
        self.comparisonChanged.emit()
