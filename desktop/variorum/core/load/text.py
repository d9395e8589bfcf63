"""Plain text in any encoding (see :mod:`variorum.core.load.encoding`), line endings unified."""

from __future__ import annotations

from variorum.core.load.encoding import decode, looks_binary, replacement_warning
from variorum.core.load.errors import LoadError
from variorum.core.load.extracted import Extracted


def unify_newlines(text: str) -> str:
    """CRLF and CR become LF; a form feed (a page break, as text extracted from PDFs has it) a blank line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")


def extract(raw: bytes) -> Extracted:
    if looks_binary(raw):
        raise LoadError("This looks like a binary file, not text; it cannot be compared.")
    text, encoding = decode(raw)
    text = unify_newlines(text).replace("\ufeff", "")
    damage = replacement_warning(raw, text, encoding)
    warnings = (damage,) if damage else ()
    return Extracted(text=text, encoding=encoding, warnings=warnings)
