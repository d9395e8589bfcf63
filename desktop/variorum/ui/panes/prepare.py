"""Building a comparison's word-exact position maps on a worker thread, as soon as the comparison is shown.

Stepping through the differences selects the same words in every pane through each version's own map; built
on first use, the maps of ten large versions would hold the window for a second at the first Alt+Down.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QRunnable, QThreadPool

from variorum import logs
from variorum.ui.panes.alignment_map import AlignmentMap

log = logging.getLogger(__name__)


class _Prepare(QRunnable):
    def __init__(self, alignment: AlignmentMap, stop: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._alignment, self._stop = alignment, stop

    def run(self) -> None:
        try:
            self._alignment.prepare(self._stop.is_set)
        except Exception as exc:  # the maps are then built on first use, as without this
            logs.log_bug(log, "Preparing the position maps failed", exc)


def prepare_in_background(alignment: AlignmentMap) -> threading.Event:
    """Start building ``alignment``'s maps on the shared thread pool; set the event returned to stop early."""
    stop = threading.Event()
    QThreadPool.globalInstance().start(_Prepare(alignment, stop))
    return stop
