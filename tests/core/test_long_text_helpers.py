"""Helpers that read a whole long text a piece at a time (word count, lower case, a passage shortened for a
message) give exactly what the one-piece Python call gives, wherever the pieces are cut."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from variorum.core import model, normalize
from variorum.core.checks.context import short
from variorum.core.model import count_words
from variorum.core.normalize import lower, normalize_text, word_count, word_key

# letters that lower differently by position (the Greek final sigma), white space of every kind str.split knows
_TEXT = st.text(alphabet=st.sampled_from(list("aBΣσΟΔΟΣ.é\u0130") + [" ", "\n", "\t", "\u3000", "\x1c", "\xa0"]),
                max_size=300)


@contextmanager
def _pieces_of(module, name: str, size: int) -> Iterator[None]:
    """The module's piece size set small, so that short texts are cut as long ones are."""
    original = getattr(module, name)
    setattr(module, name, size)
    try:
        yield
    finally:
        setattr(module, name, original)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_words_are_counted_as_str_split_counts_them_across_pieces(text):
    with _pieces_of(model, "_COUNT_PIECE", 7):
        assert count_words(text) == len(text.split())


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_lower_case_a_piece_at_a_time_is_str_lower(text):
    with _pieces_of(normalize, "_CASEFOLD_PIECE", 5):
        assert lower(text) == text.lower()


def test_a_final_sigma_at_a_cut_keeps_its_form():
    text = ("ΟΔΟΣ " * 40_000) + "ΟΔΟΣΟΔΟΣ" * 10_000
    assert lower(text) == text.lower()
    assert count_words(text) == len(text.split())


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(min_value=2, max_value=40))
def test_a_passage_is_shortened_as_its_single_spaced_form_would_be(text, limit):
    s = " ".join(text.split())
    assert short(text, limit) == (s if len(s) <= limit else s[:limit - 1].rstrip() + "…")


def test_a_part_of_a_text_is_shortened_without_copying_it():
    text = "before " + "word " * 100_000 + "after"
    assert short(text, 20, 7, len(text) - 6) == "word word word word…"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1_-’é. \n\u00a0ﬁ²①\u0301\u00a8…ßİ")), max_size=200))
def test_a_text_s_key_words_are_counted_without_listing_them(text):
    whole = len(word_key(text).split())
    assert word_count(text) == whole
    with _pieces_of(normalize, "_CASEFOLD_PIECE", 3):
        assert word_count(text) == whole


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1_-’é.,“”") + [" ", "\n", "\u00a0", "\u3000"]), max_size=300))
def test_a_long_text_s_words_are_keyed_a_piece_at_a_time_as_in_one(text):
    whole = " ".join(re.findall(r"\w+", normalize_text(text)))
    with _pieces_of(normalize, "_CASEFOLD_PIECE", 4):
        assert word_key(text) == whole


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=12))
def test_a_paragraph_s_words_are_counted_only_as_far_as_a_limit(text, limit):
    from variorum.core.load.furniture import _at_most_words

    assert _at_most_words(text, limit) == (len(text.split()) <= limit)


def _off_topic_reading_whole_texts(text: str, start: int, end: int) -> bool:
    """The off-topic rule as first written: the whole text copied and its words counted for every line."""
    from collections import Counter

    from variorum.core.checks.passages import OFF_TOPIC_MAX_WORDS

    def topic(t: str) -> Counter:
        return Counter(w.rstrip("s") for w in re.findall(r"[^\W\d_]{4,}", normalize_text(t)))

    line = text[start:end]
    if len(line.split()) > OFF_TOPIC_MAX_WORDS or "\n" in line.strip():
        return False
    before = text[:start].rstrip().rsplit("\n\n", 1)[-1]
    after = text[end:].lstrip().split("\n\n", 1)[0]
    if any(0 < len(p.split()) <= OFF_TOPIC_MAX_WORDS for p in (before, after)):
        return False
    own, whole = topic(line), topic(text)
    return bool(own) and not any(whole[w] > n for w, n in own.items())


_PARAGRAPH = st.lists(st.sampled_from(["plane", "crash", "pilots", "Bollywood", "best", "worst", "2014", "the",
                                       "a", "of"]), min_size=0, max_size=16).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=8), st.sampled_from(["\n\n", "\n", "\n \n\n", "\n\n\n"]),
       st.data())
def test_a_line_is_off_topic_as_when_the_whole_text_was_read_for_it(paragraphs, gap, data):
    from variorum.core.checks.analysis import TextAnalysis
    from variorum.core.checks.passages import off_topic
    from variorum.core.tokens import paragraphs as ranges

    text = gap.join(paragraphs)
    found = ranges(text)
    if not found:
        return
    start, end = data.draw(st.sampled_from(found))
    assert off_topic(TextAnalysis(text), start, end) == _off_topic_reading_whole_texts(text, start, end)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["word", "**", "](x)", "#", "12,300", "é", "`"]), max_size=40),
       st.lists(st.sampled_from([" ", "\n", "  "]), min_size=1))
def test_a_text_s_words_are_read_a_batch_at_a_time_as_all_at_once(words, spaces):
    from variorum.core import tokens

    text = "".join(w + spaces[i % len(spaces)] for i, w in enumerate(words))
    every = [(t.start, t.end, t.key) for t in tokens.tokenize(text) if t.key]
    with _pieces_of(tokens, "_BATCH", 3):
        starts, ends, keys = tokens.content_words(text)
    assert list(zip(starts, ends, keys, strict=True)) == every


def _context_listing_every_word(text: str, start: int, end: int, words: int = 8) -> dict[str, str]:
    """The quoted context as first written: every word of each window listed as a match."""
    start, end = max(0, min(start, len(text))), max(max(0, min(start, len(text))), min(end, len(text)))
    window_start = max(0, start - 120)
    window = text[window_start:start]
    blank = window.rfind("\n\n")
    if blank >= 0:
        window, window_start = window[blank + 2:], window_start + blank + 2
    found = list(re.finditer(r"\S+", window))
    if found and found[0].start() == 0 and window_start > 0 and not text[window_start - 1].isspace():
        found = found[1:]
    before = window[found[max(0, len(found) - words)].start():] if found else ""
    window = text[end:end + 120]
    blank = window.find("\n\n")
    window = window[:blank] if blank >= 0 else window
    found = list(re.finditer(r"\S+", window))
    window_end = end + len(window)
    if found and found[-1].end() == len(window) and window_end < len(text) and not text[window_end].isspace():
        found = found[:-1]
    after = window[:found[min(words, len(found)) - 1].end()] if found else ""
    return {"before": before, "after": after}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "bcdefgh", " ", "\n", "\n\n", "\u00a0", ".", "\x1c"]), max_size=90).map("".join),
       st.data())
def test_a_span_s_context_is_quoted_as_when_every_word_was_listed(text, data):
    from variorum.core.report.context import with_context

    start = data.draw(st.integers(min_value=-2, max_value=len(text) + 2))
    end = data.draw(st.integers(min_value=start, max_value=len(text) + 2))
    assert with_context(text, start, end) == _context_listing_every_word(text, start, end)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["AP", "Reuters", "TASS", "of", "é", "Dmitri", "/", " ", "\t", ".", "’", "-", "*",
                                 "_", "\n", ",", "(", "!", "1"]), max_size=30).map("".join))
def test_a_slash_credit_is_found_from_the_paragraph_s_last_stretch_as_in_the_whole(para):
    from variorum.core.metadata.fields import _SLASH_CREDIT, _credit_tail

    whole, tail = _SLASH_CREDIT.search(para), _SLASH_CREDIT.search(para, _credit_tail(para))
    assert (whole and whole.span("credit")) == (tail and tail.span("credit"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["a", "b", "c", "dd", "é", "1"]), max_size=5).map(" ".join), max_size=6),
       st.lists(st.lists(st.sampled_from(["a", "b", "x", "dd"]), max_size=4).map(" ".join), max_size=6),
       st.integers(min_value=1, max_value=8))
def test_versions_are_profiled_by_paragraph_as_from_their_whole_normal_form(first, second, stretch):
    from variorum.core import relation

    with _pieces_of(relation, "PROFILE_STRETCH", stretch):
        seen: relation.Seen = {}
        for paragraphs in (first, second, first[::-1] + second):
            whole = relation.profile("", " ".join(paragraphs))
            by_paragraph = relation.profile("", paragraphs=paragraphs, seen=seen)
            assert sorted(by_paragraph.shingles) == sorted(whole.shingles)
            assert by_paragraph.words == whole.words


# pieces of passages: white space of every kind, the invisible characters, markup alone and as a link's target,
# punctuation, digits (a superscript one too), month and day names, addresses, capitalised words, combining marks
_ONE_SIDED_PART = st.sampled_from(
    [" ", "\n", "\t", "\u3000", "\xa0", "\u00ad", "\u200b", "\ufeff", "\u2009", "*", "**", "#", "`", "[", "]",
     "](http://x)", "|", "~~", "-", "\u2014", ",", ".", "“", "…", "7", "²", "12/3/2020", "May", "tuesday", "Jan.",
     "www.x.org", "http://a.b/c", "Smith", "the", "é", "e\u0301", "\u0301", "ﬁ", "ΣΟΣ", "_"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ONE_SIDED_PART, min_size=1, max_size=30).map("".join),
       st.sampled_from(["", "Aug. ", "said. ", "Mr. ", "the "]), st.integers(min_value=1, max_value=6))
def test_a_passage_against_nothing_is_classified_a_piece_at_a_time_as_whole(text, before, size):
    from variorum.core.normalize import cosmetic_category, difference_category, one_sided_category

    whole = cosmetic_category(text, "") or difference_category(text, "", before=before)
    assert difference_category("", text, before=before) == difference_category(text, "", before=before)
    assert one_sided_category(text, before=before) == whole
    with _pieces_of(normalize, "_CASEFOLD_PIECE", size):
        assert one_sided_category(text, before=before) == whole


def test_every_paragraph_of_the_real_cases_against_nothing_is_classified_as_a_change_to_nothing():
    """A passage only one side has is classified without comparing it with the other (empty) side; on every
    paragraph and line of the real cases' texts that gives what the comparison with nothing gives."""
    from variorum.core.normalize import cosmetic_category, difference_category, one_sided_category

    data = Path(__file__).resolve().parents[1] / "data"
    passages = {part for path in sorted(data.glob("real*/*/*.txt")) + sorted(data.glob("real*/*/*.md"))
                for para in path.read_text(encoding="utf-8", errors="replace").split("\n\n")
                for part in (para, *para.splitlines()) if part}
    assert len(passages) > 2000
    for text in sorted(passages):
        for before in ("", "Aug. ", "He said. "):
            whole = cosmetic_category(text, "") or difference_category(text, "", before=before)
            assert one_sided_category(text, before=before) == whole, (text, before)


_LONG_PASSAGE = "The council met on Tuesday and “voted” for the budget, José said. " * 80_000  # 5 MB, 2 bytes a char


def _with_peak(work, text: str):
    """``work(text)`` and the peak of what Python allocated meanwhile."""
    import tracemalloc

    tracemalloc.start()
    try:
        return work(text), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_long_passage_against_nothing_is_classified_without_copies_of_it():
    from variorum.core.normalize import cosmetic_category, difference_category, one_sided_category

    text = _LONG_PASSAGE
    category, peak = _with_peak(one_sided_category, text)
    assert peak < len(text) // 4  # its normal forms took five copies of it, 2 bytes a character each
    assert category == (cosmetic_category(text, "") or difference_category(text, "")) == "wording"


@settings(max_examples=300, deadline=None)
@given(st.lists(_ONE_SIDED_PART, max_size=30).map("".join), st.integers(min_value=1, max_value=6))
def test_a_passage_says_nothing_read_a_piece_at_a_time_as_in_one_normal_form(text, size):
    from variorum.core.normalize import says_nothing, strip_urls

    with _pieces_of(normalize, "_CASEFOLD_PIECE", size):
        assert says_nothing(text) == (not normalize_text(text))
        assert says_nothing(text, ignore_urls=True) == (not normalize_text(strip_urls(text)))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_ONE_SIDED_PART.elements, "post-\n", "-\n ", "Soviet"]), max_size=30).map("".join),
       st.integers(min_value=1, max_value=6))
def test_a_passage_s_normal_length_measured_a_piece_at_a_time_is_never_more_than_its_own(text, size):
    from variorum.core.moves import _normal_length_at_least

    with _pieces_of(normalize, "_CASEFOLD_PIECE", size):
        found = _normal_length_at_least(text)
        parts = [normalize_text(piece) for piece in normalize.pieces(text)]
    assert found <= len(normalize_text(text))
    if "-" not in text:  # only a hyphen at a line end, cut from its word, makes the joined pieces differ
        assert " ".join(part for part in parts if part) == normalize_text(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"ab1_-’é.,“”ﬁ²①\u0301\u00a8…ßİΣ", " ", "\n", "\u00a0", "\u3000", "post-\n"]),
                max_size=200).map("".join), st.integers(min_value=1, max_value=6))
def test_a_long_text_s_spaced_words_are_made_a_piece_at_a_time_as_from_its_words(text, size):
    from variorum.core.normalize import spaced_word_key

    whole = " ".join(re.findall(r"\w+", normalize_text(text)))
    with _pieces_of(normalize, "_CASEFOLD_PIECE", size):
        assert word_key(text) == whole
        assert spaced_word_key(text) == f" {whole} "


def test_a_long_text_s_spaced_words_take_no_copy_of_its_normal_form():
    from variorum.core.normalize import spaced_word_key

    spaced, peak = _with_peak(spaced_word_key, _LONG_PASSAGE)
    assert spaced == f" {word_key(_LONG_PASSAGE)} "
    # the words (one byte a character) and their pieces; a normal form of the whole text, the words joined and
    # then copied between two spaces took 2.5 times the words' size more
    assert peak < 2.5 * len(spaced)


_LOWER_TEXT = st.text(alphabet=st.sampled_from(list("abZ'’-é1.") + [" ", "\n", "\t", "\u3000", "\xa0"]), max_size=200)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LOWER_TEXT, min_size=1, max_size=4), st.integers(1, 40), st.integers(0, 6))
def test_the_versions_lower_case_words_read_together_are_those_of_each(texts, piece, remembered):
    from variorum.core.checks import analysis

    each = frozenset().union(*(frozenset(re.findall(r"\b[a-z][a-z'’-]+\b", t)) for t in texts))
    with _pieces_of(analysis, "_PIECE", piece), _pieces_of(analysis, "_SEEN_AT_MOST", remembered):
        assert analysis.lower_case_words_of(texts) == each
        assert frozenset().union(*map(analysis.lower_case_words, texts)) == each
