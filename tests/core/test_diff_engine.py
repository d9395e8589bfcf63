"""The diffs whose result is plain (equal strings, one side empty, one position replaced) are answered without
diff-match-patch, with exactly its runs, clean-ups included; codes are given as encoding would give them."""

import random

import pytest

from variorum.core import diff_engine
from variorum.core.diff_engine import Codec


def _plain_shapes(rng: random.Random):
    """Pairs of encoded strings of the plain shapes, over small alphabets (where repeated characters would let
    diff-match-patch slide or merge an edit, if it ever did)."""
    for _ in range(4000):
        alphabet = [chr(0x100 + k) for k in range(rng.choice([1, 2, 3, 40]))]
        a = [rng.choice(alphabet) for _ in range(rng.choice([0, 1, 2, 3, 5, 12, 40]))]
        b = list(a)
        shape = rng.random()
        if shape < 0.6 and b:
            b[rng.randrange(len(b))] = rng.choice(alphabet + ["\u0400"])
        elif shape < 0.8:
            b = []
        elif shape < 0.9:
            a = []
        yield "".join(a), "".join(b)


@pytest.mark.parametrize("semantic", [False, True])
def test_plain_diffs_have_the_runs_diff_match_patch_gives(semantic):
    answered = 0
    for a, b in _plain_shapes(random.Random(1859)):
        plain = diff_engine._plain_opcodes(a, b)
        if plain is not None:
            answered += 1
            assert plain == diff_engine._python_opcodes(a, b, semantic=semantic), (a, b)
    assert answered > 3000


def test_other_diffs_go_to_diff_match_patch():
    assert diff_engine._plain_opcodes("\u0100\u0101", "\u0101\u0100") is None  # two positions
    assert diff_engine._plain_opcodes("\u0100\u0101", "\u0100\u0101\u0102") is None  # lengths differ


def test_registered_keys_get_the_codes_encoding_would_give():
    keys = ["the", "vote", "the", "share", "was", "vote", "80%"]
    encoded, registered = Codec(), Codec()
    registered.register(keys[:3])
    registered.register(keys[3:])
    assert registered.encode(keys) == encoded.encode(keys)
    assert encoded.encode(["new", "the"]) == registered.encode(["new", "the"])
