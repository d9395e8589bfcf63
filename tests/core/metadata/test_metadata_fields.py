import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from variorum.core.load import load_pasted
from variorum.core.metadata import enrich, text_metadata
from variorum.core.model import Metadata


def test_markdown_heading_dateline_and_original_url(seed_paths):
    text = seed_paths[1].read_text(encoding="utf-8")
    tm = text_metadata(text)
    assert tm.title.value == "Russia Slams 'Foreign Meddling' in Belarus, Rules Out Immediate Military Aid"
    assert tm.published.date.isoformat() == "2020-08-19"
    assert text[tm.published.found.start:tm.published.found.end] == "August 19, 2020"
    assert tm.original_url.value.endswith("/2020/08/19/russia-slams-foreign-meddling-in-belarus-rules-out-"
                                          "immediate-military-aid-a71199")


def test_credits_from_captions_and_reporting_lines(seed_paths):
    credits = [c.value for c in text_metadata(seed_paths[0].read_text(encoding="utf-8")).credits]
    assert credits == ["Dmitri Lovetsky / AP / TASS", "AFP contributed reporting"]
    credits = [c.value for c in text_metadata(seed_paths[3].read_text(encoding="utf-8")).credits]
    assert credits == ["EFE/EPA/Russian Ministry of Foreign Affairs"]


def test_published_line_is_a_dateline(seed_paths):
    tm = text_metadata(seed_paths[3].read_text(encoding="utf-8"))
    assert tm.published.date.isoformat() == "2020-09-02"
    assert tm.title is None  # "• Live" is navigation, not a title


def test_short_title_case_first_line_and_byline():
    tm = text_metadata("Storm Batters the Northern Coast\nBy Jane Doe and John Roe, Staff Writers\n"
                       "Updated 3 March 2021 10:42 GMT\n\nThe storm hit on Monday.")
    assert tm.title.value == "Storm Batters the Northern Coast"
    assert tm.byline.value == "Jane Doe and John Roe"
    assert tm.modified.date.isoformat() == "2021-03-03" and tm.published is None


def test_sentences_are_not_titles_or_bylines():
    tm = text_metadata("The Kremlin said Wednesday that events did not warrant action.\nBy Wednesday, it had.\n")
    assert tm.title is None and tm.byline is None


def test_wire_agency_at_the_end_and_photo_label():
    tm = text_metadata("Crowds gathered in the square. | Photo: EFE/EPA\n\nThe vote was held on Sunday.\n\nReuters")
    assert [c.value for c in tm.credits] == ["EFE/EPA", "Reuters"]


def test_enrich_fills_only_missing_fields_and_records_sources():
    v = load_pasted("# Text Title Here\n\nAugust 19, 2020\n\nBody text [link](https://a.org/x).", version_id="v1")
    v = dataclasses.replace(v, metadata=Metadata(title="Loader Title", sources=(("title", "og:title"),)))
    m = enrich(v).metadata
    assert m.title == "Loader Title" and m.source_of("title") == "og:title"
    assert m.published == "2020-08-19" and m.source_of("published") == "dateline"
    assert [(link.text, link.url) for link in m.links] == [("link", "https://a.org/x")]


def test_published_from_the_original_url_when_there_is_no_dateline():
    v = enrich(load_pasted("Body text.\n\nOriginal url: https://a.org/2021/03/04/story", version_id="v1"))
    assert v.metadata.published == "2021-03-04" and v.metadata.source_of("published") == "url"


def test_unreadable_version_is_left_alone():
    v = load_pasted("", version_id="v1")
    assert v.error and enrich(v) is v


def test_lines_trim_markup_exactly_as_the_pattern_does():
    import random

    from variorum.core.metadata.fields import _MARKUP, lines

    def by_pattern(text):
        out, pos = [], 0
        for raw in text.split("\n"):
            start = pos
            pos += len(raw) + 1
            m = _MARKUP.search(raw)
            lead = len(m.group()) if m and m.start() == 0 else 0
            core = _MARKUP.sub("", raw)
            if core:
                out.append((start + lead, start + lead + len(core), core))
        return out

    rng = random.Random(3)
    alphabet = list("ab *_#>|•·-\t\u00a0\u2028x:\n")
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(15)))
        assert lines(text) == by_pattern(text)


def test_markup_trimming_of_paragraphs_is_the_patterns():
    import random

    from variorum.core.metadata.fields import _MARKUP, _trim_markup

    rng = random.Random(4)
    alphabet = list("ab *_#>|•·-\t\u00a0x.\n")
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(15)))
        assert _trim_markup(text) == _MARKUP.sub("", text)


@given(st.lists(st.sampled_from(["Original url", "URL", "canonical", "source url", ":", " ", "\n", "*", "<", ">",
                                 "https://a.b/c", "x", "\t", "permalink", "Original link"]), max_size=14).map("".join))
def test_an_original_url_statement_is_found_as_a_search_of_the_whole_text_finds_it(text):
    from variorum.core.metadata.fields import _ORIGINAL_URL, _original_url

    whole, by_lines = _ORIGINAL_URL.search(text), _original_url(text)
    assert (whole and (whole.span(), whole.span("url"))) == (by_lines and (by_lines.span(), by_lines.span("url")))


@given(st.lists(st.sampled_from(["Photo", "PHOTO", "foto", "Image", "İMAGE", "pıcture", "Credit", "CREDIT", "graph",
                                 ":", " ", "|", "(", ". ", "AP", "Reuters", "ſ", "K", "\n"]), max_size=12).map("".join))
def test_a_paragraph_without_a_piece_of_a_credit_label_has_no_labelled_credit(para):
    from variorum.core.metadata.fields import _LABEL_CREDIT, _may_label_credit

    if any(_LABEL_CREDIT.search(line) for line in para.split("\n")):
        assert _may_label_credit(para)
