#!/bin/sh
# Make sure the system libraries Qt needs to open a window (packaging/qt-system-libs.txt) are installed.
#   packaging/qt-system-libs.sh            install the missing ones with apt (as root, or with sudo), or print
#                                          the one command that does and exit 1
#   packaging/qt-system-libs.sh --dry-run  print what would be run, change nothing
#   packaging/qt-system-libs.sh --missing  print the missing packages, one a line
# Nothing is checked when no window is needed (QT_QPA_PLATFORM=offscreen or minimal) or off Linux.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
mode="${1:-install}"

case "${QT_QPA_PLATFORM:-}" in offscreen*|minimal*) exit 0 ;; esac
[ "$(uname -s)" = Linux ] || exit 0

ldconfig_cmd="$(command -v ldconfig || echo /sbin/ldconfig)"
known="$("$ldconfig_cmd" -p 2>/dev/null || true)"
missing=""
while read -r package library; do
    case "$package" in ''|'#'*) continue ;; esac
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
