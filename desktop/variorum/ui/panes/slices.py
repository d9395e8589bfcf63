"""Long work done on the UI thread in short slices, so the window keeps taking keys and repainting meanwhile.

The work is a generator that yields between small steps (a block laid out, a pane filled, a panel filled); each
event-loop turn runs steps until a few milliseconds have passed, then lets the loop handle whatever came in
before going on. Every piece of sliced work shares the same turns: one turn runs the steps of one of them (the
next in line each turn), so two of them never add their slices up into one longer stall.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import shiboken6
from PySide6.QtCore import QObject, QTimer

SLICE_MS = 8.0  # the work done per event-loop turn: well below what a user notices as a stall


class _Turns(QObject):
    """The event-loop turns the sliced work of the UI thread takes one after another."""

    def __init__(self) -> None:
        super().__init__()
        self._waiting: list[SlicedWork] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run)

    def want(self, work: SlicedWork) -> None:
        if work.first:
            self.drop(work)
            self._waiting.insert(0, work)
        elif work not in self._waiting:
            self._waiting.append(work)
        if not self._timer.isActive():
            self._timer.start()

    def drop(self, work: SlicedWork) -> None:
        if work in self._waiting:
            self._waiting.remove(work)

    def _run(self) -> None:
        while self._waiting:
            work = self._waiting.pop(0)
            if shiboken6.isValid(work):  # else its owner (a view, a panel) is gone, and the work with it
                work._step(time.perf_counter() + work.slice_s)
                if work.active() and work not in self._waiting:
                    self.want(work)  # the others take the next turns first, unless it goes first
                break
        if self._waiting:
            self._timer.start()


_turns: _Turns | None = None


def _shared_turns() -> _Turns:
    global _turns
    if _turns is None or not shiboken6.isValid(_turns):
        _turns = _Turns()
    return _turns


class SlicedWork(QObject):
    """Runs one generator at a time in slices; starting another drops the one running."""

    def __init__(self, parent: QObject | None = None, slice_ms: float | None = None) -> None:
        super().__init__(parent)
        self.slice_s = (SLICE_MS if slice_ms is None else slice_ms) / 1000
        self._work: Iterator[None] | None = None
        self._done: Callable[[], None] | None = None
        self.first = False  # each of its slices goes ahead of the work waiting

    def start(self, work: Iterator[None], done: Callable[[], None] | None = None, first: bool = False) -> None:
        """Run ``work`` from the next event-loop turn on; ``done`` is called once it is through. ``first``: each
        of its slices takes the next turn, before work already waiting (which must not go ahead of it)."""
        self._work, self._done, self.first = work, done, first
        _shared_turns().want(self)

    def cancel(self) -> None:
        self._work = self._done = None
        _shared_turns().drop(self)

    def active(self) -> bool:
        return self._work is not None

    def finish_now(self) -> None:
        """Do what is left at once (someone needs its result in this turn)."""
        while self._work is not None:
            self._step(float("inf"))

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
