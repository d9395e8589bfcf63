"""Which pages of a web archive to open: asked when an archive of many pages is opened or dropped.

The pages are listed with how often and when each was captured, in the order of their first capture; choosing
works as in every :class:`~variorum.ui.window.choice_dialog.ChoiceDialog`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QWidget

from variorum.core.load.archive_choice import ArchivePage
from variorum.ui.window.choice_dialog import ChoiceDialog, Row, Wording

COLUMNS = ("Page", "Captures", "First captured", "Last captured")
PAGES = Wording("page", "pages", "Type to filter the pages by address")


def shown_time(time: str | None) -> str:
    """``2024-03-01T09:00:00Z`` as ``2024-03-01 09:00 UTC``."""
    if not time:
        return "undated"
    return time[:16].replace("T", " ") + (" UTC" if time.endswith("Z") else "")


def _row(page: ArchivePage) -> Row:
    return Row(page.url, (page.url, page.captures, shown_time(page.first), shown_time(page.last)))


class PagesDialog(ChoiceDialog):
    """The pages of one web archive to choose from; :meth:`chosen` gives the addresses of the chosen ones."""

    def __init__(self, archive: Path, pages: Sequence[ArchivePage], preselected: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        captures = sum(p.captures for p in pages)
        intro = (f"<b>{archive.name}</b> holds {captures} captures of {len(pages)} different pages. "
                 "Choose the pages to compare: each capture of a chosen page opens as a version.")
        super().__init__(f"Pages of {archive.name}", intro, COLUMNS, [_row(p) for p in pages], PAGES,
                         preselected=preselected, sort_column=2, parent=parent)
