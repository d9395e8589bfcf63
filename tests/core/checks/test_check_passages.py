EXTRA = "Residents of the northern town have collected signatures asking for a pedestrian lane on the bridge."


def _findings(c):
    return [f for f in c.findings if f.kind == "passage-missing"]


def test_paragraph_missing_from_one_version(compare_texts, body):
    paras = body.split("\n\n")
    full = "\n\n".join([paras[0], EXTRA, *paras[1:]])
    c = compare_texts(full, full, body)
    (f,) = _findings(c)
    assert f.severity == "low" and f.versions == ("v1", "v2", "v3")
    assert "present in v1 and v2 is missing from v3" in f.message
    assert [(e.version, e.text) for e in f.evidence] == [("v1", EXTRA), ("v2", EXTRA), ("v3", "")]


def test_paragraph_only_a_copy_has(compare_texts, body):
    c = compare_texts(body + "\n\nOne more line.", body + "\n\n" + EXTRA)
    (f,) = _findings(c)
    assert "present in v2 is missing from v1" in f.message
    assert (f.evidence[0].version, f.evidence[0].text) == ("v2", EXTRA)


def test_adjacent_paragraphs_are_one_passage(compare_texts, body):
    item = "Council Votes on Bridge Lighting\n\nMarch 2, 2021\n\n" + EXTRA
    c = compare_texts(body + "\n\n" + item, body)
    (f,) = _findings(c)
    assert "A passage of 3 paragraphs" in f.message


def test_metadata_lines_and_urls_are_not_passages(compare_texts, body):
    a = "# Bridge Opens Next Spring\n\nMarch 3, 2021\n\n" + body + "\n\nOriginal url:\n\n<https://example.org/b>"
    assert _findings(compare_texts(a, body)) == []


def test_rewrapped_and_requoted_copy_has_no_missing_passage(compare_texts, body):
    rewrapped = body.replace("\n\n", "\n").replace(" the river", "\nthe river")
    assert _findings(compare_texts(body, rewrapped)) == []


def test_paragraph_two_copies_add_is_one_finding(compare_texts, body):
    styled = body + "\n\n**Residents** of the northern town have collected “signatures” asking for a pedestrian lane."
    plain = body + '\n\nResidents of the northern town have collected "signatures" asking for a pedestrian lane.'
    longer_base = body.replace("the river.", "the river, which floods every spring.")
    c = compare_texts(longer_base + "\n\nA closing note.", styled, plain)
    (f,) = _findings(c)
    assert f.versions == ("v1", "v2", "v3") and "present in v2 and v3 is missing from v1" in f.message


ADDED = ["A second crossing further upstream is being studied, the council said, though no money has been set "
         "aside for it in this year's budget or the next.",
         "Ferry services between the towns will continue until the bridge opens, with an extra boat on weekday "
         "mornings from next month."]


def test_paragraphs_a_later_revision_adds_are_not_missing_from_the_earlier_base(compare_texts, body):
    expanded = "\n\n".join([body, *ADDED])
    assert _findings(compare_texts(body, expanded, base="v1")) == []


def test_a_version_that_swaps_items_has_both_sides_reported(compare_texts, body):
    # a page whose item was replaced: what it dropped is missing, and what it carries instead is reported too
    c = compare_texts(body + "\n\n" + EXTRA, body + "\n\n" + ADDED[0], base="v1")
    assert sorted(f.evidence[0].version for f in _findings(c)) == ["v1", "v2"]


def test_a_paragraph_an_older_version_has_is_missing_from_a_newer_base(compare_texts, body):
    newer = "March 9, 2021\n\n" + body
    older = "March 2, 2021\n\n" + "\n\n".join([body, ADDED[0]])
    (f,) = _findings(compare_texts(newer, older, base="v1"))
    assert "present in v2 is missing from v1" in f.message


REWORDED = ("Relatively young at the time, the engineer could in the view of many colleagues have contributed much "
            "more to the design of the bridge had she stayed a bit longer.")


def test_a_reworded_paragraph_is_not_one_missing_and_one_added(compare_texts, body):
    paras = body.split("\n\n")
    before = "\n\n".join([*paras, REWORDED])
    grown = paras[-1] + (" The council also asked the engineers to study a cycle lane, a footpath on the "
                         "downstream side, new lighting for the approach roads and a toll for heavy lorries.")
    reworded = (REWORDED.replace("Relatively young at the time", "Only thirty-one years old when she left")
                .replace("had she stayed a bit longer.", "had she stayed. As the mayor said at the opening of "
                         "the works, the plan owed its best ideas to her, and the council has since named the "
                         "footpath after her in recognition of that work."))
    after = "\n\n".join([*paras[:-1], grown, reworded, *ADDED])
    assert _findings(compare_texts(before, after, base="v1")) == []


LONG_LINES = [
    "After the vote the council went on to approve the lighting plan for the bridge and its two approach roads, "
    "which had been delayed twice by objections from residents of the northern bank.",
    "The river authority said the new piers would be inspected every spring, and that the old ferry landing would "
    "be kept as a mooring for the rescue boat that serves both towns.",
]
VANDAL = "in 1921 my uncle went to the shop and bought some fried fish, with"


def test_a_line_removed_from_a_block_of_long_lines_is_missing(compare_texts, body):
    block = "\n".join([LONG_LINES[0], VANDAL, LONG_LINES[1]])
    without = "\n".join(LONG_LINES)
    c = compare_texts(f"{body}\n\n{block}", f"{body}\n\n{without}", base="v1")
    (f,) = _findings(c)
    assert f.evidence[0].text == VANDAL and "missing from v2" in f.message


def test_a_hard_wrapped_paragraph_losing_a_line_of_words_is_not_a_missing_passage(compare_texts, body):
    wrapped = ("The river authority said the new piers would be\ninspected every spring and that the old landing\n"
               "would be kept as a mooring for the rescue boat\nthat serves both towns on the river.")
    shorter = wrapped.replace("inspected every spring and that the old landing\n", "")
    assert _findings(compare_texts(f"{body}\n\n{wrapped}", f"{body}\n\n{shorter}", base="v1")) == []


def test_a_line_a_later_revision_adds_to_a_block_is_not_missing_from_the_base(compare_texts, body):
    block = "\n".join([LONG_LINES[0], ADDED[0], LONG_LINES[1]])
    without = "\n".join(LONG_LINES)
    assert _findings(compare_texts(f"{body}\n\n{without}", f"{body}\n\n{block}", base="v1")) == []


def test_a_link_to_another_story_that_one_copy_picked_up_is_not_a_missing_passage(compare_texts, body):
    # a headline of an unrelated story, caught with the article: it shares no word with the rest of the text
    stray = "Ten holiday recipes for a crowded kitchen."
    paras = body.split("\n\n")
    c = compare_texts("\n\n".join([paras[0], stray, *paras[1:]]), body)
    assert _findings(c) == []


def test_a_short_line_on_the_story_is_still_a_missing_passage(compare_texts, body):
    on_topic = "The bridge will cost the two towns about 40 million."  # short, but about the bridge and the towns
    paras = body.split("\n\n")
    c = compare_texts("\n\n".join([paras[0], on_topic, *paras[1:]]), body)
    (f,) = _findings(c)
    assert f.evidence[0].text == on_topic


def test_a_list_entry_dropped_from_a_run_of_short_lines_is_still_missing(compare_texts, body):
    entries = ["Notable residents:", "Anna Lindgren, composer of choral music", "Petter Holm, ski jumper",
               "Karin Dahl, botanist and explorer"]
    full = "\n\n".join([body, *entries])
    c = compare_texts(full, "\n\n".join([body, *entries[:2], entries[3]]))
    (f,) = _findings(c)
    assert f.evidence[0].text == "Petter Holm, ski jumper"


REWRITE_BASE = [
    "Rescuers widened the search on Tuesday for a ferry that went missing in rough seas off the northern cape "
    "with 62 people on board, the coast guard said.",
    "About 12 ships and four aircraft from the two provinces would search an area of 3,000 square miles, "
    "officials said on Tuesday evening.",
    "The harbour master said the ferry had sent no distress call before its radio went silent shortly after dawn.",
    "Relatives gathered at the terminal in the port town, where the operator set up a room for families.",
]


def test_a_paragraph_a_rewrite_moved_and_reworded_is_not_missing(compare_texts):
    # the later edition leads with new facts, drops the relatives and moves the search paragraph, reworded, down
    later = [
        "Divers recovered two bodies and a life raft on Wednesday from the waters where a ferry went missing off the "
        "northern cape, the coast guard said.",
        "The harbour master said the ferry had sent no distress call before its radio went silent shortly after dawn.",
        "About 12 ships and four aircraft from the two provinces would search an area of 3,000 square miles "
        "again on Wednesday, officials said.",
    ]
    c = compare_texts("\n\n".join(REWRITE_BASE), "\n\n".join(later), base="v1")
    missing = [e.text for f in _findings(c) for e in f.evidence if e.version == "v1"]
    assert not any("12 ships" in t for t in missing)
    assert any(t.startswith("Relatives gathered") for t in missing)


def test_a_sentence_a_rewrite_made_its_own_paragraph_elsewhere_is_not_missing_from_the_base(compare_texts):
    engines = ("The ferry's engines were built by a firm in the north, the operator said. Such engines are mainly "
               "used on long crossings and can give investigators clues when things go wrong.")
    clues = "Such engines are mainly used on long crossings and can give investigators clues when things go wrong."
    later = [clues, REWRITE_BASE[3], REWRITE_BASE[0],
             "Divers recovered two bodies and a life raft on Wednesday, the coast guard said in a statement."]
    c = compare_texts("\n\n".join([*REWRITE_BASE, engines]), "\n\n".join(later), base="v1")
    assert not any(e.version == "v2" and e.text == clues for f in _findings(c) for e in f.evidence)
    assert any(e.version == "v1" and e.text.startswith("The ferry's engines") for f in _findings(c)
               for e in f.evidence)
