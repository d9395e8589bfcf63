#!/usr/bin/env bash
# Smoke-test an installed or bundled `variorum` headless, on every path that needs a library of its own: the
# version, a report in every format, every input format the reports can give back (HTML, PDF, Markdown, text), a
# short article in every other format Variorum reads (packaging/smoke-inputs: MHTML, Word, PDFs encrypted with
# AES-256 and RC4, WARC, WACZ, and with Tesseract installed screenshots in PNG, JPEG and WebP and a scanned PDF,
# read by OCR), a nationality changed (the check reads a word list shipped with the package), notes added, listed,
# exported, imported and backed up, a batch run in worker processes, and the window on the demo case, compared in
# a process of its own (also on an X11 screen when Xvfb is installed) and on pictures and PDFs shown in the Source
# panel, saved as PNGs.
# A bundle that leaves out something one of these paths loads fails here rather than on a user's file.
# Usage: packaging/smoke-test.sh [COMMAND]   (default: dist/variorum/variorum)
set -euo pipefail
cd "$(dirname "$0")/.."
VARIORUM="${1:-dist/variorum/variorum}"
export QT_QPA_PLATFORM=offscreen
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export VARIORUM_DATA_DIR="$out/data"  # the notes store of this test, not the user's
# The bundle writes what it loaded here (packaging/launch.py); an installed wheel writes nothing.
export VARIORUM_IMPORT_LOG="${VARIORUM_IMPORT_LOG:-$out/imports.log}"
inputs=packaging/smoke-inputs
fail() { echo "Smoke test failed ($VARIORUM): $*" >&2; exit 1; }

"$VARIORUM" --version
for fmt in json md csv html pdf; do
    "$VARIORUM" compare resources/demo --format "$fmt" --output "$out/report.$fmt" >/dev/null
done
"$VARIORUM" compare "$out/report.html" "$out/report.pdf" "$out/report.md" resources/demo/000_*.txt \
    --format json --pretty >"$out/reread.json"
grep -q '"format": "pdf"' "$out/reread.json"
grep -q '"format": "html"' "$out/reread.json"

files=("$inputs"/page.html "$inputs"/page.mhtml "$inputs"/article.docx "$inputs"/aes256.pdf "$inputs"/rc4.pdf
       "$inputs"/captures.warc.gz "$inputs"/captures.wacz)
words=(ten eleven twelve thirteen fourteen fifteen sixteen)
ocr=false
if command -v tesseract >/dev/null 2>&1; then  # OCR needs the Tesseract program; without it pictures are refused
    ocr=true
    files+=("$inputs"/screenshot.png "$inputs"/screenshot.jpg "$inputs"/screenshot.webp "$inputs"/scan.pdf)
    words+=(seventeen eighteen nineteen twenty)
fi
"$VARIORUM" compare "${files[@]}" --format json --pretty >"$out/inputs.json"
if grep -q '"error": "' "$out/inputs.json"; then
    grep '"error": "' "$out/inputs.json" >&2
    fail "a version could not be read"
fi
for word in "${words[@]}"; do  # each version's own word shows up in the differences: its text was read
    grep -q "\"$word\"" "$out/inputs.json" || fail "the text with \"$word\" was not read"
done
for fmt in html pdf docx; do
    grep -q "\"format\": \"$fmt\"" "$out/inputs.json" || fail "no $fmt version"
done

# The nationality check reads its CLDR word list (resources/cldr) through the package's loader.
printf 'The French minister announced the plan on Monday, officials said.\n' >"$out/nation-1.txt"
printf 'The German minister announced the plan on Monday, officials said.\n' >"$out/nation-2.txt"
"$VARIORUM" compare "$out/nation-1.txt" "$out/nation-2.txt" --format json >"$out/nation.json"
grep -q 'a nationality' "$out/nation.json" || fail "the nationality word list was not read"

case=("$inputs"/page.html "$inputs"/article.docx)
"$VARIORUM" notes add --anchor case --body "Checked against the print edition." "${case[@]}" >/dev/null
"$VARIORUM" notes list --format json "${case[@]}" | grep -q "print edition" || fail "the note was not kept"
"$VARIORUM" notes export --output "$out/notes.jsonld" "${case[@]}" >/dev/null
VARIORUM_DATA_DIR="$out/data2" "$VARIORUM" notes import "$out/notes.jsonld" "${case[@]}" >/dev/null
VARIORUM_DATA_DIR="$out/data2" "$VARIORUM" notes list "${case[@]}" | grep -q "print edition" \
    || fail "the exported note was not imported"
"$VARIORUM" notes backup "$out/notes-backup.sqlite3" >/dev/null
test -s "$out/notes-backup.sqlite3"
"$VARIORUM" compare "${case[@]}" --format pdf --output "$out/notes.pdf" >/dev/null  # the report with its note

printf '{"id": "demo", "files": ["%s"]}\n{"id": "pages", "files": ["%s", "%s"]}\n' "$PWD/resources/demo" \
    "$PWD/$inputs/page.html" "$PWD/$inputs/page.mhtml" >"$out/cases.jsonl"
"$VARIORUM" batch --workers 2 --output "$out/batch" "$out/cases.jsonl" >/dev/null
test -s "$out/batch/summary.csv" && test -s "$out/batch/demo.json" || fail "the batch wrote no reports"

"$VARIORUM" --demo --screenshot "$out/window.png" >/dev/null
test -s "$out/window.png"
# The window compares in a process of its own (the frozen app starts itself again for it); when that process
# cannot start, the window compares on a thread and the log says why: a bundle must not need that.
if grep -q "Comparing in the window's own process" "$VARIORUM_DATA_DIR/variorum.log" 2>/dev/null; then
    grep "Comparing in the window's own process" "$VARIORUM_DATA_DIR/variorum.log" >&2
    fail "the comparison's process did not start"
fi
if command -v xvfb-run >/dev/null 2>&1; then  # an X11 screen: Qt's xcb plugin and the libraries it links load
    QT_QPA_PLATFORM=xcb xvfb-run -a "$VARIORUM" --demo --screenshot "$out/x11.png" >/dev/null
    test -s "$out/x11.png"
fi
# The Source panel shows the compared version's original: a picture Qt decodes itself, a PDF page pypdfium2 draws.
"$VARIORUM" --screenshot "$out/pdf.png" "$inputs"/page.html "$inputs"/aes256.pdf >/dev/null
test -s "$out/pdf.png"
if $ocr; then
    for picture in jpg webp; do  # PNG needs no plugin: Qt reads it itself
        "$VARIORUM" --screenshot "$out/$picture.png" "$inputs"/page.html "$inputs/screenshot.$picture" >/dev/null
        test -s "$out/$picture.png"
    done
    if [ -s "$VARIORUM_IMPORT_LOG" ]; then  # a bundle: Qt must have found its image plugins to show the pictures
        for plugin in libqjpeg libqwebp; do
            grep -q "/imageformats/$plugin" "$VARIORUM_IMPORT_LOG" || fail "Qt did not load $plugin"
        done
    fi
fi
echo "Smoke test passed: $VARIORUM"
