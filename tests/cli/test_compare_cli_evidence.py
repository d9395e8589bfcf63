"""``variorum compare --output`` never replaces evidence: not an input file (however it is reached), not
something that is not a regular file, and not an existing file unless --force. And hostile inputs (a link loop,
a device) are one version's error while the others are still compared, in bounded memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from variorum.cli_compare import main

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "The Kremlin said on Wednesday that events in Belarus did not yet warrant Russian military help.\n"


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(ARTICLE.replace("Wednesday", "Tuesday"), encoding="utf-8")
    return a, b


def _compare(capsys, *args):
    code = main([*map(str, args), "--format", "md"])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("how", ["same path", "hard link", "symbolic link", "inside a folder given"])
def test_output_that_is_an_input_is_refused(capsys, tmp_path, inputs, how):
    a, b = inputs
    paths: list[Path] = [a, b]
    target = a
    if how == "hard link":
        target = tmp_path / "out.txt"
        os.link(a, target)
    elif how == "symbolic link":
        target = tmp_path / "out.txt"
        target.symlink_to(a)
    elif how == "inside a folder given":
        paths = [a.parent]
    code, err = _compare(capsys, *paths, "-o", target, "--force")
    assert code == 2
    assert err.startswith(f"variorum compare: error: the output {target} is one of the files being compared")
    assert "is evidence and is never overwritten: choose another output file" in err
    assert a.read_text(encoding="utf-8") == ARTICLE


def test_output_that_is_a_pipe_or_a_link_is_left_alone(capsys, tmp_path, inputs):
    pipe = tmp_path / "out.md"
    os.mkfifo(pipe)
    code, err = _compare(capsys, *inputs, "-o", pipe, "--force")
    assert code == 2 and pipe.is_fifo()
    assert err == (f"variorum compare: error: the output {pipe} exists and is a named pipe (FIFO), not a regular "
                   "file; it is not replaced: choose another output file\n")
    other = tmp_path / "elsewhere.md"
    other.write_text("someone's notes", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(other)
    code, err = _compare(capsys, *inputs, "-o", link, "--force")
    assert code == 2 and link.is_symlink() and other.read_text(encoding="utf-8") == "someone's notes"
    assert "exists and is a symbolic link, not a regular file" in err


def test_existing_output_needs_force(capsys, tmp_path, inputs):
    out = tmp_path / "report.md"
    out.write_text("yesterday's report", encoding="utf-8")
    code, err = _compare(capsys, *inputs, "-o", out)
    assert code == 2
    assert err == f"variorum compare: error: the output {out} already exists; give --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "yesterday's report"
    code, err = _compare(capsys, *inputs, "-o", out, "--force")
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("# Variorum comparison report")


def test_new_output_is_written(capsys, tmp_path, inputs):
    out = tmp_path / "report.md"
    code, _ = _compare(capsys, *inputs, "-o", out)
    assert code == 0 and out.read_text(encoding="utf-8").startswith("# Variorum comparison report")


def test_force_is_documented(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "--force" in capsys.readouterr().out


def test_link_loop_is_one_versions_error(capsys, tmp_path, inputs):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    code, err = _compare(capsys, *inputs, loop)
    assert code == 0
    assert "v3 loop.txt: Could not open the file: Too many levels of symbolic links." in err


PEAK_RSS_BOUND_KB = 1024 * 1024  # generous: the program itself, not the 'file' it was given
_RUN_MEASURED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # a runaway read fails fast
from variorum.cli_compare import main
code = main(sys.argv[1:])
# the peak of this process's own memory: getrusage's maximum can carry over the test run's own, as it was when
# the process was forked
print(next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmHWM:')), file=sys.stderr)
sys.exit(code)
"""


def test_a_link_to_dev_zero_is_refused_in_bounded_memory(tmp_path, inputs):
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "desktop")}
    out = subprocess.run([sys.executable, "-c", _RUN_MEASURED, *map(str, inputs), str(zero)],
                         capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    *messages, peak = out.stderr.strip().splitlines()
    assert messages == ["variorum compare: v3 zero.txt: This is a device, not a file with a document in it; "
                        "Variorum reads only regular files."]
    assert int(peak) < PEAK_RSS_BOUND_KB
    assert [v["error"] is None for v in json.loads(out.stdout)["versions"]] == [True, True, False]
