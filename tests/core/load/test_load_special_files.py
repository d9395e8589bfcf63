"""Named pipes, devices, sockets, folders, link loops and files given twice: the program never hangs or reads
without end, and each becomes one version with a clear message while the other versions still compare."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

import pytest

from special_files import fifo_with_writer
from variorum.core.load import expand_paths, load_file, load_paths

ARTICLE = "The Kremlin said on Wednesday that events in Belarus did not yet warrant Russian military help.\n"
ONLY_FILES = "Variorum reads only regular files."
FIFO = f"This is a named pipe (FIFO), not a file with a document in it; {ONLY_FILES}"
DEVICE = f"This is a device, not a file with a document in it; {ONLY_FILES}"
LOOP = "Could not open the file: Too many levels of symbolic links."
LOCKED = "Could not open the folder: Permission denied."


@pytest.fixture
def make_unreadable(monkeypatch):
    """Take read permission away from a folder. The superuser reads anything, so there the folder is made to
    refuse listing just as it would refuse anybody else."""
    locked: list[Path] = []
    real_scandir = os.scandir

    def scandir(path="."):
        if any(Path(path) == p for p in locked):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_scandir(path)

    if os.geteuid() == 0:
        monkeypatch.setattr(os, "scandir", scandir)

    def lock(folder: Path) -> Path:
        folder.chmod(0)
        locked.append(folder)
        return folder

    yield lock
    for folder in locked:
        folder.chmod(0o700)


def _good(tmp_path, name="good.txt"):
    path = tmp_path / name
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "x.txt"
    with fifo_with_writer(pipe, ARTICLE.encode()):
        good, pipe_v = load_paths([_good(tmp_path), pipe])
    assert good.ok
    assert (pipe_v.error, pipe_v.label, pipe_v.format) == (FIFO, "x.txt", "unknown")


def test_file_swapped_for_a_pipe_after_listing_is_refused(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    _good(folder, "a.txt")
    swapped = _good(folder, "b.txt")
    listed = expand_paths([folder])
    assert listed == [folder / "a.txt", swapped]
    swapped.unlink()
    with fifo_with_writer(swapped, ARTICLE.encode()):
        v = load_file(listed[1], version_id="v2")
    assert v.error == FIFO


def test_devices_are_never_read(tmp_path):
    v = load_file("/dev/null", version_id="v1")
    assert (v.error, v.label) == (DEVICE, "null")
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    v = load_file(zero, version_id="v2")
    assert (v.error, v.label) == (DEVICE, "zero.txt")


def test_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        [v] = load_paths([path])
    assert v.error == f"This is a socket, not a file with a document in it; {ONLY_FILES}"


def test_folder_given_as_a_file_is_refused(tmp_path):
    v = load_file(tmp_path, version_id="v1")
    assert v.error == "This is a folder, not a file."


def test_special_files_inside_a_folder_become_versions_with_their_message(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    _good(folder, "a.txt")
    (folder / "b.txt").symlink_to("/dev/zero")
    (folder / "c.md").symlink_to(folder / "c.md")  # a link to itself
    (folder / "d.html").symlink_to(folder / "missing.html")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder)  # a loop of folders: not followed
    with fifo_with_writer(folder / "e.txt", ARTICLE.encode()):
        versions = load_paths([folder])
    assert [(v.label, v.error) for v in versions] == [
        ("a.txt", None), ("b.txt", DEVICE), ("c.md", LOOP),
        ("d.html", "Could not open the file: No such file or directory."), ("e.txt", FIFO)]


def test_link_loop_given_directly_is_one_versions_error(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "other.txt")
    (tmp_path / "other.txt").symlink_to(loop)
    good, bad = load_paths([_good(tmp_path), loop])
    assert good.ok and bad.error == LOOP


def test_unreadable_folder_is_a_versions_error_not_silently_dropped(tmp_path, make_unreadable):
    folder = tmp_path / "case"
    (folder / "private").mkdir(parents=True)
    _good(folder, "a.txt")
    _good(folder / "private", "b.txt")
    (tmp_path / "locked").mkdir()
    make_unreadable(folder / "private")
    versions = load_paths([folder, make_unreadable(tmp_path / "locked")])
    assert [(v.label, v.error) for v in versions] == [("a.txt", None), ("private", LOCKED), ("locked", LOCKED)]


def test_same_file_given_twice_is_loaded_again_with_a_notice(tmp_path):
    first = _good(tmp_path, "story.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(first)
    hard = tmp_path / "hard.txt"
    os.link(first, hard)
    other = _good(tmp_path, "other.txt")
    versions = load_paths([first, other, first, link, hard])
    assert [v.ok for v in versions] == [True] * 5
    notice = "This is the same file as v1 (story.txt), given twice; it is compared with itself."
    assert [v.warnings for v in versions] == [(), (), (notice,), (notice,), (notice,)]


def test_control_characters_in_a_file_name_are_shown_as_code_points(tmp_path):
    path = tmp_path / "report\u202etxt.exe\u200b.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [v] = load_paths([path])
    assert v.ok and v.label == "report⟨U+202E⟩txt.exe⟨U+200B⟩.txt"
    persian = tmp_path / "می\u200cخواهم.txt"  # a joiner the script needs stays as it is
    persian.write_text(ARTICLE, encoding="utf-8")
    assert load_file(persian, version_id="v1").label == "می\u200cخواهم.txt"


def test_a_file_that_reports_no_size_is_still_read_only_to_the_limit(tmp_path, monkeypatch):
    import variorum.core.load as load_module

    maps = tmp_path / "maps.txt"  # a kernel file: regular, says it is 0 bytes long, holds many KB
    maps.symlink_to("/proc/self/maps")
    assert maps.stat().st_size == 0
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", 1024 * 1024)
    assert load_file(maps, version_id="v1").ok
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", 512)
    v = load_file(maps, version_id="v1")
    assert v.error == "The file is too large to compare (more than 512 bytes; the limit is 512 bytes)."


def test_a_file_added_again_to_an_open_case_is_noted(tmp_path):
    from variorum.core.case import load_case

    first = _good(tmp_path, "story.txt")
    case = load_case([first, _good(tmp_path, "other.txt")])
    [again] = case.add([first])
    assert again.id == "v3" and again.ok
    assert again.warnings == ("This is the same file as v1 (story.txt), given twice; it is compared with itself.",)
