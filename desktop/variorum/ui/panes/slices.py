"""Long work done on the UI thread in short slices, so the window keeps taking keys and repainting meanwhile.

The work is a generator that yields between small steps (a block laid out, a pane filled); each event-loop turn
runs steps until a few milliseconds have passed, then lets the loop handle whatever came in before going on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer

SLICE_MS = 8.0  # the work done per event-loop turn: well below what a user notices as a stall


class SlicedWork(QObject):
    """Runs one generator at a time in slices; starting another drops the one running."""

    def __init__(self, parent: QObject | None = None, slice_ms: float | None = None) -> None:
        super().__init__(parent)
        self._slice = (SLICE_MS if slice_ms is None else slice_ms) / 1000
        self._work: Iterator[None] | None = None
        self._done: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run)

    def start(self, work: Iterator[None], done: Callable[[], None] | None = None) -> None:
        """Run ``work`` from the next event-loop turn on; ``done`` is called once it is through."""
        self._work, self._done = work, done
        self._timer.start()

    def cancel(self) -> None:
        self._work = self._done = None
        self._timer.stop()

    def active(self) -> bool:
        return self._work is not None

    def finish_now(self) -> None:
        """Do what is left at once (someone needs its result in this turn)."""
        while self._work is not None:
            self._step(float("inf"))

    def _run(self) -> None:
        self._step(time.perf_counter() + self._slice)
        if self._work is not None:
            self._timer.start()

    def _step(self, deadline: float) -> None:
        work = self._work
        if work is None:
            return
        try:
            while True:  # at least one step per turn, however short the slice
                next(work)
                if work is not self._work:  # a step started other work: that one runs from the next turn
                    return
                if time.perf_counter() >= deadline:
                    return
        except StopIteration:
            if work is self._work:
                done = self._done
                self._work = self._done = None
                if done is not None:
                    done()
