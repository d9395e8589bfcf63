"""``variorum --version`` and the commands' ``--help`` answer as argparse would, with less loaded to answer."""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from pathlib import Path

import pytest

from variorum import app_args, cli_compare, cli_width
from variorum.cli import main

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def _run(*args: str, columns: str | None = None) -> tuple[str, set[str]]:
    probe = ("import sys\nfrom variorum.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n"
             "    pass\nprint(repr(sorted(sys.modules)), file=sys.stderr)")
    env = {"PYTHONPATH": str(DESKTOP), "PATH": "", **({"COLUMNS": columns} if columns else {})}
    out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True, env=env)
    return out.stdout, set(ast.literal_eval(out.stderr.strip().splitlines()[-1]))


def test_the_version_is_printed_without_loading_the_argument_parser() -> None:
    out, loaded = _run("--version")
    assert out == "variorum " + __import__("variorum").__version__ + "\n"
    assert not loaded & {"argparse", "shutil", "textwrap", "gettext"}


@pytest.mark.parametrize("columns", ["10", "15", "16", "40"])
def test_the_version_on_a_narrow_terminal_is_wrapped_as_argparse_wraps_it(columns: str) -> None:
    out, _ = _run("--version", columns=columns)
    wanted = argparse.HelpFormatter("variorum", width=int(columns) - 2)
    wanted.add_text(app_args.VERSION)
    assert out == wanted.format_help()


def test_help_loads_no_compression_module() -> None:
    _, loaded = _run("compare", "--help")
    assert "shutil" not in loaded and "bz2" not in loaded


def _standard_help(make: object, monkeypatch: pytest.MonkeyPatch) -> str:
    with monkeypatch.context() as m:
        m.setattr(cli_width, "help_formatter", lambda prog: argparse.HelpFormatter(prog))
        return make().format_help()  # type: ignore[operator]


@pytest.mark.parametrize("columns", [None, "50", "132", "0", "wide"])
@pytest.mark.parametrize("make", [app_args.parser, cli_compare.parser])
def test_help_is_wrapped_to_the_width_argparse_finds(monkeypatch, make, columns) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert make().format_help() == _standard_help(make, monkeypatch)


def test_the_width_is_the_terminal_s_when_columns_is_not_set(monkeypatch) -> None:
    import shutil

    monkeypatch.delenv("COLUMNS", raising=False)
    assert cli_width.terminal_columns() == shutil.get_terminal_size().columns
    monkeypatch.setattr(sys, "__stdout__", None)
    assert cli_width.terminal_columns() == cli_width.FALLBACK_COLUMNS


def test_version_with_other_options_is_still_answered_by_the_parser(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--dark", "--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out == app_args.VERSION + "\n"


def test_comparing_text_files_loads_nothing_made_for_listing_an_archive_s_pages(tmp_path: Path) -> None:
    paths = []
    for i, words in enumerate(("The council met on Monday.", "The council met on Tuesday.")):
        paths.append(tmp_path / f"v{i}.txt")
        paths[-1].write_text(f"{words}\n\nIt voted to close the park.\n", encoding="utf-8")
    probe = ("import contextlib, io, sys\nfrom variorum.cli_compare import main\n"
             f"with contextlib.redirect_stdout(io.StringIO()):\n    main({[str(p) for p in paths]!r})\n"
             "print(repr(sorted(sys.modules)), file=sys.stderr)")
    env = {"PYTHONPATH": str(DESKTOP), "PATH": "", "VARIORUM_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    assert "variorum.core.notes.printable" not in ast.literal_eval(out.stderr.strip().splitlines()[-1])
