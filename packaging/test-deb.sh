#!/usr/bin/env bash
# Install the Debian package built by packaging/build-deb.sh on this machine (as root), check that it runs,
# shows in the menu with its icon and is offered for the file types Variorum reads, then remove it and check that
# nothing of it remains. For CI and release checks: it installs the package's dependencies with apt.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
deb="$(ls -t dist/variorum_*.deb | head -n1)"
desktop=/usr/share/applications/org.variorum.Variorum.desktop

# dpkg -i leaves missing Depends unconfigured; apt then installs them and finishes the configuration.
dpkg -i "$deb" >/dev/null 2>&1 || apt-get install -y -qq -f >/dev/null
dpkg -s variorum | grep -q '^Status: install ok installed'
test "$(command -v variorum)" = /usr/bin/variorum
packaging/smoke-test.sh /usr/bin/variorum
test -f /usr/share/icons/hicolor/scalable/apps/org.variorum.Variorum.svg
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$desktop"
fi
if [ -f /usr/share/applications/mimeinfo.cache ]; then  # written by desktop-file-utils' trigger
    for type in text/html application/pdf text/markdown \
                application/vnd.openxmlformats-officedocument.wordprocessingml.document; do
        grep -q "^$type=.*org.variorum.Variorum.desktop" /usr/share/applications/mimeinfo.cache \
            || { echo "Variorum is not offered for $type" >&2; exit 1; }
    done
fi

dpkg -r variorum >/dev/null
leftover="$(ls -d /opt/variorum /usr/bin/variorum "$desktop" 2>/dev/null || true)"
if [ -n "$leftover" ] || grep -qs org.variorum /usr/share/applications/mimeinfo.cache; then
    echo "Left behind after removal: $leftover" >&2
    exit 1
fi
echo "Debian package installed, ran, and was removed cleanly: $deb"
