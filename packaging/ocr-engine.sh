#!/bin/sh
# Make sure the Tesseract OCR program and its English data are installed (reading screenshots and scanned PDFs
# needs them): installed with apt as root or with sudo, else the one command is printed. OCR is optional, so this
# never stops `make demo` or `make test`: without Tesseract, screenshots and scans say what to install.
#   packaging/ocr-engine.sh            install them when missing
#   packaging/ocr-engine.sh --dry-run  print what would be run, change nothing
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
dry_run=""
[ "${1:-}" != --dry-run ] || dry_run=--dry-run

[ "$(uname -s)" = Linux ] || exit 0
if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx eng; then
    exit 0
fi
sh "$here/apt-install.sh" $dry_run "Reading screenshots and scans (OCR) needs Tesseract with English data" \
    tesseract-ocr tesseract-ocr-eng \
    || echo "Without it everything else works; screenshots and scans say what to install."
