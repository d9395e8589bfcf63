"""Finding quoted words again after the text changed: position, exact words with context, approximate, or not."""

from __future__ import annotations

from variorum.core.notes import locate, quote_from

TEXT = ("The council voted on Tuesday to add three evening crossings. The chair said the change costs "
        "about 40,000 crowns a year. Critics said the northern pier needs the money more.")


def q(text: str, words: str):
    start = text.index(words)
    return quote_from(text, start, start + len(words), "sha")


def test_unchanged_text_is_found_at_its_position():
    quote = q(TEXT, "40,000 crowns a year")
    found = locate(quote, TEXT)
    assert (found.method, TEXT[found.start:found.end]) == ("position", "40,000 crowns a year")


def test_moved_words_are_found_by_the_quote():
    quote = q(TEXT, "the northern pier needs the money")
    moved = "Critics said the northern pier needs the money more. " + TEXT.split(" Critics")[0]
    found = locate(quote, moved)
    assert found.method == "quote"
    assert moved[found.start:found.end] == "the northern pier needs the money"


def test_of_several_occurrences_the_one_with_matching_context_wins():
    quote = q(TEXT, "the change")
    edited = "Before the change, nobody asked. " + TEXT.replace("The chair said", "The chair told reporters")
    found = locate(quote, edited)
    assert found.method == "quote"
    assert edited[found.start - 10:found.end] == "reporters the change"


def test_lightly_edited_words_are_found_approximately():
    quote = q(TEXT, "add three evening crossings")
    edited = TEXT.replace("add three evening crossings", "add three late-evening crossings")
    found = locate(quote, edited)
    assert found.method == "fuzzy"
    assert "evening crossings" in edited[found.start:found.end]


def test_deleted_words_are_not_found():
    quote = q(TEXT, "about 40,000 crowns a year")
    edited = TEXT.replace(" The chair said the change costs about 40,000 crowns a year.", "")
    assert locate(quote, edited) is None


def test_short_quotes_are_never_placed_approximately():
    quote = q(TEXT, "pier")
    assert locate(quote, TEXT.replace("pier", "quay")) is None


def test_offsets_are_code_points_even_beyond_the_basic_plane():
    text = "Emoji 😀 first, then 😀 the words that matter, and more."
    quote = q(text, "the words that matter")
    assert quote.start == text.index("the words")
    shifted = "😀😀 " + text
    found = locate(quote, shifted)
    assert shifted[found.start:found.end] == "the words that matter"
    assert found.start == quote.start + 3


def test_the_quote_keeps_its_context():
    quote = q(TEXT, "40,000 crowns")
    assert quote.prefix.endswith("costs about ")
    assert quote.suffix.startswith(" a year.")
    assert (quote.end - quote.start) == len("40,000 crowns")
