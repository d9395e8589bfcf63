"""Damaged UTF-8 stays UTF-8 (with U+FFFD marks and a warning naming the byte offsets); legacy code pages are
still recognised; UTF-16 without a byte order mark is read, not called binary."""

from __future__ import annotations

import random

import pytest

from variorum.core.load import load_bytes
from variorum.core.load.encoding import decode, utf8_damage

ARTICLES = {
    "sparse": ("The minister said on Tuesday that the reform would go ahead, and owners disagreed. Officials "
               "declined to comment further on the report, which was published late in the evening. The council "
               "will meet again next week to discuss the budget and the schedule of works. "),
    "english": ("The minister said on Tuesday that the “reform” would go ahead. Café owners disagreed. "
                "Officials declined to comment further on the report, which was published late in the evening. "
                "The council will meet again next week to discuss the budget and the schedule of works. "),
    "french": ("Le président de la République a déclaré « nous irons jusqu’au bout » lors d’une conférence à "
               "l’Élysée. Les réformes, présentées mercredi, prévoient une hausse de 3 % du budget. "),
    "german": ("Die Bundesregierung hat am Mittwoch über die Änderungen beraten. „Wir müssen schnell handeln“, "
               "sagte die Ministerin. Die Größe des Problems wird unterschätzt. "),
    "russian": ("Правительство в среду обсудило поправки к бюджету. «Мы будем действовать быстро», — заявил "
                "министр. Решение ещё не принято. "),
    "greek": "Η κυβέρνηση συζήτησε την Τετάρτη τις αλλαγές στον προϋπολογισμό. «Θα κινηθούμε γρήγορα», είπε. ",
    "japanese": "政府は水曜日、予算の修正案について協議した。「迅速に行動する」と大臣は述べた。決定はまだだ。",
}


def _damaged(raw: bytes, seed: int) -> tuple[bytes, list[int]]:
    """``raw`` with two or three bytes overwritten by a non-NUL byte that breaks the UTF-8 there."""
    rnd = random.Random(seed)
    out = bytearray(raw)
    for _ in range(rnd.choice((2, 3))):
        at = rnd.randrange(len(out))
        out[at] = 0xFF if rnd.random() < 0.5 else rnd.choice((0x80, 0x9C, 0xC3, 0xE2, 0xA9))
    return bytes(out), utf8_damage(bytes(out))


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_two_or_three_broken_bytes_leave_an_article_in_utf8(language):
    article = ARTICLES[language] * 8  # about 2 KB
    if language == "sparse":  # a single pair of curly quotes in the whole article
        article = article[:900] + "“as planned”" + article[900:]
    for seed in range(40):
        raw, offsets = _damaged(article.encode("utf-8"), seed)
        if not offsets:  # the byte written happened to keep the text valid
            continue
        v = load_bytes(raw, version_id="v1", label="article.txt")
        assert v.ok and v.encoding == "utf-8", (seed, v.encoding)
        assert "\ufffd" in v.text
        damage = [w for w in v.warnings if w.startswith("The file is UTF-8 text with")]
        assert damage and all(str(o) in damage[0] for o in offsets), (seed, v.warnings)


def test_warning_names_the_offsets_of_every_broken_sequence():
    raw = bytearray(("Café, thé et “crème” au déjeuner. " * 20).encode())
    first, second = (raw.index(b"au", at) for at in (100, 400))
    raw[first], raw[second] = 0xFF, 0xFE
    v = load_bytes(bytes(raw), version_id="v1", label="menu.txt")
    assert v.encoding == "utf-8" and v.text.count("\ufffd") == 2
    assert v.warnings == (f"The file is UTF-8 text with 2 damaged byte sequences (at byte offsets {first}, "
                          f"{second}), each shown as \ufffd.",)


def test_damaged_utf8_web_page_stays_utf8():
    body = "".join(f"<p>{ARTICLES['french']}</p>" for _ in range(6))
    raw = bytearray(f"<html><head><title>Réformes</title></head><body><article>{body}</article></body></html>"
                    .encode())
    at = raw.index(b"mercredi", 300)
    raw[at] = 0xFF
    v = load_bytes(bytes(raw), version_id="v1", label="page.html")
    assert v.ok and v.encoding == "utf-8" and "prévoient une hausse" in v.text
    assert [w for w in v.warnings if "damaged" in w or "mojibake" in w] == [
        f"The file is UTF-8 text with 1 damaged byte sequence (at byte offset {at}), each shown as \ufffd."]


LEGACY = [
    ("cp1252", "Le café était fermé ; « Où est passé le garçon ? » demanda-t-il. Ça coûte 5 € — trop cher. "),
    ("latin_1", "Die Straße war gesperrt. Schöne Grüße aus München, sagte der Bürgermeister. Äpfel & Öl. "),
    ("cp1251", "Сёмин и Тёмкин заявили в среду, что события «пока не требуют» участия. Решение ещё не принято. "),
    ("cp1250", "Příliš žluťoučký kůň úpěl ďábelské ódy. Zażółć gęślą jaźń, powiedział minister. "),
    ("cp1253", "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη της χώρας. "),
    ("shift_jis", "政府は水曜日、予算の修正案について協議した。「迅速に行動する」と大臣は述べた。"),
    ("koi8_r", "Правительство обсудило поправки к бюджету, заявил министр. "),
]


@pytest.mark.parametrize(("encoding", "text"), LEGACY)
def test_legacy_articles_still_decode_to_what_was_written(encoding, text):
    text = text * 6
    decoded, name = decode(text.encode(encoding))
    assert decoded == text
    assert text.encode(name) == text.encode(encoding)  # the same code page, whatever it is called


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("language", ["english", "french", "russian", "greek"])
def test_utf16_without_byte_order_mark_is_read(codec, language):
    article = ARTICLES[language] * 4
    v = load_bytes(article.encode(codec), version_id="v1", label="article.txt")
    assert v.ok, v.error
    assert v.encoding == codec and v.text == article


def test_utf16_web_page_without_byte_order_mark_is_read():
    page = f"<html><body><article><p>{ARTICLES['german'] * 3}</p></article></body></html>"
    v = load_bytes(page.encode("utf-16-le"), version_id="v1", label="page.html")
    assert v.ok and v.encoding == "utf-16-le" and "Die Größe des Problems" in v.text


def test_binary_with_nul_bytes_is_still_binary():
    rnd = random.Random(7)
    noise = bytes(rnd.randrange(256) for _ in range(4000)) + bytes(100)
    v = load_bytes(noise, version_id="v1", label="data.txt")
    assert v.error == "This looks like a binary file, not text; it cannot be compared."
