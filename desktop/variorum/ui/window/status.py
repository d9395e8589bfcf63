"""The status bar: a progress indicator (message, bar, Cancel) and the one-line summary of a comparison."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from variorum.core.model import Comparison


def comparison_summary(c: Comparison, *, cosmetic_hidden: bool) -> str:
    """One line for the status bar once a comparison is shown."""
    bad = sum(not v.ok for v in c.versions)
    substantive = sum(not d.cosmetic for d in c.differences)
    cosmetic = len(c.differences) - substantive
    parts = [f"{len(c.versions)} versions" + (f" ({bad} could not be read)" if bad else ""),
             f"{substantive} substantive differences",
             f"{cosmetic} cosmetic" + (" (hidden)" if cosmetic_hidden else ""),
             f"{len(c.findings)} findings"]
    return " · ".join(parts)


class ProgressIndicator(QWidget):
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(160)
        self.cancel = QPushButton("Cancel", self)
        self.cancel.setToolTip("Stop reading and comparing; the texts read so far stay on screen")
        self.cancel.clicked.connect(self.cancelRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.hide()

    def start(self, message: str) -> None:
        self.label.setText(message)
        self._set_value(0)
        self.show()

    def set_progress(self, fraction: float, message: str) -> None:
        self._set_value(int(max(0.0, min(1.0, fraction)) * 1000))
        self.label.setText(message)

    def _set_value(self, value: int) -> None:
        """QProgressBar repaints at once when its value moves: that paints everything else waiting to be painted
        in the window there and then (the panes being filled), in the middle of whatever turn the progress
        arrives in. Its repaint waits for the window's next one instead."""
        self.bar.setUpdatesEnabled(False)
        try:
            self.bar.setValue(value)
        finally:
            self.bar.setUpdatesEnabled(True)  # asks for the repaint, as any other widget does

    def stop(self) -> None:
        self.hide()
