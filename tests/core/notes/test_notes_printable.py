"""Making note text inert on a terminal: what is escaped, what is kept, and that JSON stays JSON."""

from __future__ import annotations

import json

from variorum.core.notes.printable import json_for_terminal, printable, printable_line


def test_controls_become_visible_escapes():
    assert printable("a\x1b[31mb\x00c\x7fd\x85e\x9bf") == "a\\x1b[31mb\\x00c\\x7fd\\x85e\\x9bf"
    assert printable("\u202eabc\u202c \u2066x\u2069 \u200f") == "⟨U+202E⟩abc⟨U+202C⟩ ⟨U+2066⟩x⟨U+2069⟩ ⟨U+200F⟩"
    assert printable("lone \udc80") == "lone \\udc80"


def test_line_breaks_and_tabs_are_kept_in_text_and_escaped_in_a_line():
    assert printable("one\r\ntwo\tthree\rfour") == "one\ntwo\tthree\\rfour"
    assert printable_line("one\ntwo\tthree") == "one\\ntwo\\tthree"


def test_ordinary_text_in_any_script_is_unchanged():
    text = "Mara Lindqvist — «40 000 kr» 東京 عربى ελληνικά 🙂"
    assert printable(text) == printable_line(text) == text


def test_json_for_terminal_decodes_to_the_original():
    data = {"body": "x\x1b\x9b\u202e\u2028\x7f y", "n": [1, "é"]}
    text = json_for_terminal(data, indent=2)
    assert json.loads(text) == data
    assert all(ch not in text for ch in "\x1b\x9b\u202e\u2028\x7f") and "é" in text
