"""What follows the user from one run to the next: choices per set of files, Open Recent, the export folder."""

from __future__ import annotations

from pathlib import Path

from app_helpers import WAIT_MS, make_window, open_and_wait
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog


def _id_of(window, name: str) -> str:
    return next(v.id for v in window.comparison.versions if v.label == name)


def _reopen(qtbot, tmp_path, window, paths):
    window.close()
    again = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, again, paths)
    qtbot.waitUntil(lambda: again.session.is_final() and not again.runner.is_busy(), timeout=WAIT_MS)
    return again


def test_base_hidden_and_compared_versions_come_back_with_the_same_files(qtbot, tmp_path, darwin_paths):
    window = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, window, darwin_paths)
    versions = window.docks.versions
    versions.set_current(_id_of(window, "origin-1866.txt"))
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        versions.act_base.trigger()
    assert window.comparison.version(window.comparison.base).label == "origin-1866.txt"
    versions.set_current(_id_of(window, "origin-1860.txt"))
    versions.view.setFocus()
    qtbot.keyClick(versions.view, Qt.Key.Key_Space)  # hide 1860
    window.set_compared(_id_of(window, "origin-1872.txt"))
    assert window.compared == _id_of(window, "origin-1872.txt")

    again = _reopen(qtbot, tmp_path, window, list(reversed(darwin_paths)))
    c = again.comparison
    assert c.version(c.base).label == "origin-1866.txt"
    assert {c.version(h).label for h in again.session.hidden_ids()} == {"origin-1860.txt"}
    assert c.version(again.compared).label == "origin-1872.txt"
    assert _id_of(again, "origin-1860.txt") not in [p.version_id for p in again.panes.panes() if p.isVisible()]
    again.close()


def test_open_recent_reopens_a_case_opened_by_relative_paths_from_another_folder(qtbot, tmp_path, seed_paths,
                                                                                monkeypatch):
    here = tmp_path / "case"
    here.mkdir()
    for p in seed_paths[:2]:
        (here / p.name).write_bytes(p.read_bytes())
    monkeypatch.chdir(here)
    window = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, window, [p.name for p in seed_paths[:2]])
    window.close_case()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    with qtbot.waitSignal(window.comparisonShown, timeout=WAIT_MS):
        window.actions_.recent_menu.actions()[0].trigger()
    assert [Path(v.path) for v in window.comparison.versions] == [here / p.name for p in seed_paths[:2]]
    window.close()


def test_the_export_dialog_starts_in_the_last_export_folder(qtbot, tmp_path, seed_paths, monkeypatch):
    reports = tmp_path / "reports"
    reports.mkdir()
    asked = []

    def answer(parent, caption, directory, filters, selected):
        asked.append(Path(directory).parent)
        return str(reports / "first.html"), selected

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    window = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, window, seed_paths[:2])
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert (reports / "first.html").exists()
    window.close()
    again = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, again, seed_paths[:2])
    qtbot.keyClick(again, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == [seed_paths[0].parent, reports]
    again.close()
