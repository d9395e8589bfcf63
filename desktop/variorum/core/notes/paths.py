"""Where the notes store lives: ``platformdirs.user_data_dir("variorum")``, or ``$VARIORUM_DATA_DIR`` if set."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

STORE_NAME = "notes.sqlite3"
ENV_DATA_DIR = "VARIORUM_DATA_DIR"


def data_dir() -> Path:
    """The folder holding Variorum's data (the notes store and its backups)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("variorum", appauthor=False))


def store_path() -> Path:
    """The notes database file."""
    return data_dir() / STORE_NAME
