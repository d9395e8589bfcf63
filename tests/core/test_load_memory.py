"""Reading a large plain text and profiling it for the comparison stays within a few times the text's size.

Measured in a fresh process (the peak of what Python allocates there, after the imports), so that nothing else
the test run holds is counted."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from pathlib import Path

TEXT_BYTES = 3_000_000
MAX_PEAK_PER_BYTE = 20  # at most 20 bytes of memory per byte of input; with a set of every 3-gram it took 27

_SCRIPT = textwrap.dedent("""
    import sys, tracemalloc
    from variorum.core.load import load_paths
    from variorum.core.relation import profile
    from variorum.core.diff import prepare
    tracemalloc.start()
    (version,) = load_paths([sys.argv[1]])
    assert not version.error, version.error
    prepared = prepare(version.text)
    kept = profile(version.text, " ".join(prepared.keys))
    print(tracemalloc.get_traced_memory()[1], kept.words)
""")


def _article(size: int) -> str:
    rng = random.Random(5)
    words = [f"w{rng.randrange(50_000)}" for _ in range(size // 7)]
    lines = [" ".join(words[i:i + 12]) + "." for i in range(0, len(words), 12)]
    paragraphs = ["\n".join(lines[i:i + 6]) for i in range(0, len(lines), 6)]
    return "\n\n".join(paragraphs)[:size]


def test_loading_and_profiling_a_large_text_is_bounded_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "large.txt"
    path.write_text(_article(TEXT_BYTES), encoding="utf-8")
    desktop = Path(__file__).resolve().parents[2] / "desktop"
    out = subprocess.run([sys.executable, "-c", _SCRIPT, str(path)], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(desktop), "PATH": ""}, timeout=600)
    grown, words = map(int, out.stdout.split())
    assert words > TEXT_BYTES // 20
    assert grown < MAX_PEAK_PER_BYTE * path.stat().st_size, f"{grown / path.stat().st_size:.1f} bytes per byte"
