"""A person's title, rank or office stated differently is a changed claim; a shorter form of the same is not."""

import re

import pytest

from variorum.core.checks.roles import _TITLE, titles_in

ROLE_PATTERN = _TITLE.pattern

PLAYER = ("jane roe (born march 3, 1990) is an american chess player who has won the national women's championship "
          "three times. she holds the title of international master (im), and has two of three results "
          "necessary to qualify for the international grandmaster (gm) title.")
BOARD = ("The acting director of the port authority, Dana Whitfield, said the new ferry timetable would start on "
         "Monday after a short trial in the harbour.")


def _roles(c):
    return [f for f in c.findings if f.kind == "claim-changed" and "title or role" in f.message]


def test_a_title_changed_in_a_rewritten_lead_is_a_changed_claim(compare_texts, body):
    after = PLAYER.replace("chess player", "chess international grandmaster (gm)").replace(
        " she holds the title of international master (im), and has two of three results necessary to qualify "
        "for the international grandmaster (gm) title.", "")
    (f,) = _roles(compare_texts(body + "\n\n" + PLAYER, body + "\n\n" + after, base="v1"))
    assert f.severity == "medium"
    assert ("v1", "international master") in [(e.version, e.text) for e in f.evidence]
    assert "'international grandmaster'" in f.message


OFFICER = ("The port authority's chief security officer, Dana Whitfield, said the new ferry timetable would start "
           "on Monday after a short trial in the harbour.")


@pytest.mark.parametrize("paragraph, old, new", [
    (BOARD, "The acting director", "The director"),
    (BOARD, "The acting director", "The deputy director"),
    (BOARD, "The acting director", "The chief executive"),
    # a chief officer named for another charge
    (OFFICER, "chief security officer", "chief information security officer"),
    (OFFICER, "chief security officer", "chief financial officer"),
    (OFFICER, "chief security officer", "chief of staff"),
])
def test_an_office_or_its_qualifier_changed_is_a_changed_claim(compare_texts, body, paragraph, old, new):
    a = body + "\n\n" + paragraph
    (f,) = _roles(compare_texts(a, a.replace(old, new), base="v1"))
    assert [e.text.lower() for e in f.evidence] == [old.lower().removeprefix("the "), new.lower().removeprefix("the ")]


def test_a_chief_officer_is_read_whole_only_when_the_words_between_name_the_office():
    text = ("The chief executive officer, the Chief Information Security Officer and the fire chief, "
            "as the chief said the officer had, met the police chief and a police officer.")
    assert [t for _, _, t in titles_in(text)] == [
        "chief executive", "chief information security officer", "chief", "chief", "chief"]


@pytest.mark.parametrize("old, new", [
    ("The acting director of the port authority, Dana Whitfield,", "Dana Whitfield"),  # the title dropped
    ("said the new ferry", "told reporters the new ferry"),  # an edit beside the title
    ("after a short trial", "after a long trial"),
])
def test_edits_that_leave_the_title_alone_are_not_a_changed_role(compare_texts, body, old, new):
    a = body + "\n\n" + BOARD
    assert _roles(compare_texts(a, a.replace(old, new), base="v1")) == []


def test_titles_are_read_as_whole_phrases_and_common_words_are_not_titles():
    text = "The vice president met Ruiz, the master plan's author, a general manager and a major donor."
    assert [t for _, _, t in titles_in(text)] == ["vice president", "general manager"]


@pytest.mark.parametrize("text", [
    "Vice-President Jane Roe met the ACTING  Director and Lieutenant\nColonel Ames.",
    "İnspector Roe and the ſenator met Kıng Olav.",  # letters a case-blind reading takes for i and s
    "Straße: the Prime Minister, the ex-mayor and the Honorary Consul.",
])
def test_titles_are_found_in_any_case_and_in_any_script_around_them(text):
    expected = [(m.start(), m.end()) for m in re.finditer(ROLE_PATTERN, text, re.IGNORECASE)]
    assert [(s, e) for s, e, _ in titles_in(text)] == expected
    assert all(t == " ".join(text[s:e].lower().split()).replace("- ", "-") for s, e, t in titles_in(text))


def _touches(t, s, e):
    return t[0] <= s <= t[1] if s == e else t[0] < e and s < t[1]


def _touching_spans(titles, spans):
    return sorted({t for t in titles for s, e in spans if _touches(t, s, e)})


ROLL = ("Vice-President Jane Roe met the acting deputy director, Lieutenant Colonel Ames (the former prime\n"
        "minister's aide), 3 majors and the ex-mayor.mayor2 general manager; İnspector Roe, the ſenator and Kıng Olav. ")


@pytest.mark.parametrize("text", [ROLL, ROLL.replace("İ", "I").replace("ſ", "s").replace("ı", "i"),
                                  ROLL * 40, " ".join(w for w in (ROLL * 40).split() if w.isalpha())])
def test_titles_read_around_edits_are_those_the_whole_text_gives_there(text):
    whole = titles_in(text)
    positions = list(range(0, len(text), 7)) + [t[0] + 1 for t in whole] + [t[1] - 1 for t in whole]
    for at in positions:
        for spans in ([(at, at)], [(at, min(len(text), at + 5))], [(at, at), (max(0, at - 30), at - 20)]):
            near = titles_in(text, spans)
            assert near == sorted(set(near))  # in reading order, each once
            assert set(near) <= set(whole)
            assert _touching_spans(near, spans) == _touching_spans(whole, spans)


def test_titles_around_a_few_edits_are_read_without_a_lower_cased_copy_of_the_whole_text():
    import tracemalloc

    text = "“The Prime Minister” met the mayor. " * 60_000  # about 2 million characters, two bytes each
    at = text.index("Minister", len(text) // 2)
    spans = [(at, at + 3)]
    tracemalloc.start()
    try:
        found = titles_in(text, spans)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert _touching_spans(found, spans) == _touching_spans(titles_in(text), spans) != []
    assert peak < len(text) // 8  # the whole text lower-cased held 4 MB (8.6 MB at its peak)


def test_the_letters_read_the_slow_way_are_all_those_lower_cased_into_more_than_one_character():
    import sys

    from variorum.core.checks.roles import _NOT_ONE_FOR_ONE

    longer = {chr(c) for c in range(sys.maxunicode + 1) if len(chr(c).lower()) != 1}
    assert longer <= set(_NOT_ONE_FOR_ONE)
