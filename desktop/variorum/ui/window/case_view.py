"""The user's choices for a set of files (base, hidden versions, compared version), kept between runs.

Reopening the same files (by absolute path, in any order) brings back the base the user chose, the versions she
hid and the version she was comparing with the base. Each version is named by :func:`version_key`: its path, and
for a capture in a web archive the capture's record as well (several versions come from one file then).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from variorum.core.sources import version_key
from variorum.ui import settings
from variorum.ui.session import Session

MAX_CASES = 50


def _key(paths: list[str]) -> list[str]:
    return sorted(paths)


def saved_view(paths: list[str]) -> dict | None:
    key = _key(paths)
    return next((r for r in settings.get(settings.CASE_VIEWS) if r.get("files") == key), None)


def save_view(paths: list[str], base: str | None, hidden: list[str], compared: str | None) -> None:
    key = _key(paths)
    record = {"files": key, "base": base, "hidden": sorted(hidden), "compared": compared}
    records = [r for r in settings.get(settings.CASE_VIEWS) if r.get("files") != key]
    if records and records[0] == record:
        return
    settings.put(settings.CASE_VIEWS, [record, *records][:MAX_CASES])


class CaseViewMemory(QObject):
    """Follows the session: restores the saved choices when a case's files are opened, then saves each change."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._restored: list[str] | None = None  # the files whose choices are on show (saving is on)
        session.comparisonChanged.connect(self._on_comparison)
        session.versionsChanged.connect(self._save)
        session.currentChanged.connect(self._save)
        session.closed.connect(self._forget)

    def _paths(self) -> list[str] | None:
        versions = self._session.versions
        keys = [k for k in map(version_key, versions) if k]
        if not versions or len(keys) < len(versions):
            return None  # pasted text cannot be opened again
        return keys

    def _forget(self) -> None:
        self._restored = None

    def _on_comparison(self) -> None:
        s = self._session
        paths = self._paths()
        if not s.is_final() or paths is None:
            return
        if self._restored is not None and _key(self._restored) == _key(paths):
            self._save()
            return
        self._restored = None
        if not self._restore(paths):
            return  # the chosen base is being compared; the rest follows with its result
        self._restored = paths
        self._save()

    def _restore(self, paths: list[str]) -> bool:
        """Apply the saved choices; False while the saved base is still to be compared."""
        s = self._session
        view = saved_view(paths)
        if view is None:
            return True
        by_key = {version_key(v): v.id for v in s.versions}
        base = by_key.get(view.get("base") or "")
        shown_base = s.comparison.base if s.comparison is not None else None
        if base is not None and base != shown_base and s.case.base_choice != base:
            s.choose_base(base)
            return False
        for path in view.get("hidden", []):
            if path in by_key:
                s.set_visible(by_key[path], False)
        compared = by_key.get(view.get("compared") or "")
        if compared is not None:
            s.set_compared(compared)
        return True

    def _save(self) -> None:
        s = self._session
        paths = self._paths()
        if self._restored is None or paths is None or not s.is_final() or _key(paths) != _key(self._restored):
            return
        by_id = {v.id: key for v in s.versions if (key := version_key(v))}
        shown_base = s.comparison.base if s.comparison is not None else None
        base = by_id.get(shown_base) if s.case.base_choice is not None and shown_base else None
        save_view(paths, base, [by_id[h] for h in s.hidden_ids() if h in by_id],
                  by_id.get(s.compared) if s.compared else None)
