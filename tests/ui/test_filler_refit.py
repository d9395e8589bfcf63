"""When the window changes width, the filler space is fitted again: the lines that change are added or taken out,
and each pane still shows its text, its highlights and the words the user selected."""

from __future__ import annotations

import pytest
from app_helpers import make_window, open_and_wait
from PySide6.QtCore import Qt

PARAS = [f"Paragraph {i}: the council met on day {i} and discussed item {i} of the budget at length, "
         f"with questions from members about costs, dates and the contractors involved." for i in range(40)]
EXTRA = [f"Inserted passage {k} about an unrelated harbour project and its many delays, which the members "
         f"of the council raised again and again over the years." for k in range(4)]


@pytest.fixture
def case(qtbot, tmp_path):
    """A window showing three versions: one with passages the others lack, one with words changed, one as first
    written."""
    files = {
        "longer.txt": PARAS[:6] + EXTRA[:2] + PARAS[6:20] + EXTRA[2:] + PARAS[20:],
        "edited.txt": [p.replace("at length", "briefly") if i % 3 == 0 else p for i, p in enumerate(PARAS)],
        "first.txt": PARAS,
    }
    paths = []
    for name, paras in files.items():
        path = tmp_path / name
        path.write_text("\n\n".join(paras), encoding="utf-8")
        paths.append(path)
    window = make_window(qtbot, tmp_path, 1200, 700)
    window.keep_settings = False  # the widths it is given are not the next window's
    open_and_wait(qtbot, window, paths)
    qtbot.waitUntil(window.panes.settled, timeout=5000)
    yield window
    window.runner.invalidate()
    window.runner.wait()


def shown_text(pane) -> str:
    """The pane's text with its filler lines, as the pane says they are."""
    text, out, last = pane.version.text, [], 0
    for at, lines in sorted(pane.fillers().items()):
        out += [text[last:at], "\n" * lines]
        last = at
    return "".join([*out, text[last:]])


def resize_until_refitted(qtbot, window, width: int) -> dict:
    before = {p.version_id: p.fillers() for p in window.panes.panes()}
    window.resize(width, window.height())
    qtbot.waitUntil(lambda: window.panes.settled()
                    and {p.version_id: p.fillers() for p in window.panes.panes()} != before, timeout=5000)
    qtbot.waitUntil(window.panes.settled, timeout=5000)
    return before


def test_the_text_and_highlights_stay_as_they_were_when_the_filler_space_changes(qtbot, case):
    window = case
    painted = {p.version_id: p.painted_ranges() for p in window.panes.panes()}
    assert any(p.fillers() for p in window.panes.panes())
    for width in (800, 1500):  # narrower (more filler lines), then wider (some taken out)
        resize_until_refitted(qtbot, window, width)
        for pane in window.panes.panes():
            assert pane.editor.document().toPlainText() == shown_text(pane)
            assert pane.painted_ranges() == painted[pane.version_id]


def test_words_the_user_selected_stay_selected_when_the_filler_space_changes(qtbot, case):
    window = case
    pane = max(window.panes.panes(), key=lambda p: sum(p.fillers().values()))
    assert pane.fillers()
    words = "item 30 of the budget"
    at = pane.version.text.index(words)
    editor = pane.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(pane.to_qt(at))
    editor.setTextCursor(cursor)  # the caret put before the words, then Shift+Right over them, as a user does
    for _ in words:
        qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectedText() == words
    resize_until_refitted(qtbot, window, 800)
    assert editor.textCursor().selectedText() == words
    assert pane.selected_range() == (at, at + len(words))


def test_filler_lines_come_and_go_without_laying_the_text_out_again(qtbot, case):
    """Only the filler lines that change are added or taken out: the paragraphs keep their layout, so fitting the
    filler space again does not lay a long text out a second time."""
    window = case
    pane = max(window.panes.panes(), key=lambda p: sum(p.fillers().values()))
    fillers = pane.fillers()
    assert fillers and 0 not in fillers
    pane.lay_out()

    def text_lines_to_lay_out() -> list[str]:
        block, out = pane.editor.document().firstBlock(), []
        while block.isValid():
            if block.text().strip() and not block.layout().lineCount():
                out.append(block.text())
            block = block.next()
        return out

    for change in (2, -1):  # more filler lines, then fewer
        fillers = {at: lines + change for at, lines in fillers.items()}
        pane.set_fillers(fillers)
        assert pane.editor.document().toPlainText() == shown_text(pane)
        assert text_lines_to_lay_out() == []
