"""The estimated stemma drawn as a small graph: versions in layers from the root, edges labelled with their
distance and confidence, arrows only where known times give the direction, and the estimate's caveat below.
The root stands on the left and each version one column right of its source."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from variorum.core.stemma import Stemma

NODE_W, NODE_H, LAYER_W, ROW_H = 64, 24, 150, 40


def layout(stemma: Stemma) -> dict[str, tuple[int, int]]:
    """Each version's (column, row in column): the root in column 0, each version one column after its source."""
    out: dict[str, tuple[int, int]] = {}
    if stemma.root is None:
        return out
    layer_sizes: dict[int, int] = {}
    todo = [(stemma.root, 0)]
    while todo:
        v, depth = todo.pop(0)
        out[v] = (depth, layer_sizes.get(depth, 0))
        layer_sizes[depth] = layer_sizes.get(depth, 0) + 1
        todo.extend((e.target, depth + 1) for e in stemma.edges if e.source == v)
    return out


class StemmaGraph(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stemma: Stemma | None = None
        self._colours: dict[str, QColor] = {}
        self.setMinimumHeight(120)

    def sizeHint(self) -> QSize:  # noqa: N802
        places = layout(self._stemma) if self._stemma else {}
        columns = max((d for d, _ in places.values()), default=0) + 1
        rows = max((i for _, i in places.values()), default=0) + 1
        return QSize(40 + columns * LAYER_W, 20 + rows * ROW_H)

    def set_stemma(self, stemma: Stemma | None, colours: dict[str, QColor]) -> None:
        self._stemma, self._colours = stemma, colours
        self.updateGeometry()
        self.update()

    def centres(self) -> dict[str, QPointF]:
        if self._stemma is None:
            return {}
        places = layout(self._stemma)
        widths: dict[int, int] = {}
        for depth, _ in places.values():
            widths[depth] = widths.get(depth, 0) + 1
        return {v: QPointF(20 + NODE_W / 2 + d * LAYER_W, self.height() * (i + 1) / (widths[d] + 1))
                for v, (d, i) in places.items()}

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.Text)
        s = self._stemma
        centres = self.centres()
        if s is None or not centres:
            p.setPen(text)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Nothing to relate")
            p.end()
            return
        for e in s.edges:
            a, b = centres[e.source], centres[e.target]
            start, end = QPointF(a.x() + NODE_W / 2, a.y()), QPointF(b.x() - NODE_W / 2, b.y())
            pen = QPen(text, 1 + 2 * e.confidence)
            if e.oriented_by == "none":
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(start, end)
            if e.oriented_by == "time":
                p.setBrush(text)
                p.drawPolygon(QPolygonF([end, QPointF(end.x() - 8, end.y() - 4), QPointF(end.x() - 8, end.y() + 4)]))
            mid = (start + end) / 2
            p.setPen(text)
            p.drawText(QRectF(mid.x() - 60, mid.y() - 18, 120, 16), Qt.AlignmentFlag.AlignHCenter,
                       f"{e.distance} · {e.confidence:.0%}")
        for v, c in centres.items():
            box = QRectF(c.x() - NODE_W / 2, c.y() - NODE_H / 2, NODE_W, NODE_H)
            p.setPen(QPen(text, 1))
            p.setBrush(self._colours.get(v, self.palette().color(QPalette.ColorRole.Base)))
            p.drawRoundedRect(box, 5, 5)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, v)
        p.end()


class StemmaView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.graph = StemmaGraph()
        self.note = QLabel()
        self.note.setObjectName("stemmaNote")
        self.note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.graph, 1)
        lay.addWidget(self.note)

    def set_stemma(self, stemma: Stemma | None, colours: dict[str, QColor], labels: dict[str, str]) -> None:
        self.graph.set_stemma(stemma, colours)
        if stemma is None or not stemma.edges:
            self.note.setText("")
            return
        names = "; ".join(f"{v}: {labels.get(v, v)}" for v in stemma.versions)
        self.note.setText(f"{stemma.note}\nEdges: differing places · confidence; dashed: no known times say "
                          f"which came first.\n{names}")
