"""Qt-free core of Variorum: load, normalize, align, diff, check, store notes, build reports.

Nothing under this package may import PySide6; a test asserts it.
"""
