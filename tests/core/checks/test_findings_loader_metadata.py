"""Checks work on what a format loader found (an HTML page's links and dates), not only on text conventions."""

import dataclasses

from variorum.core.compare import compare_versions
from variorum.core.load import load_pasted
from variorum.core.model import Link, Metadata

TEXT = ("Officials said on Monday that the new bridge would open next spring after years of delays. "
        "Read the council decision for the details of the vote and the budget.")


def _page(vid, url, *, published="2021-03-03T09:00:00Z", title="Bridge Opens Next Spring | The Daily"):
    v = load_pasted(TEXT, version_id=vid, label=f"{vid}.html")
    start = TEXT.index("the council decision")
    meta = Metadata(title=title, published=published, links=(Link("the council decision", url, start,
                                                                  start + len("the council decision")),),
                    sources=(("title", "og:title"), ("published", "article:published_time"), ("links", "html")))
    return dataclasses.replace(v, format="html", metadata=meta)


def test_loader_links_and_dates_feed_the_checks():
    c = compare_versions([_page("v1", "https://example.org/2021/03/01/council-decision"),
                          _page("v2", "https://example.org/2024/11/30/council-decision")])
    kinds = [(f.kind, f.severity) for f in c.findings]
    assert kinds == [("url-date-mismatch", "high"), ("link-target-mismatch", "medium")]
    f = c.findings[0]
    assert "its article:published_time metadata" in f.message and "30 Nov 2024" in f.message
    assert f.evidence[0] == dataclasses.replace(f.evidence[0], version="v2", text="the council decision")


def test_loader_title_with_site_name_agrees_with_a_heading():
    html = _page("v1", "https://example.org/2021/03/01/council-decision")
    md = load_pasted("# Bridge Opens Next Spring\n\n" + TEXT + "\n\nMarch 3, 2021", version_id="v2")
    c = compare_versions([html, md])
    assert [f.kind for f in c.findings if f.kind in {"title-mismatch", "date-mismatch"}] == []
