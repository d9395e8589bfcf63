"""One file, several versions: a web archive (WARC, WACZ) gives one version per captured page.

Each captured HTML page is read like a saved web page and carries its chain of custody in
``Version.metadata.capture`` (capture time, target URI, WARC record id, payload digest). Versions of one archive
come in capture order, and their ids continue the case's numbering. A capture that cannot be read (a revisit whose
original is missing) becomes a version with an error; an archive that cannot be read at all becomes one version
with an error: nothing here ever stops the other files.
"""

from __future__ import annotations

import logging
import shlex
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from variorum.core.load.errors import LoadError
from variorum.core.load.labels import visible_label
from variorum.core.model import Capture, Version, nth_id

if TYPE_CHECKING:  # the archive readers (and warcio) are imported when an archive is read
    from variorum.core.load.archive_choice import ArchivePage
    from variorum.core.load.warc import Keep, PageCapture

log = logging.getLogger(__name__)
MAX_PAGE_BYTES = 50 * 1024 * 1024  # one captured page, unpacked: as much as the loader reads of any file
HtmlLoader = Callable[..., Version]  # ``load_bytes`` of :mod:`variorum.core.load`: an HTML page as a version
CAPTURE_SUFFIXES = {".warc": "warc", ".warc.gz": "warc", ".wacz": "wacz"}
SOURCE_NAMES = {"warc": "WARC", "wacz": "WACZ"}


def capture_kind(path: Path) -> str | None:
    """``"warc"`` or ``"wacz"`` for a web archive (by its name, or a WARC by its first bytes), else None."""
    name = path.name.lower()
    for suffix, kind in CAPTURE_SUFFIXES.items():
        if name.endswith(suffix):
            return kind
    try:
        with path.open("rb") as f:
            head = f.read(64)
    except (OSError, ValueError):
        return None
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return None
    return "warc" if head.startswith(b"WARC/") else None


def read_archive(path: Path, keep: Keep | None = None) -> tuple[list[PageCapture], list[str]]:
    """The pages captured in a WARC or WACZ file, in capture order, and warnings about the file; only the pages
    of the addresses ``keep`` accepts (default: all) are read in full."""
    import gzip  # a web archive's own errors: loaded when one is read, not for every text file

    from variorum.core.load.wacz import read_wacz
    from variorum.core.load.warc import read_captures

    kind = capture_kind(path)
    with path.open("rb") as f:
        if kind == "wacz":
            return read_wacz(f, limit=MAX_PAGE_BYTES, keep=keep)
        try:
            return read_captures(f, limit=MAX_PAGE_BYTES, keep=keep)
        except (gzip.BadGzipFile, zlib.error, EOFError) as exc:
            raise LoadError(f"This compressed web archive (WARC) is damaged ({exc}).") from exc


def archive_pages(path: Path) -> list[ArchivePage]:
    """The pages a web archive holds, in order of first capture (empty if it cannot be read)."""
    from variorum.core.load.archive_choice import pages_of

    try:
        captures, _ = read_archive(path, keep=lambda _uri: False)  # the addresses and dates are enough
    except (LoadError, OSError, ValueError):
        return []
    return pages_of(captures)


def archive_urls(path: Path) -> list[str]:
    """The addresses of the pages a web archive holds, in order of first capture (empty if it cannot be read)."""
    return [p.url for p in archive_pages(path)]


def archives_with_many_pages(paths: Iterable[Path]) -> list[tuple[Path, list[str]]]:
    """The web archives among ``paths`` that hold captures of more than one page, with those pages' addresses."""
    out = []
    for path in paths:
        if path.is_file() and capture_kind(path):
            urls = archive_urls(path)
            if len(urls) > 1:
                out.append((path, urls))
    return out


def _label(c: PageCapture) -> str:
    when = c.time.replace("T", " ").replace("Z", " UTC") if c.time else "undated"
    return visible_label(f"{c.uri} ({when})")


def _error(path: Path, version_id: str, message: str, label: str | None = None) -> Version:
    return Version(id=version_id, label=label or visible_label(path.name), path=str(path), sha256="", format="html", encoding=None,
                   text="", error=message)


def _version(path: Path, kind: str, c: PageCapture, version_id: str, notes: list[str],
             load_html: HtmlLoader) -> Version:
    capture = Capture(time=c.time, target_uri=c.uri, record_id=c.record_id, payload_digest=c.payload_digest,
                      source=f"{SOURCE_NAMES[kind]} {path.name}")
    if c.html is None:
        v = _error(path, version_id, f"This capture is a revisit record pointing to a capture that is not in this "
                                     f"archive ({c.revisit_of}); there is no text to compare.", _label(c))
        return replace(v, metadata=replace(v.metadata, capture=capture, url=c.uri))
    v = load_html(c.html, version_id=version_id, label=_label(c), path=str(path), fmt="html")
    if c.revisit_of:
        notes = [*notes, f"This capture is a revisit record: the archive kept no new copy because the page was "
                         f"unchanged since the capture {c.revisit_of}, whose text is shown."]
    m = v.metadata
    sources = m.sources if m.url else m.sources + (("url", "WARC-Target-URI"),)
    return replace(v, metadata=replace(m, capture=capture, url=m.url or c.uri, sources=sources),
                   warnings=(*notes, *v.warnings))


def load_capture(path: Path, *, first_id: int, load_html: HtmlLoader,
                 chosen: Sequence[str] | None = None) -> list[Version]:
    """The versions in a web archive: every captured page, or only the captures of the pages ``chosen`` (their
    addresses, compared by the one URL rule) when given; each page is read by ``load_html`` (as ``load_bytes``
    reads a saved page). Whatever cannot be read is logged."""
    versions = _capture_versions(path, first_id, load_html, chosen)
    for v in versions:
        if v.error:
            log.info("Could not read %s (%s): %s", path, v.label, v.error)
    return versions


def _capture_versions(path: Path, first_id: int, load_html: HtmlLoader,
                      chosen: Sequence[str] | None) -> list[Version]:
    from variorum.core.load.archive_choice import is_chosen, pages_of

    kind = capture_kind(path) or "warc"
    try:
        captures, warnings = read_archive(path, keep=None if chosen is None else (lambda uri: is_chosen(uri, chosen)))
    except LoadError as exc:
        return [_error(path, nth_id(first_id), str(exc))]
    except OSError as exc:
        return [_error(path, nth_id(first_id), f"Could not open the file: {exc.strerror or exc}.")]
    urls = [p.url for p in pages_of(captures)]
    if not captures:
        return [_error(path, nth_id(first_id), "This web archive holds no captured web page (no HTML response with "
                                            "status 200).")]
    if chosen is not None:
        captures = [c for c in captures if is_chosen(c.uri, chosen)]
        if not captures:
            return [_error(path, nth_id(first_id), f"This web archive holds no capture of {' or '.join(chosen)}; it holds "
                                                f"{', '.join(urls[:10])}{' …' if len(urls) > 10 else ''}.")]
    elif len(urls) > 1:
        warnings = [*warnings, f"This archive holds {len(urls)} different pages; all of them were opened. To "
                               "compare the captures of one page, hide or remove the others in the Versions panel, "
                               f"or run: variorum compare {shlex.quote(path.name)} --url URL"]
    return [_version(path, kind, c, nth_id(first_id + i), warnings, load_html) for i, c in enumerate(captures)]
