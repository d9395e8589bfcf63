"""The report as ``variorum.report/1`` JSON: the only place the typed model becomes plain data."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import fields, is_dataclass
from functools import cache
from typing import Any, TextIO

from variorum.core.report.made_on_read import LIST_TYPES
from variorum.core.report.model import Report

_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # the C encoder, one line
# A list of more items than this is written an item at a time, so that a large report is never held as one string.
_STREAMED_ITEMS = 64
_WRITTEN_CHARS = 1 << 16


def plain(value: Any) -> Any:
    """Dataclasses as objects (keys in field order; an inline field's keys spliced in where it stands), tuples
    as lists, mappings as objects; everything else as it is."""
    return _PLAIN(value)


_SCALARS: frozenset[type] = frozenset((int, float, bool, type(None)))  # already plain, as strings are


class _Plain:
    """:func:`plain`, noting on the way whether it met a string longer than ``limit`` (in ``long``): the one
    pass over a report's many thousands of values that both converts them and finds the texts to write a slice
    at a time."""

    def __init__(self, limit: int = sys.maxsize) -> None:
        self.limit = limit
        self.long = False
        self._converters: dict[type, Callable[[Any], Any]] = {}  # worked out once per type

    def __call__(self, value: Any) -> Any:
        kind = type(value)
        if kind is str:
            if len(value) > self.limit:
                self.long = True
            return value
        if kind in _SCALARS:
            return value
        convert = self._converters.get(kind)
        if convert is None:
            convert = self._converters[kind] = self._converter(kind)
        return convert(value)

    def _converter(self, cls: type) -> Callable[[Any], Any]:
        """How values of one type become plain data; values already plain are kept without a call."""
        convert, limit, scalars = self, self.limit, _SCALARS
        if is_dataclass(cls):
            names = _fields(cls)

            def as_object(value: Any) -> dict[str, Any]:
                out: dict[str, Any] = {}
                for name, inline in names:
                    item = getattr(value, name)
                    if inline:
                        out.update(convert(item) if is_dataclass(item) else ((k, convert(v)) for k, v in item))
                    elif (kind := type(item)) in scalars or (kind is str and len(item) <= limit):
                        out[name] = item
                    else:
                        out[name] = convert(item)
                return out

            return as_object
        if issubclass(cls, Mapping):
            return lambda value: {k: v if (kind := type(v)) in scalars or (kind is str and len(v) <= limit)
                                  else convert(v) for k, v in value.items()}
        if issubclass(cls, LIST_TYPES):
            return lambda value: [v if (kind := type(v)) in scalars or (kind is str and len(v) <= limit)
                                  else convert(v) for v in value]
        if issubclass(cls, str):
            return lambda value: convert(str(value))
        return lambda value: value


_PLAIN = _Plain()


@cache
def _fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """A dataclass's field names in order, each with whether it is inline, then the names of the values it makes
    when read (its ``derived`` attribute)."""
    return (*((f.name, bool(f.metadata.get("inline"))) for f in fields(cls)),
            *((name, False) for name in getattr(cls, "derived", ())))


def report_data(report: Report) -> dict[str, Any]:
    """The report as the plain JSON object the ``variorum.report/1`` schema describes."""
    return plain(report)


def json_pieces(report: Report) -> Iterator[str]:
    """The compact JSON of the report, one piece at a time (their concatenation is ``render_json(report)``
    without its final line break): long lists go an item at a time, and long texts (a finding quoting a passage
    of megabytes) a slice at a time."""
    watch = _Plain(_WRITTEN_CHARS)
    sep = "{"
    for name, inline in _fields(Report):
        value = getattr(report, name)
        watch.long = False
        if inline:  # never at the top level today; kept general
            pairs = watch(value).items() if is_dataclass(value) else ((k, watch(v)) for k, v in value)
            for key, item in pairs:
                yield f"{sep}{_compact(key)}:"
                yield from _encoded(item)
                sep = ","
            continue
        if not isinstance(value, LIST_TYPES) or len(value) <= _STREAMED_ITEMS:
            yield f"{sep}{_compact(name)}:"
            yield from _watched(watch, watch(value))
        else:
            yield f"{sep}{_compact(name)}:["
            for start in range(0, len(value), _STREAMED_ITEMS):
                watch.long = False
                items = [watch(item) for item in value[start:start + _STREAMED_ITEMS]]
                if start:
                    yield ","
                if watch.long:
                    for n, item in enumerate(items):
                        yield from _encoded(item, "," if n else "")
                else:
                    yield _compact(items)[1:-1]
            yield "]"
        sep = ","
    yield "}" if sep == "," else "{}"


def _watched(watch: _Plain, data: Any) -> Iterator[str]:
    """``data`` just made plain by ``watch``: in one piece unless it met a long text."""
    if watch.long:
        yield from _encoded(data)
    else:
        yield _compact(data)


def _holds_long_text(data: Any) -> bool:
    """Whether plain ``data`` holds a string longer than a slice that is written at once (read without a call per
    value: a report's items hold many thousands of them)."""
    waiting = [data]
    while waiting:
        item = waiting.pop()
        if isinstance(item, str):
            if len(item) > _WRITTEN_CHARS:
                return True
        elif isinstance(item, dict):
            waiting.extend(item.values())
        elif isinstance(item, list):
            waiting.extend(item)
    return False


def _encoded(data: Any, lead: str = "") -> Iterator[str]:
    """The compact JSON of plain ``data`` after ``lead``: in one piece, unless it holds a long text, which then
    goes a slice at a time (JSON escapes each character on its own, so the slices' escapes make the whole's)."""
    if not _holds_long_text(data):
        yield lead + _compact(data)
    elif isinstance(data, str):
        yield lead + '"'
        for at in range(0, len(data), _WRITTEN_CHARS):
            yield _compact(data[at:at + _WRITTEN_CHARS])[1:-1]
        yield '"'
    elif isinstance(data, dict):
        sep = lead + "{"
        for key, item in data.items():
            yield from _encoded(item, f"{sep}{_compact({key: 0})[1:-3]}:")  # the key as JSON writes one
            sep = ","
        yield "}"
    else:
        yield lead + "["
        for n, item in enumerate(data):
            yield from _encoded(item, "," if n else "")
        yield "]"


def write_json(report: Report, out: TextIO) -> None:
    """Write the compact JSON report (and a line break) to ``out`` as it is encoded."""
    for piece in json_pieces(report):
        out.write(piece)
    out.write("\n")


def render_json(report: Report, pretty: bool = False) -> str:
    """One line, through the json module's C encoder (a megabyte report is written in a fraction of the time of
    the indented one); ``pretty``: indented by two spaces, for reading."""
    if pretty:
        return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"
    return "".join(json_pieces(report)) + "\n"
