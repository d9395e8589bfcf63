"""Item models for the findings panel: the findings of a comparison, and the filter in front of them."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPalette

from variorum.core.citation import quoted
from variorum.core.model import SEVERITY_ORDER, Comparison, Finding
from variorum.ui.versions.model import display_name
from variorum.ui.widgets.badges import SEVERITY_ROLE, swatches_icon

COL_SEVERITY, COL_KIND, COL_VERSIONS, COL_MESSAGE, COL_STATUS = range(5)
HEADERS = ("Severity", "Kind", "Versions", "Message", "Status")

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1

SEVERITIES = ("high", "medium", "low", "info")
_STATUS_TEXT = {"open": "○ open", "confirmed": "✔ confirmed", "explained": "ℹ explained", "dismissed": "✘ dismissed"}

_Index = QModelIndex | QPersistentModelIndex


_ACRONYMS = {"url": "URL", "urls": "URLs", "pdf": "PDF", "html": "HTML", "id": "ID"}


def kind_text(kind: str) -> str:
    """``date-mismatch`` → ``Date mismatch``; ``url-date-mismatch`` → ``URL date mismatch``."""
    words = [_ACRONYMS.get(w, w) for w in kind.replace("_", "-").split("-") if w]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def status_text(status: str | None) -> str:
    return _STATUS_TEXT.get(status or "open", status or "open")


class FindingsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._labels: dict[str, str] = {}
        self._colours: dict[str, QColor] = {}
        self._statuses: dict[str, str] = {}
        self._palette = QPalette()
        self._kind_in_message = False
        self._status_in_message = False
        self._icons: dict[tuple[int, ...], QIcon] = {}

    def set_kind_in_message(self, on: bool) -> None:
        """Prefix each message with its kind, for when the kind column is hidden."""
        if on != self._kind_in_message:
            self._kind_in_message = on
            if self._findings:
                self.dataChanged.emit(self.index(0, COL_MESSAGE), self.index(len(self._findings) - 1, COL_MESSAGE))

    def set_status_in_message(self, on: bool) -> None:
        """Prefix the message of each finding that has a note with the note's status, for when the status column
        is hidden."""
        if on != self._status_in_message:
            self._status_in_message = on
            if self._findings:
                self.dataChanged.emit(self.index(0, COL_MESSAGE), self.index(len(self._findings) - 1, COL_MESSAGE))

    def set_findings(self, comparison: Comparison | None, colours: dict[str, QColor],
                     statuses: dict[str, str]) -> None:
        """The rows: ``comparison``'s findings (none for None), with the statuses of their notes."""
        self.beginResetModel()
        self._statuses = dict(statuses)
        # Most severe first; within a severity, the core's order (by position) is kept (the sort is stable).
        found = list(comparison.findings) if comparison else []
        self._findings = sorted(found, key=lambda f: SEVERITY_ORDER.get(f.severity, len(SEVERITY_ORDER)))
        self._labels = {v.id: display_name(v) for v in comparison.versions} if comparison else {}
        self._colours = dict(colours)
        self.endResetModel()

    def set_statuses(self, statuses: dict[str, str]) -> None:
        self._statuses = dict(statuses)
        if self._findings:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._findings) - 1, len(HEADERS) - 1))

    def set_palette(self, palette: QPalette) -> None:
        self._palette = QPalette(palette)

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def row_of(self, finding_id: str) -> int:
        for i, f in enumerate(self._findings):
            if f.id == finding_id:
                return i
        return -1

    def texts_of(self, column: int) -> set[str]:
        """The distinct texts of a column (kind or status), for its width."""
        if column == COL_KIND:
            return {kind_text(f.kind) for f in self._findings}
        if column == COL_STATUS:
            return {status_text(self.status_of(f)) for f in self._findings}
        raise ValueError(f"column {column} has no short texts")

    def status_of(self, finding: Finding) -> str:
        return self._statuses.get(finding.id, "open")

    def label(self, version_id: str) -> str:
        return self._labels.get(version_id, version_id)

    def search_text(self, row: int) -> str:
        f = self._findings[row]
        parts = [f.kind, kind_text(f.kind), f.severity, f.message, self.status_of(f)]
        parts += [self.label(v) for v in f.versions]
        parts += [e.text for e in f.evidence]
        return "\n".join(parts).casefold()

    def rowCount(self, parent: _Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._findings)

    def columnCount(self, parent: _Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        """What a cell shows. The view asks eight roles of every cell it paints, most of them answered by none:
        one look-up finds the role's answer (a chain of comparisons with Qt's enums for each of them made the
        table's paint a third slower)."""
        answer = _ANSWERS.get(role)
        if answer is None or not index.isValid():
            return None
        return answer(self, self._findings[index.row()], index.column())

    def _display(self, f: Finding, col: int) -> str | None:
        if col == COL_SEVERITY:
            return f.severity
        if col == COL_KIND:
            return kind_text(f.kind)
        if col == COL_VERSIONS:
            return ", ".join(f.versions)
        if col == COL_MESSAGE:
            text = f"{kind_text(f.kind)}: {f.message}" if self._kind_in_message else f.message
            if self._status_in_message and f.id in self._statuses:
                text = f"{status_text(self.status_of(f))} · {text}"
            return text
        if col == COL_STATUS:
            return status_text(self.status_of(f))
        return None

    def _decoration(self, f: Finding, col: int) -> QIcon | None:
        if col != COL_VERSIONS:
            return None
        colours = [self._colours[v] for v in f.versions if v in self._colours]
        key = tuple(c.rgba() for c in colours)
        if key not in self._icons:  # drawn once per set of versions, not on every repaint
            self._icons[key] = swatches_icon(colours)
        return self._icons[key]

    def _foreground(self, f: Finding, col: int) -> QColor | None:
        if self.status_of(f) == "dismissed" or (col == COL_STATUS and f.id not in self._statuses):
            return self._palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def _font(self, f: Finding, col: int) -> QFont | None:
        if col == COL_MESSAGE and self.status_of(f) == "dismissed":
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def _accessible(self, f: Finding, _col: int) -> str:
        return f"{f.severity} severity, {kind_text(f.kind)}: {f.message}. Status {self.status_of(f)}."

    def plain_text(self, f: Finding) -> str:
        lines = [f"{kind_text(f.kind)} ({f.severity} severity, {self.status_of(f)})", f.message]
        lines += [f"{self.label(e.version)}: {quoted(e.text)}" for e in f.evidence]
        return "\n".join(lines)

    def details_html(self, f: Finding, max_evidence: int = 6, max_chars: int | None = 300) -> str:
        """The finding in full, for the details area: kind, severity, status, message, quoted evidence (each
        quote cut at ``max_chars``; None: whole)."""
        esc = html.escape
        head = f"<b>{esc(kind_text(f.kind))}</b> · {esc(f.severity)} severity · {esc(self.status_of(f))}"
        lines = [head, esc(f.message)]
        for e in f.evidence[:max_evidence]:
            lines.append(f"<i>{esc(self.label(e.version))}</i>: {esc(quoted(e.text, max_chars))}")
        if len(f.evidence) > max_evidence:
            lines.append(f"… and {len(f.evidence) - max_evidence} more pieces of evidence")
        return "<br>".join(lines)

    def _tooltip(self, f: Finding) -> str:
        esc = html.escape
        lines = [f"<b>{esc(kind_text(f.kind))}</b> — {esc(f.severity)} severity", esc(f.message)]
        lines.append("Versions:<br>" + "<br>".join(f"&nbsp;&nbsp;{esc(self.label(v))}" for v in f.versions))
        if f.evidence:
            lines.append("<b>Evidence</b>")
            for e in f.evidence:
                lines.append(f"{esc(self.label(e.version))}: {esc(quoted(e.text, 160))}")
        lines.append(f"Status: {esc(self.status_of(f))}")
        return "<br>".join(lines)


_ANSWERS = {  # role -> what answers it, given the model, the finding and the column
    int(FINDING_ROLE): lambda _m, f, _c: f,
    int(SEVERITY_ROLE): lambda _m, f, _c: f.severity,
    int(Qt.ItemDataRole.ToolTipRole): lambda m, f, _c: m._tooltip(f),
    int(Qt.ItemDataRole.DisplayRole): FindingsModel._display,
    int(Qt.ItemDataRole.DecorationRole): FindingsModel._decoration,
    int(Qt.ItemDataRole.ForegroundRole): FindingsModel._foreground,
    int(Qt.ItemDataRole.FontRole): FindingsModel._font,
    int(Qt.ItemDataRole.AccessibleTextRole): FindingsModel._accessible,
}


class FindingsFilter(QSortFilterProxyModel):
    """Keeps the core's order; filters by severity, kind and free text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._severities: set[str] = set(SEVERITIES)
        self._hidden_kinds: set[str] = set()
        self._text = ""

    def set_severities(self, severities: set[str]) -> None:
        self._begin()
        self._severities = set(severities)
        self._end()

    def set_hidden_kinds(self, kinds: set[str]) -> None:
        self._begin()
        self._hidden_kinds = set(kinds)
        self._end()

    def set_text(self, text: str) -> None:
        self._begin()
        self._text = text.strip().casefold()
        self._end()

    # Qt 6.10 replaced invalidateRowsFilter() by a begin/end pair; use whichever this Qt has.
    _NEW_API = hasattr(QSortFilterProxyModel, "endFilterChange")

    def _begin(self) -> None:
        if self._NEW_API:
            self.beginFilterChange()

    def _end(self) -> None:
        if self._NEW_API:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model: FindingsModel = self.sourceModel()  # type: ignore[assignment]
        f = model.index(source_row, 0).data(FINDING_ROLE)
        if f is None:
            return False
        if f.severity not in self._severities and f.severity in SEVERITIES:
            return False
        if f.kind in self._hidden_kinds:
            return False
        haystack = model.search_text(source_row) if self._text else ""
        return all(word in haystack for word in self._text.split())
