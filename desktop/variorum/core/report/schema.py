"""The JSON Schema of ``variorum.report/1`` (shipped in ``resources/schema``) and a validator for it."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from variorum.assets import files
from variorum.core.report.model import Report
from variorum.core.report.render_json import report_data

SCHEMA_FILE = "variorum.report-1.schema.json"


@cache
def report_schema() -> dict[str, Any]:
    return json.loads((files() / "schema" / SCHEMA_FILE).read_text(encoding="utf-8"))


def validation_errors(report: Any) -> list[str]:
    """Every way ``report`` (a :class:`Report`, or JSON data) breaks the schema, as ``path: message`` lines; empty
    when it is valid."""
    from jsonschema import Draft202012Validator

    if isinstance(report, Report):
        report = report_data(report)

    validator = Draft202012Validator(report_schema())
    errors = sorted(validator.iter_errors(report), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]
