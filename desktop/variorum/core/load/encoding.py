"""Which encoding a file's bytes are in: byte order marks, UTF-8, else charset-normalizer's candidates weighed
by how much each decoding reads like real writing."""

from __future__ import annotations

import codecs
import unicodedata

from variorum.core.load.errors import LoadError

# (byte order mark, codec that consumes it, the encoding's name as shown to the user); UTF-32 before UTF-16,
# whose little-endian mark is a prefix of UTF-32's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)


# Legacy encodings in order of how common they are for news text: the name given when several decode alike.
PREFERRED_ENCODINGS = ("cp1252", "cp1251", "cp1250", "latin_1", "iso8859_15", "cp1253", "cp1254", "cp1257",
                       "iso8859_2", "koi8_r", "cp1256", "cp1255", "gb18030", "big5", "shift_jis", "euc_jp",
                       "euc_kr")
ALWAYS_TRIED = ("cp1252", "cp1251", "cp1250")
CLOSE_CHAOS = 0.1  # "as clean as the best" (charset-normalizer's mess ratio)
PLAUSIBILITY_SAMPLE = 50_000
LEGACY_MIN_BROKEN = 8  # fewer broken sequences beside valid UTF-8 ones are damage, not a code page
DAMAGE_OFFSETS_SHOWN = 5  # the warning about damaged UTF-8 names this many offsets
UTF16_NUL_SHARE = 0.1  # UTF-16 without BOM: at least this share of the high bytes is NUL…
UTF16_STRAY_NUL_SHARE = 0.01  # …and at most this share of the low bytes
UTF16_CONTROL_SHARE = 0.02  # a decoding with more control characters than this is not text
# The accented letters of the alphabets of Latin-script languages (lower case), grouped where they share text.
_ALPHABETS = tuple(frozenset(a) for a in (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüßé",  # German
    "áéíñóúüàèïòç",  # Spanish, Catalan
    "áâãàçéêíóôõú",  # Portuguese
    "àèéìíîòóù",  # Italian
    "åäæöøéü",  # Nordic
    "ąćęłńóśźż",  # Polish
    "áčďéěíňóřšťúůýžäľĺôŕ",  # Czech, Slovak
    "áéíóöőúüű",  # Hungarian
    "čćđšžäöü",  # Croatian, Serbian, Slovenian, Bosnian
    "ăâîșțşţ",  # Romanian
    "çğıöşüâîûi̇",  # Turkish
    "āčēģīķļņšūž",  # Latvian, Lithuanian
    "ëç",  # Albanian
))
_PLAUSIBLE_MARKS = frozenset("«»„“”‘’‚‹›–—…€£°ºª·§©®™•¡¿\u00a0\u00ad")
_INWORD_MARKS = frozenset("’·\u00ad")


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 32)


def looks_binary(raw: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB, outside a UTF-16/32 text (with or without BOM)."""
    sample = raw[:8192]
    if any(sample.startswith(bom) for bom, _, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return bomless_utf16(sample, partial=True) is None
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(sample) // 50)


def bomless_utf16(raw: bytes, *, partial: bool = False) -> str | None:
    """The codec ("utf-16-le" or "utf-16-be") of UTF-16 text without a byte order mark, else None.

    In text of the Latin, Greek or Cyrillic scripts (and spaces and punctuation in any script) the high byte of
    many characters is 0, so NUL bytes fill one of the two byte positions and (almost) never the other.
    ``partial``: ``raw`` is only the start of a file, and may end inside a character."""
    sample = raw[:8192]
    pairs = len(sample) // 2
    if pairs < 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0:2 * pairs:2].count(0) / pairs, sample[1:2 * pairs:2].count(0) / pairs
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high < UTF16_NUL_SHARE or low > UTF16_STRAY_NUL_SHARE or (len(raw) % 2 and not partial):
            continue
        try:
            text = sample[:2 * pairs].decode(codec, errors="ignore" if partial else "strict")
        except UnicodeDecodeError:
            return None
        controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")
        return codec if controls <= UTF16_CONTROL_SHARE * len(text) else None
    return None


def decode(raw: bytes) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used.

    A byte order mark decides; then UTF-16 recognised by its NUL bytes; then UTF-8, which a file with a few
    damaged bytes stays (they become U+FFFD); a legacy code page only when the bytes give strong evidence for
    one (see :func:`_legacy_if_likelier`)."""
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), name
            except UnicodeDecodeError as exc:
                raise LoadError(f"The file starts with a {name.upper()} byte order mark but is not valid "
                                f"{name.upper()} text (byte {exc.start} is wrong); it may be damaged.") from exc
    utf16 = bomless_utf16(raw)
    if utf16:
        return raw.decode(utf16), utf16
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if looks_binary(raw):
        raise LoadError("This looks like a binary file, not text; it cannot be compared.")
    text = raw.decode("utf-8", errors="replace")
    legacy = _legacy_if_likelier(raw, text)
    return legacy if legacy is not None else (text, "utf-8")


def _utf8_counts(raw: bytes, text: str) -> tuple[int, int]:
    """(valid multi-byte UTF-8 sequences, invalid ones) in ``raw``, given its decoding with U+FFFD marks."""
    broken = text.count("\ufffd") - raw.count("\ufffd".encode())  # less the marks the file itself holds
    return len(text) - len(text.encode("ascii", "ignore")) - broken, broken


def _legacy_if_likelier(raw: bytes, text: str) -> tuple[str, str] | None:
    """The legacy decoding of bytes that are not valid UTF-8 when the evidence for it is strong, else None
    (the bytes are damaged UTF-8).

    Legacy text puts accented letters and other scripts on single bytes, which are invalid UTF-8 nearly every
    time and valid multi-byte sequences only by rare chance. So no valid multi-byte sequence at all means a
    legacy code page, at least as many valid sequences as broken ones means damaged UTF-8, and in between the
    legacy decoding must read more like real writing than the UTF-8 one."""
    valid, broken = _utf8_counts(raw, text)
    if valid == 0:
        return detect(raw)
    if valid >= broken or broken < LEGACY_MIN_BROKEN:
        return None
    try:
        decoded, name = detect(raw)
    except LoadError:
        return None
    legacy_score, _ = plausibility(decoded[:PLAUSIBILITY_SAMPLE])
    utf8_score, _ = plausibility(text[:PLAUSIBILITY_SAMPLE])  # U+FFFD marks count against it
    return (decoded, name) if legacy_score > utf8_score else None


def utf8_damage(raw: bytes, first: int = DAMAGE_OFFSETS_SHOWN) -> list[int]:
    """The byte offsets of the ``first`` places where ``raw`` is not valid UTF-8 (where each broken sequence
    starts)."""
    offsets: list[int] = []
    view = memoryview(raw)
    start = 0
    while len(offsets) < first:
        try:
            codecs.utf_8_decode(view[start:], "strict", True)
            break
        except UnicodeDecodeError as exc:
            offsets.append(start + exc.start)
            start += exc.end
    return offsets


def replacement_warning(raw: bytes, text: str, encoding: str | None) -> str | None:
    """The warning for U+FFFD marks in ``text``: where a damaged UTF-8 file's broken bytes are, or that the
    file itself holds replacement characters."""
    if "\ufffd" not in text:
        return None
    offsets = utf8_damage(raw) if encoding == "utf-8" else []
    if not offsets:
        return "The file contains replacement characters (\ufffd): some bytes were not valid text."
    _, broken = _utf8_counts(raw, raw.decode("utf-8", errors="replace"))
    shown = ", ".join(str(o) for o in offsets)
    more = f" and {broken - len(offsets)} more" if broken > len(offsets) else ""
    s = "s" if broken > 1 else ""
    return (f"The file is UTF-8 text with {broken} damaged byte sequence{s} (at byte offset{s} {shown}{more}), "
            f"each shown as \ufffd.")


def _is_ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def plausibility(text: str) -> tuple[float, bool]:
    """How much the non-ASCII characters look like real writing in one language (1.0 = entirely), and whether
    they are mostly accented Latin letters.

    Accented Latin letters count when one alphabet holds them all (text decoded with the wrong code page mixes
    letters no language uses together: "Ðurða èeka"); letters of other scripts count unless an upper-case
    letter follows a lower-case one inside a word ("ЗяхМ") or a cased letter sits against a Latin one; quotes and dashes count unless they sit between two
    letters ("žlu»oučký").
    """
    seen = other_good = 0
    latin: dict[str, int] = {}
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch < "\x80":
            continue
        seen += 1
        prev = text[i - 1] if i else " "
        if ch.isalpha() and (ch > "\u024f" or unicodedata.name(ch, "").startswith("LATIN")):
            if ch.isupper() and prev.islower():
                continue
            if ch <= "\u024f":
                latin[ch.lower()] = latin.get(ch.lower(), 0) + 1
            elif ch.lower() != ch.upper() and (_is_ascii_letter(prev) or _is_ascii_letter(text[i + 1:i + 2])):
                continue  # a Cyrillic or Greek letter inside a Latin word ("Tьrkзe"): a wrong code page
            else:
                other_good += 1  # Greek, Cyrillic, Hebrew, CJK… (not the ordinal signs ª º or µ)
        elif ch in _PLAUSIBLE_MARKS:
            nxt = text[i + 1] if i < last else " "
            if not (prev.isalpha() and nxt.isalpha() and ch not in _INWORD_MARKS):
                other_good += 1
    if not seen:
        return 1.0, False
    latin_good = max((sum(n for ch, n in latin.items() if ch in alphabet) for alphabet in _ALPHABETS), default=0)
    return (other_good + latin_good) / seen, 2 * sum(latin.values()) > seen


def detect(raw: bytes) -> tuple[str, str]:
    """Decode bytes of an unknown legacy encoding.

    charset-normalizer proposes candidate encodings (on a large file it may stop at the first clean one), and
    the three most common code pages are always tried too. Among the candidates, the decoding whose non-ASCII
    characters look most like real writing wins (Windows-1252 turns French into é and à where a Baltic code page
    makes ē and ą). The encoding is named by the most common code page that gives the same text.
    """
    from charset_normalizer import from_bytes  # imported on demand: most files are UTF-8

    results = list(from_bytes(raw))
    sample = raw[:PLAUSIBILITY_SAMPLE]
    # (codec, the code pages giving the same text, charset-normalizer's rank)
    candidates: list[tuple[str, list[str], int]] = []
    if results:
        least_chaos = min(m.chaos for m in results)
        candidates = [(m.encoding, list(m.could_be_from_charset), n)
                      for n, m in enumerate(results) if m.chaos <= least_chaos + CLOSE_CHAOS]
    for name in ALWAYS_TRIED:
        if any(name in same for _, same, _ in candidates):
            continue
        try:
            raw.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((name, [name], len(results) + ALWAYS_TRIED.index(name)))
    if not candidates:
        raise LoadError("The text encoding could not be recognised; save the file as UTF-8 and try again.")

    def rank(candidate: tuple[str, list[str], int]) -> tuple[float, int, int]:
        codec, same, order = candidate
        score, latin = plausibility(sample.decode(codec, errors="ignore"))
        # Latin-script ties go to the more common code page; for other scripts a common code page beats a rare
        # one, and then charset-normalizer's order decides, as it weighs the language of the text.
        common = min((PREFERRED_ENCODINGS.index(n) for n in same if n in PREFERRED_ENCODINGS),
                     default=len(PREFERRED_ENCODINGS))
        if not latin:
            common = 0 if common < len(PREFERRED_ENCODINGS) else 1
        return -round(score, 3), common, order

    codec, same, _ = min(candidates, key=rank)
    text = raw.decode(codec, errors="replace")
    for name in PREFERRED_ENCODINGS:
        if name in same or name == codec:
            return text, name
    return text, codec
