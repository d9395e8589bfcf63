"""A difference made only of uncertain OCR readings is cosmetic (ocr); a confident reading stays a finding."""

from __future__ import annotations

import re

from variorum.core.compare import compare_versions
from variorum.core.load import load_pasted
from variorum.core.model import OcrWord, Version
from variorum.core.ocr_noise import words_in

ARTICLE = ("The harbour bridge will stay closed for 10 days after the storm, the transport office said on Friday.\n\n"
           "Commuters were told to use the ferry, which will run every twenty minutes from six in the morning.")


def ocr_version(text: str, uncertain: set[str], version_id: str = "v2", doubt: float = 30.0) -> Version:
    """A version read by OCR: every word certain except those in ``uncertain``, read with confidence ``doubt``."""
    words = tuple(OcrWord(m.start(), m.end(), 10 * i, 20, 9, 12, doubt if m.group() in uncertain else 96.0)
                  for i, m in enumerate(re.finditer(r"\S+", text)))
    return Version(id=version_id, label="screenshot.png", path=None, sha256="0" * 64, format="image", encoding=None,
                   text=text, ocr=words)


def compare(other: Version):
    return compare_versions([load_pasted(ARTICLE, version_id="v1"), other])


def test_an_uncertain_misreading_of_a_number_is_cosmetic_ocr():
    c = compare(ocr_version(ARTICLE.replace("for 10 days", "for 18 days"), {"18"}))
    [d] = c.differences
    assert (d.base.text, d.other.text, d.cosmetic, d.category) == ("10", "18", True, "ocr")
    assert not c.findings


def test_a_confident_reading_of_another_number_is_a_finding():
    c = compare(ocr_version(ARTICLE.replace("for 10 days", "for 18 days"), set()))
    [d] = c.differences
    assert not d.cosmetic and d.category != "ocr"
    assert [f.kind for f in c.findings] == ["number-changed"]


def test_uncertain_specks_and_a_shared_word_carried_along_stay_cosmetic():
    c = compare(ocr_version(ARTICLE.replace("the storm,", "the storm, §").replace("said on", "sald on"),
                            {"§", "sald"}))
    assert c.differences and all(d.cosmetic and d.category == "ocr" for d in c.differences)
    assert not c.findings


def test_a_legible_but_doubtful_reading_of_another_word_is_not_excused():
    """Read with middling confidence (the engine doubted one letter of a clean word), a word that is not a
    misreading of the other side's word is a change: a name replaced by another stays a finding."""
    c = compare(ocr_version(ARTICLE.replace("said on", "sald on"), {"sald"}, doubt=55.0))
    assert [(d.other.text, d.cosmetic, d.category) for d in c.differences] == [("sald", True, "ocr")]
    c = compare(ocr_version(ARTICLE.replace("for 10 days", "for 18 days"), {"18"}, doubt=55.0))
    assert [(d.other.text, d.cosmetic, d.category) for d in c.differences] == [("18", True, "ocr")]
    c = compare(ocr_version(ARTICLE.replace("for 10 days", "for 45 days"), {"45"}, doubt=55.0))
    assert [(d.other.text, d.cosmetic) for d in c.differences] == [("45", False)]
    assert [f.kind for f in c.findings] == ["number-changed"]
    named = "The harbour bridge will stay closed for 10 days, Lavrov said."
    c = compare_versions([load_pasted(named, version_id="v1"),
                          ocr_version(named.replace("Lavrov", "lvanov"), {"lvanov"}, doubt=55.0)])
    [d] = c.differences
    assert (d.base.text, d.other.text, d.cosmetic) == ("Lavrov", "lvanov", False)


def test_a_word_the_recognition_dropped_is_not_excused():
    c = compare(ocr_version(ARTICLE.replace(" twenty", ""), {"every", "minutes"}))
    [d] = c.differences
    assert d.kind == "delete" and not d.cosmetic


def test_words_in_finds_the_words_a_span_overlaps():
    v = ocr_version("alpha beta gamma", set())
    assert [v.text[w.start:w.end] for w in words_in(v.ocr, 3, 8)] == ["alpha", "beta"]
    assert words_in(v.ocr, 5, 6) == []
