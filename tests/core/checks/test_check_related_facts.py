import pytest

from variorum.core.checks.facts import is_person

BASE = ("Election Result Disputed in Capital\n\nAugust 10, 2020\n\n"
        "President Alexander Novak claimed victory on Sunday with 80% of the votes in the presidential election, "
        "according to the central election commission.\n\n"
        "Opposition leader Maria Kolesnik said the count was rigged and called for protests in the capital.\n\n"
        "Police detained more than 3,000 people overnight, the interior ministry said.")
OTHER = ("Thousands Protest After Vote\n\nPublished 11 August 2020\n\n"
         "Protesters filled the streets after President Alexander Novak was declared the winner with {share} of "
         "the votes in the presidential election held on August 9.\n\n"
         "The interior ministry said about 3,000 people were detained. Maria Kolesnik rejected the outcome.")


def test_related_coverage_sharing_facts(compare_texts):
    c = compare_texts(BASE, OTHER.format(share="80%"))
    assert c.relations["v2"].kind == "related"
    (f,) = c.findings
    assert (f.kind, f.severity) == ("shared-facts", "info")
    assert "names President Alexander Novak, Maria Kolesnik" in f.message
    assert "figures 80%, 3,000" in f.message
    assert {(e.version, e.text) for e in f.evidence} >= {("v1", "80%"), ("v2", "80%"), ("v1", "3,000"),
                                                         ("v2", "3,000")}


def test_conflicting_vote_share(compare_texts):
    c = compare_texts(BASE, OTHER.format(share="75%"))
    (f,) = [f for f in c.findings if f.kind == "fact-conflict"]
    assert f.severity == "high" and "'80%'" in f.message and "'75%'" in f.message
    assert [(e.version, e.text) for e in f.evidence] == [("v1", "80%"), ("v2", "75%")]


def test_different_figures_about_different_things_do_not_conflict(compare_texts):
    other = OTHER.format(share="80%") + "\n\nThe city has 45% unemployment among young residents, officials say."
    assert [f for f in compare_texts(BASE, other).findings if f.kind == "fact-conflict"] == []


def test_a_figure_the_other_article_also_states_is_no_conflict(compare_texts):
    other = OTHER.format(share="75%") + "\n\nThe commission's own tally gave him 80% of the votes."
    assert [f for f in compare_texts(BASE, other).findings if f.kind == "fact-conflict"] == []


def test_unrelated_text_is_not_compared(compare_texts):
    other = "A recipe for bread: mix 500 grams of flour with 300 ml of water and 80% hydration dough rests."
    c = compare_texts(BASE, other)
    assert c.relations["v2"].kind == "unrelated" and c.findings == ()


def test_counts_of_different_events_do_not_conflict(compare_texts):
    other = OTHER.format(share="80%").replace("about 3,000 people were detained", "200 people were injured")
    c = compare_texts(BASE, other)
    assert [f for f in c.findings if f.kind == "fact-conflict"] == []


def test_percentages_about_different_people_do_not_conflict(compare_texts):
    base = BASE.replace("with 80% of the votes", "with 80% of the votes, while Kolesnik had 10%")
    other = ("Thousands Protest After Vote\n\nPublished 11 August 2020\n\nAccording to the election commission, "
             "challenger Maria Kolesnik won 12% of the votes in the presidential election held on August 9.")
    c = compare_texts(base, other)
    conflicts = [f for f in c.findings if f.kind == "fact-conflict"]
    # 10% vs 12% for Kolesnik is a conflict; 80% (Novak's share) against 12% (Kolesnik's) is not
    assert [(f.evidence[0].text, f.evidence[1].text) for f in conflicts] == [("10%", "12%")]


def test_conflicting_dates_of_the_same_event(compare_texts):
    base = BASE.replace("claimed victory on Sunday", "claimed victory in the presidential election of August 9")
    other = OTHER.format(share="80%").replace("held on August 9", "held on August 8")
    conflicts = [f for f in compare_texts(base, other).findings if f.kind == "fact-conflict"]
    assert [(f.evidence[0].text, f.evidence[1].text) for f in conflicts] == [("August 9", "August 8")]


# Two outlets on one court case, as plain text without datelines (no article date to give years).
TRIAL_A = ("Harbor City man convicted of kidnapping girl\n\n"
           "A federal jury in Harbor City deliberated for less than 10 minutes before convicting Dale Fenwick, 48, "
           "of kidnapping an 8-year-old girl from a park.\n\n"
           "Fenwick faces up to 20 years in prison. Sentencing is set for Feb. 14, prosecutors said.\n\n"
           "Police said the search covered 12 km of shoreline in Portugal and Spain.")
TRIAL_B = ("Jury convicts Harbor City kidnapper\n\n"
           "Dale Fenwick confessed to the abduction of the 8-year-old and the jury took just 15 minutes to find him "
           "guilty, court records show.\n\n"
           "He faces up to 20 years in prison when he is sentenced on Feb. 14, said Ana Ortiz, a spokeswoman.\n\n"
           "Officers said 12 people were injured when the crowd outside the court in Portugal pushed forward.")


def _kinds(c, kind):
    return [f for f in c.findings if f.kind == kind]


def test_counts_of_the_same_thing_that_differ_conflict(compare_texts):
    c = compare_texts(TRIAL_A, TRIAL_B)
    assert c.relations["v2"].kind == "related"
    (f,) = _kinds(c, "fact-conflict")
    assert [(e.version, e.text) for e in f.evidence] == [("v1", "10"), ("v2", "15")]
    assert "'10 minutes'" in f.message and "'15 minutes'" in f.message


def test_shared_facts_are_specific_figures_dates_and_people(compare_texts):
    (f,) = _kinds(compare_texts(TRIAL_A, TRIAL_B), "shared-facts")
    assert "8-year-old" in f.message and "20 years" in f.message and "14 Feb" in f.message
    assert "Portugal" not in f.message and "Harbor City" not in f.message  # a country; the story's subject
    assert "12" not in f.message  # 12 km of shoreline is not 12 people injured


def test_a_figure_with_another_unit_neither_corroborates_nor_conflicts(compare_texts):
    a = TRIAL_A.replace("less than 10 minutes", "less than 15 minutes")
    b = TRIAL_B.replace("12 people were injured", "14 people were injured")
    c = compare_texts(a, b)
    assert _kinds(c, "fact-conflict") == []
    assert all("12" not in f.message and "14 people" not in f.message for f in _kinds(c, "shared-facts"))


def test_a_figure_the_other_article_writes_in_another_form_is_no_conflict(compare_texts):
    a = TRIAL_A + "\n\nThe jury has sat for 50 years since the courthouse opened, its members said."
    b = TRIAL_B + ("\n\nThe court marks its 50th anniversary this year, and the jury members sat together for the "
                   "first time in 25 years.")
    assert [f for f in _kinds(compare_texts(a, b), "fact-conflict") if "50" in f.message] == []


def test_countries_and_the_story_subject_alone_are_not_corroboration(compare_texts):
    a = ("Russia ready to help Belarus, Kremlin says\n\n"
         "Russia is ready to help Belarus if needed, the Kremlin said on Sunday, as protests against President "
         "Lukashenko continued across the country.\n\nThe EU said it would review its ties with Minsk and Moscow.")
    b = ("Belarus protests grow as Russia offers help\n\n"
         "Thousands marched in Minsk again as Russia promised help to Belarus and its leader Lukashenko, and the "
         "Kremlin said talks were under way.\n\nThe EU called for new elections in Belarus.")
    c = compare_texts(a, b)
    assert c.relations["v2"].kind == "related"
    assert _kinds(c, "shared-facts") == []


@pytest.mark.parametrize("name, text, expected", [
    ("Dale Fenwick", "The jury convicted Dale Fenwick on Monday. Fenwick showed no emotion.", True),
    ("Ana Ortiz", "“We are relieved,” Ana Ortiz said after the verdict.", True),
    ("Lena Ortiz", "The inquiry was led by Dr. Lena Ortiz of the city hospital.", True),
    ("New York", "A New York man was charged, prosecutors in New York said.", False),
    ("Inner Mongolia", "Two cases were found in Inner Mongolia, where Mongolia borders China.", False),
    ("Kremlin", "The Kremlin said talks were under way.", False),
    ("Coral Sky Amphitheatre", "The tour stops at Coral Sky Amphitheatre and Ameris Bank Amphitheatre.", False),
])
def test_is_person(name, text, expected):
    assert is_person(name, text) is expected


QUOTE_LONG = ('"The turnout was the highest in twenty years, and the count was clean in every district we visited," '
              "said observer Ines Halvorsen.")


@pytest.mark.parametrize("part, shared", [
    ('"the count was clean in every district we visited"', True),  # part of the longer quotation, quoted whole
    ('"clean in every district"', False),  # a few words: a phrase, not a quotation shared
    ('"the count was fair in most districts we visited"', False),  # other words
])
def test_a_quotation_given_in_part_is_shared_with_the_longer_one(compare_texts, part, shared):
    base = BASE + "\n\n" + QUOTE_LONG
    other = OTHER.format(share="80%") + f"\n\nObserver Ines Halvorsen said {part}, according to a statement."
    (f,) = [f for f in compare_texts(base, other).findings if f.kind == "shared-facts"]
    assert ("quotations" in f.message) is shared


EARNINGS_A = ("Harbin Tools Beats Forecasts\n\nNovember 19, 2030\n\n"
              "Harbin Tools reported $3.14 in per-share earnings for the third quarter, and chief executive Dana "
              "Whitcombe said the quarter reflected broad-based growth across the company's stores.\n\n"
              "Still, the stock has slid, and rival Corvell's stock is off too, down 2.7%.\n\n"
              "The company has opened stores in 21 states, it said, and plans to spend $1.2bn on its warehouses "
              "through 2034.")
EARNINGS_B = ("Harbin Tools Profit Tops Estimates\n\nPublished 19 November 2030\n\n"
              "The retailer earned $3.14 per diluted share, chief executive Dana Whitcombe said, as the company "
              "reported broad-based growth across its stores in the third quarter.\n\n"
              "Looking ahead, Harbin Tools sees sales growth of 2.7 percent for the year.\n\n"
              "Its warehouses will get $1.2 billion over the coming years, and the company now trades in 21 regions "
              "of the country with stores it opened, it said.")


def _shared(c):
    return [f for f in c.findings if f.kind == "shared-facts"]


def test_shared_figures_must_state_the_same_fact(compare_texts):
    c = compare_texts(EARNINGS_A, EARNINGS_B)
    (f,) = _shared(c)
    figures = f.message.split("figures ")[1]
    assert "$3.14" in figures  # a share's earnings in both
    assert "1.2" in figures  # "$1.2bn" and "$1.2 billion" are one amount
    assert "2.7" not in f.message  # a rival's share price and the sales outlook are two facts


def test_an_age_written_with_its_noun_is_the_same_age(compare_texts):
    a = ("Patient Recovers From Rare Lung Illness\n\nNovember 18, 2030\n\nAccording to the study in the journal, the "
         "43-year-old man had suffered months of fatigue and breathlessness before doctor Owen Haldane saw him.")
    b = ("Bedding Blamed For Lung Illness\n\nPublished 18 November 2030\n\nA 43-year-old-man, after switching his "
         "bedding, began feeling extreme fatigue and breathlessness, doctor Owen Haldane wrote in the journal study.")
    (f,) = _shared(compare_texts(a, b))
    assert "43-year-old" in f.message


def test_a_count_named_by_another_noun_is_shared_when_both_sentences_say_the_same(compare_texts):
    a = ("Agency Adds Five Lunar Firms\n\nNovember 18, 2030\n\nThe agency's announcement on Monday brought the "
         "total number of private moon lander providers to 14 providers, agency official Rhea Castell said.\n\n"
         "The winners had to wait 14 days for the contracts, Rhea Castell added.")
    b = ("Five Companies Join Moon Program\n\nPublished 18 November 2030\n\nThe five newcomers join nine others, "
         "bringing the total number of private moon lander hopefuls to 14 firms, said Rhea Castell of the agency.")
    (f,) = _shared(compare_texts(a, b))
    assert "figures 14 firms" in f.message and "day" not in f.message
    assert {(e.version, e.text) for e in f.evidence} >= {("v1", "14"), ("v2", "14")}


LANDERS_A = ("Agency Widens Moon Lander Pool\n\nNovember 18, 2030\n\nThe agency added five companies to its lander "
             "program on Monday, official Rhea Castell said.\n\nBut in {a}, when the space agency tapped three of "
             "those companies to send robotic landers next year, only two committed to that timeline.")
LANDERS_B = ("Five Firms Join Lunar Lander Program\n\nPublished 18 November 2030\n\nFive companies joined the lander "
             "program, official Rhea Castell said on Monday.\n\nIn {b}, the agency awarded the first three contracts "
             "under the program, awarding robotic lander missions to companies Astrowell and Orbita.")


def _conflicts(c):
    return [f for f in c.findings if f.kind == "fact-conflict"]


def test_the_same_event_dated_in_two_months_is_a_conflict(compare_texts):
    (f,) = _conflicts(compare_texts(LANDERS_A.format(a="May"), LANDERS_B.format(b="July")))
    assert f.severity == "high" and "three" in f.message
    assert [(e.version, e.text) for e in f.evidence] == [("v1", "May"), ("v2", "July")]


def test_the_same_month_is_no_conflict(compare_texts):
    assert _conflicts(compare_texts(LANDERS_A.format(a="May"), LANDERS_B.format(b="May"))) == []


def test_months_of_two_different_events_do_not_conflict(compare_texts):
    b = LANDERS_B.format(b="July").replace("the agency awarded the first three contracts under the program, awarding "
                                           "robotic lander missions to companies Astrowell and Orbita",
                                           "the agency picked 11 companies to study crewed landers")
    assert _conflicts(compare_texts(LANDERS_A.format(a="May"), b)) == []


def test_a_month_the_other_story_also_gives_for_the_event_is_no_conflict(compare_texts):
    b = LANDERS_B.format(b="July") + ("\n\nThe first three landers were chosen in May, when the space agency tapped "
                                      "three companies to send robotic landers.")
    assert _conflicts(compare_texts(LANDERS_A.format(a="May"), b)) == []


PROBE_A = ("Sleeping Through the Trip to Mars\n\nNovember 18, 2030\n\nCrews could be put to sleep for the 180-day "
           "cruise to Mars, the agency said. Project lead Ilse Marrow says the idea \"is actually not so crazy.\"\n\n"
           "The capsule would run the game console at a steady 30fps, engineer Paulo Brandt added.\n\n"
           "A 55-year old man who took part in the trials is well, the agency said.")
PROBE_B = ("Agency Studies Hibernation For Mars Crews\n\nPublished 18 November 2030\n\nThe crew would sleep through "
           "their projected 180-day Earth-Mars cruise in soft pods. \"The idea of putting crews into hibernation is "
           "actually not so crazy,\" said Ilse Marrow, who leads the project.\n\n"
           "A 55-year-old man from the trials is doing well, the agency said, and the console ran at 30 fps.")


def test_a_short_quotation_and_figures_written_another_way_are_shared(compare_texts):
    (f,) = _shared(compare_texts(PROBE_A, PROBE_B))
    assert "180-day" in f.message and "55-year" in f.message and "30 fps" in f.message
    assert {("v1", "30fps"), ("v1", '"is actually not so crazy."')} <= {(e.version, e.text) for e in f.evidence}


def test_one_shared_figure_is_corroboration(compare_texts):
    a = PROBE_A.split("\n\nThe capsule")[0].replace(' Project lead Ilse Marrow says the idea "is actually not so '
                                                   'crazy."', "")
    b = PROBE_B.split(" \"The idea")[0].replace("18 November", "19 November")
    (f,) = _shared(compare_texts(a, b))
    assert f.message.endswith("agrees with the base v1 on figures 180-day.")


def test_figures_with_units_written_against_them_do_not_meet_other_units(compare_texts):
    a = PROBE_A.replace("30fps", "30km")
    b = PROBE_B.replace("30 fps", "30 frames")
    (f,) = _shared(compare_texts(a, b))
    assert "30km" not in f.message and "30 frames" not in f.message and "180-day" in f.message


def test_a_phrase_of_four_words_is_not_a_shared_quotation(compare_texts):
    a = PROBE_A.replace('"is actually not so crazy."', '"not so crazy."')
    b = PROBE_B.replace("actually not so crazy", "not so crazy after all")
    assert all("quotations" not in f.message for f in _shared(compare_texts(a, b)))


PLAGUE_A = ("Plague Case Confirmed in Northern Province\n\nNovember 18, 2030\n\nA herder was treated for plague this "
            "week, officials said.\n\nIn the 14th century the Black Death spread across the continent, killing up to "
            "60 percent of Europe's total population.")
PLAGUE_B = ("Province Reports Plague Case\n\nPublished 18 November 2030\n\nA third case of plague was reported on "
            "Monday, officials said.\n\nPlague is most famous for the Black Death, which wiped out nearly {share} of "
            "Europe's population in the 1300s.")


def test_a_share_in_words_conflicts_with_another_percentage_of_the_same_thing(compare_texts):
    (f,) = _conflicts(compare_texts(PLAGUE_A, PLAGUE_B.format(share="one-third")))
    assert "'60%'" in f.message and "'one-third'" in f.message


@pytest.mark.parametrize("share", ["60 percent", "three-fifths"])
def test_a_share_in_words_equal_to_the_percentage_is_no_conflict(compare_texts, share):
    assert _conflicts(compare_texts(PLAGUE_A, PLAGUE_B.format(share=share))) == []


def test_an_ordinal_or_a_share_of_something_else_is_no_conflict(compare_texts):
    b = PLAGUE_B.format(share="one-third").replace("the Black Death, which wiped out nearly one-third of Europe's "
                                                  "population in the 1300s", "the herders, a third of whom keep goats")
    assert _conflicts(compare_texts(PLAGUE_A, b)) == []
    a = PLAGUE_A.replace("60 percent", "33 percent")
    assert _conflicts(compare_texts(a, PLAGUE_B.format(share="one-third"))) == []


FERRY_A = ("Ferry Missing Off Coast\n\nMarch 4, 2019\n\n"
           "HALIFAX (Wire) - Rescuers on Tuesday widened the search for a Coastline Ferries boat carrying 62 people "
           "that is presumed to have sunk in rough seas off the northern cape.\n\n"
           "The harbour master said the crew of the Northern Star had sent no distress call before contact was lost.\n\n"
           "In 2011 a cargo ship sank in the same waters with 31 on board, none of whom was found.")
FERRY_B = ("Questions Over Ferry Route\n\nMarch 4, 2019\n\n"
           "Nearly a day after the boat vanished, hopes of finding any of the 62 passengers and crew survived as "
           "the search went on through the night, officials said.\n\n"
           "A cargo ship lost in the same waters in 2011 carried 31 crew members and passengers, and was never "
           "recovered.\n\n"
           "Coastline Ferries said its 14 boats would stay in port until the weather improves.")


def test_one_count_of_people_named_as_people_passengers_or_on_board_is_shared(compare_texts):
    c = compare_texts(FERRY_A, FERRY_B)
    (f,) = [f for f in c.findings if f.kind == "shared-facts"]
    assert "62 people" in f.message or "62 passengers" in f.message
    assert "31 on board" in f.message or "31 crew" in f.message


def test_people_on_board_are_counted_as_people_and_cargo_on_board_is_not():
    from variorum.core.checks.analysis import TextAnalysis
    from variorum.core.checks.facts import extract

    text = ("The ferry left with 31 on board and 12 containers on board. Another boat carried 40 passengers, "
            "and a third 9 people aboard.")
    units = {m.shown: m.unit for m in extract(TextAnalysis(text), None).figures}
    assert units == {"31 on board": "person", "12 containers": "container", "40 passengers": "person",
                     "9 people": "person"}


def test_a_word_capitalised_only_where_it_opens_a_sentence_is_not_whose_figure_it_is():
    from variorum.core.checks.facts import subjects_around

    text = "Nearly a day later, 62 people were still missing. Officials in Halifax said the search would go on."
    at = text.index("62")
    assert subjects_around(text, at, at + 2, sentence=True) == frozenset()
    # a word the text also capitalises inside a sentence is a name wherever it stands
    text2 = text.replace("the search would go on", "the Nearly was a ship")
    assert subjects_around(text2, at, at + 2, sentence=True) == frozenset({"nearly"})


GENE_A = ("Singer Reveals Cancer Surgery\n\nMay 14, 2031\n\n"
          "The singer Ada Brennan said she had surgery after learning that a faulty gene gave her a {own} chance of "
          "developing bowel cancer.\n\nHer doctors at Northfield Hospital advised the operation.")
GENE_B = ("Clinics See Rise in Gene Tests\n\nMay 15, 2031\n\n"
          "Clinics reported a rise in requests for gene tests after Ada Brennan spoke about her surgery.\n\n"
          "\"About {share} of all bowel cancers are caused by faulty genes,\" said a spokeswoman for the charity.")


def test_a_chance_and_a_share_of_cases_of_the_same_disease_do_not_conflict(compare_texts):
    assert _conflicts(compare_texts(GENE_A.format(own="70%"), GENE_B.format(share="5%"))) == []


def test_two_chances_of_the_same_thing_that_differ_still_conflict(compare_texts):
    b = GENE_B.format(share="5%") + ("\n\nThe gene gave Ada Brennan a 40 per cent chance of developing bowel cancer, "
                                     "her doctors said.")
    (f,) = _conflicts(compare_texts(GENE_A.format(own="70%"), b))
    assert "'70%'" in f.message and "'40%'" in f.message


def test_a_percentage_the_other_story_gives_as_the_end_of_a_range_is_no_conflict(compare_texts):
    b = GENE_B.format(share="5%") + ("\n\nThe gene gives carriers a 40 to 70 percent chance of developing bowel "
                                     "cancer, her doctors said.")
    assert _conflicts(compare_texts(GENE_A.format(own="40%"), b)) == []
    assert _conflicts(compare_texts(GENE_A.format(own="40 per cent"), b.replace("40 to 70 percent", "40-70%"))) == []


CLINIC_BASE = ("Singer's Story Sends Women to Gene Clinics\n\nJune 2, 2031\n\n"
               "Women across the region have asked for gene tests since the singer Ada Brennan described her surgery, "
               "doctors at the Northfield genetics clinic said.\n\nReferrals to the clinic rose sharply after she spoke, "
               "and the regional health board said waiting lists for surgery had grown over the spring.")
CLINIC_A = ("Gene Test Referrals Double\n\nJune 3, 2031\n\n"
            "The Northfield genetics clinic had 612 referrals in 2030, up from 280 the year before, after Ada "
            "Brennan spoke about her surgery.\n\n\"We have not yet looked at why each woman chose surgery, but the "
            "numbers speak for themselves,\" said Dr Imogen Harte, who leads the clinic.")
CLINIC_B = ("Clinic Reports Rise After Singer's Surgery\n\nJune 3, 2031\n\n"
            "The Northfield genetics clinic received 612 referrals in 2030 after the singer Ada Brennan described "
            "her surgery, a study published on Tuesday found; waiting lists for gene tests have grown.\n\n"
            "\"We have not yet looked at why each woman chose surgery, but the numbers speak for themselves,\" "
            "Dr Imogen Harte told reporters.")


def test_two_other_outlets_share_facts_the_base_does_not_give(compare_texts):
    c = compare_texts(CLINIC_BASE, CLINIC_A, CLINIC_B, base="v1")
    assert {c.relations[v].kind for v in ("v2", "v3")} == {"related"}
    (f,) = [f for f in _shared(c) if set(f.versions) == {"v2", "v3"}]
    assert "agrees with v2" in f.message and "the base" not in f.message
    assert "612" in f.message and "We have not yet looked at why each woman" in f.message
    assert [f for f in _shared(c) if "v1" in f.versions] == []


def test_two_other_outlets_sharing_only_the_story_subject_share_nothing(compare_texts):
    b = ("Clinic Reports Rise After Singer's Surgery\n\nJune 3, 2031\n\nAda Brennan's surgery has led more women "
         "to ask about gene tests, a charity said.\n\nThe charity did not give figures.")
    c = compare_texts(CLINIC_BASE, CLINIC_A, b, base="v1")
    assert _shared(c) == []


def test_a_quotation_one_story_gives_twice_is_listed_once(compare_texts):
    b = CLINIC_B + ("\n\nShe repeated the point on Wednesday: \"We have not yet looked at why each woman chose "
                    "surgery, but the numbers speak for themselves.\"")
    (f,) = [f for f in _shared(compare_texts(CLINIC_BASE, CLINIC_A, b, base="v1")) if set(f.versions) == {"v2", "v3"}]
    assert f.message.count("We have not yet looked") == 1


AGE_A = ("Actor Steps Back From Stage\n\nMarch 9, 2032\n\n"
         "The actor Lena Moravec, 44, said on Monday she would take a year off to care for her family.\n\n"
         "Her father died of heart disease at the age of 61. She praised the doctors who treated him.")
AGE_B = ("Moravec Takes a Year Off\n\nMarch 9, 2032\n\n"
         "Lena Moravec, who is currently 44, says her father Tomas died when she was {age} and that she wants more "
         "time with her family, she said on Monday.")


def test_an_age_written_without_year_old_is_shared_and_can_conflict(compare_texts):
    c = compare_texts(AGE_A, AGE_B.format(age="61"), base="v1")
    assert any("44" in f.message for f in _shared(c))
    assert _conflicts(c) == []
    (f,) = _conflicts(compare_texts(AGE_A, AGE_B.format(age="53"), base="v1"))
    assert "'61'" in f.message and "'53'" in f.message


def test_an_age_never_conflicts_with_a_number_of_minutes(compare_texts):
    a = ("Jury Convicts Driver\n\nMay 2, 2032\n\nCarl Webb, 51, was found guilty by a jury that took only minutes "
         "to decide on Friday, prosecutors said.")
    b = ("Driver Found Guilty\n\nMay 2, 2032\n\nThe jury took just 15 minutes to find Carl Webb guilty on Friday, "
         "prosecutors said.")
    assert _conflicts(compare_texts(a, b, base="v1")) == []


@pytest.mark.parametrize("text, age", [
    ("The ambassador, 39, said she had made the choice.", True),
    ("She is now in menopause, aged just 39, her doctors said.", True),
    ("Her mother died when she was 49 and was buried in Paris.", True),
    ("The club won 39, 41 and 44 points in those seasons.", False),
    ("The ambassador said 39 people had applied.", False),
    ("The price was 56. It rose later.", False),
])
def test_ages_are_read_from_the_words_around_a_bare_number(text, age):
    from variorum.core.checks.analysis import TextAnalysis
    from variorum.core.checks.facts import extract

    units = {m.unit for m in extract(TextAnalysis(text), None).figures}
    assert ("year-old" in units) == age
