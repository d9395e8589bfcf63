"""A flat list of rows with columns (a tree view without branches), as the version list and the choice dialogs
use it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget


def row_list(model: QAbstractItemModel, parent: QWidget, selection: QAbstractItemView.SelectionMode) -> QTreeView:
    """A view of ``model``'s rows, selected whole, all of one height (long lists scroll without measuring)."""
    view = QTreeView(parent)
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setSelectionMode(selection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return view
