"""How quickly the window shows a large case, and whether it stays responsive meanwhile.

Builds 10 versions of a ~100 KB article (paragraphs drawn from the Darwin fixture texts, then seeded random word
edits per version), opens them in the main window (offscreen unless a display is set) and prints:

- time to first screen: from the drop until every pane shows its text;
- time until the comparison is shown (highlights, findings);
- the longest lag of a 10 ms QTimer while loading (how long the event loop was blocked).

Targets: first screen < 1.5 s, max lag < 100 ms. Run on demand: ``.venv/bin/python bench/gui_load.py``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data" / "darwin-origin-ch1-para1"


def make_case(folder: Path, versions: int, size: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))).split()
    paras: list[str] = []
    total = 0
    while total < size:
        n = rng.randint(40, 120)
        i = rng.randrange(len(words) - n)
        paras.append(" ".join(words[i:i + n]))
        total += len(paras[-1]) + 2
    paths = []
    for k in range(versions):
        edited = list(paras)
        for _ in range(60):
            j = rng.randrange(len(edited))
            w = edited[j].split()
            m = rng.randrange(len(w))
            op = rng.random()
            if op < 0.4:
                w[m] = rng.choice(words)
            elif op < 0.7:
                w.insert(m, rng.choice(words))
            else:
                del w[m]
            edited[j] = " ".join(w)
        if k % 3 == 1:  # some versions lose or gain a paragraph
            del edited[rng.randrange(len(edited))]
        path = folder / f"version-{k + 1:02d}.txt"
        path.write_text("\n\n".join(edited), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--versions", type=int, default=10)
    ap.add_argument("--size", type=int, default=100_000, help="characters per version")
    ap.add_argument("--seed", type=int, default=1)
    ns = ap.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("VARIORUM_DATA_DIR", tempfile.mkdtemp(prefix="variorum-bench-"))

    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QSettings, QTimer

    from variorum.ui.app import make_app
    from variorum.ui.window.main_window import MainWindow

    app = make_app([])
    QCoreApplication.setOrganizationName("VariorumBench")
    settings_dir = tempfile.mkdtemp(prefix="variorum-bench-settings-")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, settings_dir)
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_case(Path(tmp), ns.versions, ns.size, ns.seed)
        kb = sum(p.stat().st_size for p in paths) / 1024
        window = MainWindow()
        window.resize(1500, 900)
        window.show()
        app.processEvents()

        clock = QElapsedTimer()
        marks: dict[str, float] = {}
        lag = {"max": 0.0, "last": 0.0}
        ticker = QTimer()
        ticker.setInterval(10)

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e6
            lag["max"] = max(lag["max"], now - lag["last"] - 10)
            lag["last"] = now

        ticker.timeout.connect(tick)

        def on_panes_shown() -> None:
            if "first" not in marks and window.panes.panes():
                marks["first"] = clock.nsecsElapsed() / 1e6

        def on_comparison() -> None:
            marks["done"] = clock.nsecsElapsed() / 1e6
            QTimer.singleShot(50, app.quit)

        window.panes.shown.connect(on_panes_shown)
        window.comparisonShown.connect(on_comparison)
        clock.start()
        lag["last"] = 0.0
        ticker.start()
        started = time.perf_counter()
        window.add_paths(paths)
        QTimer.singleShot(180_000, app.quit)  # give up rather than hang
        app.exec()
        ticker.stop()
        wall = time.perf_counter() - started
        window.runner.wait()
        print(f"case: {ns.versions} versions, {kb:.0f} KB in all ({ns.size // 1000} KB each), seed {ns.seed}")
        print(f"time to first screen (texts shown):   {marks.get('first', float('nan')) / 1000:6.2f} s"
              f"   target < 1.5 s")
        print(f"time to comparison shown (highlights): {marks.get('done', float('nan')) / 1000:6.2f} s")
        print(f"max event-loop lag (10 ms timer):      {lag['max']:6.0f} ms  target < 100 ms")
        print(f"wall time: {wall:.2f} s; differences: {len(window.comparison.differences)}")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
