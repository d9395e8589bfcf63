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
