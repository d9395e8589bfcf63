"""One rule per metadata field for "the same value, written differently"."""

from __future__ import annotations

import datetime as dt

import pytest

from variorum.core.metadata.equality import (
    agree,
    date_days,
    same_byline,
    same_credits,
    same_date,
    same_links,
    same_title,
    same_url,
)
from variorum.core.model import Link


@pytest.mark.parametrize(("a", "b"), [
    ("Dam Bursts After Storm", "dam bursts after storm"),
    ("  Dam bursts after storm ", "“Dam bursts after storm”"),
    ("Dam bursts after storm | The Daily Example", "Dam bursts after storm"),
    ("Dam bursts after storm - Example News", "Dam Bursts After Storm — The Daily"),
    ("Dam bursts after heavy…", "Dam bursts after heavy storm floods the valley"),
    ("Dam bursts after hea...", "Dam bursts after heavy storm"),
    ("Dam bursts after heavy… | The Daily", "Dam bursts after heavy storm"),
])
def test_titles_written_differently_agree(a, b):
    assert same_title(a, b) and same_title(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("Dam bursts after storm", "Dam bursts after storms"),
    ("Dam bursts after storm | The Daily", "Bridge opens after delay | The Daily"),
    ("Dam…", "Dam bursts after storm"),  # too little left to say which headline it was
    ("Dam bursts after heavy…", "Dam holds after heavy storm"),
    ("Dam bursts after heavy", "Dam bursts after heavy storm"),  # no ellipsis: a shorter title, not a cut one
])
def test_different_titles_differ(a, b):
    assert not same_title(a, b) and not same_title(b, a)


def test_a_timestamp_agrees_with_every_day_its_instant_falls_on():
    assert date_days("2020-08-20T23:30:00-04:00") == {dt.date(2020, 8, 20), dt.date(2020, 8, 21)}
    assert same_date("2020-08-20T23:30:00-04:00", "2020-08-21")
    assert same_date("2020-08-20T23:30:00-04:00", "2020-08-21T03:30:00Z")
    assert same_date("2020-08-21T01:00:00+00:00", "2020-08-20")  # read in New York it is still the 20th
    assert not same_date("2020-08-20T23:30:00-04:00", "2020-08-23")
    assert not same_date("2020-08-19T12:00:00Z", "2020-08-21T12:00:00Z")


def test_a_date_or_a_timestamp_without_a_zone_names_its_own_day():
    assert same_date("2020-05-04", " 2020-05-04T10:00:00 ")
    assert not same_date("2020-05-04T10:00:00", "2020-05-05")
    assert same_date("'August 19, 2020'", "2020-08-19")
    assert date_days("not a date") == frozenset()


def test_bylines_agree_without_order_case_or_by():
    assert same_byline("By Jane Doe and John Roe", "john roe, JANE DOE")
    assert same_byline("“Jane Doe”", "Jane Doe ")
    assert not same_byline("Jane Doe", "Jane Roe")


def test_credits_agree_as_sets_of_words():
    assert same_credits(("Photo: EFE/EPA", "Reuters"), ("reuters", "photo: EFE / EPA"))
    assert not same_credits(("Photo: EFE/EPA",), ("Photo: AP",))
    assert not same_credits(("Photo: EFE/EPA",), ("Photo: EFE/EPA", "Reuters"))


@pytest.mark.parametrize(("a", "b"), [
    ("https://www.example.org/a/b", "http://example.org/a/b/"),
    ("HTTPS://Example.ORG/a/b", "https://example.org/a/b"),
    ("https://example.org/a?utm_source=x&utm_medium=y&id=3", "https://example.org/a?id=3"),
    ("https://example.org/a?fbclid=abc", "https://example.org/a?gclid=def&msclkid=1"),
    ("https://example.org/a?b=2&a=1", "https://example.org/a?a=1&b=2"),
    ("<https://example.org/a>", " 'https://example.org/a#top' "),
])
def test_urls_written_differently_agree(a, b):
    assert same_url(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("https://example.org/a", "https://example.org/b"),
    ("https://example.org/About", "https://example.org/about"),  # a path's letter case can name another page
    ("https://example.org/a?id=3", "https://example.org/a?id=4"),
    ("https://example.org/a", "https://example.net/a"),
])
def test_different_urls_differ(a, b):
    assert not same_url(a, b)


def test_links_agree_as_sets_of_targets():
    a = (Link("report", "https://example.org/r/", 0, 6), Link("x", "https://example.org/x?utm_source=t", 9, 10))
    b = (Link("the report", "http://www.example.org/r", 4, 14), Link("x", "https://example.org/x", 20, 21))
    assert same_links(a, b)
    assert not same_links(a, b[:1])


def test_every_field_of_the_table_has_a_rule():
    from variorum.core.model import Metadata

    fields = {"title", "published", "modified", "byline", "credits", "url", "links"}
    assert fields <= set(Metadata.__dataclass_fields__)
    assert agree("published") is same_date and agree("url") is same_url
    with pytest.raises(KeyError):
        agree("colour")
