"""What each version says about itself, field by field, and where versions of the same article disagree.

Whether two values disagree is decided by the field's rule in :mod:`variorum.core.metadata.equality`, the rule
the checks use: a cell marked ≠ is a value the findings report, and a cosmetic difference is never marked.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from variorum.core.metadata.equality import agree
from variorum.core.model import Comparison, Link, Metadata, Version
from variorum.core.quick_dataclass import dataclass
from variorum.ui.palette import Role, diff_formats, is_dark
from variorum.ui.versions.model import display_name
from variorum.ui.widgets.badges import swatch_icon

MISSING = "—"
# shown where the version's format keeps no metadata (a plain text, an extracted article body): silence, not absence
NOT_STATED = "not stated"
DIFFERS = "≠"
COPY_ROLE = Qt.ItemDataRole.UserRole + 1  # the plain value to copy ("" when missing)
MARKED_ROLE = Qt.ItemDataRole.UserRole + 2  # True when the cell disagrees with the other versions

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Field:
    name: str
    title: str
    get: Callable[[Metadata], object]
    show: Callable[[object], str]
    same: Callable[[Any, Any], bool]  # the field's rule in core: the checks use the same one


def _show_links(links: object) -> str:
    n = len(links)  # type: ignore[arg-type]
    return f"{n} link" if n == 1 else f"{n} links"


def _links_tooltip(links: tuple[Link, ...]) -> str:
    lines = [f"{html.escape(ln.text or '(no text)')} → {html.escape(ln.url)}" for ln in links[:40]]
    if len(links) > 40:
        lines.append(f"… and {len(links) - 40} more")
    return "<br>".join(lines)


FIELDS: tuple[Field, ...] = (
    Field("title", "Title", lambda m: m.title, str, agree("title")),
    Field("published", "Published", lambda m: m.published, str, agree("published")),
    Field("modified", "Modified", lambda m: m.modified, str, agree("modified")),
    Field("byline", "Byline", lambda m: m.byline, str, agree("byline")),
    Field("credits", "Credits", lambda m: m.credits, lambda v: "; ".join(v), agree("credits")),  # type: ignore[arg-type]
    Field("url", "URL", lambda m: m.url, str, agree("url")),
    Field("links", "Links", lambda m: m.links, _show_links, agree("links")),
)


def _present(value: object) -> bool:
    return value is not None and value != "" and value != ()


class MetadataModel(QAbstractTableModel):
    """Rows are metadata fields, columns are versions; cells that disagree within the article are marked."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._versions: list[Version] = []
        self._colours: dict[str, QColor] = {}
        self._base: str | None = None
        self._group: set[str] = set()  # versions of the same article as the base (base included)
        self._relations: dict[str, str] = {}
        self._marked: set[tuple[int, int]] = set()
        self._reference: dict[int, tuple[str, object]] = {}  # row -> (version id, value) compared against
        self._palette = QPalette()

    def set_comparison(self, comparison: Comparison | None, colours: dict[str, QColor]) -> None:
        self.beginResetModel()
        self._versions = list(comparison.versions) if comparison else []
        self._colours = dict(colours)
        self._base = comparison.base if comparison else None
        self._relations = {k: r.kind for k, r in comparison.relations.items()} if comparison else {}
        self._group = {v.id for v in self._versions
                       if v.ok and self._relations.get(v.id) in ("base", "same-article")}
        self._find_disagreements()
        self.endResetModel()

    def set_palette(self, palette: QPalette) -> None:
        self._palette = QPalette(palette)
        if self._versions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(FIELDS) - 1, len(self._versions) - 1))

    def has_any_value(self) -> bool:
        return any(_present(f.get(v.metadata)) for v in self._versions for f in FIELDS)

    def disagreeing_rows(self) -> list[str]:
        return [FIELDS[r].name for r in sorted({r for r, _ in self._marked})]

    def version_id(self, column: int) -> str:
        return self._versions[column].id

    def _find_disagreements(self) -> None:
        self._marked = set()
        self._reference = {}
        members = [(c, v) for c, v in enumerate(self._versions) if v.id in self._group]
        for row, f in enumerate(FIELDS):
            values = [(c, v, f.get(v.metadata)) for c, v in members if _present(f.get(v.metadata))]
            if len(values) < 2:
                continue
            ref = next(((v.id, val) for _c, v, val in values if v.id == self._base), None)
            if ref is None:  # no base value: the most common value is the reference
                counts = [sum(f.same(val, other) for _c2, _v2, other in values) for _c, _v, val in values]
                best = counts.index(max(counts))
                ref = (values[best][1].id, values[best][2])
            marked = {(row, c) for c, _v, val in values if not f.same(val, ref[1])}
            if marked:
                self._marked |= marked
                self._reference[row] = ref

    # ---- Qt model interface -----------------------------------------------------------------------------
    def rowCount(self, parent: _Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else (len(FIELDS) if self._versions else 0)

    def columnCount(self, parent: _Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._versions)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            f = FIELDS[section]
            disagree = section in self._reference
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{DIFFERS} {f.title}" if disagree else f.title
            if role == Qt.ItemDataRole.FontRole and disagree:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole and disagree:
                return f"Versions of the same article disagree on the {f.title.lower()}"
            return None
        v = self._versions[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"★ {display_name(v)}" if v.id == self._base else display_name(v)
        if role == Qt.ItemDataRole.DecorationRole:
            if not v.ok:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
            return swatch_icon(self._colours.get(v.id, Role.NEUTRAL.colour(False)))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(v.id == self._base)
            font.setItalic(v.id not in self._group)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            rel = self._relations.get(v.id)
            extra = ("the base" if v.id == self._base else
                     "could not be read" if not v.ok else
                     "same article" if rel == "same-article" else
                     f"{rel or 'not compared'} — not checked for disagreements")
            return f"{html.escape(display_name(v))} ({extra})"
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        f, v = FIELDS[row], self._versions[col]
        value = f.get(v.metadata)
        present = _present(value)
        marked = (row, col) in self._marked
        if role == Qt.ItemDataRole.DisplayRole:
            if not present:
                return NOT_STATED if v.ok and v.metadata.carrier is None else MISSING
            return f"{DIFFERS} {f.show(value)}" if marked else f.show(value)
        if role == COPY_ROLE:
            if not present:
                return ""
            if f.name == "links":
                return "\n".join(f"{ln.text}\t{ln.url}" for ln in value)  # type: ignore[attr-defined]
            return f.show(value)
        if role == MARKED_ROLE:
            return marked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, v, f, value, present, marked)
        if role == Qt.ItemDataRole.FontRole and marked:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and marked:
            return diff_formats(is_dark(self._palette))["replace"].background()
        if role == Qt.ItemDataRole.ForegroundRole and not present:
            return self._palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = f.show(value) if present else "missing" if v.metadata.carrier else NOT_STATED
            return f"{f.title} of {display_name(v)}: {shown}" + (", differs from the other versions" if marked else "")
        return None

    def _tooltip(self, row: int, v: Version, f: Field, value: object, present: bool, marked: bool) -> str:
        if not v.ok:
            return f"{html.escape(display_name(v))} could not be read"
        if not present and v.metadata.carrier is None:
            return (f"{html.escape(display_name(v))} does not state a {f.title.lower()} (its format has no place "
                    "for one); this is not a discrepancy")
        if not present:
            return f"No {f.title.lower()} found in {html.escape(display_name(v))}"
        body = _links_tooltip(value) if f.name == "links" else html.escape(f.show(value))  # type: ignore[arg-type]
        lines = [body]
        source = v.metadata.source_of(f.name)
        if source:
            lines.append(f"<i>from {html.escape(source)}</i>")
        if marked and row in self._reference:
            ref_id, ref_value = self._reference[row]
            ref_label = next((display_name(x) for x in self._versions if x.id == ref_id), ref_id)
            ref_text = _show_links(ref_value) if f.name == "links" else f.show(ref_value)
            lines.append(f"<b>{DIFFERS} differs from {html.escape(ref_label)}:</b> {html.escape(ref_text)}")
        return "<br>".join(lines)
