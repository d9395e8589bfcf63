#!/bin/sh
# Create the development venv with a Python that Variorum supports (3.11 or newer), replacing one that an older
# or since-removed interpreter made. Usage: packaging/venv.sh PYTHON VENV
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
python="$1"
venv="$2"
minimum=3.11

version_of() {  # prints MAJOR.MINOR of the given interpreter, or nothing if it does not run
    "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true
}
healthy() {  # a venv made by a supported Python that still runs, with pip in it
    supported "$(version_of "$1/bin/python")" && "$1/bin/python" -c 'import pip' 2>/dev/null
}
supported() {  # is MAJOR.MINOR at least $minimum?
    [ -n "$1" ] && [ "$(printf '%s\n%s\n' "$minimum" "$1" | sort -t. -k1,1n -k2,2n | head -n1)" = "$minimum" ]
}

version="$(version_of "$python")"
if ! supported "$version"; then
    echo "Variorum needs Python $minimum or newer; '$python' is ${version:-not a working Python}." >&2
    echo "Install one, then run for example:  make PYTHON=python3.12 demo" >&2
    exit 1
fi
# Debian and Ubuntu ship what venv needs to install pip (ensurepip) separately, as pythonX.Y-venv.
if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    sh "$here/apt-install.sh" "Python $version needs this package to make a venv with pip" "python$version-venv"
    if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
        echo "Python $version still cannot make a venv with pip (its ensurepip module is missing)." >&2
        exit 1
    fi
fi
if [ -e "$venv" ] && ! healthy "$venv"; then
    made_with="$(version_of "$venv/bin/python")"
    echo "Replacing $venv (made with Python ${made_with:-that no longer runs}, or without pip) by one made with Python $version."
    rm -rf "$venv"
fi
if [ ! -x "$venv/bin/python" ]; then
    echo "Creating $venv with Python $version (first run only; installing takes a minute or two)."
    "$python" -m venv "$venv"
fi
