"""What one case reads in all is limited: a file or pasted text that would take the case past the limit is a
version with a message saying so, and every other version is still read and compared."""

from __future__ import annotations

import pytest

from variorum.core import load
from variorum.core.case import load_case

SHIPPED_CASE_LIMIT = load.MAX_CASE_BYTES  # read before any test lowers it
SENTENCE = "The council voted on Tuesday to keep the central library open until ten in the evening. "
LIMIT = 64 * 1024


@pytest.fixture(autouse=True)
def small_case_limit(monkeypatch):
    monkeypatch.setattr(load, "MAX_CASE_BYTES", LIMIT)


def article(kb: int, change: str = "ten") -> str:
    return (SENTENCE * (kb * 1024 // len(SENTENCE) + 1)).replace("ten", change, 1)[: kb * 1024]


def write(tmp_path, name: str, kb: int, change: str = "ten"):
    path = tmp_path / name
    path.write_text(article(kb, change), encoding="utf-8")
    return path


def test_a_file_past_the_case_limit_gets_a_message_and_the_others_are_compared(tmp_path):
    paths = [write(tmp_path, "a.txt", 30), write(tmp_path, "b.txt", 30, "nine"), write(tmp_path, "c.txt", 30, "six")]
    case = load_case(paths)
    assert [v.ok for v in case.versions] == [True, True, False]
    assert case.versions[2].error == (
        "Not read: the case already holds 60 KB of files and one case reads at most 64 KB in all (this file "
        "is 30 KB). The other versions are compared; compare this file with fewer or smaller versions.")
    comparison = case.compare()
    assert comparison.base in ("v1", "v2")
    assert {d.version for d in comparison.differences} == {"v2" if comparison.base == "v1" else "v1"}


def test_a_smaller_file_after_a_refused_one_is_still_read(tmp_path):
    paths = [write(tmp_path, "a.txt", 40), write(tmp_path, "big.txt", 30), write(tmp_path, "small.txt", 10)]
    case = load_case(paths)
    assert [v.ok for v in case.versions] == [True, False, True]
    assert case.versions[1].error.startswith("Not read: the case already holds 40 KB of files")


def test_files_added_to_an_open_case_count_what_it_already_holds(tmp_path):
    case = load_case([write(tmp_path, "a.txt", 40)])
    added = case.add([write(tmp_path, "b.txt", 30, "nine")], pasted=["A short pasted text."])
    assert [v.ok for v in added] == [False, True]
    assert added[0].error.startswith("Not read: the case already holds 40 KB of files")
    case.remove("v1")  # what the case no longer holds is no longer counted
    assert [v.ok for v in case.add([tmp_path / "b.txt"])] == [True]


def test_a_pasted_text_past_the_case_limit_gets_the_message(tmp_path):
    case = load_case([write(tmp_path, "a.txt", 40)], pasted=[article(30, "nine")])
    assert [v.ok for v in case.versions] == [True, False]
    assert case.versions[1].error.startswith("Not read: the case already holds 40 KB of files")
    assert "(this file is 30 KB)" in case.versions[1].error


def test_a_file_over_the_file_limit_is_told_so_whatever_the_case_holds(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 20 * 1024)
    case = load_case([write(tmp_path, "a.txt", 10), write(tmp_path, "b.txt", 60)])
    assert case.versions[1].error == "The file is too large to compare (61440 bytes; the limit is 20480 bytes)."


def test_the_limits_as_shipped_let_a_case_hold_a_file_at_the_file_limit_and_other_versions():
    assert SHIPPED_CASE_LIMIT == 64 * 1024 * 1024
    assert SHIPPED_CASE_LIMIT - load.MAX_FILE_BYTES >= 10 * 1024 * 1024
