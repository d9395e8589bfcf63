"""A version holds at most ``MAX_TEXT_CHARS`` of text, whatever its format: more is refused with a message that
gives the limit, before the comparison would take many minutes and gigabytes."""

from __future__ import annotations

from variorum.core import load
from variorum.core.case import load_case


def test_a_file_with_more_text_than_can_be_compared_is_refused_and_the_others_are_compared(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "MAX_TEXT_CHARS", 20_000)
    sentence = "The council voted on Tuesday to keep the library open until ten in the evening. "
    (tmp_path / "a.txt").write_text(sentence * 10, encoding="utf-8")
    (tmp_path / "b.txt").write_text(sentence.replace("ten", "nine") * 10, encoding="utf-8")
    body = "".join(f"<p>Paragraph {n}. {sentence}</p>" for n in range(300))
    (tmp_path / "page.html").write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
    case = load_case([tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "page.html"])
    assert [v.ok for v in case.versions] == [True, True, False]
    error = case.versions[2].error
    assert error.startswith("This file holds too much text to compare (")
    assert error.endswith(" characters; the limit is 20,000, as comparing more would take many minutes and "
                          "gigabytes of memory). Compare a part of it, saved as a separate file.")
    assert {d.version for d in case.compare().differences} == {"v2"}


def test_the_text_limit_as_shipped():
    assert load.MAX_TEXT_CHARS == 10_000_000
    assert "(12,500,000 characters; the limit is 10,000,000," in load.too_much_text(12_500_000)
