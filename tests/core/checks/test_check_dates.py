def _findings(c):
    return [f for f in c.findings if f.kind == "date-mismatch"]


def test_different_datelines_are_high(compare_texts, body):
    (f,) = _findings(compare_texts("March 3, 2021\n\n" + body, "Published 4 March 2021\n\n" + body))
    assert f.severity == "high" and "3 Mar 2021" in f.message and "4 Mar 2021" in f.message
    assert [e.text for e in f.evidence] == ["March 3, 2021", "4 March 2021"]
    # the changed day is a date change, not also a changed figure
    assert [x.kind for x in compare_texts("March 3, 2021\n\n" + body, "March 4, 2021\n\n" + body).findings] == [
        "date-mismatch"]


def test_same_date_written_differently_agrees(compare_texts, body):
    assert _findings(compare_texts("March 3, 2021\n\n" + body, "3 Mar 2021\n\n" + body)) == []


def test_date_missing_from_a_copy_is_low(compare_texts, body):
    (f,) = _findings(compare_texts("March 3, 2021\n\n" + body, body))
    assert f.severity == "low" and "missing from v2" in f.message


def test_a_page_that_also_lists_the_other_date_is_not_contradicting(compare_texts, body):
    a = "March 3, 2021\n\n" + body
    b = "March 9, 2021\n\nA newer item on the same page.\n\nMarch 3, 2021\n\n" + body
    assert [f.severity for f in _findings(compare_texts(a, b))] == []


def test_a_different_date_of_the_last_update_is_medium(compare_texts, body):
    a = "March 3, 2021\n\nLast updated: March 5, 2021\n\n" + body
    (f,) = _findings(compare_texts(a, a, a.replace("March 5", "April 9"), base="v1"))
    assert f.severity == "medium" and "last update" in f.message
    assert "v1 and v2: '5 Mar 2021'; v3: '9 Apr 2021'" in f.message
    assert [(e.version, e.text) for e in f.evidence] == [
        ("v1", "March 5, 2021"), ("v2", "March 5, 2021"), ("v3", "April 9, 2021")]


def test_a_version_never_updated_is_not_missing_the_date_of_an_update(compare_texts, body):
    a = "March 3, 2021\n\n" + body
    assert _findings(compare_texts(a, "March 3, 2021\n\nUpdated March 5, 2021\n\n" + body)) == []


def test_canonical_url_date_counts_as_the_date(compare_texts, body):
    a = body + "\n\nOriginal url: https://example.org/2021/03/03/bridge"
    b = "March 5, 2021\n\n" + body
    (f,) = _findings(compare_texts(a, b))
    assert f.severity == "high" and "3 Mar 2021" in f.message and "5 Mar 2021" in f.message


def test_timestamps_a_day_apart_agree(compare_texts, body):
    import dataclasses

    from variorum.core.compare import compare_versions
    from variorum.core.load import load_pasted
    from variorum.core.model import Metadata

    def version(vid, published):
        v = load_pasted(body, version_id=vid)
        meta = Metadata(published=published, sources=(("published", "article:published_time"),))
        return dataclasses.replace(v, metadata=meta)

    c = compare_versions([version("v1", "2020-08-19T23:30:00-05:00"), version("v2", "2020-08-20T04:30:00Z")])
    assert _findings(c) == []
    c = compare_versions([version("v1", "2020-08-19T23:30:00-05:00"), version("v2", "2020-08-25T04:30:00Z")])
    assert [f.severity for f in _findings(c)] == ["high"]


def test_a_timestamp_without_a_time_zone_names_its_own_day(body):
    import dataclasses

    from variorum.core.compare import compare_versions
    from variorum.core.load import load_pasted
    from variorum.core.model import Metadata

    def version(vid, published):
        v = load_pasted(body, version_id=vid)
        meta = Metadata(published=published, sources=(("published", "article:published_time"),))
        return dataclasses.replace(v, metadata=meta)

    # as the metadata table reads it: no zone, so no other day it could be
    c = compare_versions([version("v1", "2020-05-04T10:00:00"), version("v2", "2020-05-05")])
    assert [f.severity for f in _findings(c)] == ["high"]
    c = compare_versions([version("v1", "2020-05-04T10:00:00"), version("v2", "2020-05-04")])
    assert _findings(c) == []
