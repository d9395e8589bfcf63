"""Open Recent: the last cases opened (each a list of files), kept in QSettings."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

KEY = "recent/cases"
MAX_CASES = 10


def recent_cases(settings: QSettings | None = None) -> list[list[str]]:
    settings = settings or QSettings()
    raw = settings.value(KEY, "[]")
    try:
        cases = json.loads(raw) if isinstance(raw, str) else []
    except ValueError:
        return []
    return [c for c in cases if isinstance(c, list) and c and all(isinstance(p, str) for p in c)]


def remember_case(paths: list[str], settings: QSettings | None = None) -> None:
    if not paths:
        return
    settings = settings or QSettings()
    cases = [c for c in recent_cases(settings) if c != paths]
    cases.insert(0, paths)
    settings.setValue(KEY, json.dumps(cases[:MAX_CASES]))


def forget_case(paths: list[str], settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    settings.setValue(KEY, json.dumps([c for c in recent_cases(settings) if c != paths]))


def clear_recent(settings: QSettings | None = None) -> None:
    (settings or QSettings()).setValue(KEY, "[]")


def fill_recent_menu(menu: QMenu, cases: list[list[str]], open_case: Callable[[list[str]], None]) -> None:
    menu.clear()
    for paths in cases:
        action = menu.addAction(describe(paths))
        action.setToolTip("\n".join(paths))
        action.triggered.connect(lambda _=False, p=paths: open_case(p))
    menu.setEnabled(bool(cases))


def describe(paths: list[str]) -> str:
    """A short menu label for a case: its file names, shortened."""
    names = [Path(p).name for p in paths]
    label = ", ".join(names[:3])
    if len(names) > 3:
        label += f" (+{len(names) - 3} more)"
    return label
