"""Plain text in any encoding (BOMs honoured, charset-normalizer for the rest), line endings unified."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from variorum.core.load.errors import LoadError
from variorum.core.load.extracted import Extracted

# (byte order mark, codec that consumes it, the encoding's name as shown to the user); UTF-32 before UTF-16,
# whose little-endian mark is a prefix of UTF-32's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)


# Legacy encodings in order of how common they are for news text, used to break near-ties.
PREFERRED_ENCODINGS = ("cp1252", "cp1251", "cp1250", "latin_1", "iso8859_15", "cp1253", "cp1254", "cp1257",
                       "iso8859_2", "koi8_r", "cp1256", "cp1255", "gb18030", "big5", "shift_jis", "euc_jp",
                       "euc_kr")
CLOSE_CHAOS = 0.1  # "as clean as the best" (charset-normalizer's mess ratio)
CLOSE_COHERENCE = 0.05  # "reads as much like a language as the best"


def looks_binary(raw: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB, outside a UTF-16/32 BOM."""
    sample = raw[:8192]
    if any(sample.startswith(bom) for bom, _, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > max(8, len(sample) // 50)


def decode(raw: bytes) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used."""
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), name
            except UnicodeDecodeError as exc:
                raise LoadError(f"The file starts with a {name.upper()} byte order mark but is not valid "
                                f"{name.upper()} text (byte {exc.start} is wrong); it may be damaged.") from exc
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if looks_binary(raw):
        raise LoadError("This looks like a binary file, not text; it cannot be compared.")
    return detect(raw)


def detect(raw: bytes) -> tuple[str, str]:
    """Decode bytes of an unknown legacy encoding.

    charset-normalizer ranks the candidate encodings; on short texts several decode about equally cleanly and
    coherently, and then the one most used for news text wins (Windows-1252 for Western European text…).
    """
    results = from_bytes(raw)
    best = results.best()
    if best is None:
        raise LoadError("The text encoding could not be recognised; save the file as UTF-8 and try again.")
    close = [m for m in results if m.chaos <= best.chaos + CLOSE_CHAOS]
    coherence = max(m.coherence for m in close)
    close = [m for m in close if m.coherence >= coherence - CLOSE_COHERENCE]
    for name in PREFERRED_ENCODINGS:
        for match in close:
            if name in match.could_be_from_charset:
                return raw.decode(name), name
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
