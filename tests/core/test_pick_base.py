"""The automatic base: the most complete version, and among equally complete ones the earliest dated, else the
first loaded."""

from __future__ import annotations

from variorum.core.case import load_case
from variorum.core.relation import pick_base, profile

STORY = ("The council voted on Tuesday to close the old bridge over the river after engineers found cracks in "
         "two of its piers and warned that heavy lorries could no longer cross it safely this winter")


def _profiles(texts: dict[str, str]):
    return {vid: profile(text) for vid, text in texts.items()}


def test_equally_complete_versions_give_the_first_loaded_the_base():
    texts = {"v1": STORY + ".", "v2": STORY + " too.", "v3": STORY + " again."}
    assert pick_base(_profiles(texts)) == "v1"


def test_the_earliest_known_date_wins_among_equally_complete_versions():
    texts = {"v1": STORY + ".", "v2": STORY + " too.", "v3": STORY + " again."}
    dates = {"v1": "2021-03-02", "v2": None, "v3": "2020-11-30T09:00:00"}
    assert pick_base(_profiles(texts), dates) == "v3"


def test_a_clearly_more_complete_version_still_wins_over_an_earlier_one():
    longer = STORY + ". " + " ".join(f"Further detail number {n} was added by the desk." for n in range(8))
    texts = {"v1": STORY + ".", "v2": longer}
    assert pick_base(_profiles(texts), {"v1": "2019-01-01", "v2": "2024-01-01"}) == "v2"


def test_the_darwin_editions_take_the_first_edition_as_base(darwin_paths):
    case = load_case(darwin_paths)
    comparison = case.compare()
    assert comparison.version(comparison.base).label == "origin-1859.txt"
