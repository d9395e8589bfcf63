#!/bin/sh
# Install Debian/Ubuntu packages that `make` needs on a new machine: with apt as root, or through sudo, or else
# print the one command that does it and exit 1.
# Usage: packaging/apt-install.sh [--dry-run] REASON PACKAGE...   (--dry-run prints what would run)
set -eu
dry_run=""
if [ "${1:-}" = --dry-run ]; then
    dry_run=1
    shift
fi
reason="$1"
shift
echo "$reason: $*"
install="apt-get install -y $*"
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Install them with your system's package manager (Debian/Ubuntu names above), then run this again."
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    run="apt-get update && $install"
elif command -v sudo >/dev/null 2>&1 && { [ -t 0 ] || sudo -n true 2>/dev/null; }; then
    run="sudo apt-get update && sudo $install"
else
    echo "Install them with:  sudo apt-get update && sudo $install"
    exit 1
fi
if [ -n "$dry_run" ]; then
    echo "Would run: $run"
    exit 0
fi
echo "Running: $run"
DEBIAN_FRONTEND=noninteractive sh -c "$run"
