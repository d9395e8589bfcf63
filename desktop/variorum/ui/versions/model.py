"""The item model behind the version list: one row per version of a comparison, reorderable by drag."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from variorum.core.model import Comparison, Relation, Version
from variorum.core.quick_dataclass import dataclass
from variorum.ui.palette import Role, is_dark, severity_colours
from variorum.ui.widgets.badges import swatch_icon

MIME_TYPE = "application/x-variorum-version-ids"

COL_VERSION, COL_RELATION, COL_FORMAT = range(3)
HEADERS = ("Version", "Relation", "Format")

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_ROLE = Qt.ItemDataRole.UserRole + 2  # the read error of the row's version, or None

_RELATION_TEXT = {"same-article": "same article", "related": "related", "unrelated": "unrelated"}

_Index = QModelIndex | QPersistentModelIndex


def display_name(v: Version) -> str:
    """How a version is named everywhere in the window: its short id (used in messages) and its label."""
    return f"{v.id}  {v.label}"


def relation_text(relation: Relation | None) -> str:
    """How a version relates to the base, in words, with the similarity as a percentage."""
    if relation is None:
        return "not compared"
    if relation.kind == "base":
        return "★ base"
    return f"{_RELATION_TEXT.get(relation.kind, relation.kind)} · {round(relation.similarity * 100)}%"


@dataclass
class _Row:
    version: Version
    relation: Relation | None
    colour: QColor
    visible: bool
    is_base: bool


class VersionModel(QAbstractTableModel):
    """Rows are versions in display order; the check state of the first column is the version's visibility."""

    visibilityChanged = Signal(str, bool)
    orderChanged = Signal(list)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._palette = QPalette()
        self._dark = is_dark(self._palette)  # asked for every cell Qt paints: worked out once per palette
        self._icons: dict[tuple[int, bool], QIcon] = {}
        # Identifies drags that started in this model, so drops from elsewhere are refused.
        self._token = QByteArray(str(id(self)).encode())

    # ---- filling ----------------------------------------------------------------------------------------
    def set_rows(self, comparison: Comparison | None, colours: dict[str, QColor], hidden: set[str]) -> None:
        self.beginResetModel()
        self._rows = []
        if comparison is not None:
            for v in comparison.versions:
                self._rows.append(_Row(
                    version=v,
                    relation=comparison.relations.get(v.id),
                    colour=QColor(colours.get(v.id, Role.NEUTRAL.colour(False))),
                    visible=version_key(v) not in hidden,
                    is_base=v.id == comparison.base,
                ))
        self.endResetModel()

    def set_palette(self, palette: QPalette) -> None:
        self._palette = QPalette(palette)
        self._dark = is_dark(self._palette)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1))

    def error_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if not r.version.ok]

    def ids(self) -> list[str]:
        return [r.version.id for r in self._rows]

    def version_at(self, row: int) -> Version:
        return self._rows[row].version

    def row_of(self, version_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r.version.id == version_id:
                return i
        return -1

    def is_visible(self, row: int) -> bool:
        r = self._rows[row]
        return r.visible and r.version.ok

    def is_base(self, row: int) -> bool:
        return self._rows[row].is_base

    def hidden_keys(self) -> set[str]:
        return {version_key(r.version) for r in self._rows if not r.visible}

    def set_visible(self, row: int, visible: bool) -> None:
        r = self._rows[row]
        if not r.version.ok or r.visible == visible:
            return
        r.visible = visible
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        self.visibilityChanged.emit(r.version.id, visible)

    def move(self, rows: list[int], target: int) -> bool:
        """Move ``rows`` (any order) so they sit, in their current relative order, before ``target``."""
        rows = sorted(set(r for r in rows if 0 <= r < len(self._rows)))
        if not rows:
            return False
        target = max(0, min(target, len(self._rows)))
        moving = [self._rows[r] for r in rows]
        staying = [r for i, r in enumerate(self._rows) if i not in rows]
        insert_at = target - sum(1 for r in rows if r < target)
        new = staying[:insert_at] + moving + staying[insert_at:]
        if [r.version.id for r in new] == self.ids():
            return False
        self.layoutAboutToBeChanged.emit()
        old_ids = self.ids()
        persistent = self.persistentIndexList()
        self._rows = new
        new_pos = {vid: i for i, vid in enumerate(self.ids())}
        self.changePersistentIndexList(
            persistent,
            [self.index(new_pos[old_ids[p.row()]], p.column()) for p in persistent],
        )
        self.layoutChanged.emit()
        self.orderChanged.emit(self.ids())
        return True

    # ---- Qt model interface -----------------------------------------------------------------------------
    def rowCount(self, parent: _Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: _Index):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == COL_VERSION and self._rows[index.row()].version.ok:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        v, col = r.version, index.column()
        dark = self._dark
        if role == ID_ROLE:
            return v.id
        if role == ERROR_ROLE:
            return v.error
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(r, dark)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{display_name(v)}, {relation_text(r.relation) if v.ok else 'could not be read'}"
        if not v.ok:  # an unreadable version spans the whole row (the view sets that up)
            return _unreadable_data(v, col, role, dark)
        value = self._cell_data(r, col, role)
        if value is not None:
            return value
        if role == Qt.ItemDataRole.ForegroundRole and not r.visible:
            return self._palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def _cell_data(self, r: _Row, col: int, role: int) -> object:
        """What a readable version's cell shows for ``role``; None when the cell has nothing of its own."""
        v = r.version
        if col == COL_VERSION:
            if role == Qt.ItemDataRole.DisplayRole:
                return display_name(v)
            if role == Qt.ItemDataRole.DecorationRole:
                key = (r.colour.rgba(), r.visible)
                if key not in self._icons:  # icons are drawn once per colour, not on every repaint
                    self._icons[key] = swatch_icon(r.colour, filled=r.visible)
                return self._icons[key]
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if r.visible else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.FontRole and r.is_base:
                f = QFont()
                f.setBold(True)
                return f
        elif col == COL_RELATION:
            if role == Qt.ItemDataRole.DisplayRole:
                return relation_text(r.relation)
            if role == Qt.ItemDataRole.FontRole and r.is_base:
                f = QFont()
                f.setBold(True)
                return f
        elif col == COL_FORMAT:
            if role == Qt.ItemDataRole.DisplayRole:
                return v.format
            if role == Qt.ItemDataRole.DecorationRole and v.warnings:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def setData(self, index: _Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and index.column() == COL_VERSION and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            self.set_visible(index.row(), checked)
            return True
        return False

    # ---- drag and drop (internal reorder only) ------------------------------------------------------------
    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        payload = self._token + b"\n" + "\n".join(self._rows[r].version.id for r in rows).encode()
        data = QMimeData()
        data.setData(MIME_TYPE, payload)
        return data

    def _dropped_rows(self, data: QMimeData) -> list[int] | None:
        if not data.hasFormat(MIME_TYPE):
            return None
        token, _, ids = bytes(data.data(MIME_TYPE).data()).partition(b"\n")
        if token != bytes(self._token.data()):
            return None
        rows = [self.row_of(vid) for vid in ids.decode().split("\n") if vid]
        return [r for r in rows if r >= 0] or None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return action == Qt.DropAction.MoveAction and self._dropped_rows(data) is not None

    def removeRows(self, row, count, parent=None) -> bool:
        # After a drop, the view asks to remove the dragged rows; they have already been moved, and a version
        # leaves the list only through "Remove" (the owner re-runs the comparison without it).
        return False

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        rows = self._dropped_rows(data)
        if action != Qt.DropAction.MoveAction or rows is None:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._rows)
        self.move(rows, row)
        return True


def version_key(v: Version) -> str:
    """Identifies a version across re-runs, whose ids may be renumbered."""
    return f"{v.sha256}|{v.path or v.label}"


def _tooltip(r: _Row, dark: bool) -> str:
    v = r.version
    lines = [f"<b>{_esc(display_name(v))}</b>"]
    if v.path:
        lines.append(f"Path: {_esc(v.path)}")
    lines.append(f"SHA-256: <code>{_esc(v.sha256)}</code>")
    if not v.ok:
        lines.append(f"<span style='color:{Role.ERROR_TEXT.css(dark)}'><b>Could not read:</b> {_esc(v.error or '')}</span>")
        return "<br>".join(lines)
    lines.append(f"Format: {_esc(v.format)}" + (f" ({_esc(v.encoding)})" if v.encoding else ""))
    lines.append(f"{v.words:,} words, {v.chars:,} characters")
    lines.append(f"Relation: {_esc(relation_text(r.relation))}")
    if not r.visible:
        lines.append("<i>Hidden from the side-by-side view</i>")
    for w in v.warnings:
        lines.append(f"⚠ {_esc(w)}")
    return "<br>".join(lines)


def _esc(s: str) -> str:
    return html.escape(s, quote=False)


ICON_SIZE = QSize(14, 14)


def _unreadable_data(v: Version, col: int, role: int, dark: bool) -> object:
    """An unreadable version's row: icon, name and the reason, in its first column."""
    if col != COL_VERSION:
        return None
    if role == Qt.ItemDataRole.DisplayRole:
        return f"{display_name(v)} — could not read: {v.error}"
    if role == Qt.ItemDataRole.DecorationRole:
        return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
    if role == Qt.ItemDataRole.ForegroundRole:
        return severity_colours(dark)["high"]
    return None
