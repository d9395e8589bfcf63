"""Whether a plain-text file is written in Markdown, by its content.

Copies of articles are often saved as ``.txt`` with their Markdown in them (``# Title``, ``**bold**``,
``[words](#)``); read as plain text, the markup shows and is compared as words. A text is Markdown when it uses at
least two different kinds of Markdown construct, or one kind several times, at line starts or around words the way
Markdown writes them; a lone ``#hashtag``, an asterisk or a pair of brackets is not enough.
"""

from __future__ import annotations

import re
from itertools import islice

# Each pattern starts with the character it needs, and looks back from there (``\*\*(?<![\w*]\*\*)`` is
# ``(?<![\w*])\*\*``): the regex engine then jumps from one such character to the next instead of trying the
# lookbehind at every position of the text.
_CONSTRUCTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("heading", re.compile(r"#(?<![^\n]#)#{0,5}[ \t]+\S")),
    ("strong", re.compile(r"\*\*(?<![\w*]\*\*)(?=\S)[^*\n]{1,200}(?<=\S)\*\*(?![\w*])"
                          r"|__(?<!\w__)(?=\S)[^_\n]{1,200}(?<=\S)__(?!\w)")),
    ("emphasis", re.compile(r"\*(?<![\w*]\*)(?=[^\s*])[^*\n]{1,200}(?<=[^\s*])\*(?![\w*])")),
    ("link", re.compile(r"\[(?<!!\[)[^\]\n]{1,300}\]\((?:#|[a-z][a-z0-9+.-]*:|/|\.)[^)\s]*\)", re.IGNORECASE)),
    ("autolink", re.compile(r"<(?:https?|mailto):[^>\s]+>", re.IGNORECASE)),
    ("image", re.compile(r"!\[[^\]\n]*\]\([^)\s]+\)")),
    ("fence", re.compile(r"```(?<![^\n]```)")),  # at a line's start (a "^" would be tried at every position)
    ("quote", re.compile(r">(?<![^\n]>)[ \t]+\S")),
)
# what every match of each kind holds: a text without it has none (found at C speed, without trying the pattern)
_LEADS = {"heading": ("#",), "strong": ("**", "__"), "emphasis": ("*",), "link": ("](",), "autolink": ("<",),
          "image": ("![",), "fence": ("```",), "quote": (">",)}
MIN_KINDS = 2
MIN_REPEATS = 3
SCAN_CHARS = 200_000
_COUNT_ALONE = frozenset(("heading", "strong", "link", "image"))


def looks_like_markdown(text: str) -> bool:
    """At least ``MIN_KINDS`` kinds of construct, or one of the kinds that count alone ``MIN_REPEATS`` times.

    Each kind is searched only as far as the answer needs (a Markdown copy of an article answers within its first
    lines), and only in a text holding the characters it needs (plain text often holds none)."""
    text = text[:SCAN_CHARS]
    kinds = 0
    for name, pattern in _CONSTRUCTS:
        if not any(lead in text for lead in _LEADS[name]):
            continue
        wanted = MIN_REPEATS if name in _COUNT_ALONE else 1
        found = sum(1 for _ in islice(pattern.finditer(text), wanted))
        if found >= wanted and name in _COUNT_ALONE:
            return True
        kinds += found > 0
        if kinds >= MIN_KINDS:
            return True
    return False
