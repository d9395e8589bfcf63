"""Entry point of the frozen app: the same `variorum` command as the installed package.

With VARIORUM_IMPORT_LOG=PATH the bundle writes, on exit, every Python module it imported and every shared
library it mapped (its own import log), which is how `packaging/unused.py` finds what a build may leave out.
"""

import multiprocessing
import os

# The comparison runs in a process of its own, which the frozen app starts as itself: this makes that start
# run the comparison's process instead of the app (it returns at once otherwise).
multiprocessing.freeze_support()

if os.environ.get("VARIORUM_IMPORT_LOG"):
    import atexit
    import sys

    def _write_import_log(path: str = os.environ["VARIORUM_IMPORT_LOG"]) -> None:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") if os.path.exists("/proc/self/maps") \
                else open(os.devnull) as maps:
            libraries = {line.split(None, 5)[-1].strip() for line in maps if ".so" in line}
        with open(path, "a", encoding="utf-8") as log:
            log.writelines(f"module {name}\n" for name in sorted(sys.modules))
            log.writelines(f"library {lib}\n" for lib in sorted(libraries))

    atexit.register(_write_import_log)

from variorum.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
