"""Small cases on disk for the notes tests: an article in three versions, written into tmp."""

from __future__ import annotations

from pathlib import Path

import pytest

from variorum.core.case import load_case
from variorum.core.notes import NotesStore

ARTICLE = (
    "Harbour council approves new ferry timetable\n\n"
    "The harbour council voted on Tuesday to add three evening crossings to the ferry timetable, "
    "after residents complained that the last boat left too early.\n\n"
    "\"We listened to the islanders,\" said the council chair, Mara Lindqvist. The change costs "
    "about 40,000 crowns a year and starts in March.\n\n"
    "Opposition members said the money would be better spent repairing the northern pier, which has "
    "been closed since the storm in 2019.\n"
)


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


@pytest.fixture
def case_files(tmp_path: Path) -> list[Path]:
    """Three versions: the first, one with a changed figure, one with a changed quote."""
    texts = [
        ARTICLE,
        edit(ARTICLE, "40,000 crowns", "45,000 crowns"),
        edit(ARTICLE, "We listened to the islanders", "We listened to every islander"),
    ]
    paths = []
    for n, text in enumerate(texts, start=1):
        p = tmp_path / f"version-{n}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


@pytest.fixture
def store(tmp_path: Path):
    s = NotesStore(tmp_path / "store" / "notes.sqlite3", user="checker")
    yield s
    s.close()


@pytest.fixture
def comparison(case_files):
    return load_case(case_files).compare()
