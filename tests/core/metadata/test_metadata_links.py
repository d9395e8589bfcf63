from hypothesis import given
from hypothesis import strategies as st

from variorum.core.metadata import find_links, slug_words, url_key
from variorum.core.metadata.links import is_placeholder


def test_markdown_links_keep_anchor_text_and_its_offsets():
    text = "Peskov [told](#) reporters, see [the report](https://example.org/report)."
    links = find_links(text)
    assert [(link.text, link.url) for link in links] == [("told", "#"), ("the report", "https://example.org/report")]
    assert all(text[link.start:link.end] == link.text for link in links)


def test_bare_and_bracketed_urls():
    text = "Original url:\n\n<https://example.org/2020/08/19/story-a1>\n\nAlso https://example.org/x, and www.example.net."
    links = find_links(text)
    assert [link.url for link in links] == ["https://example.org/2020/08/19/story-a1", "https://example.org/x",
                                            "http://www.example.net"]
    assert [text[link.start:link.end] for link in links] == ["https://example.org/2020/08/19/story-a1",
                                                             "https://example.org/x", "www.example.net"]


def test_url_key_ignores_what_does_not_change_the_target():
    assert url_key("https://www.example.org/a/b/?utm_source=x") == url_key("http://example.org/a/b")
    assert url_key("https://example.org/a") != url_key("https://example.org/b")
    assert is_placeholder("#") and is_placeholder("javascript:void(0)") and not is_placeholder("https://x.org")


def test_slug_words_drop_article_ids():
    assert slug_words("https://x.com/2020/08/19/russia-slams-foreign-meddling-a71199") == [
        "russia", "slams", "foreign", "meddling"]
    assert slug_words("#") == []


def test_loader_links_win_over_overlapping_text_links():
    from variorum.core.metadata.links import merge_links
    from variorum.core.model import Link

    loader = (Link("the report", "https://a.org/r", 10, 20),)
    found = [Link("x", "https://a.org/x", 0, 5), Link("report", "https://b.org", 14, 20),
             Link("y", "https://a.org/y", 30, 31)]
    assert [link.url for link in merge_links(loader, found)] == ["https://a.org/x", "https://a.org/r",
                                                                 "https://a.org/y"]


@given(st.lists(st.sampled_from(["[", "]", "(", ")", "!", "a", " ", "#", "http", "https", "ftp", "://", "www.",
                                 "x.org", ".", "\n", '"t"', "<", ">"]), max_size=30).map("".join))
def test_links_are_found_where_the_patterns_as_first_written_find_them(text):
    import re

    from variorum.core.metadata.links import _BARE_URL, _MD_LINK

    as_written = {
        _MD_LINK: r"(?<!!)\[(?P<text>[^\]\n]{1,300})\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\)",
        _BARE_URL: r"(?:(?:https?|ftp)://|www\.)[^\s<>()\[\]\"“”‘’]+[^\s<>()\[\]\"“”‘’.,;:!?'*_]",
    }
    for pattern, first in as_written.items():
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in re.finditer(first, text)]
