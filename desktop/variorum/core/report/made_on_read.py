"""A report's long lists, made an item at a time as they are read.

A comparison of a page of 20,000 paragraphs with two short texts lists 40,000 differences and 20,000 variation
places: built whole, their report items (each with its quoted context) held some 30 MB beside the comparison they
come from. The JSON writer reads them a few dozen at a time, so each item is made when it is read and dropped
once written. A renderer that reads a list more than once (per version, per note) asks for :func:`held` first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Generic, TypeVar, overload

if TYPE_CHECKING:
    from variorum.core.report.model import Report

S = TypeVar("S")
T = TypeVar("T")


class MadeOnRead(Sequence[T], Generic[S, T]):
    """``tuple(make(s) for s in sources)``, without holding the items: each is made when read, again each time.
    Equal to any sequence of equal items (a tuple included), as the tuple it stands for is."""

    __slots__ = ("_make", "_sources")

    def __init__(self, sources: Sequence[S], make: Callable[[S], T]) -> None:
        self._sources = sources
        self._make = make

    def __len__(self) -> int:
        return len(self._sources)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            return tuple(map(self._make, self._sources[index]))
        return self._make(self._sources[index])

    def __iter__(self) -> Iterator[T]:
        return map(self._make, self._sources)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    # equal to a tuple, so it cannot hash as an object does
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"MadeOnRead({len(self)} items)"


def held(report: Report) -> Report:
    """``report`` with its long lists made once and kept, for a renderer that reads them more than once."""
    if not isinstance(report.differences, MadeOnRead) and not isinstance(report.variants, MadeOnRead):
        return report
    return replace(report, differences=tuple(report.differences), variants=tuple(report.variants))


# what the JSON writer writes as a list
LIST_TYPES = (tuple, list, MadeOnRead)
