#!/usr/bin/env bash
# Build a one-folder desktop bundle in dist/variorum/ with PyInstaller, then smoke-test the installed wheel it
# was made from and the bundle headless.
# PyInstaller and a plain (non-editable) install of Variorum live in their own venv, build/bundle-venv, so the
# development venv (.venv) is never changed by a bundle build.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
VENV=build/bundle-venv

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --progress-bar on "pyinstaller>=6" .
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/variorum.spec
# Qt answers collation, case and time-zone questions the same with the bundle's trimmed ICU data.
"$VENV/bin/python" packaging/check-icu.py dist/variorum/_internal/PySide6/Qt/lib
packaging/smoke-test.sh "$VENV/bin/variorum"  # the wheel, as pip installed it
packaging/smoke-test.sh dist/variorum/variorum  # the bundle
echo "Bundle ready: dist/variorum/ ($(du -sh dist/variorum | cut -f1); run dist/variorum/variorum)"
