"""How much text one version may hold: shared by the format loaders, which can refuse early, and the loading
front door, which checks every format's result."""

from __future__ import annotations

# the text one version may hold: a text of 9.9 million characters takes about 20 s and 180 MB to compare with a short
# one (a 20 MB text, before this limit, took five minutes and 1.6 GB)
MAX_TEXT_CHARS = 10_000_000
