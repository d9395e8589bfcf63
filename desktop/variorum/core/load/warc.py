"""Web archive files (WARC, ``.warc`` or ``.warc.gz``): the web pages they captured, read with warcio.

Every HTML response with status 200 is a capture of a page. A *revisit* record says "the same content as an earlier
capture" without repeating it: it is resolved to the payload it points to (by ``WARC-Refers-To-Target-URI`` and
``WARC-Refers-To-Date``, else by its payload digest) and stays a capture of its own, with its own date. Captures come
back in capture order (``WARC-Date``; file order among equal dates).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from variorum.core.load.errors import LoadError
from variorum.core.quick_dataclass import dataclass

HTML_TYPES = ("text/html", "application/xhtml+xml")
REVISIT_STATUSES = ("200", "304")  # a revisit by the "server-not-modified" profile records a 304


@dataclass(frozen=True)
class PageCapture:
    """One captured HTML page: its address, when it was captured, the WARC identifiers, and the page itself."""

    uri: str
    time: str | None  # ISO-8601 UTC ``…Z``
    record_id: str | None
    payload_digest: str | None
    html: bytes | None  # None for a revisit whose original capture is not in the file
    revisit_of: str | None = None  # the record id (or address and date) of the capture a revisit repeats


@dataclass
class _Record:
    kind: str
    uri: str
    date: str | None
    record_id: str | None
    digest: str | None
    status: str | None
    html: bool
    page: bool  # an HTML response with status 200
    payload: bytes | None  # the page, when it was asked for
    refers_uri: str | None
    refers_date: str | None
    order: int


def iso_time(value: str | None) -> str | None:
    """A WARC date (``2024-03-01T14:32:10Z``, perhaps with fractions of a second) as ``YYYY-MM-DDTHH:MM:SSZ``."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return value.strip()
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _is_html(content_type: str | None) -> bool:
    return content_type is not None and content_type.split(";")[0].strip().lower() in HTML_TYPES


Keep = Callable[[str], bool]


def _records(stream: IO[bytes], limit: int, keep: Keep | None) -> tuple[list[_Record], str | None]:
    """The response and revisit records (the pages of the addresses ``keep`` accepts read in full), and a
    description of the damage that stopped the reading, if any."""
    out: list[_Record] = []
    try:
        for n, record in enumerate(ArchiveIterator(stream)):
            if record.format != "warc":  # warcio also reads the older ARC format, and takes anything for it
                raise ArchiveLoadFailed(f"record {n + 1} is not a WARC record")
            if record.rec_type not in ("response", "revisit"):
                continue
            h = record.rec_headers
            http = record.http_headers
            status = http.get_statuscode() if http else None
            html = _is_html(http.get_header("Content-Type")) if http else False
            payload = None
            uri = h.get_header("WARC-Target-URI") or ""
            page = record.rec_type == "response" and html and status == "200"
            if page and (keep is None or keep(uri)):
                payload = record.content_stream().read(limit + 1)
                if len(payload) > limit:
                    raise LoadError(f"A page in this archive is larger than {limit // (1024 * 1024)} MB once "
                                    "unpacked; it cannot be read.")
            out.append(_Record(record.rec_type, uri, h.get_header("WARC-Date"), h.get_header("WARC-Record-ID"),
                               h.get_header("WARC-Payload-Digest"), status, html, page, payload, h.get_header("WARC-Refers-To-Target-URI"),
                               h.get_header("WARC-Refers-To-Date"), n))
    except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
        return out, f"{type(exc).__name__}: {exc}"
    return out, None


def _resolve(revisit: _Record, responses: Iterable[_Record]) -> _Record | None:
    """The response a revisit repeats: the same address captured at the date it names, else the same payload."""
    responses = list(responses)
    if revisit.refers_uri and revisit.refers_date:
        when = iso_time(revisit.refers_date)
        for r in responses:
            if r.uri == revisit.refers_uri and iso_time(r.date) == when:
                return r
    if revisit.digest:
        for r in responses:
            if r.digest == revisit.digest and r.uri == (revisit.refers_uri or revisit.uri):
                return r
        for r in responses:
            if r.digest == revisit.digest:
                return r
    return None


def read_captures(stream: IO[bytes], *, limit: int, keep: Keep | None = None) -> tuple[list[PageCapture], list[str]]:
    """The HTML pages captured in a WARC stream, in capture order, and warnings about the file.

    ``limit`` caps the unpacked size of one page; only the pages of the addresses ``keep`` accepts (default: all)
    are read, the others come back without their HTML. A file that is not a WARC at all raises :class:`LoadError`; a file
    damaged part-way keeps the captures read before the damage, with a warning.
    """
    records, damage = _records(stream, limit, keep)
    if damage and not records:
        raise LoadError(f"This is not a readable web archive (WARC) file ({damage}).")
    warnings = [f"The archive is damaged part-way ({damage}); the captures before the damage were read."] \
        if damage else []
    responses = [r for r in records if r.page]
    pages: list[tuple[str, int, PageCapture]] = []
    for r in records:
        if r.page:
            pages.append((iso_time(r.date) or "", r.order,
                          PageCapture(r.uri, iso_time(r.date), r.record_id, r.digest, r.payload)))
        elif r.kind == "revisit" and (r.status is None or r.status in REVISIT_STATUSES):
            original = _resolve(r, responses)
            if original is None and not r.html:
                continue  # a revisit of something other than a page (an image, a script)
            pointer = (original.record_id if original else None) or \
                f"{r.refers_uri or r.uri} captured {iso_time(r.refers_date) or 'earlier'}"
            pages.append((iso_time(r.date) or "", r.order,
                          PageCapture(r.uri, iso_time(r.date), r.record_id, r.digest or (original.digest if original else None),
                                      original.payload if original else None, revisit_of=pointer)))
    pages.sort(key=lambda p: (p[0], p[1]))
    return [p for _, _, p in pages], warnings

