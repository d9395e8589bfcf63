"""Web Archive Collection Zipped (WACZ, ``.wacz``), as made by ArchiveWeb.page, Webrecorder and Browsertrix.

A WACZ is a ZIP file holding WARC files under ``archive/`` and the list of pages the user captured in
``pages/pages.jsonl`` (one JSON object a line, each with a ``url``). The WARCs are read with
:mod:`variorum.core.load.warc`; when the page list names pages, only the captures of those pages are versions (the
other HTML responses are frames and embedded documents).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import PurePosixPath
from typing import BinaryIO

from variorum.core.load.errors import LoadError
from variorum.core.load.warc import Keep, PageCapture, read_captures

PAGES_FILES = ("pages/pages.jsonl", "pages/extraPages.jsonl")


def _page_list(archive: zipfile.ZipFile, limit: int) -> list[str]:
    urls: list[str] = []
    for name in PAGES_FILES:
        try:
            info = archive.getinfo(name)
        except KeyError:
            continue
        if info.file_size > limit:
            continue
        for line in archive.read(info).decode("utf-8", "replace").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and isinstance(entry.get("url"), str):
                urls.append(entry["url"])
    return list(dict.fromkeys(urls))


def _warc_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    members = [i for i in archive.infolist()
               if not i.is_dir() and PurePosixPath(i.filename).name.lower().endswith((".warc", ".warc.gz"))]
    return sorted(members, key=lambda i: i.filename)


def read_wacz(stream: BinaryIO, *, limit: int, keep: Keep | None = None) -> tuple[list[PageCapture], list[str]]:
    """The captured pages of a WACZ file, in capture order, and warnings about it.

    ``limit`` caps the unpacked size of each WARC inside (and of one page in it): a WACZ is a ZIP, and a ZIP can
    claim to unpack to far more than it holds. ``keep`` chooses the pages read in full, as in
    :func:`~variorum.core.load.warc.read_captures`.
    """
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise LoadError(f"This is not a readable WACZ web archive: the ZIP file is damaged ({exc}).") from exc
    with archive:
        members = _warc_members(archive)
        if not members:
            raise LoadError("This WACZ file holds no WARC file (nothing under archive/): no page was captured.")
        listed = _page_list(archive, limit)
        captures: list[PageCapture] = []
        warnings: list[str] = []
        for info in members:
            if info.file_size > limit:
                warnings.append(f"{info.filename} is larger than {limit // (1024 * 1024)} MB once unpacked and "
                                "was left out.")
                continue
            try:
                with archive.open(info) as member:
                    found, notes = read_captures(member, limit=limit, keep=keep)
            except LoadError as exc:
                warnings.append(f"{info.filename}: {exc}")
                continue
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                warnings.append(f"{info.filename} could not be unpacked ({exc}).")
                continue
            captures += found
            warnings += [f"{info.filename}: {n}" for n in notes]
    if listed:
        pages = set(listed)
        chosen = [c for c in captures if c.uri in pages]
        captures = chosen or captures
    captures.sort(key=lambda c: c.time or "")
    return captures, warnings
