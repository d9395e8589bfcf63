"""The notes dock: reconciliation notes, their anchors in the panes, undo and the case bar."""
