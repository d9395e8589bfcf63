"""The same file given twice (by the same path, another path, a link or a hard link) is compared again, but the
user is told which version it repeats."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence

from variorum.core.model import Version


def _identity(version: Version) -> tuple[int, int, str | None] | None:
    """The file, and the record in it for one of a web archive's captures (an archive holds many versions)."""
    if not version.path:
        return None
    try:
        info = os.stat(version.path)
    except (OSError, ValueError):
        return None
    capture = version.metadata.capture
    return info.st_dev, info.st_ino, capture.record_id if capture else None


def duplicate_notice(first: Version) -> str:
    return f"This is the same file as {first.id} ({first.label}), given twice; it is compared with itself."


def note_duplicates(versions: Sequence[Version]) -> list[Version]:
    """The versions, each one that is a file already given earlier warned about it (once)."""
    seen: dict[tuple[int, int, str | None], Version] = {}
    out = []
    for v in versions:
        key = _identity(v)
        first = seen.setdefault(key, v) if key else v
        notice = duplicate_notice(first)
        if first is not v and notice not in v.warnings:
            v = dataclasses.replace(v, warnings=v.warnings + (notice,))
        out.append(v)
    return out
