"""What the N-way view costs on the headline case (10 versions × 100 KB): the whole comparison, and the variation
places, timeline and stemma built from it (the places are part of the comparison; timed again here alone).
Times are CPU time of this process, so that other work on the machine does not distort the shares.

    PYTHONPATH=desktop python bench/variants_cost.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import build_case  # noqa: E402

from variorum.core.case import load_case  # noqa: E402
from variorum.core.stemma import estimate_stemma  # noqa: E402
from variorum.core.timeline import build_timeline  # noqa: E402
from variorum.core.variants import compared_versions, variation_places  # noqa: E402


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_case(Path(tmp), versions=10, size_kb=100)
        t = time.process_time()
        case = load_case(paths)
        loaded = time.process_time() - t
        t = time.process_time()
        c = case.compare()
        whole = time.process_time() - t
        places = best(lambda: variation_places(c))
        rest = best(lambda: estimate_stemma(c.places, compared_versions(c), build_timeline(c)))
    print(f"10 × 100 KB: load {loaded:.2f} s, compare {whole:.2f} s (places included); places alone "
          f"{places * 1000:.0f} ms ({places / whole:.0%} of the comparison, {places / (loaded + whole):.0%} of "
          f"load + compare); timeline + stemma {rest * 1000:.1f} ms; {len(c.places)} places from "
          f"{len(c.differences)} differences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
