"""Clicking a finding selects its evidence in every pane that holds some and scrolls it into view; the other panes
say in their header that they hold none. Notes on words lead to those words in every version."""

from __future__ import annotations

import html

import pytest
from app_helpers import make_window, open_and_wait
from notes_helpers import select_with_keyboard, words_free_of_highlights
from panes_helpers import click_finding, on_screen
from PySide6.QtCore import QPoint, Qt

from variorum.core.normalize import word_key
from variorum.demo import demo_paths
from variorum.ui.panes.evidence import NO_EVIDENCE
from variorum.ui.panes.highlights import is_word_diffed


def _pdf(path, paragraphs) -> None:
    """A PDF with a text layer, one paragraph after another, as a word processor prints it."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    doc = QTextDocument()
    doc.setHtml("".join(f"<p>{html.escape(' '.join(p.split()))}</p>" for p in paragraphs))
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc.print_(writer)


def mixed_formats(folder, sources):
    """The demo's texts as a web page, its Markdown copy as Markdown, the wire copy as a PDF, the related story as
    a Word file (the last stays plain text)."""
    import docx

    paths = []
    for n, src in enumerate(sources):
        paras = [p for p in src.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        if n == 0:
            path = folder / f"{src.stem}.html"
            body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
            path.write_text(f"<html><head><title>{src.stem}</title></head><body><article>{body}</article>"
                            "</body></html>", encoding="utf-8")
        elif n == 1:
            path = folder / f"{src.stem}.md"
            path.write_text("\n\n".join(paras), encoding="utf-8")
        elif n == 2:
            path = folder / f"{src.stem}.pdf"
            _pdf(path, src.read_text(encoding="utf-8").splitlines())
        elif n == 3:
            path = folder / f"{src.stem}.docx"
            document = docx.Document()
            for p in paras:
                document.add_paragraph(p)
            document.save(path)
        else:
            path = folder / src.name
            path.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(params=["demo", "energy", "mixed"])
def case_window(request, qtbot, tmp_path, energy_paths):
    w = make_window(qtbot, tmp_path, 1280, 720)
    with demo_paths() as demo:
        paths = {"demo": demo, "energy": energy_paths}.get(request.param)
        if paths is None:
            folder = tmp_path / "mixed"
            folder.mkdir()
            paths = mixed_formats(folder, sorted(demo))
        open_and_wait(qtbot, w, paths)
        yield w
    w.runner.invalidate()
    w.runner.wait()


def test_every_finding_selects_its_evidence_in_every_pane(qtbot, case_window):
    window = case_window
    c = window.comparison
    assert c.findings
    shown = {p.version_id: p for p in window.panes.panes()}
    activated = []
    window.docks.findingActivated.connect(activated.append)
    for finding in c.findings:
        click_finding(qtbot, window, finding)
        assert activated[-1] == finding, (finding.kind, activated[-1].kind)
        cited = {}
        for e in finding.evidence:
            if e.end > e.start and e.version in shown:
                cited.setdefault(e.version, []).append((e.start, e.end))
        for vid, pane in shown.items():
            if vid in cited:
                marked = pane.marked_ranges()
                for span in cited[vid]:
                    assert span in marked, (finding.kind, vid, span)
                assert pane.selected_range() == cited[vid][0]
                assert on_screen(pane, cited[vid][0][0]), (finding.kind, vid)
                assert NO_EVIDENCE not in pane.role.full_text()
            else:
                assert pane.selected_range()[0] == pane.selected_range()[1], (finding.kind, vid, finding.evidence)
                assert pane.role.full_text().endswith(NO_EVIDENCE), (finding.kind, vid)


def test_a_note_on_words_leads_to_those_words_in_every_version(qtbot, tmp_path, darwin_paths):
    window = make_window(qtbot, tmp_path, 1280, 720)
    open_and_wait(qtbot, window, darwin_paths)
    c = window.comparison
    base = window.panes.pane(c.base)
    start, _end = words_free_of_highlights(base, base.version.text, "individuals of the same variety")
    select_with_keyboard(qtbot, base, start, 5)
    qtbot.keyClick(base.editor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    words = base.version.text[slice(*base.selected_range())].strip()
    qtbot.keyClick(base.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # go elsewhere
    notes = window.case_notes.panel.note_list
    item = notes.topLevelItem(0)
    rect = notes.visualItemRect(item)
    qtbot.mouseClick(notes.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 8, rect.center().y()))
    lined_up = [p for p in window.panes.panes() if p.version_id == c.base or is_word_diffed(c, p.version_id)]
    assert len(lined_up) == len(c.versions) == 6
    for pane in lined_up:
        s, e = pane.selected_range()
        assert word_key(pane.version.text[s:e]) == word_key(words), pane.version_id
        assert on_screen(pane, s)
    window.runner.invalidate()
    window.runner.wait()
