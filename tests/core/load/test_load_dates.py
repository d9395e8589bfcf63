"""Dates as pages and documents write them, normalised to ISO-8601."""

from __future__ import annotations

import pytest

from variorum.core.load.dates import iso_date


@pytest.mark.parametrize(("written", "iso"), [
    ("2020-08-19", "2020-08-19"),
    ("August 19, 2020", "2020-08-19"),
    ("19.08.2020", "2020-08-19"),
    ("2020-08-19T12:38:00+03:00", "2020-08-19T12:38:00+03:00"),
    ("2020-08-19T09:38:00.000Z", "2020-08-19T09:38:00+00:00"),
    ("Wed, 19 Aug 2020 12:38:00 +0300", "2020-08-19T12:38:00+03:00"),
    ("Wed Aug 19 2020 12:38:00 GMT+0300 (Moscow Standard Time)", "2020-08-19T12:38:00+03:00"),
    ("19 Aug 2020 12:38 UTC+3", "2020-08-19T12:38:00+03:00"),
    ("2020-08-19 12:38 MSK", "2020-08-19T12:38:00"),  # a zone name nobody can resolve: the time, without it
])
def test_dates_are_normalised(written, iso):
    assert iso_date(written) == iso


@pytest.mark.parametrize("not_a_full_date", ["2020", "August 2020", "soon", "", "1597830000", None, 20200819])
def test_what_names_no_day_is_not_a_date(not_a_full_date):
    assert iso_date(not_a_full_date) is None
