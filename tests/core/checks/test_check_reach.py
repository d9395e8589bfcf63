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
        out.append(str(1000 + n) if n % 97 == 50 else rng.choice(WORDS))
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
