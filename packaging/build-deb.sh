#!/usr/bin/env bash
# Turn the one-folder bundle (dist/variorum/, made by packaging/build.sh) into a Debian package in dist/:
# the bundle under /opt/variorum, /usr/bin/variorum, the menu entry, icon, MIME types and AppStream metadata,
# and Qt's system libraries (packaging/qt-system-libs.txt) as Depends:. The system's own triggers
# (desktop-file-utils, shared-mime-info, the icon cache) refresh the menus and file types on install and removal.
# Usage: packaging/build-deb.sh            (DEB_COMPRESSION=gzip for a faster, larger package)
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=dist/variorum
if [ ! -x "$bundle/variorum" ]; then
    echo "No bundle in $bundle: run packaging/build.sh (or: make deb) first." >&2
    exit 1
fi
version="$(QT_QPA_PLATFORM=offscreen "$bundle/variorum" --version | awk '{print $2}')"
arch="$(dpkg --print-architecture)"
glibc="$(dpkg-query -W -f='${Version}' libc6 | cut -d- -f1)"  # the bundle's libraries were built against it
root="build/deb/variorum_${version}_${arch}"
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin"

cp -a "$bundle" "$root/opt/variorum"
ln -s /opt/variorum/variorum "$root/usr/bin/variorum"
# The same files, at the same places, as `variorum --install-desktop` puts under ~/.local/share.
PYTHONPATH=desktop "${PYTHON:-python3}" -c '
from variorum.desktop_integration import TARGETS
for source, target in TARGETS.items():
    print(source, target)' | while read -r source target; do
    install -D -m 644 "resources/$source" "$root/usr/share/$target"
done
install -D -m 644 resources/linux/org.variorum.variorum.metainfo.xml \
    "$root/usr/share/metainfo/org.variorum.variorum.metainfo.xml"
chmod -R u+rwX,go+rX,go-w "$root"

depends="libc6 (>= $glibc)"
while read -r package _; do
    case "$package" in
        ''|'#'*) continue ;;
        libglib2.0-0) depends="$depends, libglib2.0-0t64 | libglib2.0-0" ;;  # renamed in Debian 13
        *) depends="$depends, $package" ;;
    esac
done < packaging/qt-system-libs.txt

cat > "$root/DEBIAN/control" <<CONTROL
Package: variorum
Version: $version
Architecture: $arch
Maintainer: Variorum developers <noreply@variorum.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1, shared-mime-info, desktop-file-utils, hicolor-icon-theme, tesseract-ocr, tesseract-ocr-eng
Section: text
Priority: optional
Description: compare versions of a news article and flag the discrepancies
 Variorum loads several versions of an article side by side (a PDF text
 extraction, a Markdown copy, a saved web page, related coverage), highlights
 what changed word by word, separates cosmetic noise from real changes, flags
 discrepancies in dates, links, titles, bylines, credits, quotes, numbers and
 names, and keeps a fact-checker's reconciliation notes locally.
 .
 This package carries its own Python and Qt under /opt/variorum.
CONTROL

deb="dist/variorum_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" --build "$root" "$deb" >/dev/null
echo "Debian package ready: $deb ($(du -h "$deb" | cut -f1); installs $(du -sh --exclude=DEBIAN "$root" | cut -f1))"
