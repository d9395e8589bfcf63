from dataclasses import replace

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem
from session_helpers import session_with, take

from variorum.core.model import Relation
from variorum.ui.versions.panel import COL_FORMAT, COL_RELATION, COL_VERSION, VersionListWidget

ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def make_list(qtbot, comparison):
    w = VersionListWidget(session_with(comparison))
    w.visibilityChanged.connect(w.session.set_visible)  # as the window does: the session hides the version
    qtbot.addWidget(w)
    w.resize(420, 260)
    w.redraw()
    w.show()
    qtbot.waitExposed(w)
    return w


def rerun_in(w, comparison):
    """The session takes another comparison of the case; the window's take-in redraws the list."""
    take(w.session, comparison)
    w.redraw()


def row_rect(w, row, col=COL_VERSION):
    return w.view.visualRect(w.model.index(row, col))


def click_row(qtbot, w, row, col=COL_RELATION):
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=row_rect(w, row, col).center())


def check_box_pos(w, row):
    """Where the style draws the visibility check box of ``row``."""
    idx = w.model.index(row, COL_VERSION)
    opt = QStyleOptionViewItem()
    w.view.initViewItemOption(opt)
    opt.rect = w.view.visualRect(idx)
    w.view.itemDelegateForIndex(idx).initStyleOption(opt, idx)
    return w.view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, opt, w.view).center()


def cell(w, row, col):
    return w.model.index(row, col).data()


def test_rows_show_label_relation_format_and_base(qtbot, comparison):
    w = make_list(qtbot, comparison)
    assert [cell(w, r, COL_VERSION) for r in range(4)] == ["v1  edition-1.txt", "v2  edition-2.txt", "v3  edition-3.txt", "v4  edition-4.txt"]
    assert cell(w, 0, COL_RELATION) == "same article · 97%"
    assert cell(w, 1, COL_RELATION) == "★ base"
    assert cell(w, 2, COL_RELATION) == "same article · 91%"
    assert cell(w, 3, COL_RELATION) == "related · 18%"
    assert w.model.index(1, COL_VERSION).data(Qt.ItemDataRole.FontRole).bold()
    tip = w.model.index(0, COL_VERSION).data(Qt.ItemDataRole.ToolTipRole)
    assert comparison.versions[0].sha256 in tip and "/cases/edition-1.txt" in tip


def test_unreadable_version_shows_its_error(qtbot, comparison):
    w = make_list(qtbot, comparison)
    text = cell(w, 4, COL_VERSION)
    assert text.startswith("v5  broken.bin — could not read: not a text file")
    assert w.view.isFirstColumnSpanned(4, w.model.index(-1, -1))
    idx = w.model.index(4, COL_VERSION)
    assert idx.data(Qt.ItemDataRole.DecorationRole) is not None
    assert comparison.versions[4].error in idx.data(Qt.ItemDataRole.ToolTipRole)
    assert "v5" not in w.visible_ids()


def test_clicking_a_row_emits_current_version(qtbot, comparison):
    w = make_list(qtbot, comparison)
    with qtbot.waitSignal(w.currentVersionChanged) as blocker:
        click_row(qtbot, w, 2)
    assert blocker.args == ["v3"]
    # Selecting by code does not echo back.
    with qtbot.assertNotEmitted(w.currentVersionChanged):
        w.set_current("v1")
    assert w.current_id() == "v1"


def test_checkbox_click_hides_and_shows_a_version(qtbot, comparison):
    w = make_list(qtbot, comparison)
    box = check_box_pos(w, 0)
    with qtbot.waitSignal(w.visibilityChanged) as blocker:
        qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert blocker.args == ["v1", False]
    assert w.visible_ids() == ["v2", "v3", "v4"]
    with qtbot.waitSignal(w.visibilityChanged) as blocker:
        qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert blocker.args == ["v1", True]
    assert w.visible_ids() == ["v1", "v2", "v3", "v4"]


def test_hide_action_and_space_toggle_visibility(qtbot, comparison):
    w = make_list(qtbot, comparison)
    click_row(qtbot, w, 2)
    assert w.act_toggle.text() == "Hide"
    with qtbot.waitSignal(w.visibilityChanged) as blocker:
        w.act_toggle.trigger()
    assert blocker.args == ["v3", False]
    assert w.act_toggle.text() == "Show"
    with qtbot.waitSignal(w.visibilityChanged) as blocker:
        qtbot.keyClick(w.view, Qt.Key.Key_Space)
    assert blocker.args == ["v3", True]


def test_hidden_versions_stay_hidden_after_a_rerun(qtbot, comparison):
    w = make_list(qtbot, comparison)
    w.set_visible("v3", False)
    rerun = replace(comparison, base="v1",
                    relations={**comparison.relations, "v1": Relation("base", 1.0),
                               "v2": Relation("same-article", 0.97)})
    rerun_in(w, rerun)
    assert w.visible_ids() == ["v1", "v2", "v4"]
    assert cell(w, 0, COL_RELATION) == "★ base"


def test_keyboard_reorder_emits_the_new_order(qtbot, comparison):
    w = make_list(qtbot, comparison)
    click_row(qtbot, w, 2)
    with qtbot.waitSignal(w.orderChanged) as blocker:
        qtbot.keyClick(w.view, Qt.Key.Key_Up, ALT_SHIFT)
    assert blocker.args == [["v1", "v3", "v2", "v4", "v5"]]
    assert w.current_id() == "v3"
    with qtbot.waitSignal(w.orderChanged) as blocker:
        qtbot.keyClick(w.view, Qt.Key.Key_Down, ALT_SHIFT)
    assert blocker.args == [["v1", "v2", "v3", "v4", "v5"]]
    with qtbot.waitSignal(w.orderChanged) as blocker:
        qtbot.keyClick(w.view, Qt.Key.Key_Down, ALT_SHIFT)
    assert blocker.args == [["v1", "v2", "v4", "v3", "v5"]]
    assert w.order() == ["v1", "v2", "v4", "v3", "v5"]
    assert w.visible_ids() == ["v1", "v2", "v4", "v3"]


def test_keyboard_reorder_stops_at_the_ends(qtbot, comparison):
    w = make_list(qtbot, comparison)
    click_row(qtbot, w, 0)
    assert not w.act_up.isEnabled()
    with qtbot.assertNotEmitted(w.orderChanged):
        qtbot.keyClick(w.view, Qt.Key.Key_Up, ALT_SHIFT)
    assert w.order()[0] == "v1"


def drag_event(cls, pos, *args):
    """A drag enter/move event: Qt 6.12 takes a QPointF, earlier versions only a QPoint."""
    try:
        return cls(pos, *args)
    except TypeError:
        return cls(pos.toPoint(), *args)


def drop(w, source_row, target_pos):
    """Drag ``source_row`` and drop it at ``target_pos`` in the view, as the mouse would."""
    w.view.setCurrentIndex(w.model.index(source_row, COL_VERSION))
    data = w.model.mimeData([w.model.index(source_row, COL_VERSION)])
    pos = QPointF(target_pos)
    args = (Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    for ev in (drag_event(QDragEnterEvent, pos, *args), drag_event(QDragMoveEvent, pos, *args)):
        QApplication.sendEvent(w.view.viewport(), ev)
        assert ev.isAccepted()
    ev = QDropEvent(pos, *args)
    QApplication.sendEvent(w.view.viewport(), ev)
    return ev


def test_dragging_a_row_reorders_and_keeps_every_version(qtbot, comparison):
    w = make_list(qtbot, comparison)
    # Drop v4 onto the top half of the first row: it goes first.
    top = row_rect(w, 0, COL_RELATION)
    with qtbot.waitSignal(w.orderChanged) as blocker:
        drop(w, 3, QPoint(top.center().x(), top.top() + 2))
    assert blocker.args == [["v4", "v1", "v2", "v3", "v5"]]
    # Drop v4 onto the bottom half of the last row: it goes last.
    last = row_rect(w, 4, COL_RELATION)
    with qtbot.waitSignal(w.orderChanged) as blocker:
        drop(w, 0, QPoint(last.center().x(), last.bottom() - 1))
    assert blocker.args == [["v1", "v2", "v3", "v5", "v4"]]
    assert w.model.rowCount() == 5


def test_drops_from_elsewhere_are_refused(qtbot, comparison):
    w = make_list(qtbot, comparison)
    other = make_list(qtbot, comparison)
    data = other.model.mimeData([other.model.index(0, COL_VERSION)])
    assert not w.model.canDropMimeData(data, Qt.DropAction.MoveAction, 2, 0, w.model.index(-1, -1))
    assert w.order() == ["v1", "v2", "v3", "v4", "v5"]


def test_use_as_base_and_remove(qtbot, comparison):
    w = make_list(qtbot, comparison)
    click_row(qtbot, w, 1)
    assert not w.act_base.isEnabled()  # already the base
    click_row(qtbot, w, 4)
    assert not w.act_base.isEnabled()  # unreadable
    click_row(qtbot, w, 2)
    with qtbot.waitSignal(w.baseRequested) as blocker:
        w.act_base.trigger()
    assert blocker.args == ["v3"]
    with qtbot.waitSignal(w.removeRequested) as blocker:
        qtbot.keyClick(w.view, Qt.Key.Key_Delete)
    assert blocker.args == ["v3"]


def test_a_narrow_list_gives_the_names_room(qtbot, comparison):
    w = make_list(qtbot, comparison)
    assert not w.view.isColumnHidden(COL_FORMAT)
    w.resize(220, 260)
    qtbot.waitUntil(lambda: w.view.isColumnHidden(COL_FORMAT))
    assert w.view.header().sectionSize(COL_RELATION) <= w.view.viewport().width() * 0.4 + 1
    w.resize(500, 260)
    qtbot.waitUntil(lambda: not w.view.isColumnHidden(COL_FORMAT))


def test_dropping_a_row_where_it_was_changes_nothing(qtbot, comparison):
    w = make_list(qtbot, comparison)
    here = row_rect(w, 2, COL_RELATION)
    with qtbot.assertNotEmitted(w.orderChanged):
        drop(w, 2, QPoint(here.center().x(), here.top() + 2))
    assert w.order() == ["v1", "v2", "v3", "v4", "v5"]


def test_file_drops_are_left_to_the_window(qtbot, comparison):
    w = make_list(qtbot, comparison)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile("/tmp/another-version.html")])
    pos = QPointF(row_rect(w, 1, COL_RELATION).center())
    ev = drag_event(QDragEnterEvent, pos, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(w.view.viewport(), ev)
    assert not ev.isAccepted()  # so it travels on to the main window, which opens files
    assert w.order() == ["v1", "v2", "v3", "v4", "v5"]


def test_current_version_survives_a_rerun(qtbot, comparison):
    w = make_list(qtbot, comparison)
    click_row(qtbot, w, 2)
    with qtbot.assertNotEmitted(w.currentVersionChanged):
        rerun_in(w, replace(comparison))
    assert w.current_id() == "v3"
    # Without v3 the list falls back to the base.
    without = replace(comparison, versions=tuple(v for v in comparison.versions if v.id != "v3"))
    rerun_in(w, without)
    assert w.current_id() == "v2"
