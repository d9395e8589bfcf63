import datetime as dt
from pathlib import Path

import pytest

from variorum.core.metadata import find_dates, find_weekday_dates, url_date
from variorum.core.metadata.dates import MONTH_NAMES, WEEKDAYS, infer_year

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.mark.parametrize("text, date, year_given", [
    ("August 19, 2020", dt.date(2020, 8, 19), True),
    ("19 Aug 2020", dt.date(2020, 8, 19), True),
    ("2 September 2020", dt.date(2020, 9, 2), True),
    ("September 02, 2020.", dt.date(2020, 9, 2), True),
    ("Sept. 3, 2021", dt.date(2021, 9, 3), True),
    ("the 1st of May 2019", dt.date(2019, 5, 1), True),
    ("on 2020-08-19", dt.date(2020, 8, 19), True),
    ("on Aug. 9", dt.date(2000, 8, 9), False),
])
def test_written_dates_are_read(text, date, year_given):
    (m,) = find_dates(text)
    assert (m.date, m.year_given) == (date, year_given)
    assert text[m.start:m.end] == m.text


def test_weekday_attached_to_a_date_is_kept():
    (m,) = find_dates("The summit opens on Wednesday, August 20, 2020, in Brussels.")
    assert m.weekday == "Wednesday"
    assert m.text == "Wednesday, August 20, 2020"


def test_bare_weekday_is_not_a_date():
    assert find_dates("The Kremlin said Wednesday that talks would continue.") == []


def test_dates_inside_urls_are_left_to_url_date():
    assert find_dates("see https://example.org/2020-08-19/story for more") == []


def test_impossible_dates_are_ignored():
    assert find_dates("February 30, 2020") == []


def test_year_is_inferred_from_the_article_date():
    assert infer_year(8, 9, dt.date(2020, 8, 19)) == dt.date(2020, 8, 9)
    # "Dec. 28" in a piece dated 3 January is the nearest 28 December, the one before
    assert infer_year(12, 28, dt.date(2021, 1, 3)) == dt.date(2020, 12, 28)


@pytest.mark.parametrize("url, date, precision", [
    ("https://www.example.com/2025/02/21/belarus-opposition-urges-eu", dt.date(2025, 2, 21), "day"),
    ("https://example.com/news/2020-08-19-storm", dt.date(2020, 8, 19), "day"),
    ("https://example.com/a/20200819/storm.html", dt.date(2020, 8, 19), "day"),
    ("https://example.com/2020/08/storm-hits", dt.date(2020, 8, 1), "month"),
])
def test_dates_in_urls(url, date, precision):
    ud = url_date(url)
    assert ud is not None and (ud.date, ud.precision) == (date, precision)


@pytest.mark.parametrize("url", [
    "https://example.com/russia-slams-foreign-meddling-a71199",
    "https://example.com/article/123456789012",
    "https://example.com/2020/13/40/not-a-date",
    "#",
])
def test_urls_without_dates(url):
    assert url_date(url) is None


def test_mentions_are_found_where_a_full_scan_finds_them():
    import random

    from variorum.core.metadata.dates import _MENTION, _mentions

    rng = random.Random(11)
    words = ["Monday", "Mon", "Tuesday,", "August", "Aug.", "19", "19th", "2020", "2020-08-19", "of", "the", "Sept",
             "Sep.", "May", "3", "31", "1999", "x", "-", "Wednesday, the 2 September 2019", "2020-08-190", "Jun",
             "June 3rd, 2021", "Decade", "Marching"]
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 12)))
        assert [(m.span(), m.groupdict()) for m in _mentions(text)] == \
            [(m.span(), m.groupdict()) for m in _MENTION.finditer(text)]


def test_every_day_and_month_is_read_as_dateutil_reads_it():
    """Plain mentions are read without dateutil; each reading, and each refusal of a day the month lacks, is
    dateutil's."""
    from dateutil import parser as date_parser

    def dateutil_reading(words: str, year: int) -> dt.date | None:
        try:
            return date_parser.parse(words, default=dt.datetime(year, 1, 1)).date()
        except ValueError:
            return None

    for month in ("January", "Feb", "Feb.", "Sept.", "June", "Dec"):
        for day in range(1, 32):
            for written, words in ((f"{month} {day}, 2021", f"{month.rstrip('.')} {day} 2021"),
                                   (f"{day} of {month} 2024", f"{day} {month.rstrip('.')} 2024"),
                                   (f"on {day} {month} the", f"{day} {month.rstrip('.')}")):
                found = [m.date for m in find_dates(written)]
                expected = dateutil_reading(words, 2000)
                assert found == ([expected] if expected else []), written
    for iso in ("2020-02-29", "2021-02-29", "2020-12-31", "2020-04-31", "1999-01-01"):
        assert [m.date for m in find_dates(f"filed {iso} late")] == [d for d in [dateutil_reading(iso, 2000)] if d]


_WEEKDAY_TEXTS = [
    "The summit opens on Wednesday, August 20, 2020, in Brussels, and closes Friday.",
    "Monday, the 3 March 2014 session; Tuesday 4 March; Sunday, May 4; Saturday 2020-02-29.",
    "See https://example.com/Monday,-August-3-2020 and on Thursday, Aug. 6 the rest.",
    "May 4 Monday, May 5, 2020XFriday, June 5 Wednesday August 40 Tuesday, 2019-13-01",
    "19 Aug 2020 Wednesday, 19 Aug 2020, Monday,Monday, August 17 (Sunday the 16 August)",
]


@pytest.mark.parametrize("text", _WEEKDAY_TEXTS)
def test_weekday_dates_are_the_dates_written_with_a_weekday(text):
    assert find_weekday_dates(text) == [m for m in find_dates(text) if m.weekday is not None]


def test_weekday_dates_of_the_real_cases_are_those_of_all_dates():
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for p in sorted(DATA.glob("real*/*/*")) if p.suffix in {".txt", ".md", ".html"}]
    assert texts
    for text in texts:
        assert find_weekday_dates(text) == [m for m in find_dates(text) if m.weekday is not None]


def test_weekdays_are_numbered_as_datetime_numbers_them():
    assert [WEEKDAYS[dt.date(2020, 8, 17 + i).weekday()] for i in range(7)] == [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    assert [dt.date(2020, n, 1).strftime("%B") for n in range(1, 13)] == list(MONTH_NAMES)
