"""Qt types made ready while the window is built, not in the middle of taking in the first comparison.

PySide6 creates a Qt class's Python type, with its enums, the first time a module attribute lookup or a call
needs it. Painting the overview strip for the first time needed ``QGradient`` (``QPainter.fillRect`` weighs its
gradient overloads), whose 169 gradient presets alone took 6–24 ms to create: a piece of the longest time the
window was held while a large case came in. Looked up here as the window is built, that cost moves to
start-up, before the window's long-lived objects are set aside from garbage collection
(:mod:`variorum.core.collection`).
"""

from __future__ import annotations


def prepare_types() -> tuple[type, ...]:
    """Create the Qt types that the first comparison shown would otherwise create while it is painted and laid
    out (importing a type creates it)."""
    from PySide6.QtCore import QMetaMethod
    from PySide6.QtGui import QGradient, QRegion, QTextLayout, QTextLine

    return QGradient, QMetaMethod, QRegion, QTextLayout, QTextLine
