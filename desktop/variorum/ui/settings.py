"""Every setting the app keeps between runs, each with its type and default, in one place.

Settings live in ``settings.ini`` in the data folder when ``$VARIORUM_DATA_DIR`` is set, so tests and portable
installs never touch the user's configuration; otherwise in the user's normal settings (QSettings: a ``.conf``
file under ``~/.config`` on Linux, the registry on Windows, a ``.plist`` on macOS).

Read with ``get(AUTHOR)`` and write with ``put(AUTHOR, "M. Checker")``; the type of the value follows the key.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from variorum.core.notes.paths import ENV_DATA_DIR, data_dir
from variorum.core.quick_dataclass import dataclass

SETTINGS_FILE = "settings.ini"
T = TypeVar("T")


def _flag(raw: object) -> bool:
    return raw not in (False, "false", "0", 0)  # the INI and native formats give back "true"/"false" strings


def _text(raw: object) -> str:
    return str(raw or "").strip()


def _blob(raw: object) -> QByteArray | None:
    return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None


def _source(entry: object) -> bool:
    """A file of a recent case: its path, or ``{"path": …, "pages": […]}`` for a web archive (core.sources)."""
    return isinstance(entry, str) or (isinstance(entry, dict) and isinstance(entry.get("path"), str))


def _cases(raw: object) -> list[list[str | dict]]:
    try:
        cases = json.loads(raw) if isinstance(raw, str) else []
    except ValueError:
        return []
    if not isinstance(cases, list):
        return []
    return [c for c in cases if isinstance(c, list) and c and all(_source(p) for p in c)]


def _records(raw: object) -> list[dict]:
    try:
        records = json.loads(raw) if isinstance(raw, str) else []
    except ValueError:
        return []
    return [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []


def _as_is(value: object) -> object:
    return value


@dataclass(frozen=True, eq=False)  # each setting is itself: compared and hashed by identity
class Setting(Generic[T]):
    """One setting: where it is stored, its value when never set, and how it is read back and written."""

    key: str
    default: T
    read: Callable[[object], T]
    write: Callable[[T], object] = _as_is


WINDOW_GEOMETRY: Setting[QByteArray | None] = Setting("window/geometry", None, _blob)
WINDOW_STATE: Setting[QByteArray | None] = Setting("window/state", None, _blob)  # docks and toolbars
HIDE_COSMETIC: Setting[bool] = Setting("options/hide_cosmetic", True, _flag)
FIT_ALL_VERSIONS: Setting[bool] = Setting("options/fit_all_versions", False, _flag)  # False: panes keep their width
COLLAPSE_IDENTICAL: Setting[bool] = Setting("options/collapse_identical", False, _flag)
HEAT_ON_STRIP: Setting[bool] = Setting("options/heat_on_strip", False, _flag)  # the overview strip as a heat map
AUTHOR: Setting[str] = Setting("notes/author", "", _text)  # empty: the operating-system user
LAST_FOLDER: Setting[str] = Setting("paths/last_dir", "", _text)  # where Add versions… opens; empty: home
RECENT_CASES: Setting[list[list[str | dict]]] = Setting("recent/cases", [], _cases, json.dumps)  # newest first
LAST_EXPORT_FOLDER: Setting[str] = Setting("paths/last_export_dir", "", _text)  # empty: beside the base file
# The user's choices per set of files (base, hidden and compared versions, by absolute path), newest first.
CASE_VIEWS: Setting[list[dict]] = Setting("recent/case_views", [], _records, json.dumps)

ALL_SETTINGS: tuple[Setting, ...] = (WINDOW_GEOMETRY, WINDOW_STATE, HIDE_COSMETIC, AUTHOR, LAST_FOLDER,
                                     RECENT_CASES, LAST_EXPORT_FOLDER, CASE_VIEWS, FIT_ALL_VERSIONS,
                                     COLLAPSE_IDENTICAL, HEAT_ON_STRIP)

_folder: Path | None = None


def keep_in(folder: Path | None) -> None:
    """Keep settings in ``folder`` from now on (a throwaway window, e.g. a screenshot); None: the usual place."""
    global _folder
    _folder = folder


def settings_file() -> Path | None:
    """The INI file the settings are kept in, or None for the user's normal settings."""
    if _folder is not None:
        return _folder / SETTINGS_FILE
    if os.environ.get(ENV_DATA_DIR):
        return data_dir() / SETTINGS_FILE
    return None


def place() -> str:
    """Where the settings are kept, as a user would look for them (a file path, or the system's settings)."""
    path = settings_file()
    return str(path) if path is not None else QSettings().fileName()


def store() -> QSettings:
    path = settings_file()
    return QSettings() if path is None else QSettings(str(path), QSettings.Format.IniFormat)


def get(setting: Setting[T]) -> T:
    raw = store().value(setting.key)
    return copy.copy(setting.default) if raw is None else setting.read(raw)


def put(setting: Setting[T], value: T) -> None:
    s = store()
    s.setValue(setting.key, setting.write(value))
    s.sync()
