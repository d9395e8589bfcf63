"""Whether a pane's text needs the font's shaping to be read, or may be laid out without it.

Without shaping (``QFont.PreferNoShaping``) Qt skips the font's optional rules, kerning pairs and ligatures, for
scripts that read without them. A pane then lays its text out in about half the time (10 × 100 KB in narrow
panes: 0.31–0.50 → 0.18–0.24 s of the window's time), and no ligature joins two letters a difference may part.
Qt is meant to shape the scripts that need it regardless, but a line mixing Latin and Arabic came out with its
Arabic letters unjoined and out of order; so only a text whose every character is in the Latin, Greek, Cyrillic
and Armenian blocks (combining accents included) or among the common punctuation and symbols goes without. Any
other character (Hebrew, Arabic, the Indic scripts, Thai, CJK, emoji, bidirectional and joining controls) keeps
the whole text shaped.
"""

from __future__ import annotations

import re

# Characters laid out alike with and without shaping: up to Armenian (U+058F), the phonetic extensions, Latin
# Extended Additional and Greek Extended, and punctuation and symbols (U+2000–U+2BFF) but for the joining and
# bidirectional controls (U+200C–U+200F, U+202A–U+202E, U+2066–U+2069).
_NEEDS_SHAPING = re.compile(r"[^\u0000-\u058f\u1d00-\u200b\u2010-\u2029\u202f-\u2065\u206a-\u2bff]")


def needs_shaping(text: str) -> bool:
    """Whether ``text`` holds a character that may not read right without the font's shaping."""
    return _NEEDS_SHAPING.search(text) is not None
