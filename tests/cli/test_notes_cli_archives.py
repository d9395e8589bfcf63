"""``variorum notes`` on a web archive of several pages: ``--url`` names the page whose captures make the case, as
the app's choice and ``compare --url`` do, so the notes written in the app are found from the command line."""

from __future__ import annotations

import json

from archive_builders import ARTICLE_URL, OTHER_URL, article_html, build_warc
from notescli import notes
from variorum.core.case import Case
from variorum.core.notes.store import NotesStore

DATES = ("2024-03-01T09:00:00Z", "2024-03-04T10:30:00Z")


def crawl(tmp_path, other_url: str = OTHER_URL):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(build_warc([(ARTICLE_URL, DATES[0], article_html(closed_days="ten")),
                                 (other_url, DATES[0], article_html(closed_days="two", title="Final score")),
                                 (ARTICLE_URL, DATES[1], article_html(closed_days="fourteen"))]))
    return path


def test_a_note_written_on_one_page_of_a_crawl_is_found_with_the_same_page_as_in_the_app(capsys, tmp_path):
    path = crawl(tmp_path)
    code, out, err = notes(capsys, "add", "--anchor", "version:v2", "--body", "The later capture", path,
                           "--url", ARTICLE_URL)
    assert code == 0, err
    code, out, err = notes(capsys, "list", "--format", "json", path, "--url", ARTICLE_URL.replace("https", "http"))
    assert code == 0, err
    data = json.loads(out)
    assert [n["body"] for n in data["notes"]] == ["The later capture"]
    assert len(data["case"]["versions"]) == 2  # the article's two captures, not the sport page
    # the app opens the same case when the article is the page chosen in the crawl
    in_the_app = Case()
    in_the_app.choose_pages({str(path.absolute()): (ARTICLE_URL,)})
    in_the_app.add([path])
    with NotesStore() as store:
        assert store.find_case(in_the_app.versions) is not None


def test_without_url_the_pages_are_listed_and_nothing_is_written(capsys, tmp_path):
    path = crawl(tmp_path)
    code, out, err = notes(capsys, "add", "--anchor", "case", "--body", "x", path)
    assert code == 2 and out == ""
    assert "crawl.warc.gz holds captures of 2 pages; choose one with --url URL:" in err
    assert err.splitlines()[1:] == [f"  {ARTICLE_URL}", f"  {OTHER_URL}"]
    code, out, _ = notes(capsys, "cases")
    assert code == 0 and "crawl" not in out


def test_an_address_in_the_archive_cannot_act_on_the_terminal(capsys, tmp_path):
    hostile = "https://example.org/\x1b]0;owned\x07page"
    path = crawl(tmp_path, other_url=hostile)
    code, _, err = notes(capsys, "list", path)
    assert code == 2 and "\x1b" not in err and "\x07" not in err
    assert "  https://example.org/\\x1b]0;owned\\x07page" in err.splitlines()
