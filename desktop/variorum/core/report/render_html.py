"""Self-contained HTML report: inline CSS, no script, a strict Content-Security-Policy; every piece of input text
is escaped by Jinja's autoescape, so an article containing markup cannot run code in the report."""

from __future__ import annotations

import base64
import hashlib

from variorum.assets import files
from variorum.core.report.model import Report
from variorum.core.report.presentation import environment, view


def stylesheet() -> str:
    return (files() / "templates" / "report.css").read_text(encoding="utf-8")


def render_html(report: Report) -> str:
    css = stylesheet()
    # The CSP allows exactly this stylesheet (by its hash): no other style, script, image, font or request.
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return environment().get_template("report.html.j2").render(
        report=report, css=css, style_hash=f"sha256-{digest}", **view(report))
