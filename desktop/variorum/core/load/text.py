"""Plain text in any encoding (BOMs honoured, charset-normalizer for the rest), line endings unified."""

from __future__ import annotations

import codecs

from variorum.core.load.errors import LoadError
from variorum.core.load.extracted import Extracted

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 32)


def looks_binary(raw: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB, outside a UTF-16/32 BOM."""
    sample = raw[:8192]
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(sample) // 50)


def decode(raw: bytes) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return raw.decode(name), name.replace("-sig", "")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if looks_binary(raw):
        raise LoadError("This looks like a binary file, not text; it cannot be compared.")
    from charset_normalizer import from_bytes  # imported on demand: most files are UTF-8

    best = from_bytes(raw).best()
    if best is None:
        raise LoadError("The text encoding could not be recognised; save the file as UTF-8 and try again.")
    return str(best), best.encoding


def unify_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def extract(raw: bytes) -> Extracted:
    if looks_binary(raw):
        raise LoadError("This looks like a binary file, not text; it cannot be compared.")
    text, encoding = decode(raw)
    text = unify_newlines(text).replace("\ufeff", "")
    warnings: tuple[str, ...] = ()
    if "\ufffd" in text:
        warnings = ("The file contains replacement characters (\ufffd): some bytes were not valid text.",)
    return Extracted(text=text, encoding=encoding, warnings=warnings)
