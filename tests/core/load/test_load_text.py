"""Plain text in the encodings people actually send, and the inputs that are not text at all."""

from __future__ import annotations

import codecs

import pytest

from variorum.core.load import load_bytes, load_paths

RUSSIAN = ("Кремль заявил в среду, что события в Белоруссии пока не требуют военного участия России.\n"
           "Министр иностранных дел признал недостатки прошедших выборов.\n") * 3
FRENCH = ("Le café était fermé, et l'été déjà là. Où est passé le garçon ? Ça va très bien, merci.\n"
          "Les élections n'étaient « pas idéales », a-t-il déclaré mercredi à la presse.\n") * 3
ENGLISH = "The Kremlin said on Wednesday that “events” in Belarus did not yet warrant Russia’s involvement.\n"


def load(raw: bytes, name: str = "article.txt"):
    return load_bytes(raw, version_id="v1", label=name)


def test_cp1251_is_recognised():
    v = load(RUSSIAN.encode("cp1251"))
    assert v.ok and v.text == RUSSIAN and v.encoding == "cp1251"


def test_latin1_is_recognised():
    v = load(FRENCH.encode("latin-1"))
    assert v.ok and v.text == FRENCH
    assert v.encoding in {"cp1252", "latin_1", "iso8859_15"}


@pytest.mark.parametrize(("bom", "codec", "name"), [
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
])
def test_byte_order_marks(bom, codec, name):
    v = load(bom + RUSSIAN.encode(codec))
    assert v.ok and v.encoding == name
    assert v.text == RUSSIAN  # the mark itself is not text


def test_crlf_and_cr_become_newlines():
    v = load(ENGLISH.replace("\n", "\r\n").encode("utf-8") + b"Old Mac line\rend")
    assert v.text == ENGLISH + "Old Mac line\nend"
    assert "\r" not in v.text


def test_invalid_utf16_after_bom_is_reported():
    v = load(codecs.BOM_UTF16_LE + b"\x00\xd8A")  # a lone surrogate
    assert v.error == ("The file starts with a UTF-16-LE byte order mark but is not valid UTF-16-LE text "
                       "(byte 2 is wrong); it may be damaged.")


def test_zero_byte_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    [v] = load_paths([tmp_path / "empty.txt"])
    assert v.error == "The file is empty (0 bytes)."
    assert v.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_whitespace_only_file():
    assert load(b" \n\t\n").error == "No text could be extracted from this file."


def test_binary_named_txt():
    v = load(bytes(range(256)) * 40)
    assert v.error == "This looks like a binary file, not text; it cannot be compared."


def test_png_named_txt_says_what_it_is():
    v = load(b"\x89PNG\r\n\x1a\n" + bytes(200))  # a screenshot is read by OCR, whatever its name; this one is broken
    assert v.error == "This image is damaged or in a format that cannot be read."
    assert v.format == "image"
    assert v.warnings == ("The file is named like a text file but is an image file; it was read as image.",)


def test_gif_named_txt_says_what_it_is():
    v = load(b"GIF89a" + bytes(200))
    assert v.error == ("This is a GIF image, not a document that can be compared; Variorum compares text: "
                       "TXT, Markdown, HTML, PDF and DOCX files.")
    assert v.format == "unknown"


def test_text_that_only_starts_like_a_program_is_text():
    v = load(b"MZ Records announced a new album on Monday.")
    assert v.ok and v.text.startswith("MZ Records")


def test_one_line_of_five_megabytes_loads_whole():
    line = ("word " * (5 * 1024 * 1024 // 5)).strip()
    v = load(line.encode("ascii"))
    assert v.ok and v.text == line and v.words == 5 * 1024 * 1024 // 5


def test_replacement_characters_are_warned_about():
    v = load("Caf\ufffd au lait".encode())
    assert v.ok
    assert v.warnings == ("The file contains replacement characters (\ufffd): some bytes were not valid text.",)


def test_missing_file_is_an_error_not_a_crash(tmp_path):
    [v] = load_paths([tmp_path / "nope.txt"])
    assert v.error == "Could not open the file: No such file or directory."


def test_pasted_text_is_a_version():
    from variorum.core.load import load_pasted

    v = load_pasted("Pasted “words”\r\nhere", version_id="v3")
    assert (v.id, v.label, v.format, v.text) == ("v3", "Pasted text", "text", "Pasted “words”\nhere")


def test_damaged_utf8_keeps_its_words_and_says_so():
    raw = ("Les élections n'étaient « pas idéales », a déclaré le ministre. Café, thé, été.\n" * 3).encode()
    raw = raw[:40] + b"\xff" + raw[41:]
    v = load(raw)
    assert v.ok and v.encoding == "utf-8"
    assert v.text.count("\ufffd") == 1 and "pas idéales" in v.text
    assert v.warnings == ("The file is UTF-8 text with 1 damaged byte sequence (at byte offset 40), each shown as "
                          "\ufffd.",)



def test_one_line_of_five_megabytes_in_a_legacy_encoding_loads_whole():
    line = "café naïve déjà vu " * (5 * 1024 * 1024 // 19)
    v = load(line.encode("cp1252"))
    assert v.ok and v.encoding == "cp1252" and v.text == line


def test_form_feed_page_breaks_become_blank_lines():
    v = load(b"End of page one.\n\x0cStart of page two.")
    assert v.text == "End of page one.\n\n\nStart of page two."
