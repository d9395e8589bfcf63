"""How much the notes store takes in at once. The README's notes section and ``variorum notes --help`` state these."""

from __future__ import annotations

MAX_BODY_CHARS = 100_000  # one note's text
MAX_IMPORT_BYTES = 20 * 1024 * 1024  # one Web Annotation file
MAX_IMPORT_ANNOTATIONS = 10_000  # annotations in one import
MAX_IMPORT_DEPTH = 32  # nesting of arrays and objects in an imported file (a real annotation needs about 8)


def limits_text() -> str:
    """One sentence naming the limits, for help texts and messages."""
    return (f"A note holds at most {MAX_BODY_CHARS:,} characters; an import file at most "
            f"{MAX_IMPORT_BYTES // (1024 * 1024)} MB and {MAX_IMPORT_ANNOTATIONS:,} annotations.")
