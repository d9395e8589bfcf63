#!/bin/sh
# Make sure the system libraries Qt needs (packaging/qt-system-libs.txt) are installed: all of them to open a
# window, the GUI library's own when Qt draws offscreen (QT_QPA_PLATFORM=offscreen, as in the tests).
#   packaging/qt-system-libs.sh            install the missing ones with apt (as root, or with sudo), or print
#                                          the one command that does and exit 1
#   packaging/qt-system-libs.sh --dry-run  print what would be run, change nothing
#   packaging/qt-system-libs.sh --missing  print the missing packages, one a line
# Nothing is checked off Linux.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
mode="${1:-install}"

[ "$(uname -s)" = Linux ] || exit 0
case "${QT_QPA_PLATFORM:-}" in offscreen*|minimal*) window="" ;; *) window=1 ;; esac

ldconfig_cmd="$(command -v ldconfig || echo /sbin/ldconfig)"
known="$("$ldconfig_cmd" -p 2>/dev/null || true)"
missing=""
while read -r package library needed_for; do
    case "$package" in ''|'#'*) continue ;; esac
    [ -n "$window" ] || [ "$needed_for" != window ] || continue
    printf '%s\n' "$known" | grep -qF "$library " || missing="$missing $package"
done < "$here/qt-system-libs.txt"
missing="${missing# }"

if [ "$mode" = --missing ]; then
    [ -z "$missing" ] || printf '%s\n' $missing
    exit 0
fi
[ -n "$missing" ] || exit 0

dry_run=""
[ "$mode" != --dry-run ] || dry_run=--dry-run
exec sh "$here/apt-install.sh" $dry_run "Qt needs system libraries this machine lacks" $missing
