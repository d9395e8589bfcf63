"""The session drives the panels: what the user changes in one place is what every panel shows."""

from __future__ import annotations

from app_helpers import WAIT_MS, open_and_wait
from PySide6.QtCore import Qt

from variorum.core.load import EMPTY_FOLDER
from variorum.core.notes import AnchorRef
from variorum.ui.versions.model import COL_VERSION


def listed(window) -> list[tuple[str, bool, bool]]:
    """The version list as the user reads it: each row's id, whether it is ticked (shown), whether it is base."""
    model = window.docks.versions.model
    out = []
    for row in range(model.rowCount()):
        index = model.index(row, COL_VERSION)
        ticked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        out.append((model.version_at(row).id, ticked, model.is_base(row)))
    return out


def metadata_columns(window) -> list[str]:
    table = window.docks.metadata
    return [table.model.version_id(c) for c in range(table.model.columnCount())
            if not table.view.isColumnHidden(c)]


def pane_ids(window) -> list[str]:
    return [p.version_id for p in window.panes.panes()]


def test_an_empty_folder_is_listed_with_its_error_as_on_the_command_line(qtbot, window, seed_paths, tmp_path):
    empty = tmp_path / "nothing to compare"
    empty.mkdir()
    (empty / "photo.gif").write_bytes(b"GIF89a")  # not a format Variorum reads
    open_and_wait(qtbot, window, [seed_paths[0], empty, seed_paths[1]])
    model = window.docks.versions.model
    rows = [model.version_at(r) for r in range(model.rowCount())]
    assert [(v.id, v.label) for v in rows] == [("v1", seed_paths[0].name), ("v2", "nothing to compare"),
                                              ("v3", seed_paths[1].name)]
    assert rows[1].error == EMPTY_FOLDER
    assert EMPTY_FOLDER in model.index(1, COL_VERSION).data(Qt.ItemDataRole.ToolTipRole)
    assert pane_ids(window) == ["v1", "v3"]


def test_hiding_a_version_and_changing_the_base_reach_every_panel(qtbot, window):
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    session = window.session
    c = window.comparison
    ids = [v.id for v in c.versions]
    assert pane_ids(window) == ids and metadata_columns(window) == ids

    # Hide the compared version: the list, the panes and the metadata table leave it out; another is compared.
    hidden = window.compared
    window.docks.versions.set_current(hidden)
    with qtbot.waitSignal(session.versionsChanged):
        window.docks.versions.act_toggle.trigger()
    qtbot.waitUntil(lambda: not window.panes.is_filling(), timeout=WAIT_MS)
    shown = [vid for vid in ids if vid != hidden]
    assert session.hidden_ids() == {hidden}
    assert [(vid, ticked) for vid, ticked, _base in listed(window)] == [(vid, vid != hidden) for vid in ids]
    assert pane_ids(window) == shown == metadata_columns(window)
    assert window.compared not in (None, hidden, c.base)
    assert window.panes.pane(window.compared).role.full_text().startswith("compared")

    # Use another shown version as the base: a new comparison, and the hidden version stays hidden.
    new_base = next(vid for vid in shown if vid not in (c.base, window.compared))
    window.docks.versions.set_current(new_base)
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.docks.versions.act_base.trigger()
    after = window.comparison
    assert after is not c and after.base == new_base
    assert [(vid, ticked, base) for vid, ticked, base in listed(window)] == [
        (vid, vid != hidden, vid == new_base) for vid in ids]
    assert pane_ids(window) == shown == metadata_columns(window)
    assert window.panes.pane(new_base).role.full_text() == "base"
    assert window.compared not in (None, hidden, new_base)
    assert window.docks.findings.model.findings() == list(after.findings)
    assert window.docks.versions.current_id() == window.compared


def test_cosmetic_differences_follow_the_session_wherever_they_are_switched(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    action = window.actions_.hide_cosmetic
    assert action.isChecked() and not window.session.show_cosmetic
    with qtbot.waitSignal(window.session.cosmeticChanged) as shown:
        qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert shown.args == [True]
    assert window.panes.show_cosmetic and not action.isChecked()
    window.session.set_show_cosmetic(False)  # e.g. a note on a difference asks for it
    assert action.isChecked() and not window.panes.show_cosmetic


def test_the_compared_version_and_the_focus_go_through_the_session(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths[:3])
    session = window.session
    first = window.compared
    with qtbot.waitSignal(session.currentChanged):
        qtbot.keyClick(window.panes.pane(first).editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    second = session.compared
    assert second not in (first, window.comparison.base)
    assert window.docks.versions.current_id() == second
    assert window.panes.pane(second).role.full_text().startswith("compared")
    assert window.navigator.current is None

    # Alt+Down reaches a difference: that is what a new note attaches to, in the notes dock too.
    qtbot.keyClick(window.panes.pane(second).editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    stop = window.navigator.current
    assert stop is not None and stop.difference is not None
    assert session.focus == AnchorRef("difference", stop.difference.id)
    label = window.case_notes.panel.context_label
    assert label.text().startswith(f"Add note to: {stop.difference.kind} in {second}")

    # A finding chosen in the list takes its place.
    findings = window.docks.findings
    finding = findings.shown_findings()[0]
    view = findings.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(0, 0)).center())
    assert session.focus == AnchorRef("finding", finding.id)
    assert label.toolTip() == finding.message
