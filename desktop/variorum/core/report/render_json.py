"""The report as ``variorum.report/1`` JSON: the only place the typed model becomes plain data."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from functools import cache
from typing import Any

from variorum.core.report.model import Report


def plain(value: Any) -> Any:
    """Dataclasses as objects (keys in field order; an inline field's keys spliced in where it stands), tuples
    as lists, mappings as objects; everything else as it is."""
    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for name, inline in _fields(type(value)):
            item = getattr(value, name)
            if inline:
                out.update(plain(item) if is_dataclass(item) else ((k, plain(v)) for k, v in item))
            else:
                out[name] = plain(item)
        return out
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


@cache
def _fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """A dataclass's field names in order, each with whether it is inline (looked up once per class: a report
    holds many thousands of small objects)."""
    return tuple((f.name, bool(f.metadata.get("inline"))) for f in fields(cls))


def report_data(report: Report) -> dict[str, Any]:
    """The report as the plain JSON object the ``variorum.report/1`` schema describes."""
    return plain(report)


def render_json(report: Report, pretty: bool = False) -> str:
    """One line, through the json module's C encoder (a megabyte report is written in a fraction of the time of
    the indented one); ``pretty``: indented by two spaces, for reading."""
    if pretty:
        return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"
    return json.dumps(report_data(report), ensure_ascii=False, separators=(",", ":")) + "\n"
