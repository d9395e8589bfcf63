"""Mojibake is compared through its repair: the diff, names and figures see the repaired words, offsets point at
the version's own (damaged) text, and the damage is reported once, as encoding-damage."""

from variorum.core.load import load_bytes
from variorum.core.model import Alignment, Difference, ParagraphPair, Span
from variorum.core.repair import alignment_in_original, differences_in_original, repaired_text

BODY = ("\n\nCrews reopened the coastal road on Friday after clearing fallen trees and power lines along the "
        "stretch between the two villages.\n\nResidents were told to boil tap water until further notice.")


def test_repaired_text_maps_back_to_the_damaged_words():
    damaged = "Shelters opened in CanÃ³vanas and in RincÃ³n on Monday."
    r = repaired_text(damaged)
    assert r.text == "Shelters opened in Canóvanas and in Rincón on Monday."
    s = r.text.index("Rincón")
    assert damaged[r.start_in_original(s):r.end_in_original(s + len("Rincón"))] == "RincÃ³n"
    tail = r.text.index("Monday")
    assert damaged[r.start_in_original(tail):r.end_in_original(tail + 6)] == "Monday"
    # half a repaired word is the whole damaged word
    assert damaged[r.start_in_original(s + 2):r.end_in_original(s + 4)] == "RincÃ³n"


def test_clean_text_is_its_own_repair():
    r = repaired_text("Kraków’s mayor, José Muñoz, opened the café — 10 °C.")
    assert r.text == r.original and not r.repaired
    d = (Difference("d1", "v2", "replace", False, "wording", Span(0, 6, "Kraków"), Span(0, 6, "Kraków")),)
    assert differences_in_original(d, r, r) is d


def test_differences_and_alignments_point_at_the_original_text():
    base = repaired_text("Aid reached CanÃ³vanas today.\n\nThe mayor spoke.")
    other = repaired_text("Aid reached Canóvanas yesterday.\n\nThe mayor spoke.")
    s = base.text.index("today")
    d = Difference("d1", "v2", "replace", False, "wording", Span(s, s + 5, "today"),
                   Span(other.text.index("yesterday"), other.text.index("yesterday") + 9, "yesterday"))
    (mapped,) = differences_in_original((d,), base, other)
    assert mapped.base.text == "today" and base.original[mapped.base.start:mapped.base.end] == "today"
    a = Alignment("v2", (ParagraphPair((0, base.text.index(".") + 1), (0, other.text.index(".") + 1)),))
    (pair,) = alignment_in_original(a, base, other).paragraphs
    assert base.original[pair.base[0]:pair.base[1]] == "Aid reached CanÃ³vanas today."


def test_a_web_page_keeps_the_undefined_windows_1252_bytes_of_its_mojibake():
    # "‐" (U+2010) in UTF-8 read as Windows-1252 leaves "â€" and an undefined byte; kept, the word can be repaired
    para = "<p>For help with the storm damage, call the free line 1\u00e2\u0080\u0090877\u00e2\u0080\u0090872 today.</p>"
    filler = "".join(f"<p>Paragraph {n} of the notice describes the relief work in the district in detail.</p>"
                     for n in range(6))
    raw = f"<html><head><title>Notice</title></head><body><article>{para}{filler}</article></body></html>"
    v = load_bytes(raw.encode("utf-8"), version_id="v1", label="notice.html")
    assert "1â€\x90877â€\x90872" in v.text
    assert "1‐877‐872" in repaired_text(v.text).text


def test_damage_is_judged_as_ftfy_judges_whole_lines():
    import random

    from ftfy.badness import is_bad

    from variorum.core.repair import looks_damaged

    rng = random.Random(1859)
    clean = ["the", "Council", "voted", "on", "Monday", "état", "Nation’s", "“quoted”", "señor", "1,200", "€5",
             "naïve", "Zürich", "—", "…", "Ångström", "Москва", "Αθήνα", "日本", "°C", "½", "×", "©", "\u00a0"]
    damaged = [w.encode("utf-8").decode(enc, "replace") for w in clean for enc in ("cp1252", "latin-1", "cp1251",
                                                                                  "mac_roman", "cp1253")]
    oddities = [chr(c) for c in (*range(0x80, 0x250), *range(0x370, 0x460), *range(0x2000, 0x2030),
                                 *range(0x2190, 0x2200), *range(0x2500, 0x2590))]
    judged = {True: 0, False: 0}
    for _ in range(4000):
        words = [rng.choice(clean) for _ in range(rng.randint(1, 120))]
        for _ in range(rng.randint(0, 3)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(damaged))
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words) + 1), "".join(rng.choice(oddities) for _ in range(3)))
        line = rng.choice(["", " "]).join(words) if rng.random() < 0.2 else " ".join(words)
        assert looks_damaged(line) == is_bad(line), line
        judged[is_bad(line)] += 1
    assert judged[True] > 500 and judged[False] > 500


def test_typographic_punctuation_with_ascii_is_never_damage():
    """Lines whose only non-ASCII characters are typographic punctuation are judged clean without loading ftfy;
    ftfy agrees on every short sequence of them (its badness sequences are local and at most a few characters
    long), so the shortcut holds for this version of ftfy too."""
    import itertools

    from ftfy.badness import is_bad

    from variorum.core.repair import TYPOGRAPHIC

    alphabet = TYPOGRAPHIC + "aZ .1?_\t"
    for n in (1, 2, 3):
        for chars in itertools.product(alphabet, repeat=n):
            assert not is_bad("".join(chars)), "".join(chars)


def test_a_word_only_its_line_shows_damaged_is_repaired_with_the_line():
    # MacRoman's "ƒ´" for "ī" and "√°" for "á" look like text alone; ftfy repairs them only with the whole line
    clean = 'Premiér Petr Fiala řekl, že "vláda je připravena" a zákon projde v úterý.'
    damaged = clean.encode("utf-8").decode("mac_roman")
    import ftfy

    assert ftfy.fix_encoding('"vl√°da') == '"vl√°da'  # alone, ftfy leaves it
    r = repaired_text(damaged)
    assert r.text == clean
    s = r.text.index("vláda")
    assert damaged[r.start_in_original(s):r.end_in_original(s + 5)] == '"vl√°da'
    latvian = 'Ministrs Jānis Bērziņš teica, ka "Rīga ir gatava" un pilī notiks sēde.'
    assert repaired_text(latvian.encode("utf-8").decode("mac_roman")).text == latvian



def test_clean_text_with_the_same_signs_is_not_repaired():
    for clean in ('The lens opens to ƒ/1.8 at 35 mm, and Rīga’s café shot at ƒ/2 looks sharp.',
                  'Ministrs Jānis Bērziņš teica, ka "Rīga ir gatava" un pilī notiks sēde.',
                  "The mean μ´ of ƒ(x) was 3, and Šņore’s estimate √2 ≈ 1.41."):
        assert not repaired_text(clean).repaired, clean


def test_in_a_damaged_line_only_the_words_its_repair_changes_are_repaired():
    damaged = 'Premiér Petr Fiala řekl, že "vláda je připravena".'.encode().decode("mac_roman")
    r = repaired_text(damaged)
    assert [r.original[os_:oe] for _s, _e, os_, oe in r.edits] == ["Premi√©r", "≈ôekl,", "≈æe", '"vl√°da',
                                                                   'p≈ôipravena".']
