"""How a file's name is shown: characters that are invisible or that reorder text shown as code points.

A file name can hold a right-to-left override (U+202E), which makes "report\u202etxt.exe" read as
"reportexe.txt", or other format and control characters that hide or move part of the name. Shown as
⟨U+202E⟩, they can neither hide nor reverse anything.
"""

from __future__ import annotations

import unicodedata

# Joiners that Persian, Indic scripts and emoji need inside words; harmless in a label.
_KEPT = frozenset("\u200c\u200d")
_HIDDEN_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def visible_label(name: str) -> str:
    """``name`` with its control, format (bidi) and unassigned characters shown as ⟨U+XXXX⟩."""
    return "".join(f"⟨U+{ord(ch):04X}⟩" if unicodedata.category(ch) in _HIDDEN_CATEGORIES and ch not in _KEPT
                   else ch for ch in name)
