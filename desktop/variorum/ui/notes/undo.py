"""Undo for note changes: each step remembers the note as it was; undoing writes that state back (audited).

Typing in one note is one step however many times it was autosaved, until the user turns to something else.
"""

from __future__ import annotations

from variorum.core.notes import Note, NotesStore
from variorum.core.quick_dataclass import dataclass


@dataclass(frozen=True)
class UndoStep:
    note_id: str
    before: Note | None  # None: the note did not exist (undo = delete it)
    label: str  # "add note", "edit text", "change status", "delete note"


class NoteUndo:
    def __init__(self, limit: int = 100):
        self._steps: list[UndoStep] = []
        self._typing_in: str | None = None  # a note whose edits merge into the last step
        self.limit = limit

    def can_undo(self) -> bool:
        return bool(self._steps)

    def next_label(self) -> str | None:
        return self._steps[-1].label if self._steps else None

    def record(self, note_id: str, before: Note | None, label: str, *, typing: bool = False) -> None:
        if typing and self._typing_in == note_id and self._steps and self._steps[-1].note_id == note_id:
            return  # the same typing session: keep the state from before it began
        self._steps.append(UndoStep(note_id, before, label))
        del self._steps[:-self.limit]
        self._typing_in = note_id if typing else None

    def end_typing(self) -> None:
        self._typing_in = None

    def undo(self, store: NotesStore) -> UndoStep | None:
        """Put the last changed note back as it was; returns the step undone (None if nothing to undo)."""
        if not self._steps:
            return None
        step = self._steps[-1]
        store.revert_note(step.note_id, step.before)  # on error the step stays, nothing is lost
        self._steps.pop()
        self._typing_in = None
        return step

    def clear(self) -> None:
        self._steps.clear()
        self._typing_in = None
