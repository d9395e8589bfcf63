"""The three panels filled with the bundled demo case, as the main window fills them."""

from PySide6.QtCore import Qt
from session_helpers import session_with, take

from variorum.core.case import load_case
from variorum.ui.findings.panel import FindingsPanel
from variorum.ui.metadata.table import MetadataTable
from variorum.ui.versions.panel import COL_RELATION, VersionListWidget


def test_demo_case_fills_every_panel(qtbot, seed_paths):
    c = load_case(seed_paths).compare()
    session = session_with(c)
    versions, findings, metadata = VersionListWidget(session), FindingsPanel(session), MetadataTable(session)
    for w in (versions, findings, metadata):
        qtbot.addWidget(w)
        w.show()
    versions.redraw()
    findings.redraw()
    metadata.redraw()

    assert versions.visible_ids() == [v.id for v in c.versions]
    base_row = [v.id for v in c.versions].index(c.base)
    assert versions.model.index(base_row, COL_RELATION).data() == "★ base"
    assert versions.current_id() == c.base
    assert metadata.model.columnCount() == len(c.versions)
    assert metadata.model.headerData(base_row, Qt.Orientation.Horizontal).startswith("★ ")
    shown = findings.shown_findings()
    assert len(shown) == len(c.findings)
    assert (findings.empty_message() == "") == bool(c.findings)


def test_closing_the_case_empties_every_panel(qtbot, comparison):
    session = session_with(comparison)
    versions, findings, metadata = VersionListWidget(session), FindingsPanel(session), MetadataTable(session)
    for w in (versions, findings, metadata):
        qtbot.addWidget(w)
        w.show()
    versions.redraw()
    findings.redraw()
    metadata.redraw()
    take(session, None)  # the case is closed: the panels read an empty session
    assert versions.visible_ids() == [] and versions.current_id() is None
    assert not versions.act_remove.isEnabled() and not versions.act_base.isEnabled()
    assert findings.current_finding() is None and findings.shown_findings() == []
    assert findings.empty_message().startswith("Open two or more versions")
    assert metadata.model.columnCount() == 0 and not metadata.hint.isVisible()
