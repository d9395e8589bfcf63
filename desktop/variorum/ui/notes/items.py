"""Rows of the notes panel: one per note (anchor, status, author, updated) and one per history event."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from variorum.core.notes import Event, Note, Resolution
from variorum.core.notes.records import describe_change
from variorum.core.notes.refs import AnchorRef

NOTE_ID_ROLE = Qt.ItemDataRole.UserRole


def when(stamp: str) -> str:
    """``2026-11-23T07:04:05.123Z`` → ``2026-11-23 07:04 UTC``."""
    return stamp[:16].replace("T", " ") + " UTC" if stamp else ""


def short(text: str, n: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def anchor_words(note: Note, ref: AnchorRef, about: str | None = None) -> str:
    """What a note is on, in words: "finding: URL date mismatch", "v1: “the EU said”", "the case".

    ``about`` names a finding (its kind); the anchored words are quoted for selections and differences."""
    quote = note.anchor.quote.exact.strip() if note.anchor.quote else ""
    quoted = f"“{short(quote, 32)}”" if quote else ""
    if ref.kind == "case":
        return "the case"
    if ref.kind == "finding":
        return f"finding: {about}" if about else "finding"
    if ref.kind == "quote":
        return f"{ref.ref or '?'}: {quoted or 'selected words'}"
    if ref.kind == "version":
        return f"version {ref.ref}"
    return f"{ref.kind}: {quoted}" if quoted else ref.kind


def note_item(note: Note, ref: AnchorRef, resolution: Resolution | None, about: str | None = None) -> QTreeWidgetItem:
    """The list row for a note, its anchor in words; orphaned notes are marked in words and italics, not by
    colour alone. ``about`` names what the anchor is (a finding's kind)."""
    label = anchor_words(note, ref, about)
    item = QTreeWidgetItem([label, note.status, note.author, when(note.updated_at)])
    item.setData(0, NOTE_ID_ROLE, note.id)
    if note.orphaned:
        item.setText(0, f"⚠ orphaned: {label}")
        item.setToolTip(0, "The words this note was attached to are no longer in the files. "
                           "The note is kept; its history shows where it was.")
        font = item.font(0)
        font.setItalic(True)
        item.setFont(0, font)
    elif resolution is not None and resolution.state == "moved":
        item.setText(0, f"{label} (re-anchored)")
        item.setToolTip(0, f"The files changed since this note was written; it was found again by "
                           f"{resolution.method}. The history shows where it was before.")
    else:
        item.setToolTip(0, f"{ref}\n{short(note.body, 200) or '(no text yet)'}")
    return item


def history_item(event: Event) -> QTreeWidgetItem:
    item = QTreeWidgetItem([when(event.at), event.who, event.action, describe_change(event.before, event.after)])
    item.setToolTip(0, event.at)
    return item
