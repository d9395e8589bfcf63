"""An unbounded amount that becomes a bounded one (or the reverse) is a changed claim, with no figure to compare."""

OLD = ("Under the relief programme the province is allowed to sell unlimited quantities of grain with which to buy "
       "fuel, medicine and other supplies needed by the farming villages.")
NEW = ("Under the relief programme (order 12) the province is allowed to sell $3.4 million of grain every 3 months "
       "with which to buy these supplies for the farming villages.")


def _claims(c):
    return [f for f in c.findings if f.kind == "claim-changed"]


def test_unlimited_becoming_a_bounded_amount_is_a_changed_claim(compare_texts, body):
    (f,) = _claims(compare_texts(body + "\n\n" + OLD, body + "\n\n" + NEW))
    assert f.severity == "medium" and "limit" in f.message
    assert [(e.version, e.text) for e in f.evidence] == [("v1", "unlimited quantities"),
                                                        ("v2", "$3.4 million of grain every 3 months")]


def test_a_bound_lifted_is_a_changed_claim_too(compare_texts, body):
    (f,) = _claims(compare_texts(body + "\n\n" + NEW, body + "\n\n" + OLD))
    assert ("v2", "unlimited quantities") in {(e.version, e.text) for e in f.evidence}


def test_the_limit_kept_with_a_figure_added_is_no_change_of_bound(compare_texts, body):
    new = OLD.replace("unlimited quantities of grain", "unlimited quantities of grain, 40 tonnes a week at first,")
    assert [f for f in _claims(compare_texts(body + "\n\n" + OLD, body + "\n\n" + new)) if "limit" in f.message] == []


def test_an_unlimited_amount_beside_an_unrelated_new_sentence_is_not_a_change(compare_texts, body):
    other = body + "\n\n" + OLD + "\n\nThe harbour handled 3,000 ships last year, the port authority said."
    assert _claims(compare_texts(body + "\n\n" + OLD, other)) == []
