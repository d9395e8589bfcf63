"""What a built bundle carries but never used: read the bundle's import log(s) (VARIORUM_IMPORT_LOG, written by
packaging/launch.py during packaging/smoke-test.sh) and list the bundle's files no run loaded, largest first.

Usage: python packaging/unused.py IMPORT_LOG [BUNDLE_DIR]
Shared libraries count as used when they were mapped; a package folder counts as used when a module of that
package was imported (its data files may still be unused: the listing shows the largest ones separately).
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(log_path: str, bundle: str = "dist/variorum") -> None:
    internal = Path(bundle).resolve() / "_internal"
    modules, libraries = set(), set()
    for line in Path(log_path).read_text(encoding="utf-8").splitlines():
        kind, _, value = line.partition(" ")
        (modules if kind == "module" else libraries).add(value if kind == "module" else str(Path(value).resolve()))
    top = {m.split(".")[0] for m in modules}
    rows = []
    for f in internal.rglob("*"):
        if not f.is_file() or f.is_symlink():
            continue
        rel = f.relative_to(internal)
        if ".so" in f.name:
            used = str(f.resolve()) in libraries
        else:
            used = rel.parts[0].split("-")[0].split(".")[0] in top or len(rel.parts) == 1
        if not used:
            rows.append((f.stat().st_size, str(rel)))
    total = sum(f.stat().st_size for f in internal.rglob("*") if f.is_file() and not f.is_symlink())
    unused = sum(size for size, _ in rows)
    print(f"bundle {total / 1e6:.1f} MB; never loaded {unused / 1e6:.1f} MB in {len(rows)} files")
    groups: dict[str, int] = {}
    for size, rel in rows:
        key = "/".join(Path(rel).parts[:4 if rel.startswith("PySide6/Qt/") else 2])
        groups[key] = groups.get(key, 0) + size
    for key, size in sorted(groups.items(), key=lambda kv: -kv[1])[:40]:
        print(f"{size / 1e6:8.2f} MB  {key}")


if __name__ == "__main__":
    main(*sys.argv[1:])
