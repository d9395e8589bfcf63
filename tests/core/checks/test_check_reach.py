"""What the checks read around each difference does not grow with the text: a figure changed on a line of
megabytes (a page extracted without paragraph breaks) is checked by reading the characters near it, not the
whole line once per difference. Measured by what the checks hand to their text scanners, never by the clock."""

from __future__ import annotations

import random

import pytest

from variorum.core.checks import context, numbers

ARTICLE = ("the council said residents of the northern towns were asked to leave before the river rose and the "
           "bridge closed while engineers checked its piers")
WORDS = ARTICLE.split(" ")
CHANGES = 12


def one_line(words: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out = []
    for n in range(words):
        # a handle now and then, as an embedded post names one: the signature search is made near each figure
        out.append(str(1000 + n) if n % 97 == 50 else "(@council)" if n % 61 == 7 else rng.choice(WORDS))
    return " ".join(out) + "."


def edited(text: str) -> str:
    figures = [w for w in text.split() if w.isdigit()]
    for old in figures[:: max(1, len(figures) // CHANGES)][:CHANGES]:
        text = text.replace(f" {old} ", f" {int(old) + 1} ", 1)
    return text


class Recorder:
    """Stands in for a compiled pattern and notes how many characters each search is given."""

    def __init__(self, pattern):
        self.pattern = pattern
        self.spans: list[int] = []

    def finditer(self, text, pos=0, endpos=None):
        endpos = len(text) if endpos is None else endpos
        self.spans.append(endpos - pos)
        return self.pattern.finditer(text, pos, endpos)


@pytest.fixture
def read_lengths(monkeypatch):
    """The lengths of every passage the context helpers normalize, and of every signature search."""
    normalized: list[int] = []
    real = context.normalize_text

    def counting(text: str) -> str:
        normalized.append(len(text))
        return real(text)

    monkeypatch.setattr(context, "normalize_text", counting)
    signature = Recorder(numbers.EMBED_SIGNATURE)
    monkeypatch.setattr(numbers, "EMBED_SIGNATURE", signature)
    return normalized, signature.spans


def test_figures_changed_on_one_long_line_are_checked_by_reading_only_around_them(compare_texts, read_lengths):
    base = one_line(60_000)  # about 400 KB, no line break
    comparison = compare_texts(base, edited(base))
    found = [f for f in comparison.findings if f.kind == "number-changed"]
    assert len(found) == CHANGES
    normalized, searched = read_lengths
    assert searched and max(searched) <= 2 * numbers.SIGNATURE_REACH + 10
    assert normalized and max(normalized) <= 2 * context.AROUND_CHARS + 10


@pytest.fixture
def matched_lengths(monkeypatch) -> list[tuple[int, int]]:
    """The lengths of every pair of passages handed to the character-by-character matcher."""
    from rapidfuzz import fuzz

    pairs: list[tuple[int, int]] = []
    real = fuzz.ratio

    def recording(a: str, b: str) -> float:
        pairs.append((len(a), len(b)))
        return real(a, b)

    monkeypatch.setattr(fuzz, "ratio", recording)
    return pairs


def test_a_change_of_megabytes_on_a_long_line_is_never_matched_character_by_character(matched_lengths):
    # a long line deleted but for its first words: matching it whole against what is left took some 230 MB and
    # seconds for a 5 MB line; the shorter side cannot make it alike
    long_line = one_line(200_000)
    base = "A first paragraph about the council.\n\n" + long_line
    other = "A first paragraph about the council.\n\n" + " ".join(long_line.split(" ")[:30]) + "."
    from variorum.core.compare import compare_versions
    from variorum.core.model import Version

    versions = [Version(id=f"v{n}", label=f"{n}.txt", path=None, sha256=str(n), format="text", encoding="utf-8",
                        text=text) for n, text in ((1, base), (2, other))]
    comparison = compare_versions(versions)
    assert any(len(d.base.text) > 1_000_000 for d in comparison.differences)
    assert all(max(pair) <= 2 * context.LONG_PARAGRAPH for pair in matched_lengths)


@pytest.mark.parametrize(("a", "b"), [
    ("word " * 5_000, "word " * 100),  # one side far shorter: cannot reach the threshold
    ("the river rose " * 1_500, "the river fell " * 1_400),  # both long and alike enough to compare
    ("", "x " * 30_000),
])
def test_long_passages_are_alike_exactly_when_matching_them_whole_says_so(a, b):
    from rapidfuzz import fuzz

    whole = fuzz.ratio(a, b)
    bounded = context._long_passages_similarity(a, b)
    assert (bounded >= context.ALIGNED_MIN_SIMILARITY) == (whole >= context.ALIGNED_MIN_SIMILARITY)
