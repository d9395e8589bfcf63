"""How much text one version may hold: shared by the format loaders, which can refuse early, and the loading
front door, which checks every format's result."""

from __future__ import annotations

# the text one version may hold: comparing a text costs about 10 s and 80 MB of memory per million characters
MAX_TEXT_CHARS = 10_000_000
