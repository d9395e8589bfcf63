"""The word diff stays bounded on texts of very different sizes: a long text against a short one is never handed
to diff-match-patch whole (its cost grows with the product of the two, and it would end at its time limit, where
the result depends on the machine's speed), and its memory stays a small multiple of the input."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from variorum.core import diff as diff_module
from variorum.core.diff import diff_versions

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "The council met on Monday to discuss the harbour plan and heard from residents of both towns. "


def test_a_long_text_against_a_short_one_is_replaced_without_matching_its_words(monkeypatch):
    asked: list[tuple[int, int]] = []
    real = diff_module.opcodes

    def spy(a: str, b: str, *, semantic: bool):
        asked.append((len(a), len(b)))
        return real(a, b, semantic=semantic)

    monkeypatch.setattr(diff_module, "opcodes", spy)
    long_text = SENTENCE * 40000  # one paragraph of 640,000 words
    short = [f"Residents of the {n}th ward spoke against the plan, and the council met again on Tuesday."
             for n in range(1, 26)]  # 25 paragraphs, 400 words
    result = diff_versions(long_text, "\n\n".join(short), version_id="v2", salt="s")
    assert asked and all(min(n, m) * abs(n - m) <= diff_module.WORD_DIFF_BUDGET for n, m in asked)
    assert [(d.kind, d.base.text == long_text.strip(), d.other.text) for d in result.differences] == [
        ("delete", True, ""), *(("insert", False, p) for p in short)]


_MEASURE = """
import resource, sys
from variorum.core.diff import diff_versions
long_text = open(sys.argv[1], encoding="utf-8").read()
short = open(sys.argv[2], encoding="utf-8").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
diff_versions(long_text, short, version_id="v2", salt="s")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


def test_a_5_mb_single_line_is_diffed_in_bounded_memory(tmp_path):
    words = SENTENCE.replace("harbour", "harbour “plan”").split()
    line = " ".join(words[i % len(words)] + ("" if i % 7 else str(i)) for i in range(5 * 1024 * 1024 // 6))
    big, small = tmp_path / "line.txt", tmp_path / "small.txt"
    big.write_text(line + "\n", encoding="utf-8")
    small.write_text((SENTENCE + "\n\n") * 80, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "desktop")}
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(big), str(small)], capture_output=True, text=True,
                         env=env, timeout=600, check=True)
    growth_kb = int(out.stdout.strip())
    assert growth_kb * 1024 <= 40 * big.stat().st_size, f"peak grew by {growth_kb // 1024} MB"


# What Python allocates while the texts are diffed, above what it held before (a forked child's getrusage peak
# starts at its parent's, the test run's, and would hide it)
_MEASURE_PREPARED = """
import sys, tracemalloc
from variorum.core.diff import diff_versions, prepare
base, other = (prepare(open(path, encoding="utf-8").read()) for path in sys.argv[1:3])
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
result = diff_versions(base, other, version_id="v2", salt="s")
print(tracemalloc.get_traced_memory()[1] - before, len(result.differences))
"""


def _paragraphs(count: int, words: int, seed: int) -> list[str]:
    vocabulary = SENTENCE.split()
    rng = random.Random(seed)
    return [" ".join(rng.choice(vocabulary) for _ in range(words)) for _ in range(count)]


@pytest.mark.parametrize("shape", ["inserted", "deleted", "against a short text"])
def test_many_paragraphs_one_side_lacks_are_diffed_without_holding_their_words(tmp_path, shape):
    """Thousands of paragraphs only one side has (a saved page against the article alone) are reported whole,
    a paragraph at a time: their words are counted and quoted, never all held at once."""
    short = _paragraphs(12, 80, 1)  # 960 words: against 240,000, past the word diff's budget
    page = short + _paragraphs(4000, 60, 2) if shape != "against a short text" else _paragraphs(4000, 60, 2)
    first, second = ("\n\n".join(short), "\n\n".join(page))
    if shape != "inserted":
        first, second = second, first
    (tmp_path / "base.txt").write_text(first, encoding="utf-8")
    (tmp_path / "other.txt").write_text(second, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "desktop")}
    out = subprocess.run([sys.executable, "-c", _MEASURE_PREPARED, str(tmp_path / "base.txt"),
                          str(tmp_path / "other.txt")], capture_output=True, text=True, env=env, timeout=600,
                         check=True)
    growth, differences = map(int, out.stdout.split())
    size = len("\n\n".join(page))
    assert differences >= 4000
    assert growth <= 6 * size, f"the diff took {growth / size:.1f} bytes per byte of text"


def test_a_passage_of_the_base_that_several_versions_lack_is_held_once():
    """Every version diffed against the base that lacks the same paragraphs quotes them with one string: a long
    passage missing from nine versions is not held nine times over by their differences."""
    from variorum.core.prepared import prepare

    kept = "The council met on Tuesday and voted for the budget."
    lost = [f"Paragraph {n} says what the others do not, in words of its own." for n in range(50)]
    base = prepare("\n\n".join([kept, *lost]) + "\n")
    quoted = []
    for n in range(3):
        result = diff_versions(base, prepare(f"{kept}\n\nA line of version {n}.\n"), version_id=f"v{n + 2}",
                               salt=str(n))
        quoted.append({(d.base.start, d.base.end): d.base.text for d in result.differences if d.base.text})
    assert quoted[0] and quoted[0].keys() == quoted[1].keys() == quoted[2].keys()
    for stretch, text in quoted[0].items():
        assert text == base.text[stretch[0]:stretch[1]]
        assert quoted[1][stretch] is text and quoted[2][stretch] is text
