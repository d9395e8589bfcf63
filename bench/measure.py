"""Measuring one child process: wall time, peak resident memory, exit status, with a hard time limit.

Shared by ``bench/run.py``'s targets; never part of the test suite.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    stderr: str
    timed_out: bool = False


def run_child(cmd: list[str], env: dict[str, str] | None = None, limit: float | None = None) -> Run:
    """Run ``cmd`` to the end (or kill it after ``limit`` seconds) and report its time and peak memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        proc.kill()

    timer = threading.Timer(limit, kill) if limit else None
    if timer:
        timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        if timer:
            timer.cancel()
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    return Run(elapsed, usage.ru_maxrss / 1024, proc.returncode, err, killed.is_set())


def median_run(cmd: list[str], repeat: int, env: dict[str, str] | None = None) -> Run:
    """The median time over ``repeat`` runs (and the largest peak memory); a failing run stops the benchmark."""
    runs = [run_child(cmd, env) for _ in range(repeat)]
    for r in runs:
        if r.returncode != 0:
            raise SystemExit(f"{' '.join(cmd[:4])} … failed ({r.returncode}): {r.stderr.strip()[-500:]}")
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs), 0, "")


def median_seconds(cmds: list[list[str]], repeat: int) -> float:
    """The median over ``repeat`` rounds of the total time of running ``cmds`` one after the other."""
    totals = []
    for _ in range(repeat):
        start = time.perf_counter()
        for cmd in cmds:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        totals.append(time.perf_counter() - start)
    return statistics.median(totals)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"
