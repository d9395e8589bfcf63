"""Errors the notes store raises. Every message is meant to be shown to the user as it is."""

from __future__ import annotations

from pathlib import Path


class NotesError(Exception):
    """Base class: something the user should be told about in one sentence or two."""


class StoreUnreadable(NotesError):
    """The store file cannot be opened or is damaged. It was copied aside (if it could be read) and left alone."""

    def __init__(self, message: str, *, path: Path, backup: Path | None = None):
        super().__init__(message)
        self.path = path
        self.backup = backup


class StoreTooNew(NotesError):
    """The store was written by a newer Variorum with a schema this version does not know."""


class StoreBusy(NotesError):
    """Another program kept the store locked for too long."""


class NotFound(NotesError):
    """No such note or case (or it was deleted)."""


class Conflict(NotesError):
    """The note changed since the caller last read it (``expected_rev`` did not match)."""

    def __init__(self, message: str, current):
        super().__init__(message)
        self.current = current


class AnchorError(NotesError):
    """An anchor string that does not name anything in the case."""


class ImportRejected(NotesError):
    """An import file Variorum refused as a whole: nothing was imported. ``problems`` lists every fault found,
    each as one line (``item N: place: reason`` for an annotation)."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = list(problems or [])
