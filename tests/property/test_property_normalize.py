"""Properties of the normal form that decides what is cosmetic, and of the tokenizer and paragraph splitter
that the diff builds on: what the code promises in its docstrings, checked on any text."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st
from proptexts import SPACES, article, word

from variorum.core.counterpart import TextWords
from variorum.core.normalize import _TRANSLATE, map_chars, normalize_chars, normalize_text, normalize_token
from variorum.core.prepared import SPACES as _SPACES
from variorum.core.prepared import same_but_spacing as _same_but_spacing
from variorum.core.tokens import content_words, paragraphs, tokenize

typographic = st.sampled_from(sorted({*"\u2018\u2019\u201c\u201d\u00ab\u00bb\u2013\u2014\u2026\u00a0\u00ad\u2009"}))
texts = st.one_of(st.text(), article(), st.lists(st.one_of(word, typographic, st.sampled_from(SPACES))).map("".join))


@given(texts)
def test_mapping_characters_one_by_one_is_the_translation_table(text):
    assert map_chars(text) == text.translate(_TRANSLATE)


@given(texts)
@example("`")  # the ASCII quick path once skipped the grave accent, which the full path maps to an apostrophe
def test_the_quick_paths_give_the_full_normal_form(text):
    full = map_chars(unicodedata.normalize("NFKC", map_chars(text)))
    assert normalize_chars(text) == full


@given(texts)
def test_the_normal_form_is_a_fixed_point(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert once == once.strip() and "  " not in once and "\n" not in once


@given(st.lists(word.filter(lambda w: "-" not in w and "\n" not in w), min_size=1), st.data())
def test_the_normal_form_ignores_how_words_are_spaced(words, data):
    spaced = words[0] + "".join(data.draw(st.sampled_from(SPACES)) + w for w in words[1:])
    assert normalize_text(spaced) == normalize_text(" ".join(words))


@given(texts)
@example("`")
def test_typographic_quotes_dashes_and_spaces_are_cosmetic(text):
    assert normalize_text(text.translate(_TRANSLATE)) == normalize_text(text)


@given(texts, texts)
def test_same_but_spacing_is_what_its_docstring_says(a, b):
    assert _same_but_spacing(a, b) == (_SPACES.sub(" ", a) == _SPACES.sub(" ", b))


@given(texts)
def test_tokens_are_in_order_inside_the_text_and_hold_their_text(text):
    tokens = tokenize(text)
    pos = 0
    for t in tokens:
        assert pos <= t.start < t.end <= len(text) and text[t.start:t.end] == t.raw
        assert t.key == normalize_token(t.raw)
        pos = t.end
    assert "".join(text[a.end:b.start] for a, b in zip(tokens, tokens[1:], strict=False)).strip() == ""
    starts, ends, keys = content_words(text)
    assert list(zip(starts, ends, keys, strict=True)) == [(t.start, t.end, t.key) for t in tokens if t.key]


@given(texts)
def test_paragraphs_are_ordered_stripped_and_cover_every_word(text):
    paras = paragraphs(text)
    pos = 0
    for start, end in paras:
        assert pos <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        pos = end
    covered = "".join(text[s:e] for s, e in paras)
    assert "".join(covered.split()) == "".join(text.split())


@given(st.one_of(texts, st.lists(st.sampled_from([*"*_#[]<>`|~", "](x)", "a", " "])).map("".join)))
def test_markup_is_stripped_as_the_markup_pattern_strips_it(text):
    from variorum.core.normalize import _LINK_TARGET, _MARKUP_RUN, _strip_markup

    assert _strip_markup(text) == _MARKUP_RUN.sub(" ", _LINK_TARGET.sub(" ", text) if "](" in text else text)


@given(st.lists(texts, min_size=1, max_size=4))
def test_versions_prepared_together_have_the_keys_each_has_alone(versions):
    from variorum.core import prepared

    known: dict[str, str] = {}
    together = [prepared.prepare(text, known=known) for text in versions]
    for text, shared in zip(versions, together, strict=True):
        alone = prepared.prepare(text)
        assert shared.keys == alone.keys
        assert [shared.sentences(i) for i in range(len(shared.paras))] == \
            [alone.sentences(i) for i in range(len(alone.paras))]
    assert all(len(passage) <= prepared.KNOWN_AT_MOST for passage in known)


marked = st.sampled_from(("**bold**", "[link](https://example.org/a_b)", "https://example.org/x.", "# Head", "`code`",
                          "~~gone~~", "***", "__", "co-\noperate", "3.5%", "..."))
marked_texts = st.one_of(texts, st.lists(st.one_of(word, marked, st.sampled_from(SPACES))).map("".join))


@given(marked_texts, st.data())
@example("[link](https://example.org/a_b)", None)  # a stretch starting inside a link's target reads a URL there
def test_the_words_of_a_stretch_read_once_for_the_whole_text_are_the_stretchs_own(text, data):
    """The word-exact maps read each text's words once and slice them: whatever the stretch, even one whose ends
    cut a token in two, that gives what reading the stretch itself gives."""
    if data is None:
        start, end = text.index("https"), len(text)
    else:
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
    assert TextWords(text).between(start, end) == content_words(text, start, end)
