"""Open Recent: the last cases opened (each a list of files), kept in the settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu

from variorum.ui import settings

MAX_CASES = 10


def recent_cases() -> list[list[str]]:
    return settings.get(settings.RECENT_CASES)


def remember_case(paths: list[str]) -> None:
    """Keep a case in Open Recent by absolute paths, so it reopens from any working folder."""
    if not paths:
        return
    paths = [str(Path(p).absolute()) for p in paths]
    cases = [c for c in recent_cases() if c != paths]
    cases.insert(0, paths)
    settings.put(settings.RECENT_CASES, cases[:MAX_CASES])


def forget_case(paths: list[str]) -> None:
    settings.put(settings.RECENT_CASES, [c for c in recent_cases() if c != paths])


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
