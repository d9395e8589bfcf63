"""The report model (``variorum.report/1``) and its renderers (JSON, Markdown, HTML, CSV)."""

from variorum.core.report.model import SCHEMA, build_report

__all__ = ["SCHEMA", "build_report"]
