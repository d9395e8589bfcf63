"""Which files a folder contributes to a case, found without ever hanging or giving up on the whole folder.

Subfolders are searched too, but links to folders are not followed (so a link loop cannot run forever), hidden
and lock files are skipped, and whatever cannot be listed (a subfolder without read permission) is returned
itself, so that loading it tells the user why, instead of being silently dropped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path


def _natural_key(rel: Path) -> tuple:
    """Sort key that puts ``part2`` before ``part10``."""
    return tuple((0, int(piece), "") if piece.isdigit() else (1, 0, piece)
                 for piece in re.split(r"(\d+)", str(rel).casefold()) if piece)


def known_suffix(name: str, extensions: Iterable[str]) -> str:
    """The name's suffix among ``extensions``, the longest first (``.warc.gz`` is one), else its last suffix."""
    lowered = name.lower()
    return next((e for e in sorted(extensions, key=len, reverse=True) if lowered.endswith(e)), Path(lowered).suffix)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows a link: a link to a folder is no document either
    except OSError:
        return False  # a link that loops or leads nowhere: loading it says so


def folder_files(folder: Path, extensions: Mapping[str, str]) -> list[Path]:
    """Every file with one of ``extensions`` in a folder and its subfolders, sorted by name; hidden and lock files
    skipped. Anything of those names that is not a folder is included (a named pipe, a broken link: loading it
    explains), and so is every folder that could not be listed."""
    found: list[Path] = []
    pending = [Path(folder)]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = list(entries)
        except OSError:
            found.append(current)
            continue
        for entry in listed:
            if entry.name.startswith((".", "~$")):
                continue
            path = current / entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif known_suffix(entry.name, extensions) in extensions and not _is_folder(entry):
                found.append(path)
    return sorted(found, key=lambda c: _natural_key(c.relative_to(folder)))


def expand_paths(paths: Iterable[str | Path], extensions: Mapping[str, str]) -> list[Path]:
    """Files in the order given; a directory contributes its files (see :func:`folder_files`)."""
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(folder_files(p, extensions) if p.is_dir() else [p])
    return out
