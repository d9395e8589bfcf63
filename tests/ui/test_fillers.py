"""Filler space: the panes that have a paragraph get empty lines before it to start it level with the lowest."""

from variorum.ui.panes.fillers import filler_lines

LINE = 14.0


def _placed(tops, fillers, vid, at):
    """Where an anchor ends up once the filler lines at or before it are shown."""
    return tops[vid][at] + LINE * sum(n for o, n in fillers[vid].items() if o <= at)


def test_each_row_is_brought_down_to_its_lowest_pane():
    rows = [{"v1": 0, "v2": 0}, {"v1": 50, "v2": 10, "v3": 0}, {"v1": 90, "v3": 40}]
    tops = {"v1": {0: 0.0, 50: 140.0, 90: 280.0}, "v2": {0: 42.0, 10: 70.0}, "v3": {0: 0.0, 40: 112.0}}
    out = filler_lines(rows, tops, LINE)
    assert out["v1"] == {0: 3}  # v2 starts 3 lines lower
    for row in rows:
        placed = {_placed(tops, out, vid, at) for vid, at in row.items()}
        assert len(placed) == 1, (row, placed)
    assert all(n > 0 for f in out.values() for n in f.values())


def test_no_rows_no_fillers():
    assert filler_lines([], {"v1": {}}, LINE) == {"v1": {}}
