"""Benchmark `variorum compare` against references measured in the same run, target by target, PASS or FAIL.

Run on demand (`make bench` or `python bench/run.py`); never part of the test suite. It builds N versions of an
article of a given size from real texts (the seed article, Darwin's editions, the energy.gov captures) with
seeded random edits — word replacements, insertions, deletions, number changes, typographic quotes, re-wrapped
lines and one moved paragraph per version — and measures whole processes (the modules byte-compiled first, as an
installation has them; the median of ``--repeat`` runs):

* 10 × 100 KB: `variorum compare … --format json` against `git diff --no-index --word-diff` over the same 9 pairs
  (target ≤ 5×, stretch 3×) and its peak memory (< 150 MB);
* 10 × 8 KB, a typical article: wall time (≤ 0.12 s), with git's time alongside;
* growth: per-MB slope for 10 versions of 100 KB, 500 KB and 2 MB, per-version slope for 10, 20 and 50 versions;
  no step's slope more than 1.2× the first one's; peak memory < 300 MB at 10 × 2 MB;
* pathological inputs: a 5 MB single line against a 9 KB file, a 20 MB file, a text of 9.9 million characters
  (at the limit of one version), an 8 MB and a 15 MB web page, 200 versions — each within 10× the time of normal
  input of the same size (extrapolated linearly), or stopped at a stated limit with a message; and each input of
  megabytes within 20× its size in peak memory (the command's own peak, measured by a launcher process);
* start-up: `variorum --version` and `variorum compare --help` ≤ 3× `python -c pass`, importing no Qt; and
  `import variorum.core.compare` loading nothing that text input does not need;
* the app: no event-loop stall over 50 ms while 10 × 100 KB loads, while scrolling, stepping with Alt+Down and
  switching the compared version (``bench/gui_load.py``).

Then `bench/batch.py` prints `variorum batch`'s cases per second. ``--quick`` measures the first two targets only,
``--scale`` the growth and pathological inputs only.
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

from measure import Run, median_run, median_seconds, run_child, verdict

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    *sorted((ROOT / "resources" / "demo").glob("*.txt")),
    *sorted((ROOT / "tests" / "data" / "darwin-origin-ch1-para1").glob("*.txt")),
]
TARGET_RATIO = 5.0
STRETCH_RATIO = 3.0
TARGET_MB_100K = 150
TARGET_MB_2M = 300
TARGET_SMALL_S = 0.12
GROWTH_SLACK = 1.2
PATHOLOGICAL_FACTOR = 10.0
MEMORY_FACTOR = 20.0  # peak memory of an input of megabytes, against its size
LARGE_INPUT_MB = 4.0  # below this, the interpreter and the libraries' own memory is most of the peak
STARTUP_FACTOR = 3.0
# Modules that reading and comparing plain text never needs.
HEAVY_FOR_TEXT = ("PySide6", "shiboken6", "ftfy", "wcwidth", "dateutil", "rapidfuzz", "pyromark", "lxml",
                  "bs4", "html5lib", "pypdf", "pdfminer", "fitz", "docx", "sqlite3", "variorum.core.notes.store")


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


def byte_compile() -> None:
    """Byte-compile Variorum's modules, as installing it does (pip compiles a package's modules), so that each
    measured start-up is not charged with compiling every source file again (PYTHONDONTWRITEBYTECODE, often
    set in development environments, keeps Python from caching the compiled modules itself)."""
    compileall.compile_dir(str(ROOT / "desktop" / "variorum"), quiet=1)



def variorum_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "variorum", *args]


def compare_cmd(paths: list[Path]) -> list[str]:
    return variorum_cmd("compare", *map(str, paths), "--format", "json", "--base", "v1")


def git_cmds(paths: list[Path]) -> list[list[str]]:
    git = shutil.which("git")
    if not git:
        raise SystemExit("git is needed for the reference measurement")
    return [[git, "diff", "--no-index", "--word-diff", str(paths[0]), str(other)] for other in paths[1:]]


ENV = {**os.environ, "PYTHONPATH": str(ROOT / "desktop")}
RESULTS: list[tuple[str, str, str, bool]] = []  # (target, measured, reference, met)


def record(target: str, measured: str, reference: str, ok: bool) -> None:
    RESULTS.append((target, measured, reference, ok))
    print(f"  {verdict(ok)}  {target}: {measured}  [{reference}]", flush=True)


def compare_vs_git(paths: list[Path], repeat: int) -> tuple[Run, float]:
    return median_run(compare_cmd(paths), repeat, ENV), median_seconds(git_cmds(paths), repeat)


def headline(tmp: Path, repeat: int) -> None:
    print("10 versions × 100 KB (whole processes, medians)", flush=True)
    run, git = compare_vs_git(build_case(tmp / "main", 10, 100), repeat)
    ratio = run.seconds / git
    record("10 × 100 KB ratio to git word diff ≤ 5× (stretch 3×)",
           f"{run.seconds:.3f} s = {ratio:.1f}×{' (stretch met)' if ratio <= STRETCH_RATIO else ''}",
           f"git diff --word-diff ×9 {git:.3f} s", ratio <= TARGET_RATIO)
    record(f"10 × 100 KB peak memory < {TARGET_MB_100K} MB", f"{run.peak_mb:.0f} MB", "", run.peak_mb < TARGET_MB_100K)
    print("10 versions × 8 KB (a typical article)", flush=True)
    small, git = compare_vs_git(build_case(tmp / "small", 10, 8), repeat)
    record(f"10 × 8 KB wall ≤ {TARGET_SMALL_S} s", f"{small.seconds:.3f} s ({small.seconds / git:.1f}× git)",
           f"git diff --word-diff ×9 {git:.3f} s", small.seconds <= TARGET_SMALL_S)


def slopes(label: str, unit: str, points: list[tuple[float, Run, float]]) -> None:
    """Print the slope of each step (seconds per unit added) and check that none exceeds the first by 1.2×."""
    print(f"  {label:>10}   variorum s   git s    ratio   peak MB   s per {unit} (step)")
    first = None
    worst = 0.0
    for i, (x, run, git) in enumerate(points):
        step = ""
        if i:
            x0, r0, _ = points[i - 1]
            slope = (run.seconds - r0.seconds) / (x - x0)
            first = slope if first is None else first
            worst = max(worst, slope / first if first > 0 else 0.0)
            step = f"{slope:8.3f}"
        print(f"  {x:10g}   {run.seconds:10.3f}   {git:6.3f}   {run.seconds / git:6.1f}   {run.peak_mb:7.0f}   {step}",
              flush=True)
    record(f"linear in {label}: no step's slope over {GROWTH_SLACK}× the first's", f"worst step {worst:.2f}×",
           f"per-{unit} slope of the first step {first:.3f} s" if first is not None else "", worst <= GROWTH_SLACK)


def growth(tmp: Path, repeat: int) -> tuple[Run, float, float]:
    """The size and version-count series; returns the 10 × 2 MB run and the per-MB and per-version seconds."""
    print("Growth with the article size (10 versions)", flush=True)
    sizes = []
    for kb in (100, 500, 2048):
        run, git = compare_vs_git(build_case(tmp / f"kb{kb}", 10, kb), 1 if kb > 100 else repeat)
        sizes.append((kb / 1024, run, git))
    slopes("MB", "MB", sizes)
    big = sizes[-1][1]
    record(f"10 × 2 MB peak memory < {TARGET_MB_2M} MB", f"{big.peak_mb:.0f} MB", "", big.peak_mb < TARGET_MB_2M)
    print("Growth with the number of versions (100 KB each)", flush=True)
    counts = []
    for n in (10, 20, 50):
        run, git = compare_vs_git(build_case(tmp / f"n{n}", n, 100), 1 if n > 10 else repeat)
        counts.append((float(n), run, git))
    slopes("versions", "version", counts)
    per_mb = (sizes[-1][1].seconds - sizes[0][1].seconds) / (sizes[-1][0] - sizes[0][0]) / 10
    per_version = (counts[-1][1].seconds - counts[0][1].seconds) / (counts[-1][0] - counts[0][0])
    return big, per_mb, per_version


def pathological(tmp: Path, per_mb: float, per_version: float, normal_8k: float) -> None:
    """Each pathological input within 10× the linear extrapolation of normal input, or stopped with a message."""
    print("Pathological inputs (budget: 10× normal input of the same size)", flush=True)
    folder = tmp / "hostile"
    folder.mkdir()
    rng = random.Random(1859)
    small = folder / "small-9k.txt"
    small.write_text("\n\n".join(make_article(9 * 1024, rng)) + "\n", encoding="utf-8")
    line = folder / "one-line-5mb.txt"
    line.write_text(" ".join(make_article(5 * 1024 * 1024, rng)) + "\n", encoding="utf-8")
    huge = folder / "file-20mb.txt"
    huge.write_text("\n\n".join(make_article(20 * 1024 * 1024, rng)) + "\n", encoding="utf-8")
    at_limit = folder / "text-10m-characters.txt"  # just under the limit of one version's text
    at_limit.write_text("\n\n".join(make_article(9_900_000, rng))[:9_900_000] + "\n", encoding="utf-8")
    page = folder / "page-8mb.html"
    page.write_text(web_page(make_article(8 * 1024 * 1024, rng)), encoding="utf-8")
    big_page = folder / "page-15mb.html"
    big_page.write_text(web_page(make_article(15 * 1024 * 1024, rng)), encoding="utf-8")
    many = build_case(folder / "many", 200, 8)
    cases = [
        ("a 5 MB single line against a 9 KB file", [line, small], normal_8k + per_mb * 5),
        ("a 20 MB file against a 9 KB file", [huge, small], normal_8k + per_mb * 20),
        ("a text of 9.9 million characters against a 9 KB file", [at_limit, small], normal_8k + per_mb * 9.5),
        ("an 8 MB web page against a 9 KB file", [page, small], normal_8k + per_mb * 8),
        ("a 15 MB web page against a 9 KB file", [big_page, small], normal_8k + per_mb * 15),
        ("200 versions × 8 KB", many, normal_8k + per_version * 0.08 * 190),
    ]
    for label, paths, normal in cases:
        budget = max(PATHOLOGICAL_FACTOR * normal, 1.0)
        run = run_child(compare_cmd(paths), ENV, limit=budget)
        stated = run.returncode != 0 and not run.timed_out and bool(run.stderr.strip())
        if run.timed_out:
            measured = f"killed after {run.seconds:.1f} s, no answer"
        elif stated:
            measured = f"stopped in {run.seconds:.1f} s: {run.stderr.strip().splitlines()[-1][:90]}"
        else:
            measured = f"{run.seconds:.1f} s, peak {run.peak_mb:.0f} MB"
        record(f"{label} within {PATHOLOGICAL_FACTOR:g}× normal or stopped with a message", measured,
               f"normal input of that size ≈ {normal:.1f} s, budget {budget:.1f} s",
               not run.timed_out and (run.returncode == 0 or stated))
        size_mb = sum(p.stat().st_size for p in paths) / (1024 * 1024)
        if size_mb >= LARGE_INPUT_MB and not run.timed_out:
            ratio = run.peak_mb / size_mb
            record(f"{label}: peak memory ≤ {MEMORY_FACTOR:g}× the input", f"{run.peak_mb:.0f} MB = {ratio:.1f}×",
                   f"input {size_mb:.1f} MB", ratio <= MEMORY_FACTOR)


def web_page(paragraphs: list[str]) -> str:
    """A saved article page: a menu, the paragraphs, a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>An article</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>An article</h1>{body}</article><footer>Contact us</footer></body></html>\n")

PROBE = """
import sys, runpy
sys.argv = ["variorum", *sys.argv[1:]]
try:
    runpy.run_module("variorum", run_name="__main__")
except SystemExit:
    pass
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))), file=sys.stderr)
"""


def startup(repeat: int) -> None:
    print("Start-up", flush=True)
    python = median_run([sys.executable, "-c", "pass"], max(repeat, 5)).seconds
    for args in (("--version",), ("compare", "--help")):
        run = median_run(variorum_cmd(*args), max(repeat, 5), ENV)
        probe = run_child([sys.executable, "-c", PROBE, *args], ENV)
        qt = probe.stderr.strip().splitlines()[-1] if probe.stderr.strip() else ""
        ratio = run.seconds / python
        record(f"`variorum {' '.join(args)}` ≤ {STARTUP_FACTOR:g}× python -c pass, no Qt",
               f"{run.seconds:.3f} s = {ratio:.1f}×{', imports ' + qt if qt else ''}",
               f"python -c pass {python:.3f} s", ratio <= STARTUP_FACTOR and not qt)
    heavy = ", ".join(repr(m) for m in HEAVY_FOR_TEXT)
    probe = run_child([sys.executable, "-c",
                       "import sys, variorum.core.compare\n"
                       f"print(' '.join(m for m in ({heavy},) if m in sys.modules), file=sys.stderr)"], ENV)
    loaded = probe.stderr.strip().splitlines()[-1] if probe.stderr.strip() else ""
    record("`import variorum.core.compare` loads only what text input needs",
           f"also loads {loaded}" if loaded else "nothing heavy", f"checked: {', '.join(HEAVY_FOR_TEXT)}",
           not loaded)


def app_stalls(repeat: int) -> None:
    """The window's longest event-loop stall while a case loads, while scrolling, stepping and switching the
    compared version (``bench/gui_load.py``: each run a fresh process)."""
    import gui_load

    print("The app: 10 versions × 100 KB, longest event-loop stall per activity", flush=True)
    for row in gui_load.report(gui_load.measure(runs=repeat)):
        record(f"app stall while {row.activity} ≤ {gui_load.STALL_TARGET_MS:.0f} ms",
               f"max {row.worst:.0f} ms, median {row.median:.0f} ms",
               f"{row.adjusted_worst:.0f} ms once divided by this machine's stretch of a fixed 20 ms task; the UI "
               f"thread's own CPU time in the gap {row.cpu_worst:.0f} ms", row.met)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (the median is kept)")
    ap.add_argument("--quick", action="store_true", help="only the 10 × 100 KB and 10 × 8 KB targets")
    ap.add_argument("--scale", action="store_true", help="only the growth and pathological-input targets")
    args = ap.parse_args()
    byte_compile()
    with tempfile.TemporaryDirectory(prefix="variorum-bench-") as tmp:
        tmp_path = Path(tmp)
        if not args.scale:
            headline(tmp_path, args.repeat)
        if not args.quick:
            if not args.scale:
                startup(args.repeat)
            _, per_mb, per_version = growth(tmp_path, args.repeat)
            normal_8k = median_run(compare_cmd(build_case(tmp_path / "pair8", 2, 8)), args.repeat, ENV).seconds
            pathological(tmp_path, per_mb, per_version, normal_8k)
            if not args.scale:
                app_stalls(args.repeat)
    if not args.quick and not args.scale:  # cases per second of `variorum batch` (no target: printed for the README)
        import subprocess

        sys.stdout.flush()
        subprocess.run([sys.executable, str(ROOT / "bench" / "batch.py")], check=False)
    print("\nSummary")
    for target, measured, reference, ok in RESULTS:
        print(f"  {verdict(ok)}  {target}: {measured}" + (f"  [{reference}]" if reference else ""))
    failed = sum(not ok for *_, ok in RESULTS)
    print(f"{len(RESULTS) - failed} of {len(RESULTS)} targets met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
