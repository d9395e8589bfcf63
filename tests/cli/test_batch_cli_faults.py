"""``variorum batch`` when things go wrong around it: a case that kills its process, Ctrl+C, no Dask installed;
and that the local pool never touches the network."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from netguard import GUARD, attempts, guarded

ROOT = Path(__file__).resolve().parents[2]
DARWIN = ROOT / "tests" / "data" / "darwin-origin-ch1-para1"
PAIR = ["origin-1859.txt", "origin-1860.txt"]

# Makes comparing a case whose first file is named crash-*.txt kill the process doing it, as a crash in a
# native library or the system's out-of-memory killer would.
CRASHING = """
import os
import variorum.core.batch.work as work

_run_case = work.run_case


def run_case(case):
    if os.path.basename(case.files[0]).startswith("crash-"):
        os._exit(9)
    return _run_case(case)


work.run_case = run_case
"""

# As if Dask were not installed.
NO_DASK = """
import sys
sys.modules["dask"] = None
sys.modules["distributed"] = None
"""


def _env(tmp_path: Path, site: str | None = None, **extra: str) -> dict[str, str]:
    paths = [str(ROOT / "desktop")]
    if site:
        folder = tmp_path / "site"
        folder.mkdir(exist_ok=True)
        (folder / "sitecustomize.py").write_text(site, encoding="utf-8")
        paths.insert(0, str(folder))
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths), **extra}


def _batch(tmp_path: Path, *args: str, site: str | None = None, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "variorum", "batch", *args], capture_output=True, text=True,
                          env=_env(tmp_path, site, **extra), timeout=300)


def _write_cases(tmp_path: Path, lines: list[dict]) -> Path:
    for name in PAIR:
        shutil.copy(DARWIN / name, tmp_path / name)
    cases = tmp_path / "cases.jsonl"
    cases.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return cases


def _summary(out: Path) -> list[dict[str, str]]:
    with (out / "summary.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_a_case_that_kills_its_process_is_recorded_and_the_others_are_reported(tmp_path):
    shutil.copy(DARWIN / "origin-1866.txt", tmp_path / "crash-1866.txt")
    lines = [{"id": f"c{n}", "files": PAIR} for n in range(6)]
    lines.insert(2, {"id": "killer", "files": ["crash-1866.txt", "origin-1860.txt"]})
    out = tmp_path / "reports"
    result = _batch(tmp_path, str(_write_cases(tmp_path, lines)), "--output", str(out), "--workers", "2",
                    site=CRASHING)
    assert result.returncode == 1, result.stderr
    rows = _summary(out)
    assert [r["case"] for r in rows] == ["c0", "c1", "killer", "c2", "c3", "c4", "c5"]
    assert [r["status"] for r in rows] == ["ok", "ok", "failed", "ok", "ok", "ok", "ok"]
    assert "process comparing this case stopped" in rows[2]["error"]
    assert len(list(out.glob("*.json"))) == 6


def test_ctrl_c_stops_the_batch_cleanly_and_the_same_command_resumes_it(tmp_path):
    cases = _write_cases(tmp_path, [{"id": f"case {n}", "files": PAIR} for n in range(60)])
    out = tmp_path / "reports"
    args = [sys.executable, "-m", "variorum", "batch", str(cases), "--output", str(out), "--workers", "1"]
    # its own process group, which the terminal's Ctrl+C signals as a whole: the batch and its workers
    with subprocess.Popen(args, stderr=subprocess.PIPE, text=True, env=_env(tmp_path),
                          start_new_session=True) as proc:
        assert proc.stderr is not None
        first = proc.stderr.readline()
        os.killpg(proc.pid, signal.SIGINT)
        rest = proc.stderr.read()
        assert proc.wait(timeout=120) == 130, first + rest
    assert first.startswith("[1/60] case ") and "run the same command again to resume" in rest
    assert "Traceback" not in rest
    assert not (out / "summary.csv").exists() and not list(out.glob(".*.tmp"))
    kept = {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")}
    assert 1 <= len(kept) < 60

    again = _batch(tmp_path, str(cases), "--output", str(out), "--workers", "1")
    assert again.returncode == 0, again.stderr
    assert f"({len(kept)} already there)" in again.stderr
    assert all((out / name).stat().st_mtime_ns == ns for name, ns in kept.items())
    assert [r["status"] for r in _summary(out)] == ["ok"] * 60


def test_without_dask_the_scheduler_option_names_the_extra_and_the_local_pool_still_works(tmp_path):
    cases = _write_cases(tmp_path, [{"id": "one", "files": PAIR}])
    refused = _batch(tmp_path, str(cases), "--output", str(tmp_path / "a"), "--scheduler", "tcp://192.0.2.1:8786",
                     site=NO_DASK)
    assert refused.returncode == 2
    assert "variorum[batch]" in refused.stderr and "pip install" in refused.stderr
    assert "Traceback" not in refused.stderr and not (tmp_path / "a").exists()
    local = _batch(tmp_path, str(cases), "--output", str(tmp_path / "b"), site=NO_DASK)  # Dask is never imported
    assert local.returncode == 0, local.stderr


def test_the_local_pool_never_touches_the_network(tmp_path):
    cases = _write_cases(tmp_path, [{"id": f"c{n}", "files": PAIR} for n in range(4)])
    log = tmp_path / "network.log"
    result = _batch(tmp_path, str(cases), "--output", str(tmp_path / "out"), "--workers", "2", site=GUARD,
                    VARIORUM_TEST_NETWORK_LOG=str(log))
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "out").glob("*.json"))) == 4
    assert guarded(log)
    assert attempts(log) == []
