"""Code points (the core) versus UTF-16 positions (Qt): the one conversion helper."""

from variorum.ui.textpos import TextPositions, from_qt, to_qt

TEXT = "a😀b\nc𝒳d\n\nend"


def test_bmp_text_positions_are_unchanged():
    assert to_qt("plain text", 5) == 5 and from_qt("plain text", 5) == 5


def test_astral_characters_take_two_qt_positions():
    assert to_qt(TEXT, 1) == 1  # before the emoji
    assert to_qt(TEXT, 2) == 3  # after it
    assert to_qt(TEXT, len(TEXT)) == len(TEXT) + 2
    for offset in range(len(TEXT) + 1):
        assert from_qt(TEXT, to_qt(TEXT, offset)) == offset


def test_a_position_inside_a_surrogate_pair_rounds_down():
    assert from_qt(TEXT, 2) == 1


def test_block_spans_split_at_line_breaks_in_qt_units():
    pos = TextPositions(TEXT)
    assert pos.block_starts == [0, 4, 8, 9]
    # "b\nc𝒳d" spans two blocks: "b" in block 0 (after the emoji: qt column 3), "c𝒳d" in block 1 (4 units).
    assert pos.block_spans(2, 7) == [(0, 3, 1), (1, 0, 4)]
    assert pos.block_spans(5, 5) == []
