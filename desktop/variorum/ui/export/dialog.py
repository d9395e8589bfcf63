"""File → Export…: save the comparison as a report in HTML, PDF, Markdown, JSON or CSV."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

import variorum.report_pdf  # noqa: F401  (registers the PDF renderer with render())
from variorum import logs
from variorum.core.atomic import atomic_write_bytes
from variorum.core.model import Comparison
from variorum.core.output_guard import output_problem
from variorum.core.report import build_report, render
from variorum.ui import settings

# (format, file-dialog filter, suffix), in the order the dialog lists them.
EXPORT_FORMATS: tuple[tuple[str, str, str], ...] = (
    ("html", "HTML report (*.html *.htm)", ".html"),
    ("pdf", "PDF document (*.pdf)", ".pdf"),
    ("md", "Markdown (*.md *.markdown)", ".md"),
    ("json", "JSON, variorum.report/1 (*.json)", ".json"),
    ("csv", "CSV, one row per finding (*.csv)", ".csv"),
    ("tei", "TEI P5 parallel segmentation of the variation places (*.xml)", ".xml"),
)
log = logging.getLogger(__name__)
# a file name's suffix -> the format it names: the suffixes each filter lists
_BY_SUFFIX = {suffix: fmt for fmt, file_filter, _ in EXPORT_FORMATS for suffix in re.findall(r"\*(\.\w+)", file_filter)}


def report_bytes(comparison: Comparison, notes: Sequence[Mapping[str, Any]], fmt: str, *,
                 show_cosmetic: bool | None = None) -> bytes:
    """The comparison (with the case's notes) as a report file in ``fmt``. Nothing here reads the input files
    again: what the report says about them was recorded when they were loaded."""
    return render(build_report(comparison, notes=notes, show_cosmetic=show_cosmetic), fmt)


def default_file_name(comparison: Comparison, suffix: str = ".html") -> str:
    base = comparison.base_version
    stem = Path(base.label).stem if base is not None else "comparison"
    stem = re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", "_", stem).strip(" .") or "comparison"
    return f"{stem}-report{suffix}"


def _default_directory(comparison: Comparison) -> Path:
    last = settings.get(settings.LAST_EXPORT_FOLDER)
    if last and Path(last).is_dir():
        return Path(last)
    base = comparison.base_version
    if base is not None and base.path and Path(base.path).parent.is_dir():
        return Path(base.path).parent
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


def chosen_format(path: Path, selected_filter: str) -> tuple[Path, str]:
    """The format the user meant: the file's own suffix when it names one, else the selected filter (whose
    suffix is then added)."""
    fmt = _BY_SUFFIX.get(path.suffix.lower())
    if fmt:
        return path, fmt
    for name, file_filter, suffix in EXPORT_FORMATS:
        if file_filter == selected_filter:
            return path.with_name(path.name + suffix), name
    return path.with_name(path.name + ".html"), "html"


def export_comparison(parent: QWidget | None, comparison: Comparison, notes: list[dict], *,
                      show_cosmetic: bool | None = None) -> Path | None:
    """Ask where to save, then write the report there atomically. Returns the path written, or None when the
    user cancelled or the report could not be written (the user has been told why).

    ``show_cosmetic`` lists cosmetic differences in full (default: as the comparison's options say); pass the
    window's "hide cosmetic differences" state so the report shows what the user sees."""
    filters = ";;".join(f for _, f, _ in EXPORT_FORMATS)
    start = _default_directory(comparison) / default_file_name(comparison)
    name, selected = QFileDialog.getSaveFileName(parent, "Export report", str(start), filters, EXPORT_FORMATS[0][1])
    if not name:
        return None
    path, fmt = chosen_format(Path(name), selected)
    refused = output_problem(path, [v.path for v in comparison.versions if v.path], overwrite=True)
    if refused:  # the dialog asked about replacing a file, but evidence and special files are never replaced
        QMessageBox.critical(parent, "Export refused", f"Nothing was written: {refused}.")
        return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        data = report_bytes(comparison, notes, fmt, show_cosmetic=show_cosmetic)
        atomic_write_bytes(path, data)
    except OSError as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.critical(parent, "Export failed",
                             f"The report could not be saved to\n{path}\n\n{exc.strerror or exc}\n\n"
                             "Nothing was written; choose another folder and try again.")
        return None
    except Exception as exc:  # a report must never take the window down with it
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.critical(parent, "Export failed",
                             f"The {fmt.upper()} report could not be made:\n{logs.log_bug(log, 'Export failed', exc)}"
                             "\n\n"
                             "Nothing was written.")
        return None
    QGuiApplication.restoreOverrideCursor()
    settings.put(settings.LAST_EXPORT_FOLDER, str(path.parent.absolute()))
    return path
