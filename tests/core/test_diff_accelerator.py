"""The C++ diff-match-patch accelerator gives exactly the results of the Python implementation."""

import random

import pytest

from variorum.core import diff_engine as diff_module
from variorum.core.case import load_case

pytestmark = pytest.mark.skipif(diff_module._fast_dmp is None, reason="fast-diff-match-patch is not installed")


def _edited(rng: random.Random, alphabet: int, length: int) -> tuple[str, str]:
    a = [chr(0x100 + rng.randrange(alphabet)) for _ in range(length)]
    b = list(a)
    for _ in range(rng.randrange(length // 3 + 3)):
        op = rng.random()
        if op < 0.4 and b:
            b[rng.randrange(len(b))] = chr(0x100 + rng.randrange(alphabet))
        elif op < 0.7:
            b.insert(rng.randrange(len(b) + 1), chr(0x100 + rng.randrange(alphabet)))
        elif b:
            del b[rng.randrange(len(b))]
    if len(b) > 10 and rng.random() < 0.2:  # a moved block
        i = rng.randrange(len(b) - 5)
        block = b[i:i + 5]
        del b[i:i + 5]
        b[rng.randrange(len(b) + 1):0] = block
    return "".join(a), "".join(b)


@pytest.mark.parametrize("semantic", [False, True])
def test_runs_are_those_of_the_python_implementation(semantic):
    rng = random.Random(1859)
    for _ in range(300):
        a, b = _edited(rng, rng.choice([2, 3, 8, 50, 2000]), rng.choice([0, 1, 3, 12, 60, 250]))
        assert diff_module._fast_opcodes(a, b, semantic=semantic) == \
            diff_module._python_opcodes(a, b, semantic=semantic)


def test_strings_beyond_the_accelerators_range_take_the_python_path(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("the accelerator was used")

    monkeypatch.setattr(diff_module, "_fast_opcodes", refuse)
    a, b = "\U0001f600ab", "\U0001f600ac"
    assert diff_module.opcodes(a, b, semantic=True) == diff_module._python_opcodes(a, b, semantic=True)


def _without_accelerator(monkeypatch, paths):
    with monkeypatch.context() as m:
        m.setattr(diff_module, "_fast_dmp", None)
        return load_case(paths).compare()


@pytest.mark.parametrize("case", ["seed_paths", "darwin_paths", "energy_paths"])
def test_comparisons_are_the_same_with_and_without_it(case, request, monkeypatch):
    paths = request.getfixturevalue(case)
    fast = load_case(paths).compare()
    slow = _without_accelerator(monkeypatch, paths)
    assert fast.differences == slow.differences
    assert fast.alignments == slow.alignments
    assert fast.findings == slow.findings
