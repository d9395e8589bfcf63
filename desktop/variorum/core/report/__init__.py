"""The report model (``variorum.report/1``), its builder, and the renderers behind ``render(report, fmt)``."""

from variorum.core.report.build import build_report
from variorum.core.report.model import SCHEMA, Report
from variorum.core.report.render import FORMATS, RendererUnavailable, UnknownFormat, render
from variorum.core.report.render_json import report_data

__all__ = ["FORMATS", "SCHEMA", "RendererUnavailable", "Report", "UnknownFormat", "build_report", "render",
           "report_data"]
