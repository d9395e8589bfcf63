"""The versions' timeline as a strip (each dated version at its time, the source of the time beside it), the
versions with no known time listed apart, and each changed fact's history along the timeline."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from variorum.core.timeline import Timeline

LABEL_W = 200


class TimelineStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._timeline: Timeline | None = None
        self._colours: dict[str, QColor] = {}

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(400, 96)

    def set_timeline(self, timeline: Timeline | None, colours: dict[str, QColor]) -> None:
        self._timeline, self._colours = timeline, colours
        self.update()

    def positions(self) -> dict[str, float]:
        """Each dated version's place along the strip, 0..1 (evenly spread when the times are all equal)."""
        t = self._timeline
        if t is None or not t.dated:
            return {}
        moments = [x.moment for x in t.dated]
        span = (moments[-1] - moments[0]).total_seconds()
        if span <= 0:
            n = len(t.dated)
            return {x.version: (i + 0.5) / n for i, x in enumerate(t.dated)}
        return {x.version: 0.04 + 0.92 * (x.moment - moments[0]).total_seconds() / span for x in t.dated}

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text)
        w, y = self.width(), 22
        t = self._timeline
        if t is None or not t.dated:
            p.setPen(text)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No version has a known time")
            p.end()
            return
        p.setPen(QPen(text, 1))
        p.drawLine(QPointF(8, y), QPointF(w - 8, y))
        for i, (x, vt) in enumerate(zip(self.positions().values(), t.dated, strict=True)):
            cx = 8 + x * (w - 16)
            p.setBrush(self._colours.get(vt.version, text))
            p.drawEllipse(QPointF(cx, y), 6, 6)
            # neighbouring versions take turns on two rows of labels, kept inside the strip at its ends
            top = 32 + (i % 2) * 30
            left = min(max(cx - LABEL_W / 2, 0), w - LABEL_W)
            p.drawText(QRectF(left, top, LABEL_W, 15), Qt.AlignmentFlag.AlignHCenter, f"{vt.version} · {vt.short}")
            p.drawText(QRectF(left, top + 14, LABEL_W, 15), Qt.AlignmentFlag.AlignHCenter, vt.source)
        p.end()


class TimelineView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = TimelineStrip()
        self.undated = QLabel()
        self.undated.setObjectName("timelineUndated")
        self.undated.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setObjectName("timelineFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QVBoxLayout(self)
        for w in (self.strip, self.undated, self.facts):
            lay.addWidget(w)
        lay.addStretch(1)

    def set_timeline(self, timeline: Timeline | None, colours: dict[str, QColor],
                     labels: dict[str, str]) -> None:
        self.strip.set_timeline(timeline, colours)
        if timeline is None:
            self.undated.setText("")
            self.facts.setText("")
            return
        hints = {t.version: t.when for t in timeline.file_times}
        if timeline.undated:
            names = ", ".join(f"{v} ({labels.get(v, v)}" + (f"; file time {hints[v]}" if v in hints else "") + ")"
                              for v in timeline.undated)
            self.undated.setText(f"No known time, not placed on the timeline: {names}")
        else:
            self.undated.setText("Every version has a known time.")
        lines = [f"{f.kind}: {f.line()}" for f in timeline.facts]
        self.facts.setText("Changed facts along the timeline:\n" + "\n".join(lines) if lines
                           else "No changed fact (figure, name, quotation, title) to follow.")
