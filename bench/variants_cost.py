"""What the N-way view costs on the headline case (10 versions × 100 KB): the whole comparison, and the variation
places, timeline and stemma built from it (the places are part of the comparison; timed again here alone).

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
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_case(Path(tmp), versions=10, size_kb=100)
        case = load_case(paths)
        t = time.perf_counter()
        c = case.compare()
        whole = time.perf_counter() - t
        places = best(lambda: variation_places(c))
        rest = best(lambda: estimate_stemma(c.places, compared_versions(c), build_timeline(c)))
    print(f"10 × 100 KB: compare {whole:.2f} s (places included); places alone {places * 1000:.1f} ms "
          f"({places / whole:.1%}); timeline + stemma {rest * 1000:.1f} ms; {len(c.places)} places, "
          f"{len(c.differences)} differences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
