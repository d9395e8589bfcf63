CAPTION = "A view of the bridge under construction in the valley last year. John Smith / Reuters"


def _findings(c):
    return [f for f in c.findings if f.kind == "credit-mismatch"]


def test_different_photo_credits_are_medium(compare_texts, body):
    a = CAPTION + "\n\n" + body
    b = CAPTION.replace("John Smith / Reuters", "Jane Miller / AP") + "\n\n" + body
    (f,) = _findings(compare_texts(a, b))
    assert f.severity == "medium" and "photo credit" in f.message
    assert [e.text for e in f.evidence] == ["John Smith / Reuters", "Jane Miller / AP"]


def test_missing_reporting_credit_is_low(compare_texts, body):
    (f,) = _findings(compare_texts(body + "\n\nAFP contributed reporting.", body))
    assert f.severity == "low" and "'AFP contributed reporting.'" in f.message and "missing from v2" in f.message


def test_markup_around_a_credit_does_not_count(compare_texts, body):
    a = body + "\n\n*AFP contributed reporting.*"
    b = body + "\n\nAFP contributed reporting."
    assert _findings(compare_texts(a, b)) == []


def test_credit_lost_with_its_whole_caption_is_left_to_passage_missing(compare_texts, body):
    c = compare_texts(CAPTION + "\n\n" + body, body)
    assert _findings(c) == []
    (p,) = [f for f in c.findings if f.kind == "passage-missing"]
    assert "It carries the credit 'John Smith / Reuters'." in p.message


def test_caption_kept_but_credit_dropped_is_low(compare_texts, body):
    a = CAPTION + "\n\n" + body
    b = CAPTION.replace(" John Smith / Reuters", "") + "\n\n" + body
    (f,) = _findings(compare_texts(a, b))
    assert f.severity == "low" and "'John Smith / Reuters'" in f.message
