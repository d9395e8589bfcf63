"""Texts too large to highlight inline without freezing the window, and the notice a pane shows for them.

Qt lays out and paints a text block (a line) as one piece; highlighting a line of several megabytes, or a very
large text, holds the window for seconds at every repaint. Above these thresholds a pane shows the text without
inline highlighting and says so (as Meld does); the differences stay listed in the findings and navigable.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

MAX_HIGHLIGHTED_LINE_CHARS = 200_000  # one line (paragraph) longer than this is not highlighted
MAX_HIGHLIGHTED_CHARS = 5_000_000  # nor is a text longer than this
NOT_HIGHLIGHTED = ("This text is too large to highlight inline (a line of more than 200,000 characters, or more "
                   "than 5 million characters in all); it is shown without highlights. The differences are "
                   "still listed in the findings.")


def too_large_to_highlight(text: str) -> bool:
    """Whether highlighting ``text`` inline would freeze the window."""
    if len(text) > MAX_HIGHLIGHTED_CHARS:
        return True
    if len(text) <= MAX_HIGHLIGHTED_LINE_CHARS:
        return False
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > MAX_HIGHLIGHTED_LINE_CHARS:
            return True
        start = end + 1
    return False


def notice(parent: QWidget) -> QLabel:
    """The (hidden) notice a pane shows above a text it does not highlight."""
    label = QLabel(NOT_HIGHLIGHTED, parent)
    label.setWordWrap(True)
    label.setContentsMargins(8, 2, 8, 4)
    label.setAccessibleName("Highlighting skipped")
    label.hide()
    return label
