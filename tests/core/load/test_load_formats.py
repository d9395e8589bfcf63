"""One text in every supported format: each loads, and against the plain text differs only cosmetically."""

from __future__ import annotations

import html
import re
import textwrap

from variorum.core.case import load_case
from variorum.core.model import Options


def _paragraphs(darwin_paths) -> list[str]:
    sentences = re.split(r"(?<=\.) ", darwin_paths[0].read_text(encoding="utf-8").strip())
    return [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]


def test_same_text_in_five_formats_has_only_cosmetic_differences(tmp_path, darwin_paths, make_pdf, make_docx):
    paras = _paragraphs(darwin_paths)
    (tmp_path / "1-plain.txt").write_text("\r\n\r\n".join(paras), encoding="utf-16")
    (tmp_path / "2-copy.md").write_text(
        "\n\n".join(p.replace("Andrew Knight", "[Andrew Knight](https://e.example/knight)")
                    .replace("variability", "*variability*", 1) for p in paras), encoding="utf-8")
    (tmp_path / "3-saved.html").write_text(
        "<html><head><title>Origin</title></head><body><nav><a href='/'>Home</a> <a href='/b'>Books</a></nav>"
        "<article>" + "".join(f"<p>{html.escape(p)}</p>" for p in paras) + "</article>"
        "<footer><p>Public domain text.</p></footer></body></html>", encoding="utf-8")
    lines: list[str] = []
    for p in paras:
        lines += textwrap.wrap(p, 70)
    pages = [["On the Origin of Species - chapter one"] + lines[i:i + 12] + [str(n)]
             for n, i in enumerate(range(0, len(lines), 12), start=1)]
    (tmp_path / "4-print.pdf").write_bytes(make_pdf(pages))
    (tmp_path / "5-draft.docx").write_bytes(make_docx(paras, links={"Andrew Knight": "https://e.example/knight"}))

    c = load_case([tmp_path], options=Options(base="v1")).compare()
    assert [(v.label, v.format) for v in c.versions] == [
        ("1-plain.txt", "text"), ("2-copy.md", "markdown"), ("3-saved.html", "html"), ("4-print.pdf", "pdf"),
        ("5-draft.docx", "docx")]
    assert all(v.ok for v in c.versions)
    assert all(c.relations[v].kind == "same-article" for v in ("v2", "v3", "v4", "v5"))
    assert [d for d in c.differences if not d.cosmetic] == []
    # the PDF's running header and page numbers are gone, and its wrapped lines are cosmetic differences
    assert "chapter one" not in c.versions[3].text
    assert {d.category for d in c.differences_for("v4")} <= {"whitespace", "hyphenation"}
    # the links survive in the formats that have them
    for v in (c.versions[1], c.versions[4]):
        assert [(link.text, link.url) for link in v.metadata.links] == [("Andrew Knight", "https://e.example/knight")]
