"""Web archives: one version per captured page, revisits resolved, the chain of custody kept."""

from __future__ import annotations

import pytest

from archive_builders import ARTICLE_URL, OTHER_URL, article_html, build_wacz, build_warc
from variorum.core.load import expand_paths, load_paths
from variorum.core.load.archive_choice import ArchivePage
from variorum.core.load.capture_versions import archive_pages, archives_with_many_pages

DATES = ("2024-03-01T09:00:00Z", "2024-03-04T10:30:00Z", "2024-03-06T12:00:00Z")


def two_captures_and_a_revisit(**kw) -> bytes:
    """Two captures of one article (ten days, then fourteen) and a revisit of the second, written in an order
    that is not capture order, with a stylesheet and an image that are not pages."""
    return build_warc([(ARTICLE_URL, DATES[1], article_html(closed_days="fourteen")),
                       (ARTICLE_URL, DATES[0], article_html(closed_days="ten"))],
                      other=[("https://www.example-news.com/style.css", DATES[0], b"body{}", "text/css"),
                             ("https://www.example-news.com/a.png", DATES[0], b"\x89PNG", "image/png")],
                      revisits=[(ARTICLE_URL, DATES[2], 0)], **kw)


@pytest.mark.parametrize("name,gz", [("capture.warc.gz", True), ("capture.warc", False)])
def test_every_capture_of_the_article_is_a_version_in_capture_order(tmp_path, name, gz):
    path = tmp_path / name
    path.write_bytes(two_captures_and_a_revisit(gzip=gz))
    versions = load_paths([path])
    assert [v.id for v in versions] == ["v1", "v2", "v3"]
    assert all(v.ok for v in versions), [v.error for v in versions]
    assert [v.metadata.capture.time for v in versions] == list(DATES)
    assert [v.label for v in versions] == [f"{ARTICLE_URL} (2024-03-01 09:00:00 UTC)",
                                           f"{ARTICLE_URL} (2024-03-04 10:30:00 UTC)",
                                           f"{ARTICLE_URL} (2024-03-06 12:00:00 UTC)"]
    assert "for ten days" in versions[0].text and "for fourteen days" in versions[1].text
    assert all(v.path == str(path) and v.format == "html" for v in versions)
    for v in versions:
        c = v.metadata.capture
        assert c.target_uri == ARTICLE_URL == v.metadata.url
        assert c.record_id.startswith("<urn:uuid:") and c.payload_digest.startswith("sha1:")
        assert c.source == f"WARC {name}"
    assert len({v.metadata.capture.record_id for v in versions}) == 3


def test_a_revisit_shows_the_page_it_points_to(tmp_path):
    path = tmp_path / "capture.warc.gz"
    path.write_bytes(two_captures_and_a_revisit())
    first, second, revisit = load_paths([path])
    assert revisit.text == second.text and revisit.sha256 == second.sha256
    assert revisit.metadata.capture.payload_digest == second.metadata.capture.payload_digest
    assert revisit.metadata.capture.record_id != second.metadata.capture.record_id
    assert any(second.metadata.capture.record_id in w and "revisit" in w for w in revisit.warnings)
    assert not any("revisit" in w for w in first.warnings + second.warnings)


def test_a_revisit_whose_capture_is_missing_is_an_error_of_its_own(tmp_path):
    path = tmp_path / "revisit-only.warc.gz"
    path.write_bytes(build_warc([(ARTICLE_URL, DATES[0], article_html(closed_days="ten"))],
                                revisits=[(ARTICLE_URL, DATES[2], 0)], missing=(0,)))
    [v] = load_paths([path])
    assert v.error.startswith("This capture is a revisit record pointing to a capture that is not in this archive")
    assert v.metadata.capture.time == DATES[2]


def test_an_archive_of_several_pages_gives_the_chosen_page_only(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(build_warc([(ARTICLE_URL, DATES[0], article_html(closed_days="ten")),
                                 (OTHER_URL, DATES[1], article_html(closed_days="two", title="Final score")),
                                 (ARTICLE_URL, DATES[2], article_html(closed_days="nine"))]))
    assert archives_with_many_pages([path]) == [(path, [ARTICLE_URL, OTHER_URL])]
    everything = load_paths([path])
    assert [v.metadata.capture.target_uri for v in everything] == [ARTICLE_URL, OTHER_URL, ARTICLE_URL]
    assert everything[0].warnings[0] == (
        "This archive holds 2 different pages; all of them were opened. To compare the captures of one page, "
        "hide or remove the others in the Versions panel, or run: variorum compare crawl.warc.gz --url URL")
    chosen = load_paths([path], url=ARTICLE_URL + "/")  # a trailing slash is the same page
    assert [(v.id, v.metadata.capture.time) for v in chosen] == [("v1", DATES[0]), ("v2", DATES[2])]
    [missing] = load_paths([path], url="https://www.example-news.com/nowhere")
    assert missing.error == (f"This web archive holds no capture of https://www.example-news.com/nowhere; it holds "
                             f"{ARTICLE_URL}, {OTHER_URL}.")


def test_ids_continue_across_files_and_a_broken_archive_stops_nothing(tmp_path):
    before = tmp_path / "a-note.txt"
    before.write_text("The harbour bridge will stay closed for ten days.", encoding="utf-8")
    archive = tmp_path / "b-capture.warc.gz"
    archive.write_bytes(two_captures_and_a_revisit())
    broken = tmp_path / "c-broken.warc"
    broken.write_bytes(b"this is not a web archive at all\r\n" * 3)
    empty = tmp_path / "d-empty.warc.gz"
    empty.write_bytes(build_warc([], other=[("https://www.example-news.com/a.png", DATES[0], b"x", "image/png")]))
    after = tmp_path / "e-note.txt"
    after.write_text("Closed for fourteen days.", encoding="utf-8")
    versions = load_paths([tmp_path])
    assert [v.id for v in versions] == [f"v{n}" for n in range(1, 8)]
    assert [v.ok for v in versions] == [True, True, True, True, False, False, True]
    assert versions[4].error.startswith("This is not a readable web archive (WARC) file")
    assert versions[5].error == "This web archive holds no captured web page (no HTML response with status 200)."
    assert [v.label for v in versions][-1] == "e-note.txt"


def test_folders_include_web_archives(tmp_path):
    (tmp_path / "capture.warc.gz").write_bytes(b"")
    (tmp_path / "crawl.wacz").write_bytes(b"")
    (tmp_path / "shot.png").write_bytes(b"")
    (tmp_path / "backup.tar.gz").write_bytes(b"")
    assert [p.name for p in expand_paths([tmp_path])] == ["capture.warc.gz", "crawl.wacz", "shot.png"]


def test_wacz_versions_are_the_pages_it_lists(tmp_path):
    frame = b"<html><body><p>An advertising frame embedded in the article page.</p></body></html>"
    warc = build_warc([(ARTICLE_URL, DATES[0], article_html(closed_days="ten")),
                       ("https://ads.example.net/frame.html", DATES[0], frame),
                       (ARTICLE_URL, DATES[1], article_html(closed_days="fourteen"))],
                      revisits=[(ARTICLE_URL, DATES[2], 2)])
    path = tmp_path / "harbour.wacz"
    path.write_bytes(build_wacz(warc, [(ARTICLE_URL, DATES[0], "Harbour bridge closed")]))
    versions = load_paths([path])
    assert [v.metadata.capture.time for v in versions] == list(DATES)
    assert all(v.metadata.url == ARTICLE_URL for v in versions)
    assert [v.metadata.capture.source for v in versions] == ["WACZ harbour.wacz"] * 3
    assert versions[2].text == versions[1].text


def test_a_damaged_wacz_is_one_clear_error(tmp_path):
    path = tmp_path / "broken.wacz"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    [v] = load_paths([path])
    assert v.error.startswith("This is not a readable WACZ web archive")


def test_the_captures_of_one_archive_are_not_the_same_file_given_twice(tmp_path):
    path = tmp_path / "capture.warc.gz"
    path.write_bytes(two_captures_and_a_revisit())
    once = load_paths([path])
    assert not any("given twice" in w for v in once for w in v.warnings)
    twice = load_paths([path, path])
    assert [any("given twice" in w for w in v.warnings) for v in twice] == [False] * 3 + [True] * 3
    assert f"same file as v1 ({once[0].label})" in twice[3].warnings[-1]


def test_captures_of_one_address_written_differently_are_one_page(tmp_path):
    """An archive that captured the article over http and again over https, with a trailing slash, holds one
    page: nothing to choose, and its pages list says how often and when it was captured."""
    path = tmp_path / "crawl.warc.gz"
    plain = ARTICLE_URL.replace("https://www.", "http://") + "/"
    path.write_bytes(build_warc([(ARTICLE_URL, DATES[0], article_html(closed_days="ten")),
                                 (plain, DATES[1], article_html(closed_days="fourteen")),
                                 (OTHER_URL, DATES[2], article_html(closed_days="two", title="Final score"))]))
    assert archive_pages(path) == [ArchivePage(ARTICLE_URL, 2, DATES[0], DATES[1]),
                                   ArchivePage(OTHER_URL, 1, DATES[2], DATES[2])]
    assert archives_with_many_pages([path]) == [(path, [ARTICLE_URL, OTHER_URL])]
    chosen = load_paths([path], pages={str(path.absolute()): (plain,)})
    assert [v.metadata.capture.target_uri for v in chosen] == [ARTICLE_URL, plain]
    assert load_paths([path], pages={str(path.absolute()): ()}) == []  # the user chose nothing of it
