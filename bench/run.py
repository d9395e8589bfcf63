"""Benchmark `variorum compare` against `git diff --no-index --word-diff` in the same run.

Run on demand (`make bench` or `python bench/run.py`); never part of the test suite. It builds N versions of an
article of a given size from real texts (the seed article, Darwin's editions, the energy.gov captures) with
seeded random edits — word replacements, insertions, deletions, number changes, typographic quotes, re-wrapped
lines and one moved paragraph per version — then times:

* `variorum compare v1 … vN --format json` end to end (a fresh process: start-up, loading, diff, checks, JSON;
  the modules byte-compiled first, as an installation has them),
* `git diff --no-index --word-diff` over the same N-1 pairs against the base (one process per pair),

and prints the ratio (target ≤ 5), the peak memory of the compare process (target < 300 MB), and how the time grows
with the number of versions and with the article size (target: roughly linear).
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    *sorted((ROOT / "resources" / "demo").glob("*.txt")),
    *sorted((ROOT / "tests" / "data" / "darwin-origin-ch1-para1").glob("*.txt")),
]
TARGET_RATIO = 5.0
TARGET_MB = 300


def corpus_sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in SOURCES)
    text = re.sub(r"\s+", " ", text)
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6]
    return sentences


def make_article(size_bytes: int, rng: random.Random) -> list[str]:
    """Paragraphs of real sentences, shuffled and lightly varied so that paragraphs are distinct."""
    sentences = corpus_sentences()
    vocabulary = sorted({w for s in sentences for w in s.split() if w.isalpha()})
    paragraphs: list[str] = []
    total = 0
    while total < size_bytes:
        picked = rng.sample(sentences, rng.randint(3, 6))
        words = " ".join(picked).split()
        for _ in range(3):
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        para = " ".join(words)
        paragraphs.append(para)
        total += len(para.encode("utf-8")) + 2
    return paragraphs


def wrap(paragraph: str, width: int) -> str:
    out, line = [], ""
    for w in paragraph.split():
        if line and len(line) + 1 + len(w) > width:
            out.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    out.append(line)
    return "\n".join(out)


def mutate(paragraphs: list[str], rng: random.Random, edits_per_kb: float = 1.0) -> str:
    paras = [p.split() for p in paragraphs]
    n_edits = max(1, int(sum(len(" ".join(p)) for p in paras) / 1024 * edits_per_kb))
    vocabulary = [w for p in paras for w in p]
    for _ in range(n_edits):
        p = paras[rng.randrange(len(paras))]
        i = rng.randrange(len(p))
        op = rng.random()
        if op < 0.4:
            p[i] = rng.choice(vocabulary)
        elif op < 0.6:
            p.insert(i, rng.choice(vocabulary))
        elif op < 0.75 and len(p) > 1:
            del p[i]
        elif op < 0.9:
            p[i] = str(rng.randint(2, 99999))
        else:
            p[i] = p[i].replace("'", "\u2019").replace('"', "\u201c")
    if len(paras) > 3:
        j = rng.randrange(len(paras))
        paras.insert(rng.randrange(len(paras)), paras.pop(j))
    width = rng.choice([0, 72, 90])
    texts = [" ".join(p) for p in paras]
    if width:
        texts = [wrap(t, width) for t in texts]
    return "\n\n".join(texts) + "\n"


def build_case(folder: Path, versions: int, size_kb: int, seed: int = 1859) -> list[Path]:
    rng = random.Random(seed * 1000 + versions * 7 + size_kb)
    base = make_article(size_kb * 1024, rng)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(versions):
        text = "\n\n".join(base) + "\n" if i == 0 else mutate(base, rng)
        path = folder / f"version-{i:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(seconds, peak resident MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:3]} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024


def byte_compile() -> None:
    """Byte-compile Variorum's modules, as installing it does (pip compiles a package's modules), so that each
    measured start-up is not charged with compiling every source file again (PYTHONDONTWRITEBYTECODE, often
    set in development environments, keeps Python from caching the compiled modules itself)."""
    compileall.compile_dir(str(ROOT / "desktop" / "variorum"), quiet=1)


def time_variorum(paths: list[Path], repeat: int) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "desktop")}
    cmd = [sys.executable, "-m", "variorum", "compare", *map(str, paths), "--format", "json", "--base", "v1"]
    runs = [run_measured(cmd, env) for _ in range(repeat)]
    return min(t for t, _ in runs), max(m for _, m in runs)


def time_git(paths: list[Path], repeat: int) -> float:
    git = shutil.which("git")
    if not git:
        raise SystemExit("git is needed for the reference measurement")
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for other in paths[1:]:
            subprocess.run([git, "diff", "--no-index", "--word-diff", str(paths[0]), str(other)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (the best is kept)")
    ap.add_argument("--quick", action="store_true", help="only the 10 × 100 KB headline case")
    args = ap.parse_args()
    byte_compile()
    with tempfile.TemporaryDirectory(prefix="variorum-bench-") as tmp:
        tmp_path = Path(tmp)
        paths = build_case(tmp_path / "main", 10, 100)
        size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
        v_time, v_mb = time_variorum(paths, args.repeat)
        g_time = time_git(paths, args.repeat)
        ratio = v_time / g_time
        print(f"10 versions × {size:.0f} KB")
        print(f"  variorum compare        {v_time:7.3f} s   peak {v_mb:6.1f} MB  (target < {TARGET_MB} MB)")
        print(f"  git diff --word-diff ×9 {g_time:7.3f} s")
        print(f"  ratio                   {ratio:7.2f}     (target ≤ {TARGET_RATIO:g})"
              f"  {'OK' if ratio <= TARGET_RATIO and v_mb < TARGET_MB else 'OVER TARGET'}")
        if args.quick:
            return 0
        print("\nGrowth with the number of versions (100 KB each):")
        print("  versions   variorum s   git s    ratio   s per version")
        for n in (2, 5, 10, 20):
            ps = build_case(tmp_path / f"n{n}", n, 100)
            vt, _ = time_variorum(ps, args.repeat)
            gt = time_git(ps, args.repeat)
            print(f"  {n:8d}   {vt:10.3f}   {gt:6.3f}   {vt / gt:6.2f}   {vt / n:8.3f}")
        print("\nGrowth with the article size (10 versions):")
        print("  size KB    variorum s   git s    ratio   s per 100 KB")
        for kb in (25, 50, 100, 200):
            ps = build_case(tmp_path / f"kb{kb}", 10, kb)
            vt, _ = time_variorum(ps, args.repeat)
            gt = time_git(ps, args.repeat)
            print(f"  {kb:7d}   {vt:10.3f}   {gt:6.3f}   {vt / gt:6.2f}   {vt / kb * 100:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
