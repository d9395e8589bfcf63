"""Nothing in an input file makes the program read another file or run anything: external XML entities and
scripts stay inert in every format."""

from __future__ import annotations

import io
import zipfile

from variorum.core.load import load_bytes

SECRET = "TOP-SECRET-LOCAL-FILE-CONTENT"


def _secret_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path.as_uri()


def test_external_entity_in_a_web_page_is_not_read(tmp_path):
    page = (f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY leak SYSTEM "{_secret_file(tmp_path)}">]>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><body><article><p>The council met on Monday and voted '
            'on the budget for the coming year, officials said.</p><p>&leak;</p>'
            '<script>document.write("written by a script")</script></article></body></html>')
    v = load_bytes(page.encode(), version_id="v1", label="page.xhtml")
    assert v.ok and "The council met on Monday" in v.text
    assert SECRET not in v.text and "written by a script" not in v.text


def test_external_entity_in_a_word_file_is_not_read(tmp_path, make_docx):
    raw = make_docx(["The council met on Monday and voted on the budget.", "PLACEHOLDER"])
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", f'?><!DOCTYPE w:document [<!ENTITY leak SYSTEM "{_secret_file(tmp_path)}">]>'
                                    .encode(), 1).replace(b"PLACEHOLDER", b"&leak;")
            z.writestr(item, data)
    v = load_bytes(out.getvalue(), version_id="v1", label="story.docx")
    assert v.ok and "The council met on Monday" in v.text
    assert SECRET not in v.text
