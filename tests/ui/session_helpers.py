"""Helpers for panels tested on their own: a session holding a comparison, as the window's session does."""

from __future__ import annotations

from variorum.core.model import Comparison
from variorum.core.notes.records import Note
from variorum.core.notes.targets import Anchor
from variorum.ui.session import Session


def take(session: Session, comparison: Comparison | None) -> None:
    """Make ``comparison`` the session's finished comparison (None: close the case) and say so, as a finished
    comparison does in the window."""
    if comparison is None:
        session.close()
        return
    session.case.take(comparison)
    session.provisional = False
    session.versionsChanged.emit()
    session.comparisonChanged.emit()


def session_with(comparison: Comparison | None) -> Session:
    session = Session()
    take(session, comparison)
    return session


def finding_notes(statuses: dict[str, str]) -> list[Note]:
    """One note per finding, with its status."""
    return [Note(id=f"n{i}", case_id="c", anchor=Anchor("finding", ref=finding), status=status, body="",
                 author="ed", created_at="2026-01-01", updated_at="2026-01-01", deleted_at=None, rev=1,
                 anchor_state="ok") for i, (finding, status) in enumerate(statuses.items())]
