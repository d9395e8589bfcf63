from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from session_helpers import session_with

from variorum.core.model import Metadata
from variorum.ui.metadata.table import FIELDS, NO_METADATA, MetadataTable
from variorum.ui.palette import diff_formats

ROW = {f.name: i for i, f in enumerate(FIELDS)}


def make_table(qtbot, comparison):
    t = MetadataTable(session_with(comparison))
    qtbot.addWidget(t)
    t.resize(900, 300)
    t.redraw()
    t.show()
    qtbot.waitExposed(t)
    return t


def cell(t, field, col):
    return t.model.index(ROW[field], col)


def test_columns_are_versions_with_colour_and_base_marker(qtbot, comparison):
    t = make_table(qtbot, comparison)
    m = t.model
    assert m.columnCount() == 5
    assert m.headerData(1, Qt.Orientation.Horizontal) == "★ v2  edition-2.txt"
    assert m.headerData(0, Qt.Orientation.Horizontal) == "v1  edition-1.txt"
    assert m.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DecorationRole) is not None
    assert [m.headerData(r, Qt.Orientation.Vertical) for r in (ROW["byline"], ROW["url"])] == ["Byline", "URL"]


def test_disagreements_are_marked_with_sign_weight_and_tint(qtbot, comparison):
    t = make_table(qtbot, comparison)
    # v3 (same article) has another title, date and link target than the base v2; v4 is only related.
    assert t.disagreeing_fields() == ["title", "published", "links"]
    title_v3 = cell(t, "title", 2)
    assert title_v3.data() == "≠ Dam bursts after storms"
    assert title_v3.data(Qt.ItemDataRole.FontRole).bold()
    assert title_v3.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "differs from v2  edition-2.txt" in title_v3.data(Qt.ItemDataRole.ToolTipRole)
    assert t.model.headerData(ROW["title"], Qt.Orientation.Vertical) == "≠ Title"
    # The base and the agreeing version are not marked; the related version is not checked at all.
    assert cell(t, "title", 1).data() == "Dam bursts after storm"
    assert cell(t, "title", 0).data() == "Dam bursts after storm"
    assert cell(t, "title", 3).data() == "Storm season begins"
    # A bare date agrees with a timestamp on the same day.
    assert cell(t, "published", 0).data() == "2020-05-04"
    assert cell(t, "published", 2).data() == "≠ 2020-05-05"
    # Byline agrees everywhere.
    assert t.model.headerData(ROW["byline"], Qt.Orientation.Vertical) == "Byline"


def test_missing_values_show_a_dash_and_links_list_in_tooltip(qtbot, comparison):
    t = make_table(qtbot, comparison)
    assert cell(t, "modified", 0).data() == "—"
    assert cell(t, "credits", 0).data() == "—"  # missing is not a disagreement
    assert cell(t, "credits", 1).data() == "Photo: Agency"
    assert cell(t, "links", 0).data() == "1 link"
    assert "https://example.org/2020/05/report" in cell(t, "links", 0).data(Qt.ItemDataRole.ToolTipRole)
    assert cell(t, "title", 4).data() == "—"  # unreadable version
    assert "could not be read" in cell(t, "title", 4).data(Qt.ItemDataRole.ToolTipRole)
    assert "og:title" in cell(t, "title", 0).data(Qt.ItemDataRole.ToolTipRole)


def test_a_field_a_format_cannot_carry_reads_not_stated(qtbot, comparison):
    # v1 is a page with a <head>: a field it lacks is missing. v3 has no place for metadata (a plain text, an
    # extracted article body): its silence is "not stated", and the tooltip says it is no discrepancy.
    t = make_table(qtbot, comparison)
    assert cell(t, "credits", 0).data() == "—"
    assert cell(t, "credits", 2).data() == "not stated"
    assert "not a discrepancy" in cell(t, "credits", 2).data(Qt.ItemDataRole.ToolTipRole)
    assert cell(t, "title", 4).data() == "—"  # an unreadable file states nothing either way


def click(qtbot, t, field, col, modifier=Qt.KeyboardModifier.NoModifier):
    pos = t.view.visualRect(cell(t, field, col)).center()
    qtbot.mouseClick(t.view.viewport(), Qt.MouseButton.LeftButton, modifier, pos=pos)


def test_ctrl_c_copies_the_plain_value(qtbot, comparison):
    t = make_table(qtbot, comparison)
    click(qtbot, t, "title", 2)
    qtbot.keyClick(t.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Dam bursts after storms"
    click(qtbot, t, "modified", 0)
    qtbot.keyClick(t.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == ""


def test_copying_a_block_gives_tab_separated_lines(qtbot, comparison):
    t = make_table(qtbot, comparison)
    click(qtbot, t, "title", 0)
    click(qtbot, t, "published", 1, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(t.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == (
        "Dam bursts after storm\tDam bursts after storm\n2020-05-04\t2020-05-04T10:00:00")


def test_without_base_value_the_majority_is_the_reference(qtbot, comparison):
    versions = list(comparison.versions)
    versions[1] = replace(versions[1], metadata=Metadata())  # the base says nothing
    versions[0] = replace(versions[0], metadata=Metadata(byline="B. Writer"))
    t = make_table(qtbot, replace(comparison, versions=tuple(versions)))
    # v1 "B. Writer" vs v3 "A. Writer": no majority, first one wins the tie and the other is marked.
    assert cell(t, "byline", 2).data() == "≠ A. Writer"
    assert cell(t, "byline", 0).data() == "B. Writer"


def test_versions_without_metadata_say_so(qtbot, comparison):
    bare = tuple(replace(v, metadata=Metadata()) for v in comparison.versions)
    t = make_table(qtbot, replace(comparison, versions=bare))
    assert t.hint.isVisible() and t.hint.text() == NO_METADATA
    assert t.disagreeing_fields() == []


def test_hiding_versions_hides_their_columns(qtbot, comparison):
    t = make_table(qtbot, comparison)
    t.set_visible_ids(["v1", "v2"])
    assert [t.view.isColumnHidden(c) for c in range(5)] == [False, False, True, True, True]
    t.set_visible_ids(None)
    assert not any(t.view.isColumnHidden(c) for c in range(5))


def test_marks_follow_a_switch_to_a_dark_palette(qtbot, qapp, comparison):
    t = make_table(qtbot, comparison)
    light = cell(t, "title", 2).data(Qt.ItemDataRole.BackgroundRole).color()
    assert light == diff_formats(False)["replace"].background().color()
    before = qapp.palette()
    try:
        qapp.setPalette(QPalette(QColor("#2a2a2a")))
        qtbot.waitUntil(lambda: cell(t, "title", 2).data(Qt.ItemDataRole.BackgroundRole).color()
                        == diff_formats(True)["replace"].background().color())
    finally:
        qapp.setPalette(before)
