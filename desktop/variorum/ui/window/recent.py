"""Open Recent: the last cases opened (each its files, with the pages chosen in web archives), kept in the
settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu

from variorum.core.sources import Source
from variorum.ui import settings

MAX_CASES = 10


def recent_cases() -> list[list[Source]]:
    cases = [[s for s in map(Source.from_json, case) if s is not None] for case in settings.get(settings.RECENT_CASES)]
    return [case for case in cases if case]


def _store(cases: list[list[Source]]) -> None:
    settings.put(settings.RECENT_CASES, [[s.to_json() for s in case] for case in cases])


def remember_case(sources: list[Source]) -> None:
    """Keep a case in Open Recent by absolute paths, so it reopens from any working folder."""
    if not sources:
        return
    sources = [Source(str(Path(s.path).absolute()), s.pages) for s in sources]
    cases = [c for c in recent_cases() if c != sources]
    cases.insert(0, sources)
    _store(cases[:MAX_CASES])


def forget_case(sources: list[Source]) -> None:
    _store([c for c in recent_cases() if c != sources])


def fill_recent_menu(menu: QMenu, cases: list[list[Source]], open_case: Callable[[list[Source]], None]) -> None:
    menu.clear()
    for sources in cases:
        action = menu.addAction(describe([s.path for s in sources]))
        action.setToolTip(tooltip(sources))
        action.triggered.connect(lambda _=False, c=sources: open_case(c))
    menu.setEnabled(bool(cases))


def tooltip(sources: list[Source]) -> str:
    """Each file of a case on a line of its own, with the pages chosen in a web archive."""
    return "\n".join(s.path if s.pages is None else f"{s.path} ({', '.join(s.pages) or 'no page'})"
                     for s in sources)


def describe(paths: list[str]) -> str:
    """A short menu label for a case: its file names, shortened."""
    names = [Path(p).name for p in paths]
    label = ", ".join(names[:3])
    if len(names) > 3:
        label += f" (+{len(names) - 3} more)"
    return label
