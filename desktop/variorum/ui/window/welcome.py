"""The first thing a user sees with no case open: a drop zone, Open…, recent cases and the demo case."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from variorum.core.sources import Source
from variorum.ui.window.recent import describe, tooltip


class WelcomeView(QWidget):
    openRequested = Signal()
    demoRequested = Signal()
    recentRequested = Signal(list)  # the files of a recent case (core.sources.Source)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("<h1>Variorum</h1><p>Compare versions of an article side by side: what changed word by "
                       "word, and which discrepancies matter.</p>", self)
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.drop_zone = QFrame(self)
        self.drop_zone.setObjectName("dropZone")
        self.drop_zone.setFrameShape(QFrame.Shape.StyledPanel)
        self.drop_zone.setMinimumHeight(160)
        self.set_drag_active(False)
        zone_text = QLabel("<p style='font-size:large'><b>Drop files or folders here</b></p>"
                           "<p>Text, Markdown, saved web pages (HTML), PDF, Word (DOCX),<br>"
                           "web archives (WARC, WACZ), screenshots and scans (PNG, JPEG, WebP)</p>", self.drop_zone)
        zone_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        zone_text.setWordWrap(True)  # the window's narrowest width is not set by this line
        zone_layout = QVBoxLayout(self.drop_zone)
        zone_layout.addWidget(zone_text)

        self.open_button = open_btn = QPushButton("Open files…", self)
        open_btn.setDefault(True)
        self.demo_button = demo_btn = QPushButton("Open the demo case", self)
        demo_btn.setToolTip("Three versions of a news article and two related pieces, bundled with Variorum")
        open_btn.clicked.connect(self.openRequested)
        demo_btn.clicked.connect(self.demoRequested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(open_btn)
        buttons.addWidget(demo_btn)
        buttons.addStretch(1)

        self.recent_label = QLabel("<b>Recent cases</b>", self)
        self.recent = QListWidget(self)
        self.recent.setMaximumHeight(180)
        self.recent.itemActivated.connect(lambda item: self.recentRequested.emit(item.data(Qt.ItemDataRole.UserRole)))

        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addSpacing(12)
        column.addWidget(self.drop_zone)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addSpacing(18)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)

    def set_drag_active(self, active: bool) -> None:
        """Files are being dragged over the window: the drop zone lights up."""
        colour, fill = ("palette(highlight)", "background: palette(alternate-base);") if active else ("palette(mid)", "")
        self.drop_zone.setStyleSheet(f"#dropZone {{ border: 2px dashed {colour}; border-radius: 12px; {fill} }}")

    def set_recent(self, cases: list[list[Source]]) -> None:
        self.recent.clear()
        for sources in cases:
            item = QListWidgetItem(describe([s.path for s in sources]))
            item.setToolTip(tooltip(sources))
            item.setData(Qt.ItemDataRole.UserRole, sources)
            self.recent.addItem(item)
        self.recent_label.setVisible(bool(cases))
        self.recent.setVisible(bool(cases))
