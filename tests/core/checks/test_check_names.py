import pytest

from variorum.core.checks.names import spelling_variant

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
