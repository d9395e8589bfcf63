"""Running ``variorum notes`` in-process for tests: the exit status and what it printed."""

from __future__ import annotations

from variorum.cli import main


def notes(capsys, *args) -> tuple[int, str, str]:
    code = main(["notes", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err
