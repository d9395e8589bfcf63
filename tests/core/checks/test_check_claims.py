import pytest

from variorum.core.checks.claims import claim_shift

PARA = ("The housing board approved all requests for emergency repairs filed after the flood, the chairwoman said "
        "at a meeting on Tuesday evening in the town hall.")


def _claims(c):
    return [f for f in c.findings if f.kind == "claim-changed"]


def _with(body, para):
    return body + "\n\n" + para


def test_a_negation_added_is_high(compare_texts, body):
    a = _with(body, PARA)
    (f,) = _claims(compare_texts(a, a.replace("board approved", "board did not approve")))
    assert f.severity == "high" and "negation" in f.message
    assert {e.version for e in f.evidence} == {"v1", "v2"}


def test_a_negation_removed_is_high(compare_texts, body):
    a = _with(body, "The minister has never met the contractor, a spokesman said after the hearing on Friday.")
    (f,) = _claims(compare_texts(a, a.replace("has never met", "has met")))
    assert f.severity == "high" and "'never'" in f.message


@pytest.mark.parametrize("old, new, what", [
    ("approved all requests", "approved most requests", "quantifier"),
    ("the chairwoman said", "the chairwoman claimed", "attribution"),
    ("The housing board approved", "The housing board allegedly approved", "hedge"),
    ("The housing board approved", "The housing board will approve", "certainty"),
    ("approved all requests", "approved all written requests", "scope of a quantifier"),  # narrowed
])
def test_other_claim_shifts_are_medium(compare_texts, body, old, new, what):
    a = _with(body, PARA)
    (f,) = _claims(compare_texts(a, a.replace(old, new)))
    assert f.severity == "medium" and what in f.message


def test_expected_to_resign_becomes_resigned(compare_texts, body):
    a = _with(body, "The treasurer is expected to resign before the audit is published, two officials said on Monday.")
    (f,) = _claims(compare_texts(a, a.replace("is expected to resign", "resigned")))
    assert "certainty" in f.message and "'is expected to resign'" in f.message and "'resigned'" in f.message


def test_a_qualifier_moved_to_another_clause(compare_texts, body):
    a = _with(body, "Two medals were awarded by lottery, one to the ship's navigator and the other to a gunner, "
                    "Petty Officer Dale Fenwick.")
    b = _with(body, "Two medals were awarded, one to the ship's navigator, and the other, by lottery, to a gunner, "
                    "Petty Officer Dale Fenwick.")
    (f,) = _claims(compare_texts(a, b))
    assert f.severity == "medium" and "'by lottery'" in f.message


@pytest.mark.parametrize("old, new", [
    ("the chairwoman said", "the chairwoman told reporters"),  # a neutral attribution verb
    ("approved all requests", "approved all the requests"),
    ("on Tuesday evening", "on Tuesday night"),
])
def test_edits_that_keep_the_claim_are_not_reported(compare_texts, body, old, new):
    a = _with(body, PARA)
    assert _claims(compare_texts(a, a.replace(old, new))) == []


def test_a_qualifier_beside_a_quantifier_that_floats_from_its_noun_is_no_change_of_scope(compare_texts, body):
    a = _with(body, "The new harbour walls were all checked by inspectors from the county office before the vote.")
    assert _claims(compare_texts(a, a.replace("were all checked", "were all carefully checked"))) == []


def test_reported_speech_tense_shift_is_not_a_claim_change(compare_texts, body):
    a = _with(body, "The mayor said the bridge will reopen in the spring once the inspection has been completed.")
    assert _claims(compare_texts(a, a.replace("will reopen", "would reopen"))) == []


def test_a_time_phrase_moved_inside_one_clause_is_not_a_claim_change(compare_texts, body):
    a = _with(body, "On Monday the council voted to close the old library branch in the harbour district for good.")
    b = _with(body, "The council voted on Monday to close the old library branch in the harbour district for good.")
    assert _claims(compare_texts(a, b)) == []


def test_an_edit_inside_a_quotation_is_left_to_the_quote_check(compare_texts, body):
    a = _with(body, '"We approved all requests that reached us in time," the chairwoman said on Tuesday evening.')
    c = compare_texts(a, a.replace("approved all requests", "approved most requests"))
    assert _claims(c) == [] and [f.kind for f in c.findings if f.kind == "quote-changed"] == ["quote-changed"]


def test_a_rewritten_paragraph_is_not_read_as_one_claim(compare_texts, body):
    a = _with(body, PARA)
    b = _with(body, "After a long debate the members of the housing board, who had never agreed on the budget, "
                    "postponed every vote on repairs until the state could send more inspectors to the town hall.")
    assert _claims(compare_texts(a, b)) == []


@pytest.mark.parametrize("before, after, expected", [
    ("did not approve", "approved", ["negation"]),
    ("isn't", "is", ["negation"]),
    ("all", "most", ["quantifier"]),
    ("will", "would", []),
    ("may", "might", []),
    ("said", "claimed", ["attribution"]),
    ("", "reportedly", ["hedge"]),
    ("the report", "the new report", []),
    # a negation word that negates nothing: a list widened, a pair opened
    ("damages for loss of goodwill", "damages, including without limitation, for loss of goodwill", []),
    ("fees such as taxes", "fees, including but not limited to taxes", []),
    ("fees such as taxes", "fees, not limited to taxes", []),
    ("it was costly", "it was not only costly", []),
    ("it was costly", "it was not costly", ["negation"]),
    ("approved with limits", "approved without limits", ["negation"]),
])
def test_claim_shift(before, after, expected):
    assert claim_shift(before, after) == expected


def test_a_negation_with_damaged_characters_is_not_a_claim_change():
    assert claim_shift("turn around, don’t drown", "turn around, donâ€™t drown") == []


RATING = ("on the may 2013 rating list for women, the club's captain has a rating of 2470 and is first among the "
          "active players of the region.")


def test_a_month_changed_in_lower_cased_text_is_a_date_not_a_certainty(compare_texts, body):
    a = body.lower() + "\n\n" + RATING
    c = compare_texts(a, a.replace("may 2013", "october 2013"))
    assert _claims(c) == []
    (f,) = [f for f in c.findings if f.kind == "number-changed"]
    assert f.message.startswith("A date changed") and "'may'" in f.message and "'october'" in f.message


@pytest.mark.parametrize("old, new", [
    ("the council will vote", "the council may vote"),  # the modal verb, lower-cased
    ("the council may vote in june", "the council will vote in june"),
])
def test_may_as_a_modal_verb_in_lower_cased_text_is_still_certainty(compare_texts, body, old, new):
    a = body.lower() + "\n\n" + f"officials said {old} on the budget after a long debate about the wetlands."
    (f,) = _claims(compare_texts(a, a.replace(old, new)))
    assert "certainty" in f.message


@pytest.mark.parametrize("before, after", [
    ("The board didn\u2019t approve it \u2014 \u201cnot yet\u201d\u2026", "The board did approve it \u2013 \u2018finally\u2019"),
    ("She \u201cnever\u201d met him \u00a9 2024", "She met him \u2022 \u00abonce\u00bb"),
    ("It won\u2019t\u00a0reopen", "It won't reopen \u201elater\u201d"),
])
def test_claim_shift_reads_typographic_punctuation_as_its_repair_does(before, after):
    import ftfy

    assert claim_shift(before, after) == claim_shift(ftfy.fix_text(before), ftfy.fix_text(after))


def test_a_restyled_list_entry_does_not_move_a_qualifier(compare_texts, body):
    # prepositions dropped and semicolons added: the dropped "on" is no qualifier, nor is it inside "Barton"
    a = _with(body, "HMS Marlowe, a 40-gun frigate launched in 1712 as the Carrack, was renamed Marlowe in 1716 "
                    "and lost with all hands in the great storm on 9 March 1720.")
    b = _with(body, "HMS Marlowe, a 40-gun frigate launched 1712 as Carrack; renamed Marlowe and Conyngton 1716; "
                    "lost with all hands in the great storm 9 March 1720.")
    assert not [f for f in _claims(compare_texts(a, b)) if "qualifier" in f.message]


@pytest.mark.parametrize("old, new", [
    ("a Polish actress", "a Polish-Swedish actress"),
    ("a Kenyan runner", "a Ugandan runner"),
])
def test_a_nationality_restated_is_a_changed_claim(compare_texts, body, old, new):
    a = _with(body, f"Lena Marsh, {old} and singer, was born in 1970 and first appeared on stage at sixteen.")
    (f,) = _claims(compare_texts(a, a.replace(old, new)))
    assert f.severity == "medium" and "nationality" in f.message


@pytest.mark.parametrize("old, new", [
    ("a Polish actress", "a Polish film actress"),  # the nationality kept
    ("polish the old floors", "polish the old boards"),  # the verb, not a nationality
    ("a Polish actress", "an actress"),  # a word dropped is not a nationality stated otherwise
])
def test_wording_around_a_nationality_keeps_the_claim(compare_texts, body, old, new):
    a = _with(body, f"Lena Marsh, {old} and singer, was born in 1970 and first appeared on stage at sixteen.")
    assert _claims(compare_texts(a, a.replace(old, new))) == []


RIVALRY = ("Rivalry between the two river towns is played out on the football pitch, but the old antagonism has "
           "lessened in recent years as the fortunes of the valley have declined.")


def test_a_trend_reversed_in_a_rewritten_sentence_is_a_claim_change(compare_texts, body):
    a = _with(body, RIVALRY)
    b = _with(body, RIVALRY.replace("but the old antagonism has lessened in recent years as the fortunes of the valley "
                                    "have declined", "and the old antagonism continues to this day, the main rival "
                                    "being the similarly sized town across the bridge"))
    (f,) = _claims(compare_texts(a, b))
    assert f.severity == "medium" and "the trend" in f.message


@pytest.mark.parametrize("old, new", [
    ("has lessened in recent years", "has diminished in recent years"),  # the same trend in other words
    ("has lessened in recent years", "has lessened"),  # no trend word on one side only
])
def test_the_same_trend_reworded_is_no_claim_change(compare_texts, body, old, new):
    a = _with(body, RIVALRY)
    assert _claims(compare_texts(a, a.replace(old, new))) == []


def test_a_trend_word_added_or_dropped_is_no_reversal():
    assert claim_shift("the question remains unclear", "the question is unclear") == []
    assert claim_shift("has lessened", "continues") == ["trend"]


HONEY = ("Honey from the northern valleys is said by some to have special healing properties than other honeys, "
         "so it sells at a higher price in the city markets.")


def test_a_comparison_made_is_a_claim_change(compare_texts, body):
    a = _with(body, HONEY)
    (f,) = _claims(compare_texts(a, a.replace("have special", "have more special")))
    assert "a comparison" in f.message and ("v2", "more") in {(e.version, e.text) for e in f.evidence}


def test_more_added_without_a_comparison_is_no_claim_change(compare_texts, body):
    a = _with(body, "Honey from the northern valleys sells at a high price in the city markets every autumn.")
    assert _claims(compare_texts(a, a.replace("at a high price", "at a much higher price"))) == []
    b = _with(body, "The valley produces honey, and the town hopes to sell it in the city markets next autumn.")
    assert _claims(compare_texts(b, b.replace("sell it", "sell more of it"))) == []


def test_a_comparative_moved_within_its_sentence_is_no_claim_change(compare_texts, body):
    a = _with(body, "Plants in gardens generally differ much more from each other, than do the wild plants of the "
                    "valley in a state of nature.")
    b = a.replace("differ much more from each other, than", "differ from each other more than")
    assert _claims(compare_texts(a, b)) == []


@pytest.mark.parametrize("before, after", [
    ("", "most of the"),
    ("approved requests", "approved some requests"),
    ("approved all requests", "approved requests"),
])
def test_a_quantifier_added_or_dropped_alone_changes_the_claim(before, after):
    assert claim_shift(before, after) == ["quantifier"]


@pytest.mark.parametrize("before, after", [
    ("wardens tried", "some argued with wardens sent"),
    ("Harbourside", "Harbourside, the city's most visited quarter,"),
    ("the crowd moved on", "several stalls were closed and the crowd moved on"),
])
def test_a_quantifier_in_a_passage_reworded_around_it_is_no_claim_change(before, after):
    assert claim_shift(before, after) == []


def test_a_quantifier_that_comes_with_new_words_is_not_reported(compare_texts, body):
    a = _with(body, "About 2,000 marchers had gathered on the Harbour Road, where wardens tried to keep them away "
                    "from the ferry terminal nearby.")
    b = a.replace("wardens tried", "some argued with wardens sent")
    assert _claims(compare_texts(a, b)) == []


DNS = ("During set-up the app may send your email domain to these servers, but your full email address and password "
       "are never disclosed to anyone, the company said in its notice.")


@pytest.mark.parametrize("rewrite, reported", [
    # the word negated in one wording ("disclosed") is said in the other
    ("your email domain may be sent to the vendor's database, and your email address may be disclosed to your "
     "network administrators", True),
    # the new wording's negation bears on something else, and nothing is disclosed in it
    ("the app may send your email domain to the vendor's database and to no other server, and your email address "
     "stays on your computer", False),
])
def test_a_predicate_negated_in_one_wording_of_a_rewritten_clause_is_a_changed_claim(compare_texts, body, rewrite,
                                                                                      reported):
    a = _with(body, DNS)
    b = a.replace("the app may send your email domain to these servers, but your full email address and password "
                  "are never disclosed to anyone", rewrite)
    found = _claims(compare_texts(a, b))
    assert [(f.severity, "negation" in f.message) for f in found] == ([("high", True)] if reported else [])


MEETING = ("Officials from Britain, Germany and France met in Brussels on Monday to discuss the new border rules for "
           "trucks, a spokeswoman said.")


@pytest.mark.parametrize("old, new, reported", [
    ("Britain, Germany and France", "Britain and France", True),  # an entry dropped
    ("Britain, Germany and France", "Britain, Germany, Italy and France", True),  # an entry added
    ("met in Brussels on Monday", "met in Brussels, Belgium, on Monday", False),  # an apposition, not a list
])
def test_an_entry_put_into_a_list_or_taken_out_is_a_changed_claim(compare_texts, body, old, new, reported):
    a = _with(body, MEETING)
    found = _claims(compare_texts(a, a.replace(old, new), base="v1"))
    assert [("items of a list" in f.message) for f in found] == ([True] if reported else [])
