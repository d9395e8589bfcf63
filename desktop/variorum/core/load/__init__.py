"""Turn files into :class:`~variorum.core.model.Version` objects.

One module per format (``text``, ``markdown``, ``html``, ``pdf``, ``docx``), each exposing
``extract(raw: bytes) -> Extracted``. This module picks the format, guards against bad input and never
lets one unreadable file stop the others: a failure becomes ``Version.error``.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from variorum.core.extensions import EXTENSIONS
from variorum.core.load import capture_versions, folders, limits
from variorum.core.load.duplicates import note_duplicates
from variorum.core.load.encoding import looks_binary
from variorum.core.load.errors import LoadError
from variorum.core.load.extracted import Extracted
from variorum.core.load.files import CaseFull, TooLarge, read_regular_file
from variorum.core.load.furniture import find_furniture
from variorum.core.load.labels import visible_label
from variorum.core.model import Version, nth_id

if TYPE_CHECKING:  # read when a web archive is
    from variorum.core.load.archive_choice import PageChoice

log = logging.getLogger(__name__)
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT_CHARS = limits.MAX_TEXT_CHARS  # the text one version may hold (see :mod:`.limits`)
# every file of one case together, as read (a web archive: its captured pages): one file at the limit and a few
# versions of ordinary size
MAX_CASE_BYTES = 64 * 1024 * 1024
MAX_FOLDER_VERSIONS = 50  # the most files opened from one folder: more panes than this cannot be laid out or read
# every suffix the loader reads, from its one table
EMPTY_FOLDER = f"This folder contains no file that can be compared ({', '.join(EXTENSIONS)})."


__all__ = ["LoadError", "Extracted", "load_paths", "load_file", "load_bytes", "load_pasted",
           "load_versions", "expand_paths", "folder_files", "detect_format", "note_duplicates", "EXTENSIONS", "MAX_FILE_BYTES",
           "MAX_CASE_BYTES", "case_bytes"]


def known_suffix(name: str | Path) -> str:
    """The file name's suffix as :data:`EXTENSIONS` knows it (``.warc.gz`` is one), else its last suffix."""
    return folders.known_suffix(str(name), EXTENSIONS)


def sha256_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


# Files that are certainly not documents Variorum reads, recognised by their first bytes.
_FOREIGN_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a media file (RIFF/WebP/WAV/AVI)"),
    (b"\x1f\x8b", "a gzip-compressed archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word .doc (or other Office 97-2003) file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_FOREIGN_ADVICE = {
    "an old Word .doc (or other Office 97-2003) file": "save it as .docx and try again",
    "an RTF document": "save it as .docx or plain text and try again",
}
FORMAT_NAMES = {"text": "text", "markdown": "Markdown", "html": "HTML", "pdf": "PDF", "docx": "DOCX",
                "image": "image", "warc": "WARC", "wacz": "WACZ", "unknown": "unknown"}


def _a(fmt: str) -> str:
    name = FORMAT_NAMES[fmt]
    return ("an " if name == "HTML" or name[0] in "aeiou" else "a ") + name


def sniff_format(raw: bytes) -> str | None:
    """The format the first bytes prove, whatever the file is called (PDF, DOCX, an HTML page), else None."""
    if raw[:1024].lstrip(b"\x00\t\n\r\f ").startswith(b"%PDF-"):  # not a text that merely mentions it
        return "pdf"
    if raw.startswith(b"PK\x03\x04") and b"word/" in raw[:65536]:
        return "docx"
    if raw.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")) or (raw[:4] == b"RIFF" and raw[8:12] == b"WEBP"):
        return "image"
    head = raw[:512].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):  # e.g. an error page saved under the expected name
        return "html"
    return None


def foreign_kind(raw: bytes) -> str | None:
    """What kind of non-document file this is (an image, an archive, a program…), if recognisable."""
    if sniff_format(raw):
        return None
    if raw.startswith(b"{\\rtf"):
        return "an RTF document"
    if not looks_binary(raw):  # a text that merely starts with the same letters
        return None
    if raw.startswith(b"PK\x03\x04"):
        return "a ZIP archive"
    for signature, kind in _FOREIGN_SIGNATURES:
        if raw.startswith(signature):
            return kind
    return None


def detect_format(name: str, raw: bytes) -> str:
    """The format from the file's first bytes when they prove it, else from its name, else by sniffing."""
    sniffed = sniff_format(raw)
    if sniffed:
        return sniffed
    ext = known_suffix(name)
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    head = raw[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "text"


def _extractor(fmt: str) -> Callable[[bytes], Extracted]:
    mod: ModuleType
    if fmt == "text":
        from variorum.core.load import text as mod
    elif fmt == "markdown":
        from variorum.core.load import markdown as mod
    elif fmt == "html":
        from variorum.core.load import html as mod
    elif fmt == "pdf":
        from variorum.core.load import pdf as mod
    elif fmt == "docx":
        from variorum.core.load import docx as mod
    elif fmt == "image":
        from variorum.core.load import ocr as mod
    else:  # pragma: no cover - detect_format only returns the names above
        raise LoadError(f"unsupported format {fmt!r}")
    return mod.extract


def _markdown_inside(raw: bytes) -> bool:
    """A text file written in Markdown (see :mod:`.markdown_sniff`); undecodable bytes are left to the text
    loader to report."""
    from variorum.core.load.encoding import decode
    from variorum.core.load.markdown_sniff import looks_like_markdown

    if looks_binary(raw):
        return False
    try:
        text, _encoding = decode(raw)
    except LoadError:
        return False
    return looks_like_markdown(text)


def load_bytes(raw: bytes, *, version_id: str, label: str, path: str | None = None,
               fmt: str | None = None) -> Version:
    """Build a Version from raw bytes; any failure is reported in ``Version.error``."""
    digest = sha256_of(raw)
    forced = fmt is not None
    named = fmt or EXTENSIONS.get(known_suffix(label))
    fmt = fmt or detect_format(label, raw)
    base = functools.partial(Version, id=version_id, label=label, path=path, sha256=digest, format=fmt,
                             size=len(raw))
    if not raw:
        return base(encoding=None, text="", error="The file is empty (0 bytes).")
    if len(raw) > MAX_FILE_BYTES:
        return base(encoding=None, text="", error=str(TooLarge(len(raw), MAX_FILE_BYTES)))
    foreign = foreign_kind(raw)
    if foreign and not (fmt == "docx" and foreign == "a ZIP archive"):  # the DOCX loader says what is missing
        advice = _FOREIGN_ADVICE.get(foreign, "Variorum compares text: TXT, Markdown, HTML, PDF and DOCX files")
        return base(format="unknown", encoding=None, text="",
                       error=f"This is {foreign}, not a document that can be compared; {advice}.")
    notes: tuple[str, ...] = ()
    if fmt == "text" and not forced and _markdown_inside(raw):
        fmt = "markdown"
        base = functools.partial(base, format=fmt)
        notes = ("The file is plain text written in Markdown; it was read as Markdown, so its markup (#, **, "
                 "[…](…)) is not compared as words.",)
    elif named and named != fmt:
        notes = (f"The file is named like {_a(named)} file but is {_a(fmt)} file; it was read as "
                 f"{FORMAT_NAMES[fmt]}.",)
    try:
        extracted = _extractor(fmt)(raw)
    except LoadError as exc:
        return base(encoding=None, text="", warnings=notes, error=str(exc))
    except Exception as exc:  # a malformed file must never crash the comparison
        # every damage a loader knows of is a LoadError with its own message: this is a bug, or damage no loader
        # foresaw, and the log keeps its traceback
        log.error("Reading %s as %s failed unexpectedly", label, FORMAT_NAMES[fmt], exc_info=exc)
        return base(encoding=None, text="", warnings=notes,
                    error=f"Could not read this {FORMAT_NAMES[fmt]} file: {type(exc).__name__}: {exc}")
    warnings = notes + extracted.warnings
    if len(extracted.text) > MAX_TEXT_CHARS:
        return base(encoding=extracted.encoding, text="", metadata=extracted.metadata, warnings=warnings,
                    error=too_much_text(len(extracted.text)))
    if not extracted.text.strip():
        return base(encoding=extracted.encoding, text="", metadata=extracted.metadata,
                    warnings=warnings, error="No text could be extracted from this file.")
    furniture = extracted.furniture if extracted.furniture is not None else find_furniture(extracted.text)
    return base(encoding=extracted.encoding, text=extracted.text, metadata=extracted.metadata,
                warnings=warnings, ocr=extracted.ocr, furniture=furniture, page_text=extracted.page_text)


def load_file(path: Path, *, version_id: str, room: int | None = None) -> Version:
    """Read one file; anything but a regular file of at most ``MAX_FILE_BYTES`` (and at most ``room`` bytes, what
    the case may still read), and whatever else goes wrong, is reported in ``Version.error`` (and logged, without
    a traceback)."""
    version = _read_file(Path(path), version_id=version_id, room=room)
    if version.error:
        log.info("Could not read %s: %s", path, version.error)
    return version


def _read_file(path: Path, *, version_id: str, room: int | None = None) -> Version:
    label = visible_label(path.name or str(path))
    limit = MAX_FILE_BYTES if room is None else max(0, min(room, MAX_FILE_BYTES))
    try:
        raw = read_regular_file(path, limit)
    except LoadError as exc:
        too_large = exc if isinstance(exc, TooLarge) else None
        error = str(exc)
        if too_large is not None and room is not None and limit < MAX_FILE_BYTES and \
                (too_large.size or 0) <= MAX_FILE_BYTES:  # within the file limit, past what the case may still read
            error = str(CaseFull(too_large.size, MAX_CASE_BYTES - room, MAX_CASE_BYTES))
        return Version(id=version_id, label=label, path=str(path), sha256="",
                       format=detect_format(label, b"") if too_large is not None else "unknown", encoding=None, text="",
                       error=error, size=too_large.size if too_large is not None else None)
    return load_bytes(raw, version_id=version_id, label=label, path=str(path))


def load_versions(path: Path, *, first_id: int, url: str | None = None, room: int | None = None,
                  pages: PageChoice | None = None) -> list[Version]:
    """The versions one file holds: one for most files, one per captured page for a web archive (ids from
    ``v{first_id}`` on: the captures of the pages chosen for it in ``pages``, else those of ``url``, else all; none
    when the choice is empty); a file of more than ``room`` bytes (what the case may still read) is not read."""
    if path.is_file() and capture_versions.capture_kind(path):
        from variorum.core.load.archive_choice import choice_for

        chosen = choice_for(pages, path)
        if chosen is None and url is not None:
            chosen = (url,)
        if chosen == ():
            return []
        size = path.stat().st_size
        if room is not None and size > room:
            return [Version(id=nth_id(first_id), label=visible_label(path.name), path=str(path), sha256="",
                            format="html", encoding=None, text="", size=size,
                            error=str(CaseFull(size, MAX_CASE_BYTES - room, MAX_CASE_BYTES)))]
        return capture_versions.load_capture(path, first_id=first_id, load_html=load_bytes, chosen=chosen)
    return [load_file(path, version_id=nth_id(first_id), room=room)]


def load_pasted(text: str, *, version_id: str, label: str = "Pasted text", held: int = 0) -> Version:
    """A version made from text the user pasted (no file behind it); refused when it would take a case holding
    ``held`` bytes past :data:`MAX_CASE_BYTES`."""
    raw = text.encode("utf-8")
    room = MAX_CASE_BYTES - held
    if len(raw) > room:
        return Version(id=version_id, label=label, path=None, sha256=sha256_of(raw), format="text", encoding=None,
                       text="", size=len(raw), error=str(CaseFull(len(raw), MAX_CASE_BYTES - room, MAX_CASE_BYTES)))
    return load_bytes(raw, version_id=version_id, label=label, fmt="text")


def case_bytes(versions: Iterable[Version]) -> int:
    """What the readable versions of a case took to read: counted against :data:`MAX_CASE_BYTES`."""
    return sum(v.size or 0 for v in versions if v.ok)


def folder_files(folder: Path) -> list[Path]:
    """Every supported file in a folder and its subfolders, sorted by name (see :mod:`.folders`)."""
    return folders.folder_files(Path(folder), EXTENSIONS)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files in the order given; a directory contributes every supported file inside it, sorted by name."""
    return folders.expand_paths(paths, EXTENSIONS)


def many_pages_message(paths: Iterable[str | Path]) -> str | None:
    """What a user is told when a web archive of many pages is among ``paths`` (folders expanded) and nothing says
    which page to compare: a line, then its pages' addresses a line each (control characters in them made visible:
    they are the archive's); None when there is no such archive."""
    for path, urls in capture_versions.archives_with_many_pages(expand_paths(paths)):
        from variorum.core.notes.printable import printable_line  # its patterns only for such an archive

        return "\n  ".join([f"{printable_line(path)} holds captures of {len(urls)} pages; choose one with --url URL:",
                             *map(printable_line, urls)])
    return None


FileHook = Callable[[int, int, Path], None]


def load_paths(paths: Sequence[str | Path], *, first_id: int = 1, before_file: FileHook | None = None,
               url: str | None = None, held: int = 0, pages: PageChoice | None = None) -> list[Version]:
    """Load every file (directories expanded); ids are ``v{first_id}``, ``v{first_id + 1}``… in load order.

    A web archive gives one version per captured page: only the captures of the pages chosen for it in
    ``pages``, or else of ``url``, when given (nothing of it when its choice is empty). A folder with
    nothing readable in it becomes one version carrying that error, so the user learns why; a file given twice is
    loaded twice, the second time with a warning saying so.
    ``before_file(index, total, path)`` is called before each file is read (progress, or stopping by raising).
    A case holding ``held`` bytes reads at most :data:`MAX_CASE_BYTES` in all: a file that would take it past
    the limit is a version with that error, and the files after it are still read.
    """
    room = MAX_CASE_BYTES - held
    groups = [(p, folder_files(p) if p.is_dir() else [p]) for p in map(Path, paths)]
    left_out = {p: len(files) for p, files in groups if len(files) > MAX_FOLDER_VERSIONS}
    groups = [(p, files[:MAX_FOLDER_VERSIONS]) for p, files in groups]
    total = sum(len(files) for _p, files in groups)
    versions: list[Version] = []
    done = 0
    for p, files in groups:
        if not files:
            versions.append(Version(id=nth_id(first_id + len(versions)), label=visible_label(p.name or str(p)),
                                    path=str(p), sha256="", format="unknown", encoding=None, text="",
                                    error=EMPTY_FOLDER))
        for f in files:
            if before_file is not None:
                before_file(done, total, f)
            loaded = load_versions(f, first_id=first_id + len(versions), url=url, room=room, pages=pages)
            room -= case_bytes(loaded)
            if p in left_out and f is files[0] and loaded:
                loaded[0] = replace(loaded[0], warnings=(too_many_files(left_out[p]), *loaded[0].warnings))
            versions += loaded
            done += 1
    return note_duplicates(versions)


def too_much_text(chars: int) -> str:
    """What the user is told when a file holds more text than one version can be compared with."""
    return (f"This file holds too much text to compare ({chars:,} characters; the limit is {MAX_TEXT_CHARS:,}, as "
            "comparing more would take many minutes and gigabytes of memory). Compare a part of it, saved as a "
            "separate file.")


def too_many_files(count: int) -> str:
    """What the user is told when a folder holds more files than one case opens."""
    return (f"The folder holds {count} files that can be compared; only the first {MAX_FOLDER_VERSIONS} by name were "
            f"opened (a case opens at most {MAX_FOLDER_VERSIONS} files from one folder). To compare others, open "
            "them by name or open a subfolder.")
