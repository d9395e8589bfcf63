"""``date-after-capture``: what a web capture holds cannot be dated after the capture itself."""

from __future__ import annotations

from dataclasses import replace

from archive_builders import ARTICLE_URL, article_html, build_warc
from variorum.core.case import load_case
from variorum.core.compare import compare_versions
from variorum.core.load import load_pasted
from variorum.core.model import Capture, Options


def _captured(text: str, time: str | None, vid: str = "v1", url: str | None = None):
    v = load_pasted(text, version_id=vid, label=vid)
    if time is None:
        return v
    return replace(v, metadata=replace(v.metadata, url=url or v.metadata.url,
                                       capture=Capture(time=time, target_uri=url, source="WARC")))


def _findings(*versions):
    return [f for f in compare_versions(list(versions), options=Options()).findings if f.kind == "date-after-capture"]


def test_a_2020_capture_linking_a_2025_url_is_high(body):
    link = "https://example.org/2025/02/21/bridge-reopens"
    (f,) = _findings(_captured(body + f"\n\nRead more: [Bridge Reopens]({link})", "2020-08-19T10:00:00Z"))
    assert f.severity == "high"
    assert "21 Feb 2025" in f.message and "19 Aug 2020" in f.message and "2020-08-19T10:00:00Z" in f.message
    assert [e.text for e in f.evidence] == ["Bridge Reopens"]


def test_a_capture_linking_an_older_url_is_normal(body):
    text = body + "\n\nBackground: https://example.org/2019/06/10/bridge-plan-unveiled"
    assert _findings(_captured(text, "2020-08-19T10:00:00Z")) == []


def test_a_link_dated_the_day_after_the_capture_is_not_a_contradiction(body):
    text = body + "\n\nhttps://example.org/2020/08/20/bridge-live-updates"
    assert _findings(_captured(text, "2020-08-19T23:30:00Z")) == []


def test_a_version_without_capture_time_is_never_looked_at(body):
    text = body + "\n\nRead more: [Bridge Reopens](https://example.org/2025/02/21/bridge-reopens)"
    assert _findings(_captured(text, None)) == []


def test_a_publication_date_after_the_capture(body):
    (f,) = _findings(_captured("March 3, 2021\n\n" + body, "2020-08-19T10:00:00Z"))
    assert f.severity == "high" and "3 Mar 2021" in f.message and "19 Aug 2020" in f.message
    assert [e.text for e in f.evidence] == ["March 3, 2021"]


def test_a_publication_date_before_the_capture_is_normal(body):
    assert _findings(_captured("March 3, 2020\n\n" + body, "2020-08-19T10:00:00Z")) == []


def test_an_original_url_dated_after_the_capture(body):
    url = "https://example.org/2021/01/05/bridge-opens"
    (f,) = _findings(_captured(body, "2020-08-19T10:00:00Z", url=url))
    assert "original URL" in f.message and "5 Jan 2021" in f.message


def test_many_later_links_make_one_finding(body):
    links = "\n".join(f"https://example.org/2024/0{m}/1{m}/story-{m}" for m in range(1, 6))
    (f,) = _findings(_captured(body + "\n\n" + links, "2020-08-19T10:00:00Z"))
    assert f.message.startswith("5 links in v1") and len(f.evidence) == 5


def test_the_other_versions_are_untouched_by_one_capture_time(body):
    later = body + "\n\nhttps://example.org/2025/02/21/bridge-reopens"
    captured = _captured(body, "2020-08-19T10:00:00Z", vid="v1")
    plain = _captured(later, None, vid="v2")
    assert _findings(captured, plain) == []


def test_a_warc_capture_linking_a_page_from_after_its_capture(tmp_path):
    """Through the WARC loader: a capture of 1 March 2024 whose article links a story of 2025."""
    later = "https://www.example-news.com/world/2025/01/10/bridge-reopens"
    path = tmp_path / "capture.warc.gz"
    path.write_bytes(build_warc([(ARTICLE_URL, "2024-03-01T09:00:00Z", article_html(closed_days="ten", related=later)),
                                 (ARTICLE_URL, "2025-02-01T09:00:00Z", article_html(closed_days="ten",
                                                                                      related=later))]))
    first, second = load_case([path]).versions
    (f,) = _findings(first, second)
    assert f.versions == (first.id,) and "10 Jan 2025" in f.message and "1 Mar 2024" in f.message
    assert [e.text for e in f.evidence] == ["forecast a week earlier"]
