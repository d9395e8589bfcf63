"""A job's reports as a stream of small pickles, so that the window's process takes a comparison made in another
process in pieces of a few milliseconds each instead of one long unpickling (20–35 ms for 10 × 100 KB, during
which the window could neither repaint nor take a key).

One :class:`Encoder` (in the comparison's process) and one :class:`Decoder` (in the window's) per job share a
pickle memo: the large parts of a report (each version, each difference, each finding…) are pickled first, one
after another, and the report itself last, where every part already sent is a reference. Messages are cut at
about :data:`PIECE_BYTES`, or at :data:`PIECE_PARTS` parts (differences, places: many small objects), and the
window takes one per event-loop turn. Objects the window sent with the job (its versions) travel back as
references to its own objects, so a version compared again is the same object on both sides of the comparison, as
when the job ran on a thread of the window's process. No Qt here.
"""

from __future__ import annotations

import dataclasses
import io
import pickle
from collections.abc import Iterator, Sequence

PIECE_BYTES = 192 * 1024  # about 1 ms of unpickling a version's text
PIECE_PARTS = 128  # ... but 192 KB of differences, spans and places took 9-17 ms: 128 parts, 1-3 ms
_DEPTH = 3  # how far into a report its parts are sent ahead (case → comparison → differences → one difference)
_SMALL = (str, bytes, int, float, bool, type(None))
_PARTS, _REPORT = b"P", b"R"  # a message of parts only, or one that ends with a report


def _parts(obj: object, depth: int) -> Iterator[object]:
    """The objects inside ``obj`` down to ``depth`` levels, innermost first, then ``obj`` itself."""
    if depth > 0:
        children: Sequence[object] | object = ()
        if isinstance(obj, list | tuple):
            children = obj
        elif isinstance(obj, dict):
            children = obj.values()
        elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            children = [getattr(obj, f.name) for f in dataclasses.fields(obj)]
        elif hasattr(obj, "__dict__"):
            children = vars(obj).values()
        for child in children:  # type: ignore[union-attr]
            if not isinstance(child, _SMALL):
                yield from _parts(child, depth - 1)
    yield obj


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, known: Sequence[object]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._known = {id(obj): i for i, obj in enumerate(known)}
        self._keep = list(known)  # alive, so no other object takes one of their ids meanwhile

    def persistent_id(self, obj: object) -> int | None:
        return self._known.get(id(obj))


class Encoder:
    """Turns one job's reports into messages; ``known`` are the objects the window sent with the job."""

    def __init__(self, known: Sequence[object] = ()) -> None:
        self._buffer = io.BytesIO()
        self._pickler = _Pickler(self._buffer, known)

    def report(self, *report: object) -> list[bytes]:
        """The messages that carry ``report`` (a tuple: its kind, then what it holds)."""
        messages = []
        parts = 0
        for item in report:
            if isinstance(item, _SMALL):
                continue
            for part in _parts(item, _DEPTH):
                self._pickler.dump(part)
                parts += 1
                if self._buffer.tell() >= PIECE_BYTES or parts >= PIECE_PARTS:
                    messages.append(self._take(_PARTS))
                    parts = 0
        self._pickler.dump(report)
        messages.append(self._take(_REPORT))
        return messages

    def _take(self, kind: bytes) -> bytes:
        data = kind + self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return data


class _Feed:
    """The message being read, as the file the unpickler reads from."""

    def __init__(self) -> None:
        self.data = io.BytesIO()

    def read(self, n: int = -1) -> bytes:
        return self.data.read(n)

    def readline(self) -> bytes:
        return self.data.readline()

    def readinto(self, buffer) -> int:
        return self.data.readinto(buffer)


class _Unpickler(pickle.Unpickler):
    def __init__(self, feed: _Feed, known: Sequence[object]) -> None:
        super().__init__(feed)
        self._known = list(known)

    def persistent_load(self, pid: object) -> object:
        if not isinstance(pid, int) or not 0 <= pid < len(self._known):
            raise pickle.UnpicklingError(f"no object {pid!r} was sent with the job")
        return self._known[pid]


class Decoder:
    """Reads one job's messages in order; ``known`` are the objects sent with the job, as given to its encoder."""

    def __init__(self, known: Sequence[object] = ()) -> None:
        self._feed = _Feed()
        self._unpickler = _Unpickler(self._feed, known)

    def read(self, message: bytes) -> tuple | None:
        """Unpickle one message: the report it ends with, or None for a message of parts."""
        kind, size = message[:1], len(message)
        self._feed.data = io.BytesIO(message)
        self._feed.data.seek(1)
        last = None
        while self._feed.data.tell() < size:
            last = self._unpickler.load()
        return last if kind == _REPORT else None
