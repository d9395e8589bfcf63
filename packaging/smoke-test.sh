#!/usr/bin/env bash
# Smoke-test an installed or bundled `variorum` headless: the version, a report in every format, every input
# format the reports can give back (HTML, PDF, Markdown, text), and the window on the demo case saved as a PNG.
# Usage: packaging/smoke-test.sh [COMMAND]   (default: dist/variorum/variorum)
set -euo pipefail
cd "$(dirname "$0")/.."
VARIORUM="${1:-dist/variorum/variorum}"
export QT_QPA_PLATFORM=offscreen
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

"$VARIORUM" --version
for fmt in json md csv html pdf; do
    "$VARIORUM" compare resources/demo --format "$fmt" --output "$out/report.$fmt" >/dev/null
done
"$VARIORUM" compare "$out/report.html" "$out/report.pdf" "$out/report.md" resources/demo/000_*.txt \
    --format json --pretty >"$out/reread.json"
grep -q '"format": "pdf"' "$out/reread.json"
grep -q '"format": "html"' "$out/reread.json"
"$VARIORUM" --demo --screenshot "$out/window.png" >/dev/null
test -s "$out/window.png"
echo "Smoke test passed: $VARIORUM"
