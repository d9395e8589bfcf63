import re

import pytest

from variorum.core.checks.names import initials_variant, spelling_variant

SENTENCE = "The plan was defended by council member Anna Petersen at a meeting in Aarhus on Tuesday."


def _findings(c):
    return [f for f in c.findings if f.kind == "name-changed"]


def test_name_spelled_differently(compare_texts, body):
    a = body + "\n\n" + SENTENCE
    (f,) = _findings(compare_texts(a, a.replace("Petersen", "Peterson")))
    assert f.severity == "medium" and "'Petersen' in v1" in f.message and "'Peterson' in v2" in f.message
    assert [(e.version, e.text) for e in f.evidence] == [("v1", "Petersen"), ("v2", "Peterson")]


@pytest.mark.parametrize("a, b", [
    ("Petersen", "Peterson"), ("Dmitry", "Dmitri"), ("Mikhail", "Mikail"), ("Lukashenko", "Lukashenka"),
])
def test_spelling_variants(a, b):
    assert spelling_variant(a, b)


@pytest.mark.parametrize("a, b", [
    ("Lavrov", "Peskov"),  # another person
    ("Belarus", "Belarusian"),  # a derivative
    ("Russia", "Russia's"),  # a possessive
    ("Monday", "Sunday"),  # a day, not a name
    ("June", "July"),
    ("This", "That"),
    ("Anna", "anna"),  # case only
])
def test_not_spelling_variants(a, b):
    assert not spelling_variant(a, b)


def test_different_person_is_not_a_spelling_change(compare_texts, body):
    a = body + "\n\n" + SENTENCE
    assert _findings(compare_texts(a, a.replace("Anna Petersen", "Maria Lund"))) == []


def test_ordinary_words_at_the_start_of_a_sentence_are_not_names(compare_texts, body):
    a = body + "\n\nThen the council voted. They said then that the vote was final."
    b = body + "\n\nThey the council voted. They said then that the vote was final."
    assert _findings(compare_texts(a, b)) == []


@pytest.mark.parametrize("old, new", [
    ("Robert L. Hale III", "Robert Hale"),
    ("Robert Hale", "Robert L. Hale Jr."),
])
def test_a_name_gaining_or_losing_an_initial_and_a_suffix_changes_form(compare_texts, body, old, new):
    a = body + "\n\n" + SENTENCE.replace("Anna Petersen", old)
    (f,) = _findings(compare_texts(a, a.replace(old, new)))
    assert "written differently" in f.message and f.severity == "medium"
    assert {e.version for e in f.evidence} == {"v1", "v2"}


@pytest.mark.parametrize("old, new, same_name", [
    ("K. Petersen", "Petersen", True),
    ("Hale Jr.", "Hale", True),
    ("L. Hale III", "Hale", True),
    ("Petersen", "Petersen and B. Lund", False),  # another person added
    ("Anna Petersen", "Maria K. Lund", False),  # another person
    ("Petersen", "Petersen", False),  # nothing changed
    ("the K. report", "the report", False),  # not a name
])
def test_initials_variant(old, new, same_name):
    assert initials_variant(old, new) == same_name


def test_another_person_with_an_initial_is_not_a_change_of_form(compare_texts, body):
    a = body + "\n\n" + SENTENCE
    assert _findings(compare_texts(a, a.replace("Anna Petersen", "Maria K. Lund"))) == []


@pytest.mark.parametrize("text", [
    "Then they met. then THEY met\tagain, they'd—rock-n-roll— don’t x-ray",
    "o'clock 'quoted' -dash- end- -start well-known\u00a0non-breaking\u2009thin\u3000wide\nline",
    "naïve café über résumé A_b a_b a1b 1ab abc123 x\u200bzero-width co-op-",
    "the the the. The the, the",
    "",
])
def test_the_words_a_text_writes_in_lower_case_are_every_one_it_writes(text):
    from variorum.core.checks.analysis import lower_case_words
    assert lower_case_words(text) == frozenset(re.findall(r"\b[a-z][a-z'’-]+\b", text))
    assert lower_case_words(" ".join([text] * 3)) == lower_case_words(text)
    # a long text is read a piece at a time, cut at white space: every word across the cuts is still found
    letters = ["".join(chr(97 + n // 26 ** k % 26) for k in range(4)) for n in range(40_000)]
    long = "\n".join(f"Word{w} {w}-{w[:2]} don't\u00a0{w}’s" for w in letters) + " " + text
    assert lower_case_words(long) == frozenset(re.findall(r"\b[a-z][a-z'’-]+\b", long))
