"""One entry point for every report format: ``render(report, fmt) -> bytes``.

The text formats live here in core. The PDF is drawn by Qt, which core never imports: the module that draws it
(``variorum.report_pdf``) registers itself with :func:`register` when it is imported, and whoever wants a PDF
(the CLI when asked for one, the app always) imports that module first.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from variorum.core.report.made_on_read import held
from variorum.core.report.model import Report
from variorum.core.report_formats import FORMATS

Renderer = Callable[[Report], bytes]
__all__ = ["FORMATS", "RendererUnavailable", "UnknownFormat", "register", "render"]



class UnknownFormat(ValueError):
    """A report format Variorum does not write."""


class RendererUnavailable(RuntimeError):
    """A known format whose renderer has not been registered (the PDF renderer, before it is imported)."""


def _utf8(render_text: Callable[[Report], str]) -> Renderer:
    return lambda report: render_text(report).encode("utf-8")


# The text formats' renderers, imported when first asked for: a JSON report never loads the HTML templates.
_TEXT_RENDERERS = {
    "json": ("variorum.core.report.render_json", "render_json"),
    "md": ("variorum.core.report.render_markdown", "render_markdown"),
    "html": ("variorum.core.report.render_html", "render_html"),
    "csv": ("variorum.core.report.render_csv", "render_csv"),
    "tei": ("variorum.core.report.render_tei", "render_tei"),
}
_renderers: dict[str, Renderer] = {}


def _known(fmt: str) -> str:
    if fmt not in FORMATS:
        raise UnknownFormat(f"unknown report format {fmt!r} (known: {', '.join(FORMATS)})")
    return fmt


def register(fmt: str, renderer: Renderer) -> None:
    """Make ``renderer`` the one that writes ``fmt`` (one of :data:`FORMATS`)."""
    _renderers[_known(fmt)] = renderer


def render(report: Report, fmt: str, *, pretty: bool = False) -> bytes:
    """The report as the bytes of a file in ``fmt``: json, md, html, pdf, csv or tei (text formats in
    UTF-8);
    ``pretty`` indents the JSON (compact, on one line, by default)."""
    if pretty and _known(fmt) == "json":
        from variorum.core.report.render_json import render_json

        return render_json(report, pretty=True).encode("utf-8")
    renderer = _renderers.get(_known(fmt))
    if renderer is None and fmt in _TEXT_RENDERERS:
        module, name = _TEXT_RENDERERS[fmt]
        renderer = _renderers[fmt] = _utf8(getattr(importlib.import_module(module), name))
    if renderer is None:
        raise RendererUnavailable(f"no renderer for {fmt.upper()} reports is loaded")
    # JSON reads each list once, as it writes it; the other formats look items up (per version, per note)
    return renderer(report if fmt == "json" else held(report))
