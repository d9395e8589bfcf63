"""Choosing the format, expanding folders, and turning every bad file into a clear per-version error."""

from __future__ import annotations

import logging

from variorum.core.case import load_case
from variorum.core.load import EMPTY_FOLDER, EXTENSIONS, detect_format, expand_paths, load_bytes, load_paths


def test_folder_takes_only_supported_files_sorted_by_name(tmp_path, make_pdf, make_docx):
    folder = tmp_path / "case"
    (folder / "sub").mkdir(parents=True)
    (folder / "v10.txt").write_text("tenth version of the text", encoding="utf-8")
    (folder / "v2.txt").write_text("second version of the text", encoding="utf-8")
    (folder / "sub" / "copy.md").write_text("# Heading\n\nmarkdown copy", encoding="utf-8")
    (folder / "page.HTML").write_text("<html><body><p>a saved page</p></body></html>", encoding="utf-8")
    (folder / "print.pdf").write_bytes(make_pdf([["the printed version"]]))
    (folder / "word.docx").write_bytes(make_docx(["the word version"]))
    # junk that must be left alone
    (folder / "photo.gif").write_bytes(b"GIF89a" + bytes(100))
    (folder / "notes.rtf").write_text("{\\rtf1 hi}", encoding="ascii")
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (folder / "~$word.docx").write_bytes(b"lock file")
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD.txt").write_text("ref", encoding="utf-8")
    (folder / "archive.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    versions = load_paths([folder])
    assert [v.label for v in versions] == ["page.HTML", "print.pdf", "copy.md", "v2.txt", "v10.txt", "word.docx"]
    assert [v.id for v in versions] == ["v1", "v2", "v3", "v4", "v5", "v6"]
    assert [v.format for v in versions] == ["html", "pdf", "markdown", "text", "text", "docx"]
    assert all(v.ok for v in versions), [v.error for v in versions]
    assert expand_paths([folder]) == [folder / "page.HTML", folder / "print.pdf", folder / "sub" / "copy.md",
                                      folder / "v2.txt", folder / "v10.txt", folder / "word.docx"]


def test_folder_with_nothing_readable_says_so(tmp_path):
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "photo.gif").write_bytes(b"GIF89a")
    [v] = load_paths([tmp_path / "junk"])
    assert v.error == EMPTY_FOLDER
    assert EMPTY_FOLDER.startswith("This folder contains no file that can be compared (.txt, .text, .md, ")
    # every suffix the loader reads is named (.xhtml, .mht, .warc.gz and .jpeg were once left out)
    named = EMPTY_FOLDER[EMPTY_FOLDER.index("(") + 1:EMPTY_FOLDER.rindex(")")].split(", ")
    assert named == list(EXTENSIONS) and {".xhtml", ".mht", ".warc.gz", ".jpeg"} <= set(named)
    assert (v.id, v.label, v.format) == ("v1", "junk", "unknown")


def test_one_bad_file_never_stops_the_others(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("The Kremlin said Wednesday that events in Belarus did not yet warrant it.", encoding="utf-8")
    empty = tmp_path / "b.txt"
    empty.write_bytes(b"")
    broken = tmp_path / "c.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage")
    also_good = tmp_path / "d.md"
    also_good.write_text("The Kremlin said **Wednesday** that events in Belarus did not yet warrant it.",
                         encoding="utf-8")
    c = load_case([good, empty, broken, also_good]).compare()
    assert [v.ok for v in c.versions] == [True, False, False, True]
    assert c.versions[1].error == "The file is empty (0 bytes)."
    assert c.versions[2].error == ("This PDF is damaged or incomplete (perhaps cut short while downloading) and "
                                   "could not be read.")
    assert c.relations["v4"].kind in ("same-article", "base")


def test_too_large_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    import variorum.core.load as load_module

    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", 1024 * 1024)
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (3 * 1024 * 1024 // 5))
    [v] = load_paths([big])
    assert v.error == "The file is too large to compare (3 MB; the limit is 1 MB)."
    assert v.size == big.stat().st_size and v.sha256 == ""


def test_every_version_carries_the_size_of_what_was_read(tmp_path):
    text, empty, missing, folder = (tmp_path / name for name in ("a.txt", "empty.txt", "gone.txt", "folder"))
    text.write_bytes("Größe matters.\n".encode())
    empty.write_bytes(b"")
    folder.mkdir()
    loaded = {v.label: v.size for v in load_paths([text, empty, missing, folder])}
    assert loaded == {"a.txt": len("Größe matters.\n".encode()), "empty.txt": 0, "gone.txt": None,
                      "folder": None}


def test_file_named_for_one_format_but_holding_another(make_docx):
    v = load_bytes(make_docx(["Text inside a Word file."]), version_id="v1", label="story.txt")
    assert v.ok and v.format == "docx" and v.text == "Text inside a Word file."
    assert v.warnings == ("The file is named like a text file but is a DOCX file; it was read as DOCX.",)


def test_unknown_extension_is_sniffed():
    assert detect_format("page.php", b"<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert detect_format("README", b"Just words.") == "text"
    assert detect_format("scan.bin", b"%PDF-1.7\n...") == "pdf"


def test_images_and_programs_are_named_for_what_they_are():
    v = load_bytes(b"GIF89a" + bytes(300), version_id="v1", label="photo.txt")
    assert v.error == ("This is a GIF image, not a document that can be compared; Variorum compares text: TXT, "
                       "Markdown, HTML, PDF and DOCX files.")
    v = load_bytes(b"\x7fELF\x02\x01\x01" + bytes(300), version_id="v1", label="tool")
    assert v.error == ("This is a program (ELF executable), not a document that can be compared; Variorum compares "
                       "text: TXT, Markdown, HTML, PDF and DOCX files.")


def test_unreadable_file(tmp_path):
    import os

    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    try:
        [v] = load_paths([locked])
        if os.geteuid() == 0:  # root reads anything; the file then simply loads
            assert v.ok
        else:
            assert v.error == "Could not open the file: Permission denied."
    finally:
        locked.chmod(0o600)


def test_text_that_mentions_a_pdf_header_stays_text():
    v = load_bytes(b"Every PDF file starts with %PDF-1.7 followed by binary data.", version_id="v1",
                   label="notes.txt")
    assert v.ok and v.format == "text" and v.warnings == ()


def test_web_page_saved_under_a_pdf_name_is_read_as_html():
    page = b"<!DOCTYPE html><html><body><h1>403 Forbidden</h1><p>Access to this document was denied.</p></body></html>"
    v = load_bytes(page, version_id="v1", label="report.pdf")
    assert v.format == "html" and "Access to this document was denied." in v.text
    assert v.warnings[0] == "The file is named like a PDF file but is an HTML file; it was read as HTML."


def test_impossible_path_is_an_error_not_a_crash(tmp_path):
    [v] = load_paths([str(tmp_path / "bad\x00name.txt")])
    assert v.error == "Could not open the file: the path is not valid."


def test_a_loader_that_fails_unexpectedly_is_one_line_for_the_user_and_a_traceback_in_the_log(tmp_path, monkeypatch,
                                                                                               caplog):
    import variorum.core.load as load

    def broken(_fmt):
        def extract(_raw):
            raise KeyError("xref")
        return extract

    monkeypatch.setattr(load, "_extractor", broken)
    (tmp_path / "a.txt").write_text("Some words.\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="variorum.core.load"):
        [v] = load_case([tmp_path / "a.txt"]).versions
    assert v.error.endswith("KeyError: 'xref'") and "\n" not in v.error
    [bug] = [r for r in caplog.records if r.exc_info]
    assert bug.levelname == "ERROR" and bug.exc_info[0] is KeyError and "a.txt" in bug.getMessage()
