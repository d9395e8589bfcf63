import pytest

from variorum.core.checks.figures import count_other_things, figures
from variorum.core.checks.numbers import is_number_change

SENTENCE = ("Officials said 12,300 people had been evacuated and that more than 80% of the homes in the two "
            "coastal towns were damaged by the storm on Aug. 9.")


def _findings(c):
    return [f for f in c.findings if f.kind == "number-changed"]


def test_changed_count_is_high_and_quoted_in_its_sentence(compare_texts, body):
    a = body + "\n\n" + SENTENCE
    (f,) = _findings(compare_texts(a, a.replace("12,300", "14,000")))
    assert f.severity == "high" and "'12,300'" in f.message and "'14,000'" in f.message
    assert "people had been evacuated" in f.message
    assert [(e.version, e.text) for e in f.evidence] == [("v1", "12,300"), ("v2", "14,000")]


def test_changed_day_of_a_date_in_running_text(compare_texts, body):
    a = body + "\n\n" + SENTENCE
    (f,) = _findings(compare_texts(a, a.replace("Aug. 9", "Aug. 10")))
    assert "'9'" in f.message and "'10'" in f.message


@pytest.mark.parametrize("old, new", [
    ("more than 80%", "80%"),  # a qualifier around the same figure
    ("12,300", "12300"),
    ("more than 80%", "more than 80 percent"),
    ("12,300 people", "some 12,300 residents"),
])
def test_same_figures_are_not_a_change(compare_texts, body, old, new):
    a = body + "\n\n" + SENTENCE
    assert _findings(compare_texts(a, a.replace(old, new))) == []


def test_figure_replaced_by_words_is_a_wording_change(compare_texts, body):
    a = body + "\n\n" + SENTENCE
    assert _findings(compare_texts(a, a.replace("12,300", "thousands of"))) == []


def test_number_words_count(compare_texts, body):
    assert is_number_change("two protesters", "three protesters")
    assert not is_number_change("two protesters", "2 protesters")


def test_unrelated_items_swapped_on_a_page_are_not_changed_figures(compare_texts, body):
    a = body + "\n\nThe agency announced $50 million for grid security projects in nine states."
    b = body + "\n\nA new report on solar adoption counted 20 new plants opened across the western region."
    assert _findings(compare_texts(a, b)) == []


def test_amounts_compare_with_their_scale():
    assert is_number_change("$50 million", "$50 billion")
    assert not is_number_change("$1.5 billion", "$1,500 million")
    assert not is_number_change("$50m", "$50 million")


@pytest.mark.parametrize("old, new", [
    ("armed with 1-4in, 4-12pdr guns", "armed with 1 4 in (102 mm), 4 12 pounder (5 kg) guns"),
    ("given a 12-mile stretch of coast", "sent to a 12-mile (19 km) stretch of coast"),
    ("carried 2-14in torpedo tubes", "carried 2 14 in (356 mm) torpedo tubes"),
])
def test_a_conversion_added_in_parentheses_is_not_a_changed_figure(compare_texts, body, old, new):
    a = body + f"\n\nThe patrol ship was {old} when it sailed from the harbour in the spring."
    assert _findings(compare_texts(a, a.replace(old, new))) == []


def test_a_changed_figure_beside_an_added_conversion_is_still_a_change(compare_texts, body):
    a = body + "\n\nThe patrol ship was armed with a 4-inch gun when it sailed from the harbour in the spring."
    (f,) = _findings(compare_texts(a, a.replace("a 4-inch gun", "a 6 inch (152 mm) gun")))
    assert "'4" in f.message and "6" in f.message


def test_the_date_signing_an_embedded_post_is_not_an_article_figure(compare_texts, body):
    post = ("Crews are clearing the coast road north of the bridge this afternoon. pic.twitter.com/x1y2z3\n"
            "— Harbor Police (@harborpd) May 3, 2021")
    a = body + "\n\n" + post
    assert _findings(compare_texts(a, a.replace("May 3, 2021", "May 4, 2021"))) == []


def test_a_figure_in_a_paragraph_that_lost_its_other_clauses_is_still_compared(compare_texts, body):
    a = body + ("\n\nMore than 20 miles of roadway cleared; 12 major highways open; 5 state roads open; 92% of "
                "deep-water ports are fully open, or open with restrictions; every airport is open to flights"
                "\n\nAll ferry routes are running on their winter timetable.")
    b = body + "\n\nMore than 30 miles of roadway cleared\n\nAll ferry routes are running on their winter timetable."
    (f,) = _findings(compare_texts(a, b))
    assert [(e.version, e.text) for e in f.evidence] == [("v1", "20"), ("v2", "30")]


def test_a_figure_in_a_paragraph_about_something_else_is_not_compared(compare_texts, body):
    a = body + "\n\nThe council hired 20 inspectors to check the bridges along the coast road before winter."
    b = body + "\n\nA storm knocked out power to 30 homes on Tuesday, and crews worked late into the night."
    assert _findings(compare_texts(a, b)) == []


def test_a_counted_noun_changed_around_the_same_figure_is_not_a_changed_figure(compare_texts, body):
    a = body + "\n\nThe storm left 12 injured along the coast road before it turned north in the night."
    assert _findings(compare_texts(a, a.replace("12 injured", "12 km of damage"))) == []


def test_the_count_of_injured_changed_is_a_changed_figure(compare_texts, body):
    a = body + "\n\nThe storm left 12 injured along the coast road before it turned north in the night."
    (f,) = _findings(compare_texts(a, a.replace("12 injured", "14 injured")))
    assert [(e.version, e.text) for e in f.evidence] == [("v1", "12"), ("v2", "14")]


@pytest.mark.parametrize("old, new", [("in may", "in june"), ("on 3 may", "on 3 june"), ("may 2021", "march 2021")])
def test_a_changed_month_in_a_date_is_a_changed_date(compare_texts, body, old, new):
    a = body + "\n\n" + f"The council said the new bridge would open {old} after the last inspection of its cables."
    (f,) = _findings(compare_texts(a, a.replace(old, new)))
    assert f.message.startswith("A date changed")


def test_a_month_word_that_is_not_a_date_is_not_a_changed_date(compare_texts, body):
    a = body + "\n\n" + "The council said the marchers may cross the new bridge after the last inspection of its cables."
    assert _findings(compare_texts(a, a.replace("may cross", "will cross"))) == []


FLEET = ("The northern district fields at least 59 buses, 21 trams, and 19 ferries. In addition, there are 5 depots "
         "serving the southern routes.")
FLEET_REWRITTEN = ("The city transport authority now fields at least 11 buses, 3 trams, and 3 ferries. In addition, the "
                   "authority runs 3 repair yards, 2 ticket offices and 1 control room, while the southern routes are "
                   "served by 6 depots, including two night depots and a training depot.")


def test_figures_in_a_rewritten_paragraph_are_compared_by_what_they_count(compare_texts, body):
    c = compare_texts(body + "\n\n" + FLEET, body + "\n\n" + FLEET_REWRITTEN, base="v1")
    changed = sorted((f.evidence[0].text, f.evidence[1].text) for f in _findings(c))
    assert changed == [("19", "3"), ("21", "3"), ("5", "6"), ("59", "11")]


def test_figures_of_a_rewritten_sentence_about_something_else_are_not_compared(compare_texts, body):
    a = body + "\n\nThe northern district fields at least 59 buses on its routes, officials said in a statement."
    b = body + ("\n\nA report on the southern harbour counted 11 buses parked overnight at the ferry terminal, "
                "and the port authority promised a review of the car park by next spring.")
    assert _findings(compare_texts(a, b, base="v1")) == []


def test_figures_counting_different_things_in_a_rewritten_sentence_are_not_compared(compare_texts, body):
    a = body + "\n\nThe storm left 12 injured along the coast road before it turned north in the night."
    b = body + ("\n\nAlong the coast road the storm, before it turned north in the night, tore up 14 km of the "
                "surface and left crews working until dawn to clear fallen trees and power lines.")
    assert _findings(compare_texts(a, b, base="v1")) == []


def test_the_same_figures_updated_in_two_places_are_one_finding(compare_texts, body):
    lead = "The rower has won the national title in 1998, 2007, 2010 and 2012, and coaches at the harbour club."
    later = "Since her first win she has taken the title again in 2007, 2010 and 2012, each time on the river course."
    a = "\n\n".join([lead, body, later])
    b = a.replace("2010 and 2012, and", "2010, 2012 and 2014, and").replace("2010 and 2012, each", "2010, 2012 and 2014, each")
    (f,) = _findings(compare_texts(a, b, base="v1"))
    assert "same figures change in 1 other place" in f.message
    assert [e.version for e in f.evidence] == ["v1", "v2", "v1", "v2"]


def test_different_figures_changed_in_two_places_are_two_findings(compare_texts, body):
    a = body + "\n\n" + SENTENCE + "\n\nCrews said 30 homes on the coast road still had no power on Sunday night."
    b = a.replace("12,300", "14,000").replace("30 homes", "40 homes")
    assert len(_findings(compare_texts(a, b, base="v1"))) == 2


RANKING = ("Only three other clubs have won the league as often: Harrow Athletic (14), Kestrel Town (12), "
           "and Penmor United (11).")


def test_a_reordered_list_reports_only_the_entry_whose_figure_changed(compare_texts, body):
    a = body + "\n\n" + RANKING
    b = body + "\n\n" + RANKING.replace("Kestrel Town (12), and Penmor United (11)",
                                        "Penmor United (13), and Kestrel Town (12)")
    (f,) = _findings(compare_texts(a, b))
    assert "'11'" in f.message or "(11" in f.message
    assert [e.version for e in f.evidence] == ["v1", "v2"]
    assert all("Kestrel" not in e.text and "12" not in e.text for e in f.evidence)
    assert "11" in f.evidence[0].text and "13" in f.evidence[1].text


def test_a_list_only_put_in_another_order_is_not_a_changed_figure(compare_texts, body):
    a = body + "\n\n" + RANKING
    b = body + "\n\n" + RANKING.replace("Kestrel Town (12), and Penmor United (11)",
                                        "Penmor United (11), and Kestrel Town (12)")
    assert _findings(compare_texts(a, b)) == []


def test_a_list_whose_figures_change_in_place_still_reports(compare_texts, body):
    a = body + "\n\n" + RANKING
    (f,) = _findings(compare_texts(a, a.replace("Kestrel Town (12)", "Kestrel Town (15)")))
    assert "'12'" in f.message and "'15'" in f.message


RST = ("Council membership is settled as described in `Bylaw 7 <https://charter.example.org/bylaws/bylaw-0007/#seats>`_, "
       "and the vote closes 14 days after it opens.")


def test_a_reference_rewritten_in_role_markup_states_the_same_figures(compare_texts, body):
    a = body + "\n\n" + RST
    b = a.replace("`Bylaw 7 <https://charter.example.org/bylaws/bylaw-0007/#seats>`_", ":bylaw:`Bylaw 7 <7#seats>`")
    assert _findings(compare_texts(a, b)) == []
    assert not is_number_change("`PEP 8 <https://peps.example.org/pep-0008/>`_", ":pep:`PEP 8 <8>`")
    assert not is_number_change("`PEP 8 <https://peps.example.org/pep-0008/#names", ":pep:`PEP 8 <8#names")


def test_a_figure_changed_beside_a_reference_in_role_markup_is_still_a_change(compare_texts, body):
    a = body + "\n\n" + RST
    b = a.replace("`Bylaw 7 <https://charter.example.org/bylaws/bylaw-0007/#seats>`_", ":bylaw:`Bylaw 7 <7#seats>`")
    (f,) = _findings(compare_texts(a, b.replace("14 days", "21 days")))
    assert "'14" in f.message and "21" in f.message
    assert is_number_change(":pep:`PEP 8 <8>` sets 79 characters", ":pep:`PEP 8 <8>` sets 99 characters")
    assert is_number_change("fewer than <5 cases", "fewer than <7 cases")



UPDATE = ("Last weekend, when nearly 40,000 people marched in the first rally, shop takings fell 20 per cent, "
          "according to the traders' association.\n\nBy noon, more than 9,000 marchers had gathered in the capital, "
          "the police said.")


def _counts_other_things(before: str, after: str) -> bool:
    return count_other_things(before, figures(before, 0, len(before)), after, figures(after, 0, len(after)))


@pytest.mark.parametrize("before, after", [
    (", shop takings fell 20 per cent", ". By early evening on Sunday, more than 12,500 marchers"),
    ("the fare rose 15%", "12 stations closed"),
])
def test_a_passage_whose_figures_count_other_things_replaces_a_statement(before, after):
    assert _counts_other_things(before, after)


@pytest.mark.parametrize("before, after", [
    ("shop takings fell 20 per cent", "shop takings fell 35 percent"),  # the same measure
    ("more than 9,000 marchers", "more than 12,500 marchers"),
    ("20 per cent and 9,000 marchers", "12,500 marchers"),  # a unit on both sides
    ("fell 20 per cent", "up 3 from 12"),  # figures that name nothing: no telling
])
def test_figures_that_may_count_the_same_thing_are_compared(before, after):
    assert not _counts_other_things(before, after)


def test_the_same_measure_changed_in_a_statement_is_still_a_figure_change(compare_texts, body):
    a = body + "\n\n" + UPDATE
    (f,) = _findings(compare_texts(a, a.replace("fell 20 per cent", "fell 35 percent")))
    assert "20" in f.message and "35" in f.message


def test_a_month_written_with_a_long_s_is_a_changed_date(compare_texts, body):
    # old printing writes "ſept" for "sept": the comparison used to stop with an error on it
    a = body + "\n\nThe meeting was held on ſept 5 and the council said it would vote."
    (f,) = _findings(compare_texts(a, a.replace("ſept 5", "oct 5")))
    assert f.message.startswith("A date changed") and "'ſept'" in f.message and "'oct'" in f.message
