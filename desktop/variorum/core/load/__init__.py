"""Turn files into :class:`~variorum.core.model.Version` objects.

One module per format (``text``, ``markdown``, ``html``, ``pdf``, ``docx``), each exposing
``extract(raw: bytes) -> Extracted``. This module picks the format, guards against bad input and never
lets one unreadable file stop the others: a failure becomes ``Version.error``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from variorum.core.load.errors import LoadError
from variorum.core.load.extracted import Extracted
from variorum.core.model import Version

MAX_FILE_BYTES = 50 * 1024 * 1024

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}

__all__ = ["LoadError", "Extracted", "load_paths", "load_file", "load_bytes", "load_pasted",
           "expand_paths", "EXTENSIONS", "MAX_FILE_BYTES"]


def sha256_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def detect_format(name: str, raw: bytes) -> str:
    """The format from the file name, falling back to sniffing the first bytes."""
    ext = Path(name).suffix.lower()
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    head = raw[:2048].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith(b"pk\x03\x04") and b"word/" in raw[:65536]:
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "text"


def _extractor(fmt: str):
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
    else:  # pragma: no cover - detect_format only returns the names above
        raise LoadError(f"unsupported format {fmt!r}")
    return mod.extract


def load_bytes(raw: bytes, *, version_id: str, label: str, path: str | None = None,
               fmt: str | None = None) -> Version:
    """Build a Version from raw bytes; any failure is reported in ``Version.error``."""
    digest = sha256_of(raw)
    fmt = fmt or detect_format(label, raw)
    base = dict(id=version_id, label=label, path=path, sha256=digest, format=fmt)
    if not raw:
        return Version(**base, encoding=None, text="", error="The file is empty (0 bytes).")
    if len(raw) > MAX_FILE_BYTES:
        size_mb = len(raw) / (1024 * 1024)
        return Version(**base, encoding=None, text="",
                       error=f"The file is too large to compare ({size_mb:.0f} MB; the limit is "
                             f"{MAX_FILE_BYTES // (1024 * 1024)} MB).")
    try:
        extracted = _extractor(fmt)(raw)
    except LoadError as exc:
        return Version(**base, encoding=None, text="", error=str(exc))
    except Exception as exc:  # a malformed file must never crash the comparison
        return Version(**base, encoding=None, text="",
                       error=f"Could not read this {fmt.upper()} file: {type(exc).__name__}: {exc}")
    if not extracted.text.strip():
        return Version(**base, encoding=extracted.encoding, text="", metadata=extracted.metadata,
                       warnings=extracted.warnings, error="No text could be extracted from this file.")
    return Version(**base, encoding=extracted.encoding, text=extracted.text, metadata=extracted.metadata,
                   warnings=extracted.warnings)


def load_file(path: Path, *, version_id: str) -> Version:
    label = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Version(id=version_id, label=label, path=str(path), sha256="", format=detect_format(label, b""),
                           encoding=None, text="",
                           error=f"The file is too large to compare ({size / (1024 * 1024):.0f} MB; the limit is "
                                 f"{MAX_FILE_BYTES // (1024 * 1024)} MB).")
        raw = path.read_bytes()
    except OSError as exc:
        return Version(id=version_id, label=label, path=str(path), sha256="", format="unknown", encoding=None,
                       text="", error=f"Could not open the file: {exc.strerror or exc}.")
    return load_bytes(raw, version_id=version_id, label=label, path=str(path))


def load_pasted(text: str, *, version_id: str, label: str = "Pasted text") -> Version:
    """A version made from text the user pasted (no file behind it)."""
    raw = text.encode("utf-8")
    return load_bytes(raw, version_id=version_id, label=label, fmt="text")


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files in the order given; a directory contributes every supported file inside it, sorted by name."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted((c for c in p.rglob("*") if c.is_file() and c.suffix.lower() in EXTENSIONS
                               and not any(part.startswith(".") for part in c.relative_to(p).parts)),
                              key=lambda c: str(c.relative_to(p)).lower()))
        else:
            out.append(p)
    return out


def load_paths(paths: Sequence[str | Path], *, first_id: int = 1) -> list[Version]:
    """Load every file (directories expanded); ids are ``v1``, ``v2``… in load order."""
    return [load_file(p, version_id=f"v{i}") for i, p in enumerate(expand_paths(paths), start=first_id)]
