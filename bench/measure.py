"""Measuring one child process: wall time, peak resident memory, exit status, with a hard time limit.

Shared by ``bench/run.py``'s targets; never part of the test suite.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
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


# The measured command is started by a small launcher process, which forks it and reads its resource usage. A
# process started directly from this one would report this process's own peak as its own: Linux carries the peak
# resident size of the process that forks (or, with vfork, of the memory it shares) over into the child. The
# benchmark holds its generated texts, so the peaks of the cases measured after the big ones read too high (the
# 10 × 2 MB case: about 350 MB reported, 260 MB of its own). The launcher's own peak (some 10 MB) is the floor.
_LAUNCHER = """
import os, sys, time
report = int(sys.argv[1])
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.close(report)
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
os.write(report, f"{time.perf_counter() - start} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}".encode())
"""


def run_child(cmd: list[str], env: dict[str, str] | None = None, limit: float | None = None) -> Run:
    """Run ``cmd`` to the end (or kill it after ``limit`` seconds) and report its time and peak memory (its own,
    measured by a launcher: see ``_LAUNCHER``)."""
    read, write = os.pipe()
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _LAUNCHER, str(write), *cmd], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=env, pass_fds=(write,), start_new_session=True)
    os.close(write)
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        os.killpg(proc.pid, signal.SIGKILL)  # the launcher and the command it started

    timer = threading.Timer(limit, kill) if limit else None
    if timer:
        timer.start()
    try:
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        proc.wait()
    finally:
        if timer:
            timer.cancel()
    elapsed = time.perf_counter() - start
    with os.fdopen(read, "rb") as pipe:
        measured = pipe.read().split()
    if proc.stderr:
        proc.stderr.close()
    if len(measured) != 3:  # killed before the command ended
        return Run(elapsed, 0.0, proc.returncode, err, killed.is_set())
    seconds, peak_kb, returncode = float(measured[0]), int(measured[1]), int(measured[2])
    return Run(seconds, peak_kb / 1024, returncode, err, killed.is_set())


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
