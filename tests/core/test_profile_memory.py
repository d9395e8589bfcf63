"""The similarity profiles of a case live as long as its comparison: they must stay small next to the text."""

from __future__ import annotations

import random
import tracemalloc

from variorum.core.relation import containment, pick_base, profile


def _text(words: int, seed: int) -> str:
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(5000)]
    return " ".join(rng.choice(vocabulary) for _ in range(words))


def test_a_profile_keeps_a_few_bytes_per_word() -> None:
    text = _text(100_000, 1)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = profile(text)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept.words == 100_000
    assert held < 16 * kept.words  # a set of Python integers took about 70 bytes a word


def test_long_and_short_versions_are_still_measured_exactly() -> None:
    long_text = _text(20_000, 2)
    short_text = " ".join(long_text.split()[5000:5400])
    other = _text(400, 3)
    profiles = {"v1": profile(long_text), "v2": profile(short_text), "v3": profile(other)}
    assert containment(profiles["v1"], profiles["v2"]) == 1.0
    assert containment(profiles["v2"], profiles["v3"]) < 0.05
    assert pick_base(profiles) == "v1"


def test_a_long_text_read_in_stretches_gives_the_profile_of_the_whole() -> None:
    text = _text(60_000, 4)  # several stretches
    whole = profile(text)
    words = text.split()
    expected = {hash(t) for t in zip(words, words[1:], words[2:], strict=False)}
    assert whole.words == len(words)
    assert sorted(whole.shingles) == sorted(expected)
    assert profile("one two").words == 2 and not profile("one two").shingles
