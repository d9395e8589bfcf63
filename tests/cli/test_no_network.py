"""The program never opens a network connection, even for a page full of remote resources: the CLI runs with
every network call refused and recorded from the first line of Python on (a sitecustomize module)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from netguard import GUARD, REMOTE, attempts, guarded, remote_page

ROOT = Path(__file__).resolve().parents[2]
def _guarded_run(tmp_path, *args: str) -> tuple[subprocess.CompletedProcess, Path]:
    """Run Python with ``args`` under the network guard; returns the result and the guard's log."""
    guard = tmp_path / "guard"
    guard.mkdir(exist_ok=True)
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "network.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(guard), str(ROOT / "desktop")]),
           "VARIORUM_TEST_NETWORK_LOG": str(log)}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=300), log


def test_the_guard_catches_a_connection(tmp_path):
    out, log = _guarded_run(tmp_path, "-c", f"import urllib.request; urllib.request.urlopen('{REMOTE}/x')")
    assert out.returncode != 0 and "network use forbidden by the test" in out.stderr
    assert guarded(log) and attempts(log)


def test_cli_never_touches_the_network(tmp_path):
    pages = [remote_page(tmp_path, day) for day in ("Monday", "Tuesday")]
    report = tmp_path / "report.html"
    out, log = _guarded_run(tmp_path, "-m", "variorum", "compare", *map(str, pages), "--format", "html",
                            "--output", str(report))
    assert out.returncode == 0, out.stderr
    assert "Monday" in report.read_text(encoding="utf-8")  # the pages were really read and compared
    assert guarded(log)
    assert attempts(log) == []
