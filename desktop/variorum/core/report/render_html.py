"""Self-contained HTML report: inline CSS, no script, strict CSP; every piece of input text is escaped."""

from __future__ import annotations

from typing import Any

import jinja2

from variorum.assets import files


def _environment() -> jinja2.Environment:
    template_dir = files() / "templates"
    loader = jinja2.FunctionLoader(lambda name: (template_dir / name).read_text(encoding="utf-8"))
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)


def render_html(report: dict[str, Any]) -> str:
    labels = {v["id"]: v["label"] for v in report["versions"]}
    return _environment().get_template("report.html.j2").render(report=report, labels=labels)
