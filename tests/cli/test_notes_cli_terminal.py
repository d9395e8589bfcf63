"""Note text printed by ``variorum notes`` never acts on the reader's terminal: controls are shown, not obeyed."""

from __future__ import annotations

import json
import re

import pytest

from notescli import notes

# An OSC title change ended by BEL, a clear-screen CSI, NUL, a right-to-left override and its end, a C1 CSI,
# DEL, a lone carriage return and a line separator.
HOSTILE = "see \x1b]0;owned\x07 \x1b[2J\x00 \u202edlrow\u202c \x9b31m \x7f x\ry\u2028z"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")




@pytest.fixture
def hostile_note(capsys, files) -> str:
    code, out, err = notes(capsys, "add", "--anchor", "case", "--author", "mallory\x1b[8m", "--body",
                           HOSTILE + "\nsecond line\tend", *files)
    assert code == 0, err
    return out.strip()


def test_list_shows_control_characters_instead_of_sending_them(capsys, files, hostile_note):
    code, out, _ = notes(capsys, "list", *files)
    assert code == 0
    assert not RAW.search(out)
    assert "\\x1b]0;owned\\x07" in out and "\\x1b[2J" in out and "\\x00" in out and "\\x9b31m" in out
    assert "⟨U+202E⟩dlrow⟨U+202C⟩" in out and "\\x7f" in out and "x\\ry⟨U+2028⟩z" in out
    assert "mallory\\x1b[8m" in out
    assert "    second line\tend" in out.splitlines()  # real line breaks and tabs in a note stay


def test_json_list_and_history_stay_valid_json_with_the_exact_text(capsys, files, hostile_note):
    code, out, _ = notes(capsys, "list", "--format", "json", *files)
    assert code == 0 and not RAW.search(out.replace("\n", ""))
    assert json.loads(out)["notes"][0]["body"] == HOSTILE + "\nsecond line\tend"
    code, out, _ = notes(capsys, "history", hostile_note, "--format", "json", *files)
    assert code == 0 and not RAW.search(out.replace("\n", ""))
    assert json.loads(out)[0]["after"]["body"] == HOSTILE + "\nsecond line\tend"


def test_history_and_cases_show_control_characters(capsys, files, hostile_note):
    from variorum.core.notes import NotesStore

    code, out, _ = notes(capsys, "history", hostile_note, *files)
    assert code == 0 and not RAW.search(out) and "mallory\\x1b[8m" in out
    with NotesStore() as store:
        (case,) = store.recent_cases()
        store.rename_case(case.id, "case \x1b]52;c;cm0gLXJmIH4=\x07 name")
    code, out, _ = notes(capsys, "cases")
    assert code == 0 and not RAW.search(out) and "case \\x1b]52;c;cm0gLXJmIH4=\\x07 name" in out


def test_an_error_naming_hostile_input_is_one_visible_line(capsys, files, hostile_note):
    code, _, err = notes(capsys, "history", "abcd\x1b[2J\nfake line", *files)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "\\x1b[2j\\nfake line" in err


def test_export_to_the_terminal_escapes_control_characters(capsys, files, hostile_note):
    code, out, _ = notes(capsys, "export", "-o", "-", *files)
    assert code == 0 and not RAW.search(out.replace("\n", ""))
    (item,) = json.loads(out)["first"]["items"]
    assert item["body"][0]["value"] == HOSTILE + "\nsecond line\tend"
