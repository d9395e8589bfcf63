import pytest

QUOTE = ("Officials from the agency told reporters the damage was severe. \"We have never seen anything like this "
         "in our lifetime,\" said Anna Berg, the regional director.")


def _findings(c):
    return [f for f in c.findings if f.kind == "quote-changed"]


def test_changed_words_inside_quotation_marks(compare_texts, body):
    a = body + "\n\n" + QUOTE
    b = body + "\n\n" + QUOTE.replace("never seen", "never witnessed")
    (f,) = _findings(compare_texts(a, b))
    assert f.severity == "high" and "'seen'" in f.message and "'witnessed'" in f.message
    assert [(e.version, e.text) for e in f.evidence] == [("v1", "seen"), ("v2", "witnessed")]


def test_quotation_style_and_wrapping_are_cosmetic(compare_texts, body):
    a = body + "\n\n" + QUOTE
    b = body + "\n\n" + QUOTE.replace('"We', "“We").replace('lifetime,"', "lifetime,”").replace(
        "like this ", "like this\n")
    assert _findings(compare_texts(a, b)) == []


def test_guillemets_and_single_curly_quotes(compare_texts, body):
    a = body + "\n\nThe mayor said: «The bridge will open in May» and left. He called it ‘a great day for us’."
    b = body + "\n\nThe mayor said: «The bridge will open in June» and left. He called it ‘a great day for all’."
    assert len(_findings(compare_texts(a, b))) == 2


def test_speaker_of_a_quotation_changed(compare_texts, body):
    a = body + "\n\n" + QUOTE
    b = body + "\n\n" + QUOTE.replace("said Anna Berg", "said Tom Hale")
    (f,) = _findings(compare_texts(a, b))
    assert "speaker" in f.message and "'Anna Berg'" in f.message and "'Tom Hale'" in f.message


def test_url_dropped_into_a_quotation_by_extraction_is_not_a_change(compare_texts, body):
    a = body + "\n\n" + QUOTE
    b = body + "\n\n" + QUOTE.replace("anything like", "anything\n\nhttps://example.org/2020/01/01/x\n\nlike")
    assert _findings(compare_texts(a, b)) == []


def test_punctuation_only_edit_inside_a_quotation_is_not_flagged(compare_texts, body):
    a = body + "\n\n" + QUOTE
    b = body + "\n\n" + QUOTE.replace("lifetime,", "lifetime.")
    assert _findings(compare_texts(a, b)) == []


def test_changed_words_outside_quotations_are_not_quote_changes(compare_texts, body):
    a = body + "\n\n" + QUOTE
    b = body + "\n\n" + QUOTE.replace("the damage was severe", "the damage was serious")
    assert _findings(compare_texts(a, b)) == []


def test_an_unclosed_mark_does_not_swallow_the_text_after_it():
    from variorum.core.checks.quotations import find_quotes

    text = 'He said "yes to the plan. Later the mayor added "we will see," and left.'
    (q,) = find_quotes(text)
    assert text[q.start:q.end] == '"we will see,"'


def test_several_edits_in_one_quotation_are_one_finding(compare_texts, body):
    a = body + "\n\n" + QUOTE
    b = body + "\n\n" + QUOTE.replace("never seen", "never witnessed").replace("our lifetime", "my lifetime")
    (f,) = _findings(compare_texts(a, b))
    assert "'seen' → 'witnessed'" in f.message and "'our' → 'my'" in f.message
    assert [e.text for e in f.evidence] == ["seen", "witnessed", "our", "my"]


SAID = "“We will rebuild the pier before the summer season,” Ms. Lee said on Thursday at the harbour office."


def test_speaker_after_an_abbreviated_title_changed(compare_texts, body):
    a = body + "\n\n" + SAID
    (f,) = _findings(compare_texts(a, a.replace("Ms. Lee", "Ms. Park")))
    assert "speaker" in f.message and "'Lee'" in f.message and "'Park'" in f.message


def test_a_title_changed_alone_is_the_same_speaker(compare_texts, body):
    a = body + "\n\n" + SAID
    assert _findings(compare_texts(a, a.replace("Ms. Lee", "Mayor Lee"))) == []


@pytest.mark.parametrize("text", [
    SAID.replace("Lee", "Okafor"),  # beside the quotation
    "“Thank you, Ms. Okafor, we will rebuild the pier before the summer,” the harbour master said on Thursday.",
])
def test_a_name_changing_form_beside_or_inside_a_quotation_is_a_changed_name(compare_texts, body, text):
    a = body + "\n\n" + text
    c = compare_texts(a, a.replace("Ms. Okafor", "Ms. Okafor-Smith"), base="v1")
    assert [f.kind for f in c.findings] == ["name-changed"]
    assert "'Okafor'" in c.findings[0].message and "'Okafor-Smith'" in c.findings[0].message


GLOSS = ("The town of Harwick (pronounced \"harrick\") lies on the river, and its people call themselves "
         "\"teries\" after an old song.")


def test_a_glossed_word_in_quotation_marks_is_not_a_quotation(compare_texts, body):
    a = body + "\n\n" + GLOSS
    b = body + "\n\n" + GLOSS.replace('"harrick"', '"har-ick"')
    assert _findings(compare_texts(a, b)) == []


def test_a_changed_word_in_a_quotation_of_two_words_is_still_a_quote_change(compare_texts, body):
    a = body + "\n\n" + 'The mayor called the plan "truly reckless" on Monday, and the council agreed.'
    b = a.replace("truly reckless", "truly careless")
    (f,) = _findings(compare_texts(a, b))
    assert "'reckless' → 'careless'" in f.message


TERM = ("The cooperative runs bakeries in the [[Lowland]] states of [[Aldermoor]], [[Brightwater]] and "
        "[[Coldharbour]], grouped in four regional \"hubs\": each hub shares one delivery fleet.")


def test_names_changed_beside_a_single_quoted_word_are_not_a_speaker_change(compare_texts, body):
    a = body + "\n\n" + TERM
    b = a.replace("[[Brightwater]] and [[Coldharbour]]", "[[Brightwater]], [[Coldharbour]] and [[Eastmere]]")
    assert _findings(compare_texts(a, b)) == []


def test_the_speaker_of_a_short_quotation_changed_is_still_reported(compare_texts, body):
    a = body + "\n\n" + 'The plan is "truly reckless," said Anna Berg, the regional director, on Monday.'
    (f,) = _findings(compare_texts(a, a.replace("said Anna Berg", "said Tom Hale")))
    assert "speaker" in f.message
