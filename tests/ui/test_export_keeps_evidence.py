"""Ctrl+E never writes a report over one of the files being compared, even when the user confirmed replacing it
in the save dialog; and the window shows what the loader says about a file given twice or a locked folder."""

from __future__ import annotations

import os

import pytest
from app_helpers import open_and_wait
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox


@pytest.fixture
def markdown_case(tmp_path, seed_paths):
    """The demo versions saved as Markdown, a format a report can also be written in."""
    folder = tmp_path / "case"
    folder.mkdir()
    out = []
    for p in seed_paths[:3]:
        copy = folder / (p.stem + ".md")
        copy.write_bytes(p.read_bytes())
        out.append(copy)
    return out


def _export_to(qtbot, window, monkeypatch, target):
    shown = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Markdown (*.md *.markdown)"))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a, **k: shown.append(a)))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    return shown


@pytest.mark.parametrize("how", ["the input itself", "a hard link to it", "a symbolic link to it"])
def test_export_over_an_input_file_is_refused(qtbot, window, markdown_case, monkeypatch, tmp_path, how):
    open_and_wait(qtbot, window, markdown_case)
    evidence = markdown_case[1]
    before = evidence.read_bytes()
    target = evidence
    if how != "the input itself":
        target = tmp_path / "report.md"
        (os.link if how == "a hard link to it" else os.symlink)(evidence, target)
    shown = _export_to(qtbot, window, monkeypatch, target)
    assert len(shown) == 1
    parent, title, message = shown[0][:3]
    assert parent is window and title == "Export refused"
    assert message.startswith(f"Nothing was written: the output {target} is one of the files being compared")
    assert evidence.read_bytes() == before
    assert os.path.samefile(target, evidence)


def test_export_to_a_new_file_still_works(qtbot, window, markdown_case, monkeypatch, tmp_path):
    open_and_wait(qtbot, window, markdown_case)
    target = tmp_path / "report.md"
    assert _export_to(qtbot, window, monkeypatch, target) == []
    assert target.read_text(encoding="utf-8").startswith("# Variorum comparison report")


def test_the_window_shows_a_file_given_twice_and_a_folder_it_cannot_read(qtbot, window, markdown_case,
                                                                        monkeypatch):
    folder = markdown_case[0].parent
    locked = folder / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path="."):  # the folder refuses to be listed, as it would for anyone but its owner
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    open_and_wait(qtbot, window, [folder, markdown_case[0]])
    versions = window.comparison.versions
    assert [v.label for v in versions] == [p.name for p in markdown_case] + ["locked", markdown_case[0].name]
    assert versions[3].error == "Could not open the folder: Permission denied."
    assert versions[4].ok and versions[4].warnings == (
        f"This is the same file as v1 ({markdown_case[0].name}), given twice; it is compared with itself.",)
