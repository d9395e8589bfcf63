"""Reconciliation notes: a local SQLite store of cases, anchored notes and their audit trail (Qt-free).

Typical use::

    store = NotesStore()                          # $VARIORUM_DATA_DIR or the user data folder
    case = store.open_case(comparison.versions)   # open-or-create by content
    store.reanchor(case.id, comparison)           # place every note in this comparison
    note = store.add_note(case.id, parse_anchor("finding:f1", comparison=comparison), "CMS error")
    store.update_note(note.id, status="explained")
    notes_for_report(store, case.id)              # for reports
"""

from variorum.core.notes.anchors import Located, TextQuote, locate, quote_from
from variorum.core.notes.errors import (
    AnchorError,
    Conflict,
    NotesError,
    NotFound,
    StoreBusy,
    StoreTooNew,
    StoreUnreadable,
)
from variorum.core.notes.paths import data_dir, store_path
from variorum.core.notes.reanchor import Resolution
from variorum.core.notes.records import STATUSES, Case, CaseVersion, Event, Note, default_author
from variorum.core.notes.report import notes_for_report
from variorum.core.notes.store import NotesStore
from variorum.core.notes.targets import Anchor, format_anchor, parse_anchor

__all__ = [
    "Anchor", "AnchorError", "Case", "CaseVersion", "Conflict", "Event", "Located", "Note", "NotesError",
    "NotesStore", "NotFound", "Resolution", "STATUSES", "StoreBusy", "StoreTooNew", "StoreUnreadable",
    "TextQuote", "data_dir", "default_author", "format_anchor", "locate", "notes_for_report", "parse_anchor",
    "quote_from", "store_path",
]
