"""Markdown becomes the text a reader sees; links keep their anchor text and their targets."""

from __future__ import annotations

import pytest

from variorum.core.load import load_bytes
from variorum.core.model import Link

SOURCE = """\
# Kremlin Says *No Need* for Military Help

The Kremlin said **Wednesday** that events in [Belarus](https://example.org/2020/08/19/belarus "Belarus")
did not yet warrant Russia's involvement.

Related article: [Opposition Urges EU To Reject Vote][rel]

See <https://www.example.org/2025/02/21/opposition-urges-eu> for more.

- first point with `code`
- second point

1. step one
2. step two

> "No one is making a secret of it," he said.

```
raw   block
```

[rel]: https://www.example.org/2025/02/21/opposition-urges-eu
"""


def load(source: str):
    return load_bytes(source.encode("utf-8"), version_id="v1", label="copy.md")


def test_markup_becomes_plain_paragraphs():
    v = load(SOURCE)
    assert v.ok and v.format == "markdown" and v.encoding == "utf-8"
    assert v.text == (
        "Kremlin Says No Need for Military Help\n\n"
        "The Kremlin said Wednesday that events in Belarus did not yet warrant Russia's involvement.\n\n"
        "Related article: Opposition Urges EU To Reject Vote\n\n"
        "See https://www.example.org/2025/02/21/opposition-urges-eu for more.\n\n"
        "first point with code\n\n"
        "second point\n\n"
        "1. step one\n\n"
        "2. step two\n\n"
        "\"No one is making a secret of it,\" he said.\n\n"
        "raw   block"
    )


def test_links_have_code_point_offsets_into_the_text():
    v = load(SOURCE)
    links = v.metadata.links
    assert [(link.text, link.url) for link in links] == [
        ("Belarus", "https://example.org/2020/08/19/belarus"),
        ("Opposition Urges EU To Reject Vote", "https://www.example.org/2025/02/21/opposition-urges-eu"),
        ("https://www.example.org/2025/02/21/opposition-urges-eu",
         "https://www.example.org/2025/02/21/opposition-urges-eu"),
    ]
    for link in links:
        assert v.text[link.start:link.end] == link.text


def test_offsets_count_code_points_not_utf16_units():
    v = load("😀 emoji first, then [the link](https://x.example/a) and 𝕏 [another](https://x.example/b)")
    for link in v.metadata.links:
        assert v.text[link.start:link.end] == link.text
    assert v.metadata.links[0] == Link("the link", "https://x.example/a", 20, 28)


def test_title_is_the_first_level_one_heading():
    v = load("Intro line\n\n## Not this\n\nTitle Below\n===========\n\n# Nor this one\n")
    assert v.metadata.title == "Title Below"
    assert v.metadata.source_of("title") == "markdown heading"


def test_no_heading_no_title():
    v = load("Just a paragraph.")
    assert v.metadata.title is None and v.metadata.sources == ()


def test_front_matter_gives_metadata_and_only_its_title_is_shown_over_the_text():
    v = load("---\ntitle: \"From the front matter\"\ndate: 2020-08-19\nauthor: Jane Roe\n---\n# Heading\n\nBody.\n")
    assert v.text == "From the front matter\n\nHeading\n\nBody."  # as a rendered page shows it
    m = v.metadata
    assert (m.title, m.published, m.byline) == ("From the front matter", "2020-08-19", "Jane Roe")
    assert m.source_of("published") == "markdown front matter"


def test_attribute_lists_are_markup_not_words():
    v = load('# Privacy Notice {: #notice }\n\nEffective February 25, 2025\n{: datetime="2025-02-25" }\n\n'
             '## Cookies {#cookies .policy}\n\nWe set *necessary*{: .term} cookies {: .lead }\n\n'
             '## The set {1, 2, 3}\n\nA map `{: x}` and {a: 1} stay as written.\n')
    assert v.text == ("Privacy Notice\n\nEffective February 25, 2025\n\nCookies\n\nWe set necessary cookies\n\n"
                      "The set {1, 2, 3}\n\nA map {: x} and {a: 1} stay as written.")
    assert v.metadata.title == "Privacy Notice"


def test_the_same_document_with_and_without_attribute_lists_has_the_same_text():
    from variorum.core.compare import compare_versions

    plain = "# Terms\n\nEffective June 10, 2025\n\n## Rights\n\nYou give us the rights necessary to run it.\n"
    marked = plain.replace("June 10, 2025\n", 'June 10, 2025\n{: datetime="2025-06-10" }\n').replace(
        "## Rights", "## Rights {: #rights }")
    versions = [load_bytes(t.encode(), version_id=f"v{i}", label=f"v{i}.md", path=f"v{i}.md")
                for i, t in enumerate((plain, marked), start=1)]
    c = compare_versions(versions)
    assert versions[0].text == versions[1].text and c.findings == ()


@pytest.mark.parametrize("body", ["# Kremlin Says No Need\n\nBody.\n", "\nKremlin *says* no need\n\nBody.\n"])
def test_a_front_matter_title_the_text_opens_with_is_not_shown_twice(body):
    assert load("---\ntitle: Kremlin says no need\n---\n" + body).text.lower().count("no need") == 1


def test_a_title_changed_in_the_front_matter_is_shown_where_it_changed():
    from variorum.core.compare import compare_versions

    versions = [load_bytes(f"---\ntitle: {day}, 2024 Security Releases\n---\n\nThe releases are planned for next "
                           "week, with fixes for several issues.\n".encode(), version_id=f"v{i}", label=f"v{i}.md")
                for i, day in ((1, "Tuesday, July 2"), (2, "Thursday, July 4"))]
    c = compare_versions(versions)
    (title,) = [f for f in c.findings if f.kind == "title-mismatch"]
    assert [(e.version, e.text) for e in title.evidence] == [
        ("v1", "Tuesday, July 2, 2024 Security Releases"), ("v2", "Thursday, July 4, 2024 Security Releases")]


def test_link_with_emphasis_inside_keeps_whole_anchor():
    v = load("Read [the **full** story](https://e.example/s) now.")
    [link] = v.metadata.links
    assert link.text == "the full story" and v.text[link.start:link.end] == "the full story"


def test_tables_and_html_keep_their_text():
    v = load("| Name | Votes |\n|---|---|\n| Lukashenko | 80% |\n\n<div>Raw <b>HTML</b> &amp; text</div>\n")
    assert v.text == "Name | Votes\n\nLukashenko | 80%\n\nRaw HTML & text"


def test_cp1251_markdown_is_decoded():
    source = "# Заголовок статьи\n\nТекст статьи про новости и [ссылку](https://example.ru/2020/08/19).\n" * 2
    v = load_bytes(source.encode("cp1251"), version_id="v1", label="статья.md")
    assert v.encoding == "cp1251"
    assert v.metadata.title == "Заголовок статьи"
    assert all(v.text[link.start:link.end] == "ссылку" for link in v.metadata.links)


def test_binary_named_md():
    v = load_bytes(bytes(range(256)) * 8, version_id="v1", label="notes.md")
    assert v.error == "This looks like a binary file, not Markdown text; it cannot be compared."


def test_placeholder_links_are_kept_as_they_are():
    v = load("**Related article:** [Opposition Urges EU](#) and [a real one](https://e.example/x)")
    assert v.text == "Related article: Opposition Urges EU and a real one"
    assert [(link.text, link.url) for link in v.metadata.links] == [("Opposition Urges EU", "#"),
                                                                    ("a real one", "https://e.example/x")]


def test_absurdly_nested_markdown_keeps_its_words():
    for depth in (5000, 200_000):  # 200,000 nested quotes: the parser's stack stays flat
        v = load(">" * depth + " deep quote\n\nThen a plain paragraph.\n")
        assert v.ok and v.warnings == ()
        assert v.text == "deep quote\n\nThen a plain paragraph."


def test_markdown_with_no_words_is_an_error_not_its_markup():
    v = load("<!-- only a comment -->\n\n***\n\n![a picture](p.png)\n")
    assert v.error == "No text could be extracted from this file."
    assert load("<!-- a comment -->\n\nOne word.\n").text == "One word."


def test_link_targets_are_written_as_commonmark_renderers_write_them():
    v = load("[café](<https://bücher.example/ä b?q=é>) and [kept](https://e.example/%41%20x) and <mail@e.example>")
    assert [(link.text, link.url) for link in v.metadata.links] == [
        ("café", "https://xn--bcher-kva.example/%C3%A4%20b?q=%C3%A9"),
        ("kept", "https://e.example/%41%20x"),
        ("mail@e.example", "mailto:mail@e.example"),
    ]
    assert v.text == "café and kept and mail@e.example"


def test_autolinks_show_their_address_readably():
    v = load("See <https://e.example/caf%C3%A9> and <https://e.example/100%25>.")
    assert v.text == "See https://e.example/café and https://e.example/100%25."
    assert [link.url for link in v.metadata.links] == ["https://e.example/caf%C3%A9", "https://e.example/100%25"]


def test_script_addresses_keep_their_words_but_are_not_links():
    v = load("Click [here](javascript:alert(1)) or [there](DATA:text/html,x) or [the story](https://e.example/s).")
    assert v.text == "Click here or there or the story."
    assert [(link.text, link.url) for link in v.metadata.links] == [("the story", "https://e.example/s")]


def test_ordered_list_numbers_come_before_a_link_that_starts_the_item():
    v = load("3. [First](https://e.example/1) item\n4. Second item\n")
    assert v.text == "3. First item\n\n4. Second item"
    [link] = v.metadata.links
    assert v.text[link.start:link.end] == "First"


def test_inline_html_links_are_links_too():
    v = load('Read <a href="https://e.example/2020/08/19/story" title="t">the story</a> and <a name="x">this</a>.')
    assert v.text == "Read the story and this."
    [link] = v.metadata.links
    assert (link.text, link.url) == ("the story", "https://e.example/2020/08/19/story")
    assert v.text[link.start:link.end] == "the story"


def test_scripts_styles_and_comments_in_markdown_are_not_text():
    v = load("Before.\n\n<script>var tracking = 1;</script>\n\n<style>p { color: red }</style>\n\n<!-- note -->\n\nAfter.")
    assert v.text == "Before.\n\nAfter."


def test_raw_html_blocks_keep_their_links():
    v = load('Intro.\n\n<p class="related">Related: <a href="https://e.example/2025/02/21/x">Opposition '
             "Urges EU</a></p>\n\nOutro.")
    assert v.text == "Intro.\n\nRelated: Opposition Urges EU\n\nOutro."
    [link] = v.metadata.links
    assert (link.text, link.url) == ("Opposition Urges EU", "https://e.example/2025/02/21/x")
    assert v.text[link.start:link.end] == link.text


def test_a_fenced_json_metadata_block_is_front_matter_not_a_paragraph():
    v = load('```json\n{\n  "title": "Notes on tide tables",\n  "author": "Mara Quinn",\n  "site": "Harbour Log",\n'
             '  "published": "2021-03-04T09:15:00+00:00"\n}\n```\n\nThe spring tides ran high this week.\n')
    assert v.text == "Notes on tide tables\n\nThe spring tides ran high this week."  # the title shown over it
    m = v.metadata
    assert (m.title, m.byline, m.published[:10]) == ("Notes on tide tables", "Mara Quinn", "2021-03-04")
    assert m.source_of("title") == "markdown front matter"


def test_a_bare_json_metadata_object_at_the_top_is_front_matter():
    v = load('{\n  "title": "Ferry timetable changes",\n  "url": "https://harbour.example/ferry"\n}\n\nBoats leave at 7.\n')
    assert v.text == "Ferry timetable changes\n\nBoats leave at 7."
    assert v.metadata.url == "https://harbour.example/ferry"


def test_a_json_code_sample_that_names_no_metadata_stays_text():
    v = load('```json\n{\n  "retries": 3,\n  "endpoint": "/v1/tides"\n}\n```\n\nThe client reads this file.\n')
    assert '"retries": 3' in v.text and "The client reads this file." in v.text
    assert v.metadata.title is None


def test_a_json_sample_later_in_the_document_is_not_front_matter():
    v = load('Set the title like this:\n\n```json\n{\n  "title": "My page"\n}\n```\n')
    assert '"title": "My page"' in v.text and v.metadata.title is None
