"""The progress of a comparison is shown without painting the whole window at every step."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from variorum.ui.window.status import ProgressIndicator


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_progress_step_is_painted_with_the_windows_next_repaint(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    other = QLabel("a pane being filled", window)
    progress = ProgressIndicator(window)
    layout = QVBoxLayout(window)
    layout.addWidget(other)
    layout.addWidget(progress)
    window.resize(400, 200)
    window.show()
    qtbot.waitExposed(window)
    progress.start("Comparing…")
    qtbot.wait(20)
    bar, rest = _Paints(), _Paints()
    progress.bar.installEventFilter(bar)
    other.installEventFilter(rest)
    other.setText("more of it")  # waiting to be painted, as the panes are while the comparison runs

    progress.set_progress(0.5, "Comparing v2 with v1")
    assert bar.count == 0 and rest.count == 0  # nothing painted in the middle of the step
    qtbot.waitUntil(lambda: bar.count > 0 and rest.count > 0)  # both with the next repaint
    assert progress.bar.value() == 500 and progress.label.text() == "Comparing v2 with v1"
