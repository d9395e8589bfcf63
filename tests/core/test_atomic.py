import os
import stat

import pytest

from variorum.core.atomic import atomic_write_text


def test_writes_whole_file_with_normal_permissions(tmp_path):
    target = tmp_path / "report.html"
    atomic_write_text(target, "<p>hello</p>")
    assert target.read_text(encoding="utf-8") == "<p>hello</p>"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_keeps_mode_of_replaced_file(tmp_path):
    target = tmp_path / "notes.md"
    target.write_text("old")
    target.chmod(0o640)
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_failure_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "r.json"
    target.write_text("old")

    def boom(*_a):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


@pytest.mark.parametrize("kind", ["named pipe", "symbolic link", "folder"])
def test_only_a_regular_file_is_ever_replaced(tmp_path, kind):
    target = tmp_path / "out.json"
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("kept")
    {"named pipe": os.mkfifo, "folder": os.mkdir, "symbolic link": lambda p: p.symlink_to(elsewhere)}[kind](target)
    with pytest.raises(OSError, match="exists and is not a regular file") as refused:
        atomic_write_text(target, "new")
    assert refused.value.filename == str(target)
    assert (target.is_fifo(), target.is_symlink(), target.is_dir()) == (
        kind == "named pipe", kind == "symbolic link", kind == "folder")
    assert elsewhere.read_text() == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere.txt", "out.json"]
