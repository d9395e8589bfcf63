#!/usr/bin/env bash
# Build a one-folder desktop bundle in dist/variorum/ with PyInstaller, then smoke-test it headless.
set -euo pipefail
cd "$(dirname "$0")/.."
make .venv/.installed >/dev/null
.venv/bin/python -m pip install --quiet "pyinstaller>=6"
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/variorum.spec
QT_QPA_PLATFORM=offscreen dist/variorum/variorum --version
QT_QPA_PLATFORM=offscreen dist/variorum/variorum compare resources/demo --format md > /dev/null
echo "Bundle ready: dist/variorum/ (run dist/variorum/variorum)"
