import pytest


def _findings(c):
    return [f for f in c.findings if f.kind == "weekday-mismatch"]


def test_weekday_contradicting_a_full_date_is_high(compare_texts):
    (f,) = _findings(compare_texts("The summit opens on Wednesday, August 20, 2020, in Brussels."))
    assert f.severity == "high"
    assert f.message == ("'Wednesday, August 20, 2020' does not add up: 20 Aug 2020 was a Thursday, "
                         "not a Wednesday.")
    assert [(e.version, e.text) for e in f.evidence] == [("v1", "Wednesday, August 20, 2020")]


@pytest.mark.parametrize("text", [
    # a bare weekday is the day of an event, normal news style, whatever the article's date
    "August 20, 2020\n\nThe Kremlin said Wednesday that events did not warrant intervention.",
    # the year comes from the article's date: 9 Aug 2020 was a Sunday
    "August 19, 2020\n\nProtests followed the vote on Sunday, Aug. 9, across the country.",
    "The summit opens on Thursday, August 20, 2020, in Brussels.",
    # no year and no article date: nothing to check against
    "The vote took place on Monday, Aug. 9, and protests followed.",
    # "Dec. 28" in a piece dated in January is the December before, a Monday
    "January 3, 2021\n\nOn Monday, Dec. 28, the talks ended.",
])
def test_weekdays_that_check_out_or_cannot_be_checked(compare_texts, text):
    assert _findings(compare_texts(text)) == []


def test_year_taken_from_the_article_date_gives_medium(compare_texts):
    (f,) = _findings(compare_texts("August 19, 2020\n\nThe vote took place on Monday, Aug. 9, and protests "
                                   "followed."))
    assert f.severity == "medium" and "read as 2020" in f.message and "was a Sunday, not a Monday" in f.message


def test_same_slip_in_several_versions_is_one_finding(compare_texts, body):
    text = body + "\n\nThe hearing is set for Wednesday, August 20, 2020."
    (f,) = _findings(compare_texts(text, text.replace("either side", "both sides")))
    assert f.versions == ("v1", "v2") and len(f.evidence) == 2


def test_future_event_without_a_year_is_read_in_the_nearest_year(compare_texts):
    # 29 March 2021 was a Monday; the piece is dated 3 March 2021
    assert _findings(compare_texts("March 3, 2021\n\nThe hearing is set for Monday, March 29.")) == []
    (f,) = _findings(compare_texts("March 3, 2021\n\nThe hearing is set for Tuesday, March 29."))
    assert "29 Mar 2021 was a Monday, not a Tuesday" in f.message
