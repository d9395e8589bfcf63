"""Which pages of a web archive to compare: the pages it holds, and the choice a user makes among them.

A web archive made by crawling a site holds captures of many pages; a comparison wants the captures of one (or a
few). The pages are told apart by the one URL rule of :func:`~variorum.core.metadata.equality.same_url`: the
captures of ``http://example.com/a`` and ``https://www.example.com/a/`` are captures of one page. The command line
asks for ``--url``; the app shows the list of :class:`ArchivePage` and keeps the user's choice with the case as
a :data:`PageChoice` (file → the addresses chosen in it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from variorum.core.metadata.equality import same_url
from variorum.core.metadata.links import url_key
from variorum.core.quick_dataclass import dataclass

if TYPE_CHECKING:
    from variorum.core.load.warc import PageCapture

# file (:func:`archive_key`) → the addresses of the pages chosen in it; an empty choice opens nothing of it
PageChoice = Mapping[str, tuple[str, ...]]


def archive_key(path: str | Path) -> str:
    """How a :data:`PageChoice` names a file: its absolute path, so the choice holds from any working folder."""
    return str(Path(path).absolute())


@dataclass(frozen=True)
class ArchivePage:
    """One page of a web archive: its address (as first captured), how often and when it was captured."""

    url: str
    captures: int
    first: str | None  # ISO-8601 UTC capture times; None when the archive gives none
    last: str | None


def pages_of(captures: Iterable[PageCapture]) -> list[ArchivePage]:
    """The pages captured, in order of first capture; captures of one address however written are one page."""
    groups: dict[str, list[PageCapture]] = {}
    for c in captures:
        groups.setdefault(url_key(c.uri), []).append(c)  # the key same_url compares
    pages = []
    for group in groups.values():
        times = sorted(c.time for c in group if c.time)
        pages.append(ArchivePage(group[0].uri, len(group), times[0] if times else None,
                                 times[-1] if times else None))
    return pages


def is_chosen(uri: str, chosen: Sequence[str]) -> bool:
    """Whether a capture of ``uri`` belongs to one of the pages chosen."""
    return any(same_url(uri, url) for url in chosen)


def choice_for(pages: PageChoice | None, path: Path) -> tuple[str, ...] | None:
    """The pages chosen in the file at ``path``; None when no choice was made for it."""
    return None if not pages else pages.get(archive_key(path))


def preselected(pages: Sequence[ArchivePage], addresses: Iterable[str]) -> list[str]:
    """The pages to offer as the likely choice: those the other files of the case are about (``addresses``:
    their URLs); else the page captured most often, when one was captured more often than any other and at
    least twice (a comparison needs two captures); else none."""
    addresses = [a for a in addresses if a]
    matching = [p.url for p in pages if any(same_url(p.url, a) for a in addresses)]
    if matching:
        return matching
    counts = sorted((p.captures for p in pages), reverse=True)
    if not counts or counts[0] < 2 or (len(counts) > 1 and counts[1] == counts[0]):
        return []
    return [p.url for p in pages if p.captures == counts[0]]
