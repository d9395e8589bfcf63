"""The automatic base: the most complete version, and among equally complete ones the earliest dated, else the
first loaded."""

from __future__ import annotations

import random

import pytest

from variorum.core.case import load_case
from variorum.core.relation import COMPLETE_TOLERANCE, SAME_ARTICLE_MIN, containment, pick_base, profile

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


def _naive_base(profiles):
    """The definition of the base, pair by pair: the first largest same-article group, its first longest version
    (no dates)."""
    ids = list(profiles)
    groups = [[o for o in ids if o == v or containment(profiles[v], profiles[o]) >= SAME_ARTICLE_MIN] for v in ids]
    best = max(groups, key=len)  # max keeps the first of equal lengths
    longest = max(profiles[v].words for v in best)
    return next(v for v in best if profiles[v].words >= longest * (1 - COMPLETE_TOLERANCE))


@pytest.mark.parametrize("seed", range(6))
def test_many_versions_near_and_far_from_each_other_get_the_base_the_definition_gives(seed):
    rng = random.Random(seed)
    words = [f"word{n}" for n in range(rng.choice((8, 40, 200)))]
    stories = [[rng.choice(words) for _ in range(rng.randint(50, 300))] for _ in range(3)]
    texts = []
    for _ in range(40):
        text = list(rng.choice(stories))
        for _ in range(rng.randint(0, len(text))):
            text[rng.randrange(len(text))] = rng.choice(words)
        texts.append(" ".join(text[: rng.randint(1, len(text))]))
    profiles = _profiles({f"v{n}": text for n, text in enumerate(texts, start=1)})
    assert pick_base(profiles) == _naive_base(profiles)
