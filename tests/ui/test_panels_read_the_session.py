"""The panels read the open case from the session when they draw: none keeps a comparison of its own."""

from __future__ import annotations

import gc
import weakref
from dataclasses import replace

from app_helpers import WAIT_MS, open_and_wait
from session_helpers import finding_notes, session_with, take

from variorum.core.case import load_case
from variorum.ui.findings.panel import FindingsPanel
from variorum.ui.metadata.table import MetadataTable
from variorum.ui.session import Session
from variorum.ui.variants.panel import VariantsPanel
from variorum.ui.versions.panel import VersionListWidget


def holders(obj) -> list[str]:
    return [type(r).__name__ + ":" + repr(r)[:300] for r in gc.get_referrers(obj)]


def test_a_closed_case_is_not_kept_alive_by_any_panel(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    first = weakref.ref(window.comparison)
    window.close_case()
    qtbot.wait(50)
    gc.collect()
    assert first() is None, holders(first())


def test_an_earlier_comparison_is_not_kept_alive_by_any_panel(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    first = weakref.ref(window.comparison)
    base = window.comparison.base
    other = next(v.id for v in window.comparison.versions if v.id != base and v.ok)
    window.docks.versions.set_current(other)
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.docks.versions.act_base.trigger()
    qtbot.waitUntil(window.panes.settled, timeout=WAIT_MS)
    gc.collect()
    assert first() is None, holders(first())
    assert window.comparison.base == other


def test_the_panels_follow_the_session_without_being_handed_the_case(qtbot, comparison):
    """The list and the findings draw what the session holds; statuses and closing reach them from it alone."""
    comparison = replace(comparison)  # held by this test and the session only
    session = session_with(comparison)
    versions, findings = VersionListWidget(session), FindingsPanel(session)
    for w in (versions, findings):
        qtbot.addWidget(w)
    versions.redraw()  # as the window's take-in does, in a turn of its own
    findings.redraw()
    assert versions.order() == [v.id for v in comparison.versions]
    session.set_notes(finding_notes({"f1": "confirmed"}))
    assert findings.model.status_of(comparison.findings[0]) == "confirmed"
    first = weakref.ref(comparison)
    del comparison
    take(session, None)
    gc.collect()
    assert first() is None, holders(first())
    assert versions.order() == [] and findings.shown_findings() == []
    assert findings.empty_message().startswith("Open two or more versions")


def test_the_metadata_and_the_variants_follow_the_session_without_being_handed_the_case(qtbot, seed_paths):
    """Both draw the session's comparison when asked to redraw, and closing the case empties them by itself."""
    comparison = load_case(seed_paths).compare()  # held by this test and the session only
    session = session_with(comparison)
    metadata, variants = MetadataTable(session), VariantsPanel(session)
    for w in (metadata, variants):
        qtbot.addWidget(w)
        w.show()
    qtbot.waitExposed(variants)
    metadata.redraw()
    variants.redraw()
    assert [metadata.model.version_id(c) for c in range(metadata.model.columnCount())] == [
        v.id for v in comparison.versions]
    assert metadata.disagreeing_fields()
    assert variants.visible_places() and variants.heatmap.text.toPlainText() == comparison.base_version.text
    first = weakref.ref(comparison)
    del comparison
    take(session, None)
    gc.collect()
    assert first() is None, holders(first())
    assert metadata.model.columnCount() == 0 and variants.model.rowCount() == 0
    assert variants.heatmap.text.toPlainText() == "" and variants.count.text() == "0 of 0 places"


def test_a_result_is_taken_in_a_turn_later_unless_the_case_changed_meanwhile(qtbot, seed_paths):
    """The window takes a finished comparison in from the turn after the one that received it; closing the case
    (or starting another comparison) in between drops it, as a late result always was."""
    case = load_case(seed_paths[:2])
    case.take(case.compare())
    session = Session()
    with qtbot.waitSignal(session.comparisonChanged):
        session.runner.finished.emit(case)  # as the comparison's process delivers it
        assert session.comparison is None  # not in the receiving turn
    assert session.comparison is case.comparison and session.is_final()
    session.close()
    again = load_case(seed_paths[:2])
    again.take(again.compare())
    session.runner.finished.emit(again)
    session.close()  # before the window's next turn
    qtbot.wait(50)
    assert session.comparison is None
