"""Reconciliation notes: a local SQLite store of cases, anchored notes and their audit trail (Qt-free).

Typical use::

    store = NotesStore()                          # $VARIORUM_DATA_DIR or the user data folder
    case = store.open_case(comparison.versions)   # open-or-create by content
    store.reanchor(case.id, comparison)           # place every note in this comparison
    note = store.add_note(case.id, parse_anchor("finding:f1", comparison=comparison), "CMS error")
    store.update_note(note.id, status="explained")
    notes_for_report(store, case.id)              # for reports
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the checker sees the names that __getattr__ below imports on first use
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
    from variorum.core.notes.records import Case, CaseVersion, Event, Note, default_author
    from variorum.core.notes.refs import AnchorRef, read_anchor
    from variorum.core.notes.report import notes_for_report
    from variorum.core.notes.statuses import STATUSES
    from variorum.core.notes.store import NotesStore
    from variorum.core.notes.targets import Anchor, anchor_for, format_anchor, parse_anchor, ref_of


# Names this package offers -> the module defining each. They are imported on first use, so that reading
# ``store_path`` (to see whether there is a store at all) does not load the store, SQLite and the re-anchoring.
_EXPORTS = {
    "Located": "anchors", "TextQuote": "anchors", "locate": "anchors", "quote_from": "anchors",
    "AnchorError": "errors", "Conflict": "errors", "NotesError": "errors", "NotFound": "errors",
    "StoreBusy": "errors", "StoreTooNew": "errors", "StoreUnreadable": "errors",
    "data_dir": "paths", "store_path": "paths",
    "Resolution": "reanchor",
    "STATUSES": "statuses", "Case": "records", "CaseVersion": "records", "Event": "records", "Note": "records",
    "default_author": "records",
    "notes_for_report": "report",
    "NotesStore": "store",
    "Anchor": "targets", "anchor_for": "targets", "format_anchor": "targets", "parse_anchor": "targets",
    "ref_of": "targets",
    "AnchorRef": "refs", "read_anchor": "refs",
}


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__all__ = [
    "Anchor", "AnchorError", "AnchorRef", "anchor_for", "read_anchor", "ref_of", "Case", "CaseVersion", "Conflict", "Event", "Located", "Note", "NotesError",
    "NotesStore", "NotFound", "Resolution", "STATUSES", "StoreBusy", "StoreTooNew", "StoreUnreadable",
    "TextQuote", "data_dir", "default_author", "format_anchor", "locate", "notes_for_report", "parse_anchor",
    "quote_from", "store_path",
]
