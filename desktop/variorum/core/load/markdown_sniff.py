"""Whether a plain-text file is written in Markdown, by its content.

Copies of articles are often saved as ``.txt`` with their Markdown in them (``# Title``, ``**bold**``,
``[words](#)``); read as plain text, the markup shows and is compared as words. A text is Markdown when it uses at
least two different kinds of Markdown construct, or one kind several times, at line starts or around words the way
Markdown writes them; a lone ``#hashtag``, an asterisk or a pair of brackets is not enough.
"""

from __future__ import annotations

import re

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
MIN_KINDS = 2
MIN_REPEATS = 3
SCAN_CHARS = 200_000


def looks_like_markdown(text: str) -> bool:
    text = text[:SCAN_CHARS]
    counts = {name: len(pattern.findall(text)) for name, pattern in _CONSTRUCTS}
    kinds = [name for name, n in counts.items() if n]
    return len(kinds) >= MIN_KINDS or any(counts[k] >= MIN_REPEATS for k in ("heading", "strong", "link", "image"))
