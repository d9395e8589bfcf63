"""The Qt binding must not corrupt reference counts: PySide6 6.12.0 dropped a reference to None on every call of
a method returning void, which crashes a long session on Python 3.11 ("deallocating None")."""

import sys

from PySide6.QtCore import QTimer


def test_void_calls_keep_the_reference_count_of_none(qapp):
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(2000):
        timer.setInterval(5)
    assert sys.getrefcount(None) - before > -100
