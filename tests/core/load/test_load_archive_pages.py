"""Pages saved from the Wayback Machine and archive.today: the archived article, its real links and capture time."""

from __future__ import annotations

from archive_builders import ARTICLE_URL, archive_today_page, article_html, wayback_page
from variorum.core.load import load_bytes

RELATED = "https://www.example-news.com/world/2024/02/20/storm-warning"
ARTICLE_WORDS = article_html(closed_days="ten")


def load(raw: bytes, name: str = "saved.html"):
    v = load_bytes(raw, version_id="v1", label=name)
    assert v.ok, v.error
    return v


def test_a_saved_wayback_page_is_the_article_with_its_own_links_and_capture_time():
    v = load(wayback_page(article_html(closed_days="ten"), original=ARTICLE_URL, stamp="20240301143210"))
    plain = load(article_html(closed_days="ten"), "original.html")
    assert v.text == plain.text  # nothing of the toolbar is left
    for toolbar_words in ("Wayback", "captures", "COLLECTED BY", "TIMESTAMPS", "About this capture", "Go"):
        assert toolbar_words not in v.text
    assert [(link.text, link.url) for link in v.metadata.links] == [("forecast a week earlier", RELATED)]
    assert v.metadata.url == ARTICLE_URL
    c = v.metadata.capture
    assert (c.time, c.target_uri, c.source) == ("2024-03-01T14:32:10Z", ARTICLE_URL, "Wayback Machine")
    assert (c.record_id, c.payload_digest) == (None, None)
    assert v.metadata.published == plain.metadata.published  # the article's own date, not the capture's


def test_the_capture_time_also_comes_from_the_archive_note_or_the_links():
    page = wayback_page(article_html(closed_days="ten"), original=ARTICLE_URL, stamp="20240301143210").decode()
    without_script = page.replace("__wm.wombat(", "__wm.other(")
    assert load(without_script.encode()).metadata.capture.time == "2024-03-01T14:32:10Z"  # FILE ARCHIVED ON …
    bare = without_script.split("<!--\n     FILE ARCHIVED ON")[0]
    v = load(bare.encode())
    assert v.metadata.capture.time == "2024-03-01T14:32:10Z"  # the timestamp the page's links carry
    assert v.metadata.capture.target_uri is None and v.metadata.url == ARTICLE_URL  # its canonical link, restored


def test_a_saved_archive_today_page_is_the_article_with_its_own_links_and_capture_time():
    v = load(archive_today_page(original=ARTICLE_URL, captured="2024-03-02T07:45:31Z"))
    for header_words in ("archive.today", "Saved from", "webpage capture", "Webpage Screenshot", "download .zip",
                         "report bug"):
        assert header_words not in v.text
    assert "The harbour bridge will stay closed for ten days" in v.text
    assert ("forecast a week earlier", RELATED) in [(link.text, link.url) for link in v.metadata.links]
    assert all("archive.ph" not in link.url for link in v.metadata.links)
    c = v.metadata.capture
    assert (c.time, c.target_uri, c.source) == ("2024-03-02T07:45:31Z", ARTICLE_URL, "archive.today")
    assert v.metadata.url == ARTICLE_URL
    assert v.metadata.published is None  # archive.today dates its own record with the capture, not the article


def test_an_ordinary_page_citing_an_archived_copy_keeps_that_link():
    cited = "https://web.archive.org/web/20200101000000/https://example.org/report"
    page = f"""<html><head><title>Report</title></head><body><article><h1>Report</h1>
    <p>The original report is gone, but an <a href="{cited}">archived copy</a> remains available to readers.</p>
    <p>It was published by the ministry before the election and later withdrawn without explanation.</p>
    </article></body></html>""".encode()
    v = load(page)
    assert v.metadata.capture is None
    assert [link.url for link in v.metadata.links] == [cited]
