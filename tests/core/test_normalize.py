import pytest

from variorum.core.normalize import (
    cosmetic_category,
    difference_category,
    normalize_text,
    normalize_token,
    substantive_category,
)


@pytest.mark.parametrize(
    ("a", "b", "category"),
    [
        ("Russia’s", "Russia's", "typography"),
        ("“unacceptable.”", '"unacceptable."', "typography"),
        ("2019–2020", "2019-2020", "typography"),
        ("wait…", "wait...", "typography"),
        ("the\u00a0Kremlin", "the Kremlin", "whitespace"),
        ("the  Kremlin", "the Kremlin", "whitespace"),
        ("the\nKremlin", "the Kremlin", "whitespace"),
        ("post-\nSoviet", "post-Soviet", "hyphenation"),
        ("co\u00adoperate", "cooperate", "whitespace"),
        ("ﬁnal", "final", "typography"),
        ("**Dmitri Lovetsky**", "Dmitri Lovetsky", "markup"),
        ("[told](#) reporters", "told reporters", "markup"),
        ("RELATED", "Related", "case"),
    ],
)
def test_cosmetic_changes_are_named(a, b, category):
    assert cosmetic_category(a, b) == category


@pytest.mark.parametrize(
    ("a", "b"),
    [("12,300", "14,000"), ("Petersen", "Peterson"), ("did not", "did"), ("Wednesday", "Thursday")],
)
def test_real_changes_are_not_cosmetic(a, b):
    assert cosmetic_category(a, b) is None
    assert substantive_category(a, b) == "wording"


def test_punctuation_only_change():
    assert substantive_category("other, than", "other than") == "punctuation"


def test_markup_tokens_have_no_key():
    assert normalize_token("**") == ""
    assert normalize_token("](#)") == ""
    assert normalize_token("](https://example.org/a)") == ""
    assert normalize_token("Russia’s") == "russia's"


def test_normalize_text_folds_spacing_and_quotes():
    assert normalize_text("  “Hello”\u00a0 world\n") == '"hello" world'


def test_mapping_characters_by_replacement_is_the_translation_table():
    import random

    from variorum.core.normalize import _CHAR_MAP, _TRANSLATE, map_chars

    rng = random.Random(7)
    alphabet = [*_CHAR_MAP, "a", "Z", " ", "'", '"', "-", ".", "\u00e9", "\n"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(30)))
        assert map_chars(text) == text.translate(_TRANSLATE)


def test_normal_form_is_the_one_the_patterns_give():
    import random
    import re

    from variorum.core.normalize import _WRAP_HYPHEN, _strip_markup, normalize_chars, normalize_text

    def by_patterns(text):
        text = _WRAP_HYPHEN.sub("-", normalize_chars(text))
        return re.sub(r"\s+", " ", text).strip().casefold()

    def stripped_by_patterns(text):
        return re.sub(r"[*_#\[\]<>`|~]+", " ", re.sub(r"\]\([^)\s]*\)", " ", text))

    rng = random.Random(5)
    alphabet = list("aB -\n\t\u00a0\u2028 x*_](\u2019\u00ad)")
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        assert normalize_text(text) == by_patterns(text)
        assert _strip_markup(text) == stripped_by_patterns(text)


@pytest.mark.parametrize(("a", "b", "before", "category"), [
    ("9", "10", "on Aug. ", "date"),
    ("Wednesday", "Thursday", "said on ", "date"),
    ("March 3, 2021", "3 March 2021", "on ", "date"),
    ("12,300", "14,000", "evacuated ", "number"),
    ("https://example.org/a", "https://example.org/b", "see ", "link"),
    ("Petersen", "Peterson", "said Mr. ", "name"),
    ("Lavrov", "Peskov", "minister ", "name"),
    ("The", "A", "left. ", "wording"),  # a capitalised word at the start of a sentence is not a name
    ("did not", "did", "she ", "wording"),
    ("other, than", "other than", "", "punctuation"),
])
def test_a_difference_says_what_it_changes(a, b, before, category):
    assert difference_category(a, b, before=before) == category


def test_white_space_list_is_every_character_the_patterns_match():
    import re

    from variorum.core.normalize import WHITE_SPACE

    assert {chr(c) for c in range(0x110000) if re.fullmatch(r"\s", chr(c))} == set(WHITE_SPACE)


def test_long_passages_normalize_as_the_definition_says():
    from variorum.core.normalize import _WRAP_HYPHEN, casefold, normalize_chars, normalize_text

    def by_definition(text: str) -> str:
        text = normalize_chars(text)
        if "\n" in text and "-" in text:
            text = _WRAP_HYPHEN.sub("-", text)
        return " ".join(text.split()).casefold()

    piece = "Straße  İstanbul\u00a0ΣΊΣΥΦΟΣ —\tﬁne “quote” post-\nSoviet \u2028 \u3000x "
    for text in (piece, piece * 8000, " " + piece * 8000):  # longer than one piece of the case folding
        assert casefold(text) == text.casefold()
        assert normalize_text(text) == by_definition(text)
