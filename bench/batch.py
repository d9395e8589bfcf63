"""Benchmark `variorum batch`: cases per second on 1,000 small generated cases, for 1 worker process, 2 worker
processes and a local Dask cluster (2 worker processes of one thread), as ratios against the 1-worker run
measured in the same run.

Run on demand (`python bench/batch.py`); never part of the test suite. Each case is two or three versions (about
2 KB each) of an article made of real sentences (the demo article, Darwin's editions) with seeded random edits:
word replacements, insertions, deletions and changed numbers. Every configuration reports the same cases into
its own folder, pool start-up included (the Dask cluster is started before the clock, as a user's cluster would
already be running). Beside the rate, the CPU time per case of all the processes involved (the batch, its
pool's processes, the cluster's nannies and workers), which a busy machine disturbs less than the wall time.
``--cases N`` changes the number of cases.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))

from variorum.core.batch import LocalPool, read_cases, run_batch  # noqa: E402
from variorum.core.batch.pools import CasePool  # noqa: E402

SOURCES = [*sorted((ROOT / "resources" / "demo").glob("*.txt")),
           *sorted((ROOT / "tests" / "data" / "darwin-origin-ch1-para1").glob("*.txt"))]
CASE_BYTES = 2048


def sentences() -> list[str]:
    text = re.sub(r"\s+", " ", " ".join(p.read_text(encoding="utf-8") for p in SOURCES))
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6]


def article(pool: list[str], rng: random.Random) -> list[str]:
    paragraphs: list[str] = []
    while sum(len(p) + 2 for p in paragraphs) < CASE_BYTES:
        paragraphs.append(" ".join(rng.sample(pool, rng.randint(2, 4))))
    return paragraphs


def edited(paragraphs: list[str], rng: random.Random) -> str:
    words = [p.split() for p in paragraphs]
    vocabulary = [w for p in words for w in p]
    for _ in range(rng.randint(2, 8)):
        p = words[rng.randrange(len(words))]
        i, op = rng.randrange(len(p)), rng.random()
        if op < 0.4:
            p[i] = rng.choice(vocabulary)
        elif op < 0.6:
            p.insert(i, rng.choice(vocabulary))
        elif op < 0.8 and len(p) > 1:
            del p[i]
        else:
            p[i] = str(rng.randint(2, 9999))
    return "\n\n".join(" ".join(p) for p in words) + "\n"


def make_cases(folder: Path, n: int, seed: int = 1859) -> Path:
    rng = random.Random(seed)
    pool = sentences()
    lines = []
    for c in range(n):
        base = article(pool, rng)
        names = []
        for v in range(rng.choice((2, 3))):
            name = f"files/case-{c:05d}-v{v}.txt"
            text = "\n\n".join(base) + "\n" if v == 0 else edited(base, rng)
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
            names.append(name)
        lines.append(json.dumps({"id": f"case-{c:05d}", "files": names}))
    cases = folder / "cases.jsonl"
    cases.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cases


def cpu_seconds() -> dict[int, float]:
    """CPU time used so far by this process and each of its descendants (pool workers, Dask nannies and workers);
    empty without psutil (installed with Dask)."""
    try:
        import psutil
    except ImportError:
        return {}
    me = psutil.Process()
    out = {}
    for p in [me, *me.children(recursive=True)]:
        try:
            t = p.cpu_times()
            out[p.pid] = t.user + t.system
        except psutil.Error:
            pass
    return out


Rate = tuple[float, float | None]  # cases per second of wall time; CPU milliseconds per case, all processes


def timed(label: str, cases: Path, output: Path, open_pool: Callable[[], CasePool], n: int) -> Rate:
    before = cpu_seconds()
    started = time.perf_counter()
    pool = open_pool()
    try:
        tally = run_batch(read_cases(cases), output, pool, total=n)
        after = cpu_seconds()  # before the pool's processes end
    finally:
        pool.close()
    seconds = time.perf_counter() - started
    if tally.ok != n:
        raise SystemExit(f"{label}: only {tally.ok} of {n} cases reported (see {output / 'summary.csv'})")
    cpu = sum(t - before.get(pid, 0.0) for pid, t in after.items()) if after else None
    return n / seconds, None if cpu is None else cpu * 1000 / n


def dask_rate(cases: Path, output: Path, n: int) -> Rate | None:
    try:
        from distributed import LocalCluster

        from variorum.core.batch.pools import DaskPool
    except ImportError:
        return None
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        rate = timed("local Dask cluster", cases, output, lambda: DaskPool(cluster.scheduler_address), n)
        # a heartbeat that meets the closing cluster is logged as an error; the cases are all reported by now
        logging.getLogger("distributed").setLevel(logging.CRITICAL)
        return rate


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=1000, help="number of generated cases (default 1000)")
    args = ap.parse_args()
    n = args.cases
    with tempfile.TemporaryDirectory(prefix="variorum-batch-bench-") as tmp:
        folder = Path(tmp)
        cases = make_cases(folder, n)
        print(f"{n} cases of 2-3 versions of about {CASE_BYTES // 1024} KB", flush=True)
        one = timed("1 worker", cases, folder / "one", lambda: LocalPool(1), n)
        rows = [("1 worker process", one),
                ("2 worker processes", timed("2 workers", cases, folder / "two", lambda: LocalPool(2), n)),
                ("local Dask cluster, 2 workers × 1 thread", dask_rate(cases, folder / "dask", n))]
        print(f"  {'':<42} {'cases/s':>8}  {'vs 1 worker':>11}  {'CPU ms/case':>11}  {'vs 1 worker':>11}")
        for label, rate in rows:
            if rate is None:
                print(f"  {label:<42} skipped: needs Dask (pip install 'variorum[batch]')", flush=True)
                continue
            cpu = f"{rate[1]:11.1f}  {rate[1] / one[1]:10.2f}×" if rate[1] and one[1] else "(no psutil)"
            print(f"  {label:<42} {rate[0]:8.1f}  {rate[0] / one[0]:10.2f}×  {cpu}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
