"""Markdown saved as .txt is recognised by its content and read as Markdown; its source footer is metadata."""

from hypothesis import given
from hypothesis import strategies as st

from variorum.core.load import load_bytes
from variorum.core.load.markdown_sniff import looks_like_markdown

MD = """# Council Approves Harbour Budget

March 2, 2022

The council approved the **harbour budget** on Tuesday after a two-hour debate, [the minutes](#) show.

*Reporting by the city desk.*

Original url:

<https://news.example.org/2022/03/02/council-approves-harbour-budget>
"""


def test_a_txt_file_written_in_markdown_is_read_as_markdown():
    v = load_bytes(MD.encode(), version_id="v1", label="copy.txt")
    assert v.format == "markdown"
    assert "**" not in v.text and "[the minutes](#)" not in v.text and not v.text.startswith("#")
    assert "read as Markdown" in " ".join(v.warnings)
    assert v.metadata.title == "Council Approves Harbour Budget"


def test_its_original_url_footer_is_metadata_not_article_text():
    v = load_bytes(MD.encode(), version_id="v1", label="copy.txt")
    (footer,) = [f for f in v.furniture if f.reason == "source address"]
    assert v.text[footer.start:footer.end].startswith("Original url:")
    assert v.text[footer.start:footer.end].endswith("council-approves-harbour-budget")
    assert v.metadata.url is None or "council-approves" in v.metadata.url


def test_plain_text_with_a_stray_symbol_stays_plain_text():
    plain = ("The #harbour vote passed 7-2. One member (who asked not to be named) called it a *good* start.\n\n"
             "Residents can read the budget at city hall [room 4] until Friday.")
    assert not looks_like_markdown(plain)
    v = load_bytes(plain.encode(), version_id="v1", label="notes.txt")
    assert v.format == "text" and v.text.startswith("The #harbour")


def test_pasted_text_is_never_reinterpreted():
    from variorum.core.load import load_pasted

    assert load_pasted(MD, version_id="v1").format == "text"


def test_markdown_signals():
    assert looks_like_markdown("## Heading\n\nSome **bold** words.")
    assert looks_like_markdown("See [one](https://a.example/1), [two](https://a.example/2) and [three](#).")
    assert not looks_like_markdown("Price: 5 * 3 = 15, and 2 * 4 = 8.")
    assert not looks_like_markdown("#MeToo trended on Monday.")


@given(st.lists(st.sampled_from(["`", "```", "\n", ">", " ", "\t", "a", "> ", "\n>"]), max_size=30).map("".join))
def test_fences_and_quotes_are_counted_at_line_starts_as_a_line_anchor_counts_them(text):
    import re

    from variorum.core.load.markdown_sniff import _CONSTRUCTS

    patterns = dict(_CONSTRUCTS)
    assert len(patterns["fence"].findall(text)) == len(re.findall(r"^```", text, re.MULTILINE))
    assert len(patterns["quote"].findall(text)) == len(re.findall(r"^>[ \t]+\S", text, re.MULTILINE))


def _counted_in_full(text: str) -> bool:
    """The rule as stated: every construct counted over the whole scanned text."""
    from variorum.core.load.markdown_sniff import _CONSTRUCTS, MIN_KINDS, MIN_REPEATS, SCAN_CHARS

    counts = {name: len(pattern.findall(text[:SCAN_CHARS])) for name, pattern in _CONSTRUCTS}
    return sum(1 for n in counts.values() if n) >= MIN_KINDS or \
        any(counts[k] >= MIN_REPEATS for k in ("heading", "strong", "link", "image"))


_PIECES = ["# ", "## T", "**b**", "__b__", "*e*", "[w](#)", "[w](https://a.example/x)", "<https://a.example>",
           "![i](p.png)", "```", "> q", "\n", "\n\n", " ", "word", "#tag", "5 * 3", "a_b", "[x]", "!"]


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_the_answer_is_the_rule_s_though_each_construct_is_searched_only_as_far_as_it_needs(text):
    assert looks_like_markdown(text) == _counted_in_full(text)
