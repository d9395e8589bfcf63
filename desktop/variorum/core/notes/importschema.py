"""What Variorum accepts as W3C Web Annotation JSON, as a JSON Schema, and the check that lists every fault.

A file is an ``AnnotationCollection`` (its items in ``first.items`` or ``items``), an ``AnnotationPage``, one
``Annotation`` or a plain list of annotations. Each annotation is checked on its own, so the report names every
invalid item (counted from 1) with the place inside it and the reason. Beyond the schema: timestamps must be
ISO-8601 dates and times, and no text may hold a lone UTF-16 surrogate (it is not text, and cannot be stored).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match

from variorum.core.notes.limits import MAX_BODY_CHARS
from variorum.core.notes.targets import ANCHOR_KINDS

_TEXT = {"type": "string", "maxLength": MAX_BODY_CHARS}
_NAME = {"type": "string", "maxLength": 2048}
_TYPES = {"anyOf": [_NAME, {"type": "array", "items": _NAME, "maxItems": 16}]}
_WHEN = {"type": "string", "format": "date-time"}
_OFFSET = {"type": "integer", "minimum": 0}

_PERSON = {"anyOf": [_NAME, {"type": "object", "properties": {
    "id": _NAME, "type": _TYPES, "name": _NAME, "nick": _NAME}}]}
_BODY = {"type": "object", "properties": {
    "type": _TYPES, "value": _TEXT, "purpose": _NAME, "format": _NAME, "language": _NAME}}
_SELECTOR = {"type": "object", "required": ["type"], "properties": {"type": _NAME}, "allOf": [
    {"if": {"properties": {"type": {"const": "TextQuoteSelector"}}},
     "then": {"required": ["exact"], "properties": {"exact": _TEXT, "prefix": _TEXT, "suffix": _TEXT}}},
    {"if": {"properties": {"type": {"const": "TextPositionSelector"}}},
     "then": {"required": ["start", "end"], "properties": {"start": _OFFSET, "end": _OFFSET}}},
]}
_TARGET_OBJECT = {"type": "object", "properties": {
    "id": _NAME, "source": _NAME, "type": _TYPES,
    "selector": {"anyOf": [_SELECTOR, {"type": "array", "items": _SELECTOR, "maxItems": 16}]}}}
_TARGET = {"anyOf": [_NAME, _TARGET_OBJECT]}
_QUOTE = {"type": "object", "required": ["exact", "sha256", "start", "end"], "properties": {
    "exact": _TEXT, "prefix": _TEXT, "suffix": _TEXT, "sha256": _NAME, "start": _OFFSET, "end": _OFFSET}}
_OWN_ANCHOR = {"type": "object", "required": ["kind"], "properties": {
    "kind": {"enum": list(ANCHOR_KINDS)},
    "ref": {"anyOf": [_NAME, {"type": "null"}]},
    "slot": {"anyOf": [_OFFSET, {"type": "null"}]},
    "quote": {"anyOf": [_QUOTE, {"type": "null"}]},
    "label": _NAME}}

ANNOTATION_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "One W3C Web Annotation as Variorum imports it",
    "type": "object",
    "properties": {
        "id": _NAME, "@id": _NAME, "type": _TYPES, "motivation": _TYPES,
        "created": _WHEN, "modified": _WHEN,
        "creator": {"anyOf": [_PERSON, {"type": "array", "items": _PERSON, "maxItems": 64}]},
        "body": {"anyOf": [_BODY, _NAME, {"type": "array", "items": {"anyOf": [_BODY, _NAME]}, "maxItems": 64}]},
        "bodyValue": _TEXT,
        "target": {"anyOf": [_TARGET, {"type": "array", "items": _TARGET, "minItems": 1, "maxItems": 64}]},
        "variorum:anchor": _OWN_ANCHOR,
    },
}

_ITEMS = {"type": "array"}  # how many: checked on its own, to say so plainly
CONTAINER_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "A file of Web Annotations: a collection, a page, one annotation or a list",
    "anyOf": [
        _ITEMS,
        {"type": "object", "required": ["type"], "properties": {"type": _TYPES, "items": _ITEMS,
                                                                  "first": {"type": "object",
                                                                            "properties": {"items": _ITEMS}}}},
    ],
}

_formats = FormatChecker(formats=())


def iso_utc(value: str) -> str:
    """An ISO-8601 date and time as the store writes times (UTC, milliseconds, ``Z``), so they compare as text;
    ValueError if ``value`` is not one (a time without a zone is taken as UTC)."""
    if len(value) < 10 or not value[:4].isdigit():
        raise ValueError("not an ISO-8601 date and time")
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    except OverflowError as exc:
        raise ValueError("out of range") from exc


@_formats.checks("date-time", raises=ValueError)
def _is_iso_datetime(value: object) -> bool:
    if isinstance(value, str):  # other types are reported by "type"
        iso_utc(value)
    return True


_ANNOTATION = Draft202012Validator(ANNOTATION_SCHEMA, format_checker=_formats)
_CONTAINER = Draft202012Validator(CONTAINER_SCHEMA)

_JSON_TYPES = {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number",
               float: "a number", type(None): "null"}


def _kind(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _where(error: ValidationError) -> str:
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path).lstrip(".")
    return path or "the annotation"


def _reason(error: ValidationError) -> str:
    """A short reason that never quotes the (possibly huge or hostile) value itself."""
    v, expected = error.validator, error.validator_value
    if v == "maxLength":
        return f"text longer than {expected:,} characters"
    if v == "maxItems":
        return f"more than {expected:,} entries"
    if v == "minItems":
        return "an empty list"
    if v == "format":
        return "not an ISO-8601 date and time (e.g. 2026-11-23T07:04:05Z)"
    if v == "required":
        return error.message.split(" is a ")[0].replace("'", "") + " is missing"
    if v == "enum" and isinstance(expected, list | tuple):  # a schema enum is a list
        return f"must be one of {', '.join(map(str, expected))}"
    if v == "minimum":
        return f"must be at least {expected}"
    if v == "type":
        return f"expected {' or '.join(expected) if isinstance(expected, list) else expected}, found " \
               f"{_kind(error.instance)}"
    if v == "anyOf":
        return f"{_kind(error.instance)} is not allowed here"
    return error.message[:200]


def describe(error: ValidationError) -> str:
    return f"{_where(error)}: {_reason(error)}"


def _lone_surrogate(value: Any, path: str = "") -> str | None:
    """The place of the first text (or key) holding a lone surrogate, if any; iterative, any depth."""
    stack: list[tuple[Any, str]] = [(value, path)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                return where or "the annotation"
        elif isinstance(node, dict):
            for key, item in node.items():
                stack.append((key, where))
                stack.append((item, f"{where}.{key}" if where else str(key)))
        elif isinstance(node, list):
            stack.extend((item, f"{where}[{n}]") for n, item in enumerate(node))
    return None


def container_problem(data: Any) -> str | None:
    """Why ``data`` cannot be a file of annotations at all, or None."""
    error = best_match(_CONTAINER.iter_errors(data))
    if error is None:
        return None
    if not error.absolute_path:
        return f"expected an object or a list, found {_kind(data)}" if not isinstance(data, dict | list) \
            else "the file has no \"type\""
    return describe(error)


def annotation_problem(item: Any) -> str | None:
    """Why one annotation is refused, or None if Variorum can import it."""
    if not isinstance(item, dict):
        return "not an annotation"
    error = best_match(_ANNOTATION.iter_errors(item))
    if error is not None:
        return describe(error)
    bad = _lone_surrogate(item)
    if bad is not None:
        return f"{bad}: holds a broken character (a lone UTF-16 surrogate)"
    return None


def annotation_errors(items: list[Any]) -> Iterator[str]:
    """``item N: place: reason`` for every refused annotation (N counts from 1)."""
    for n, item in enumerate(items, start=1):
        problem = annotation_problem(item)
        if problem is not None:
            yield f"item {n}: {problem}"
