def _findings(c):
    return [f for f in c.findings if f.kind == "byline-mismatch"]


def test_different_authors_are_medium(compare_texts, body):
    (f,) = _findings(compare_texts("By Jane Doe\n\n" + body, "By John Roe\n\n" + body))
    assert f.severity == "medium" and "'Jane Doe'" in f.message and "'John Roe'" in f.message
    assert [e.text for e in f.evidence] == ["Jane Doe", "John Roe"]


def test_order_of_authors_and_roles_do_not_count(compare_texts, body):
    a = "By Jane Doe and John Roe\n\n" + body
    b = "By John Roe, Jane Doe, Staff Writers\n\n" + body
    assert _findings(compare_texts(a, b)) == []


def test_byline_missing_from_a_copy_is_low(compare_texts, body):
    (f,) = _findings(compare_texts("By Jane Doe\n\n" + body, body))
    assert f.severity == "low"


def test_author_named_elsewhere_in_the_copy_is_not_missing(compare_texts, body):
    assert _findings(compare_texts("By Jane Doe\n\n" + body, body + "\n\nReporting by Jane Doe.")) == []
