"""The log: a capped file in the data folder, ``--verbose`` on stderr, bugs with their traceback, one line shown."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from variorum import cli_compare, logs
from variorum.cli import EXIT_BUG, main


@pytest.fixture
def case(tmp_path) -> list[Path]:
    """Two readable versions and one file that is not what its name says."""
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "a.txt").write_text("The dam burst on Monday after the storm.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The dam burst on Tuesday after the storm.\n", encoding="utf-8")
    (folder / "c.pdf").write_bytes(b"this is not a PDF at all")
    return sorted(folder.iterdir())


def data_dir() -> Path:
    return Path(os.environ["VARIORUM_DATA_DIR"])


def test_an_unreadable_file_is_logged_as_one_line_in_the_data_folder(capsys, case):
    assert main(["compare", *map(str, case), "--format", "md"]) == 0
    err = capsys.readouterr().err
    log = (data_dir() / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "INFO" in log and "c.pdf" in log
    assert "Traceback" not in log  # an expected problem, not a bug
    assert "INFO" not in err  # without --verbose the log stays in its file


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_mirrors_the_log_to_stderr(capsys, case, where):
    args = ["--verbose", "compare", *map(str, case)] if where == "before" else ["compare", "--verbose", *map(str, case)]
    assert main([*args, "--format", "md"]) == 0
    err = capsys.readouterr().err
    line = next(x for x in err.splitlines() if "variorum.core.load" in x)
    assert "INFO" in line and "c.pdf" in line


def test_verbose_works_with_the_notes_command(capsys, case):
    assert main(["--verbose", "notes", "list", *map(str, case)]) == 0
    assert "Could not read" in capsys.readouterr().err


def test_a_damaged_notes_store_is_logged_as_a_warning_without_traceback(capsys):
    data_dir().mkdir(parents=True)
    (data_dir() / "notes.sqlite3").write_bytes(b"this is not a database, only some words" * 100)
    assert main(["notes", "cases"]) == 1
    assert "damaged" in capsys.readouterr().err
    log = logs.log_path().read_text(encoding="utf-8")
    assert "WARNING variorum.core.notes.db: The notes store" in log and "damaged" in log
    assert "Traceback" not in log


def test_a_bug_at_the_top_is_logged_with_its_traceback_and_shown_as_one_line(capsys, monkeypatch, case):
    def broken(argv):
        return {}["no such key"]

    monkeypatch.setattr(cli_compare, "main", broken)
    assert main(["compare", *map(str, case)]) == EXIT_BUG
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("variorum: unexpected error: KeyError: 'no such key'")
    assert str(logs.log_path()) in err
    log = logs.log_path().read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "in broken" in log


def test_an_uncaught_error_in_the_app_is_logged_with_its_traceback_and_shown_as_one_line(capsys):
    logs.configure()
    try:
        raise ValueError("a slot went wrong\nover two lines")
    except ValueError as exc:
        logs.report_uncaught(type(exc), exc, exc.__traceback__)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ValueError: a slot went wrong over two lines" in err
    log = logs.log_path().read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "a slot went wrong" in log


def test_the_log_is_capped_in_size(monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 4_000)
    logs.configure()
    log = logging.getLogger("variorum.test")
    for i in range(2_000):
        log.info("record %d %s", i, "x" * 60)
    logs.reset()
    files = sorted(p.name for p in data_dir().iterdir())
    assert files == [logs.LOG_NAME] + [f"{logs.LOG_NAME}.{n}" for n in range(1, logs.BACKUPS + 1)]
    assert all((data_dir() / name).stat().st_size <= 4_000 for name in files)
    assert "record 1999 " in (data_dir() / logs.LOG_NAME).read_text(encoding="utf-8")  # the newest is kept


def test_with_a_data_folder_set_the_log_goes_there_and_nowhere_else(capsys, monkeypatch, tmp_path, case):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    portable = tmp_path / "portable"
    monkeypatch.setenv("VARIORUM_DATA_DIR", str(portable))
    assert main(["compare", *map(str, case), "--format", "md"]) == 0
    logs.reset()
    assert [p.name for p in portable.iterdir()] == [logs.LOG_NAME]
    assert list(home.iterdir()) == []


def test_a_data_folder_that_cannot_be_written_does_not_break_the_program(capsys, monkeypatch, tmp_path, case):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("VARIORUM_DATA_DIR", str(blocker / "data"))
    assert main(["compare", *map(str, case), "--format", "md"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("#") and "Traceback" not in err


def test_asking_for_the_version_writes_no_log(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("variorum ")
    assert not data_dir().exists()


@pytest.mark.parametrize("args", [["compare", "--help"], ["--verbose", "notes", "-h"], ["batch", "--help"]])
def test_asking_a_command_for_help_writes_no_log(capsys, args):
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code
    assert not code
    assert capsys.readouterr().out.startswith("usage: variorum ")
    assert not data_dir().exists()
    assert not logging.getLogger(logs.LOGGER).handlers
