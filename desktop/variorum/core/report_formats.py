"""The report formats ``render(report, fmt)`` writes, in a module importing nothing, so that
``variorum compare --help`` can list them without loading the engine (:mod:`variorum.core.report` re-exports
them)."""

from __future__ import annotations

FORMATS = ("json", "md", "html", "pdf", "csv", "tei")
BINARY_FORMATS = ("pdf",)  # written to a file only, never to standard output
