"""A web page whose text alone is past the limit of one version is refused before it is parsed (parsing and reading
a page that size took a minute and hundreds of megabytes, only for it to be refused afterwards); a page that is
large because of its markup (embedded images, scripts, styles) is read as usual."""

from __future__ import annotations

import pytest

from variorum.core.load import html_meta, limits, load_bytes
from variorum.core.load.html import text_outside_markup

SENTENCE = "The council voted on Tuesday to keep the library open until ten in the evening."


@pytest.fixture
def parsed(monkeypatch) -> list[int]:
    """Records every page the HTML parser is given (its length), the parser working as usual."""
    calls: list[int] = []
    parse = html_meta.parse

    def recording(page: str):
        calls.append(len(page))
        return parse(page)

    monkeypatch.setattr(html_meta, "parse", recording)
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 5_000)
    return calls


def test_a_page_with_too_much_text_is_refused_without_being_parsed(parsed):
    body = "".join(f"<p>Paragraph {n}. {SENTENCE}</p>\n" for n in range(100))  # about 8,500 characters of text
    page = load_bytes(f"<html><body><article>{body}</article></body></html>".encode(), version_id="v1",
                      label="page.html")
    assert page.error is not None
    assert page.error.startswith("This page holds too much text to compare (at least ")
    assert "characters outside its markup; the limit is 5,000," in page.error
    assert parsed == []


def test_a_page_large_only_by_its_markup_is_read(parsed):
    picture = "data:image/png;base64," + "iVBORw0KGgo" * 1_000
    script = "var x = '<p>" + "not text " * 1_000 + "</p>';"
    head = f"<head><style>p {{ color: red; }}{' ' * 3_000}</style><script>{script}</script></head>"
    body = f"<body><!-- {'a comment ' * 500} --><article><p>{SENTENCE}</p><img src='{picture}'></article></body>"
    page = load_bytes(f"<html>{head}{body}</html>".encode(), version_id="v1", label="page.html")
    assert page.error is None
    assert page.text.strip() == SENTENCE
    assert len(parsed) == 1 and parsed[0] > limits.MAX_TEXT_CHARS


@pytest.mark.parametrize(("page", "chars"), [
    ("<p>Hello &amp; w\u00f6rld</p>", len("Hello&w\u00f6rld")),
    ("<style>p { x: y }</style><SCRIPT type=x>var a = '<b>b</b>';</SCRIPT  ><p>a b</p>", 2),
    ("<p>kept</p><!-- a comment left open runs to the end <p>not text</p>", 4),
    ("<p>kept</p><script>a script left open runs to the end", 4),
    ("<template><p>hidden</p></template><p>one</p>", 3),
])
def test_text_outside_markup_counts_what_a_reader_could_see(page, chars):
    assert text_outside_markup(page) == chars


def test_counting_a_page_made_of_unclosed_openings_reads_it_once():
    # each opening without its close would make a search for it read to the end again: quadratic time
    assert text_outside_markup("<!--" * 50_000 + "x") == 0
    assert text_outside_markup("<script>" * 50_000) == 0
    assert text_outside_markup("x" + "<" * 50_000) == 1
