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
    """NUL bytes or many control characters in the first 8 KB, outside a UTF-16/32 BOM."""
    sample = raw[:8192]
    if any(sample.startswith(bom) for bom, _, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
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
    damaged = _as_damaged_utf8(raw)
    if damaged is not None:
        return damaged, "utf-8"
    return detect(raw)


def _as_damaged_utf8(raw: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a damaged copy), decoded with U+FFFD for them; None if it is not UTF-8.

    Text in a legacy encoding has no valid multi-byte UTF-8 sequences at all, so a file with many valid ones and
    few broken ones is damaged UTF-8."""
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - broken
    return text if multibyte >= 3 and broken <= multibyte // 10 else None


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
