"""What a background job reports, as signals carrying the job's token: emitted from the job's thread (queued to
the UI thread) or, for a job in the comparison's process, from the UI thread as its messages are taken in."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class JobSignals(QObject):
    progress = Signal(int, float, str)
    loaded = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)
