"""The Variants dock drives the panes: a row selects its place in every pane, filters narrow the table, Alt+Down
walks places while the table has focus, and the heat map has one shade per differing-version count."""

from __future__ import annotations

from app_helpers import WAIT_MS, open_and_wait
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from variorum.core.variants import compared_versions
from variorum.demo import demo_paths
from variorum.ui.variants.model import PLACE_ROLE


def _show_variants(qtbot, window):
    docks = window.docks
    docks.variants_dock.raise_()
    panel = docks.variants
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=WAIT_MS)
    return panel


def _click_row(qtbot, table, row: int) -> None:
    index = table.model().index(row, 2)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def _row_of(table, text: str) -> int:
    model = table.model()
    return next(r for r in range(model.rowCount()) if any(
        rd.text.strip() == text for rd in model.index(r, 0).data(PLACE_ROLE).readings))


def test_selecting_a_row_selects_the_place_in_every_pane(qtbot, window, darwin_paths):
    open_and_wait(qtbot, window, darwin_paths)
    panel = _show_variants(qtbot, window)
    table = panel.table
    row = _row_of(table, "much more")
    _click_row(qtbot, table, row)
    place = table.model().index(row, 0).data(PLACE_ROLE)
    selected = {}
    for reading in place.readings:
        for vid, start, end in reading.spans:
            got = window.panes.pane(vid).selected_range()
            assert got == (start, end)
            selected[vid] = window.comparison.version(vid).text[start:end]
    assert len(selected) == 6
    years = {window.comparison.version(v).label[7:11]: " ".join(t.split()) for v, t in selected.items()}
    assert years["1859"] == "much more" and years["1860"] == "more" and years["1866"] == "more"
    assert "differ here" in window.statusBar().currentMessage()


def test_filter_where_one_version_differs_from_all_others(qtbot, window, darwin_paths):
    open_and_wait(qtbot, window, darwin_paths)
    panel = _show_variants(qtbot, window)
    c = window.comparison
    v1859 = next(v.id for v in c.versions if "1859" in v.label)
    combo = panel.alone_filter
    combo.setFocus()
    target = combo.findData(v1859)
    assert target > 0 and combo.itemText(target) == f"Where {v1859} differs from all others"
    for _ in range(target):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == v1859
    shown = panel.visible_places()
    assert shown and all(p.alone(v1859) for p in shown)
    expected = [p for p in c.places if not p.cosmetic and p.reading_of(v1859) is not None
                and len(p.reading_of(v1859).versions) == 1]
    assert [p.id for p in shown] == [p.id for p in expected]
    assert any(r.text.strip() == "much more" for p in shown for r in p.readings)
    assert panel.count.text() == f"{len(expected)} of {len(c.places)} places"


def test_alt_down_walks_places_when_the_table_has_focus(qtbot, window, darwin_paths):
    open_and_wait(qtbot, window, darwin_paths)
    panel = _show_variants(qtbot, window)
    table = panel.table
    _click_row(qtbot, table, 0)
    assert table.hasFocus()
    first = table.currentIndex().data(PLACE_ROLE)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    second = table.currentIndex().data(PLACE_ROLE)
    assert table.currentIndex().row() == 1 and second != first
    base = window.comparison.base
    assert window.panes.pane(base).selected_range() == (second.start, second.end)
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert table.currentIndex().row() == 0
    assert window.navigator.current is None  # the table took the keys, not the window's "next difference"
    # elsewhere, Alt+Down still walks the pairwise differences
    editor = window.panes.pane(base).editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.navigator.current is not None and window.navigator.current.difference is not None
    assert table.currentIndex().row() == 0


def test_heat_map_has_one_shade_per_differing_version_count(qtbot, window, darwin_paths):
    open_and_wait(qtbot, window, darwin_paths)
    panel = _show_variants(qtbot, window)
    heat = panel.heatmap
    c = window.comparison
    compared = len(c.alignments)
    shades = heat.shades()
    assert sorted(shades) == list(range(1, compared + 1))
    assert len({q.name() for q in shades.values()}) == compared
    for k in shades:
        assert heat.findChild(type(panel.count), f"heatLegend{k}") is not None
    doc = heat.text.document()
    for p in c.places:
        if p.cosmetic or not p.differing or p.start == p.end:
            continue
        cursor = QTextCursor(doc)
        cursor.setPosition(p.start + 1)
        assert cursor.charFormat().background().color().name() == shades[len(p.differing)].name()


def test_clicking_the_heat_map_selects_the_place(qtbot, window, darwin_paths):
    open_and_wait(qtbot, window, darwin_paths)
    panel = _show_variants(qtbot, window)
    panel.tabs.setCurrentWidget(panel.heatmap)
    text = panel.heatmap.text
    place = next(p for p in window.comparison.places if p.end - p.start > 4 and p.differing and not p.cosmetic)
    cursor = QTextCursor(text.document())
    cursor.setPosition(place.start + 3)
    rect = text.cursorRect(cursor)
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.table.currentIndex().data(PLACE_ROLE) == place
    assert window.panes.pane(window.comparison.base).selected_range() == (place.start, place.end)


def test_timeline_and_stemma_tabs_say_what_they_know(qtbot, window, darwin_paths):
    open_and_wait(qtbot, window, darwin_paths)
    panel = _show_variants(qtbot, window)
    assert panel.timeline.undated.text().startswith("No known time, not placed on the timeline: v1")
    note = panel.stemma.note.text()
    assert note.startswith("Estimated, not proven")
    centres = panel.stemma.graph.centres()
    assert set(centres) == {v.id for v in window.comparison.versions}


def test_sorting_by_the_number_of_differing_versions(qtbot, window, darwin_paths):
    open_and_wait(qtbot, window, darwin_paths)
    panel = _show_variants(qtbot, window)
    table = panel.table
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(3) + header.sectionSize(3) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    counts = [len(p.differing) for p in panel.visible_places()]
    assert counts in (sorted(counts), sorted(counts, reverse=True)) and len(set(counts)) > 1


def test_the_number_column_sorts_both_ways_and_back(qtbot, window, darwin_paths):
    """Sorted by "#" upwards (as the table opens) the places read in text order; a click on the column turns
    them round, another click on another column and back on "#" brings the text order back."""
    open_and_wait(qtbot, window, darwin_paths)
    panel = _show_variants(qtbot, window)
    table = panel.table
    header = table.horizontalHeader()
    in_order = list(panel.model.places())
    shown = [p for p in in_order if not p.cosmetic]  # the table opens on the substantive places

    def click(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    def numbers() -> list[int]:
        return [int(table.model().index(r, 0).data()) for r in range(table.model().rowCount())]

    assert len(shown) > 2 and panel.visible_places() == shown
    assert numbers() == sorted(numbers())
    click(0)
    assert panel.visible_places() == shown[::-1] and numbers() == sorted(numbers(), reverse=True)
    click(3)
    assert panel.visible_places() != shown
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # as the user's click on "#" sorting it upwards
    assert panel.visible_places() == shown and numbers() == sorted(numbers())


def test_kind_and_cosmetic_filters(qtbot, window, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    panel = _show_variants(qtbot, window)
    c = window.comparison
    kind = panel.kind_filter
    kind.setCurrentIndex(kind.findData("delete"))
    shown = panel.visible_places()
    assert shown and all(p.kind == "delete" and not p.cosmetic for p in shown)
    assert len(shown) == sum(1 for p in c.places if p.kind == "delete" and not p.cosmetic)
    kind.setCurrentIndex(0)
    panel.show_filter.setCurrentIndex(panel.show_filter.findData("cosmetic"))
    assert panel.visible_places() and all(p.cosmetic for p in panel.visible_places())
    assert len(panel.visible_places()) == sum(1 for p in c.places if p.cosmetic)
    panel.show_filter.setCurrentIndex(panel.show_filter.findData("all"))
    assert len(panel.visible_places()) == len(c.places)


def _toggle(qtbot, box) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def _strip_colour_at(strip, fraction: float, x: int):
    image = strip.grab().toImage()
    h = max(1, strip.height() - 4)
    return image.pixelColor(x, int(2 + fraction * h)).name()


def test_overview_strip_shades_places_as_the_heat_map_does(qtbot, window, darwin_paths):
    open_and_wait(qtbot, window, darwin_paths)
    panel = _show_variants(qtbot, window)
    panel.tabs.setCurrentWidget(panel.heatmap)
    box, strip = panel.heatmap.on_strip, window.panes.overview
    assert not box.isChecked() and strip.heat() is None
    _toggle(qtbot, box)
    assert box.isChecked() and "Heat map" in strip.toolTip()
    shades = panel.heatmap.shades()
    n = len(window.comparison.base_version.text)
    bands = strip.heat()
    places = [p for p in window.comparison.places if p.differing and not p.cosmetic]
    assert bands is not None and len(bands) == len(places)
    for p, (s, _e, colour) in zip(places, bands, strict=True):  # each place's band in its count's shade
        assert (s, colour.name()) == (p.start / n, shades[len(p.differing)].name())
    h = max(1, strip.height() - 4)
    image = strip.grab().toImage()
    painted = [(2 + s * h, 2 + s * h + max(3.0, (e - s) * h), c) for s, e, c in bands]
    seen = set()
    for top, bottom, _colour in painted:
        row = (top + bottom) / 2
        if any(abs(row - edge) < 1.5 for t, b, _c in painted for edge in (t, b)):
            continue  # too near an edge of this or another band to tell which one the pixel shows
        last = [c for t, b, c in painted if t <= row < b][-1]  # bands painted later lie on top
        assert image.pixelColor(strip.width() // 2, int(row)).name() == last.name()
        seen.add(last.name())
    assert len(seen) > 1  # Darwin's places differ in how many editions differ, and the strip shows it

    _toggle(qtbot, box)
    assert strip.heat() is None and "Heat map" not in strip.toolTip()
    first = places[0]
    middle = (first.start + max(first.end, first.start + 1)) / 2 / n
    assert _strip_colour_at(strip, middle, 1) != shades[len(first.differing)].name()


def test_the_strip_stays_a_heat_map_for_the_next_case(qtbot, window, darwin_paths):
    open_and_wait(qtbot, window, darwin_paths)
    panel = _show_variants(qtbot, window)
    panel.tabs.setCurrentWidget(panel.heatmap)
    box = panel.heatmap.on_strip
    _toggle(qtbot, box)
    window.close_case()
    assert window.panes.overview.heat() is None
    with demo_paths() as demo:
        open_and_wait(qtbot, window, demo)
        qtbot.waitUntil(lambda: bool(window.panes.overview.heat()), timeout=WAIT_MS)
    assert box.isChecked()


def test_a_hidden_variant_table_is_filled_when_first_shown_with_the_same_rows(qtbot, window, darwin_paths):
    """Behind the findings tab the variant table is not filled while the comparison arrives (it held the window
    for a while on a large case); shown, it has the rows, filters and count it would have had."""
    panel = window.docks.variants
    open_and_wait(qtbot, window, darwin_paths)
    qtbot.waitUntil(lambda: window.docks.details_for is window.comparison, timeout=WAIT_MS)
    assert panel.model.rowCount() == 0  # not filled while hidden
    c = window.comparison
    assert not panel.in_view()  # the findings tab is in front
    window.docks.variants_dock.raise_()
    qtbot.waitUntil(panel.in_view, timeout=WAIT_MS)
    assert panel.model.places() == tuple(c.places)
    substantive = [p for p in c.places if not p.cosmetic]
    assert sorted(panel.visible_places(), key=c.places.index) == substantive
    assert panel.count.text() == f"{len(substantive)} of {len(c.places)} places"
    assert panel.alone_filter.count() == 1 + len(compared_versions(c))


def test_a_hidden_variant_table_selects_a_place_asked_for(qtbot, window, darwin_paths):
    """A place asked for while the table is hidden (and not yet filled) is still found and made current."""
    panel = window.docks.variants
    open_and_wait(qtbot, window, darwin_paths)
    qtbot.waitUntil(lambda: window.docks.details_for is window.comparison, timeout=WAIT_MS)
    place = next(p for p in window.comparison.places if not p.cosmetic)
    with qtbot.waitSignal(panel.placeActivated, timeout=WAIT_MS) as activated:
        panel.select_place(place)
    assert activated.args == [place]
    assert panel.table.currentIndex().data(PLACE_ROLE) == place


def test_a_shown_variant_table_is_filled_with_the_comparison(qtbot, window, darwin_paths):
    """With the Variants tab in front, the table is filled as the comparison arrives, not on a later show."""
    panel = window.docks.variants
    window.layout_.show_compare()
    window.docks.variants_dock.raise_()
    open_and_wait(qtbot, window, darwin_paths)
    qtbot.waitUntil(lambda: window.docks.details_for is window.comparison, timeout=WAIT_MS)
    assert panel.model.places() == tuple(window.comparison.places)
    assert panel.in_view()
