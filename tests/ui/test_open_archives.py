"""Web archives dropped on the window, with other files: each captured page opens as a version of its own."""

from __future__ import annotations

from app_helpers import WAIT_MS, drop_files

from archive_builders import ARTICLE_URL, article_html, build_wacz, build_warc
from variorum.core.load import EXTENSIONS
from variorum.ui.window.main_window import FILE_FILTER

DATES = ("2024-03-01T09:00:00Z", "2024-03-04T10:30:00Z", "2024-03-06T12:00:00Z")


def test_a_wacz_dropped_with_other_files_opens_every_capture(qtbot, window, tmp_path):
    note = tmp_path / "reader-copy.txt"
    note.write_text("Harbour bridge closed after storm damage\n\nThe harbour bridge will stay closed for ten days "
                    "after Tuesday's storm damaged two of its cables, the city's transport office said on Friday.",
                    encoding="utf-8")
    warc = build_warc([(ARTICLE_URL, DATES[0], article_html(closed_days="ten")),
                       (ARTICLE_URL, DATES[1], article_html(closed_days="fourteen"))],
                      revisits=[(ARTICLE_URL, DATES[2], 1)])
    wacz = tmp_path / "harbour.wacz"
    wacz.write_bytes(build_wacz(warc, [(ARTICLE_URL, DATES[0], "Harbour bridge closed")]))
    later = tmp_path / "later.warc.gz"
    later.write_bytes(build_warc([(ARTICLE_URL, "2024-03-09T08:00:00Z", article_html(closed_days="twelve"))]))
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        drop_files(window.welcome, [note, wacz, later])
    versions = window.comparison.versions
    assert [v.id for v in versions] == ["v1", "v2", "v3", "v4", "v5"]
    assert [v.metadata.capture.time if v.metadata.capture else None for v in versions] == [
        None, *DATES, "2024-03-09T08:00:00Z"]
    assert all(v.ok for v in versions), [v.error for v in versions]
    assert [p.version_id for p in window.panes.panes()] == ["v1", "v2", "v3", "v4", "v5"]
    # a file added afterwards continues the numbering
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        drop_files(window.panes.pane("v1").editor.viewport(), [later])
    assert window.comparison.versions[-1].id == "v6"


def test_the_open_dialog_offers_every_format_the_loader_reads():
    offered = FILE_FILTER.split(";;")[0]
    for ext in (".warc", ".warc.gz", ".wacz", ".png", ".jpg", ".jpeg", ".webp"):
        assert ext in EXTENSIONS and f"*{ext}" in offered.split("(")[1].rstrip(")").split()


def test_open_recent_reopens_a_web_archive_once(qtbot, window, tmp_path):
    """A case of one archive holding two captures: Open Recent names the archive once and reopens the same two
    versions (it kept the archive once per capture, and reopened it that many times)."""
    warc = tmp_path / "bridge.warc.gz"
    warc.write_bytes(build_warc([(ARTICLE_URL, DATES[0], article_html(closed_days="ten")),
                                 (ARTICLE_URL, DATES[1], article_html(closed_days="fourteen"))]))
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        drop_files(window.welcome, [warc])
    window.close_case()
    qtbot.waitUntil(lambda: window.welcome.recent.count() == 1)
    assert window.welcome.recent.item(0).text() == "bridge.warc.gz"
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.actions_.recent_menu.actions()[0].trigger()
    assert [v.metadata.capture.time for v in window.comparison.versions] == list(DATES[:2])
