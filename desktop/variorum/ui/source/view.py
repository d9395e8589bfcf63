"""The Source panel: a version's original page with the selected words boxed, page by page, fitted or zoomed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from variorum.core.model import Version
from variorum.ui.palette import Role
from variorum.ui.source.pages import Box, SourcePages, has_source

ZOOM_STEP = 1.25


class _Shown:
    """The original on show, kept apart from the panel so that it is closed when the panel is destroyed (the
    panel's Python side may outlive it, and pdfium would only close the document as the program exits)."""

    def __init__(self) -> None:
        self.pages: SourcePages | None = None

    def close(self) -> None:
        if self.pages is not None:
            self.pages.close()
            self.pages = None


class SourceView(QWidget):
    """Shows one PDF or image version at a time (chosen in its list); :meth:`show_spans` boxes text on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: SourcePages | None = None
        self._shown = _Shown()
        self.destroyed.connect(self._shown.close)
        self._page = 0
        self._all_boxes: list[Box] = []
        self._spans: dict[str, list[tuple[int, int]]] = {}
        self._fit = True
        self._keys: dict[str, QAction] = {}  # the panel's keys, also read by the page view (it would scroll)
        self._versions: dict[str, Version] = {}
        self._image = QImage()

        self.choice = QComboBox(self)
        self.choice.setAccessibleName("Version shown")
        self.choice.setToolTip("The PDF or image version whose original is shown")
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.setMinimumContentsLength(8)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.act_previous = self._action("◀", "Previous page", "PgUp", lambda: self.set_page(self._page - 1))
        self.page_label = QLabel(self)
        self.toolbar.addWidget(self.page_label)
        self.act_next = self._action("▶", "Next page", "PgDown", lambda: self.set_page(self._page + 1))
        self.toolbar.addSeparator()
        self.act_fit = self._action("Fit", "Zoom to fit the page's width", "Ctrl+0", self.fit)
        self.act_whole = self._action("Page", "Zoom to show the whole page", "Ctrl+9", self.fit_page)
        self.act_zoom_out = self._action("−", "Zoom out", "Ctrl+-", lambda: self.zoom(1 / ZOOM_STEP))
        self.act_zoom_in = self._action("+", "Zoom in", "Ctrl+=", lambda: self.zoom(ZOOM_STEP))

        self.scene = QGraphicsScene(self)
        self.graphics = QGraphicsView(self.scene, self)
        self.graphics.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.graphics.setBackgroundBrush(self.palette().brush(QPalette.ColorRole.Dark))  # round the page
        self.graphics.setAccessibleName("Original page")
        self.graphics.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.graphics.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.graphics.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)  # a page reads from the top
        self.message = QLabel("Open a PDF or an image (a screenshot, a scan) to see its original here.", self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.choice)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.message, 1)
        self.choice.currentIndexChanged.connect(self._on_choice)
        self.graphics.installEventFilter(self)  # PgUp/PgDown turn pages, not scroll; Ctrl+0 fits…
        self._show_pages(None)

    def _action(self, text: str, tip: str, keys: str, slot) -> QAction:
        action = QAction(text, self)
        action.setToolTip(f"{tip} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._keys[QKeySequence(keys).toString()] = action
        action.triggered.connect(lambda _=False: slot())
        self.toolbar.addAction(action)
        return action

    # --- what a user (and a test) can read ----------------------------------------------------------------------
    @property
    def version_id(self) -> str | None:
        return self._pages.version.id if self._pages is not None else None

    @property
    def page(self) -> int:
        return self._page

    @property
    def page_count(self) -> int:
        return self._pages.page_count if self._pages is not None else 0

    @property
    def page_image(self) -> QImage:
        """The picture of the page shown (empty when nothing is shown)."""
        return self._image

    @property
    def boxes(self) -> list[QRectF]:
        """The boxes drawn on the page shown, in the page picture's pixels."""
        return [b.rect for b in self._all_boxes if b.page == self._page]

    # --- what is shown ----------------------------------------------------------------------------------------
    def set_versions(self, versions: Sequence[Version], preferred: Sequence[str] = ()) -> None:
        """The versions that have an original to show; the first of ``preferred`` among them is shown."""
        shown = [v for v in versions if has_source(v)]
        current = self.version_id
        keep = current if current in {v.id for v in shown} and not preferred else None
        pick = keep or next((p for p in preferred if p in {v.id for v in shown}), None) or \
            (shown[0].id if shown else None)
        self._versions = {v.id: v for v in shown}
        self.choice.blockSignals(True)
        self.choice.clear()
        for v in shown:
            self.choice.addItem(f"{v.id} · {v.label}", v.id)
        self.choice.setCurrentIndex(max(0, self.choice.findData(pick)) if shown else -1)
        self.choice.blockSignals(False)
        same = self._pages is not None and pick is not None and self._versions[pick] is self._pages.version
        if not same:
            self._show_pages(self._versions[pick] if pick else None)

    def show_version(self, version_id: str) -> None:
        index = self.choice.findData(version_id)
        if index >= 0:
            self.choice.setCurrentIndex(index)

    def show_spans(self, spans: Mapping[str, Sequence[tuple[int, int]]]) -> None:
        """Box these stretches of text (by version id) wherever the version shown has them; go to the first box."""
        self._spans = {vid: list(s) for vid, s in spans.items()}
        self._place_boxes(go_to_first=True)

    def set_page(self, page: int) -> None:
        if self._pages is None or not 0 <= page < self.page_count:
            return
        self._page = page
        self._draw()

    def fit(self) -> None:
        """Zoom so the page's width fills the panel (the text readable), the first box in sight."""
        self._fit = True
        self._apply_fit()

    def fit_page(self) -> None:
        """Zoom so the whole page shows."""
        self._fit = False
        if self._pages is not None:
            self.graphics.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        self._fit = False
        self.graphics.scale(factor, factor)

    # --- drawing ----------------------------------------------------------------------------------------------
    def _on_choice(self, index: int) -> None:
        vid = self.choice.itemData(index)
        self._show_pages(self._versions.get(vid) if vid else None)

    def _show_pages(self, version: Version | None) -> None:
        self._shown.close()
        self._pages = SourcePages(version) if version is not None else None
        self._page = 0
        error = self._pages.error if self._pages is not None else None
        if error:
            self._pages = None
        self._shown.pages = self._pages
        if self._pages is None:
            self.message.setText(error or "Open a PDF or an image (a screenshot, a scan) to see its original here.")
        self.message.setVisible(self._pages is None)
        self.graphics.setVisible(self._pages is not None)
        self._place_boxes(go_to_first=True)

    def _place_boxes(self, *, go_to_first: bool) -> None:
        self._all_boxes = []
        if self._pages is not None:
            for start, end in self._spans.get(self._pages.version.id, []):
                self._all_boxes += self._pages.boxes(start, end)
        if go_to_first and self._all_boxes:
            self._page = self._all_boxes[0].page
        self._draw()

    def _draw(self) -> None:
        self.scene.clear()
        self._image = QImage()
        count = self.page_count
        self.page_label.setText(f" Page {self._page + 1} of {count} " if count else " ")
        self.act_previous.setEnabled(self._page > 0)
        self.act_next.setEnabled(self._page + 1 < count)
        for action in (self.act_fit, self.act_zoom_in, self.act_zoom_out):
            action.setEnabled(count > 0)
        if self._pages is None:
            return
        image = self._image = self._pages.image(self._page)
        self.scene.addItem(QGraphicsPixmapItem(QPixmap.fromImage(image)))
        self.scene.setSceneRect(QRectF(image.rect()))
        colour = Role.CURRENT.colour(False)  # the current difference's colour, on a page that is paper-white
        pen = QPen(colour, max(2.0, image.width() / 500))
        pen.setCosmetic(False)
        fill = QColor(colour)
        fill.setAlpha(50)
        pad = max(1.0, image.width() / 600)
        for rect in self.boxes:
            self.scene.addRect(rect.adjusted(-pad, -pad, pad, pad), pen, QBrush(fill))
        if self._fit:
            self._apply_fit()
        elif self.boxes:
            self.graphics.centerOn(self.boxes[0].center())

    def _apply_fit(self) -> None:
        if self._pages is None:
            return
        width = self.scene.sceneRect().width()
        room = self.graphics.viewport().width() - 4
        if width > 0 and room > 0:
            self.graphics.resetTransform()
            self.graphics.scale(room / width, room / width)
        boxes = self.boxes
        self.graphics.centerOn(boxes[0].center() if boxes else self.scene.sceneRect().center())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.graphics and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self._keys.get(QKeySequence(event.keyCombination()).toString())
            if action is not None:
                action.trigger()
                return True
        return super().eventFilter(obj, event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fit:
            self._apply_fit()
