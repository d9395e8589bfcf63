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
