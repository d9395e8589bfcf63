"""``variorum --install-desktop`` / ``--uninstall-desktop``: put Variorum in the user's application menu, icon
theme and "Open with" lists, or take exactly that out again.

User level only, following the XDG base directory spec: files go under ``$XDG_DATA_HOME`` (by default
``~/.local/share``), and the desktop and MIME databases are refreshed when their tools are installed. The files
come from the package's resources (``resources/linux``, ``resources/icons``), so a wheel and the frozen bundle
install the same thing; only the desktop file's ``Exec`` line is rewritten to the command that is running now.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from variorum.assets import files

DESKTOP_ID = "org.variorum.Variorum"
INSTALL, UNINSTALL = "--install-desktop", "--uninstall-desktop"

# Where each resource goes, relative to the data home (and, for the Debian package, to /usr/share).
TARGETS = {
    f"linux/{DESKTOP_ID}.desktop": f"applications/{DESKTOP_ID}.desktop",
    "icons/variorum.svg": f"icons/hicolor/scalable/apps/{DESKTOP_ID}.svg",
    f"linux/{DESKTOP_ID}.mime.xml": f"mime/packages/{DESKTOP_ID}.xml",
}
# The databases that index those folders: (tool, folder it indexes).
DATABASES = (("update-desktop-database", "applications"), ("update-mime-database", "mime"))


def data_home() -> Path:
    """$XDG_DATA_HOME when set to an absolute path (the spec says to ignore a relative one), else ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that starts this Variorum: the frozen bundle, the installed script, or ``python -m variorum``."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).absolute())]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "variorum" and script.is_file():
        return [str(script.absolute())]
    # not resolved: in a venv, the interpreter's link is what makes it the venv's
    return [str(Path(sys.executable).absolute()), "-m", "variorum"]


def exec_quote(arg: str) -> str:
    """Quote one argument of a desktop file's Exec key (Desktop Entry spec, "The Exec key")."""
    arg = arg.replace("%", "%%")  # a lone % would start a field code
    if arg and not re.search(r'[\s"\'\\><~|&;$*?#()`]', arg):
        return arg
    escaped = re.sub(r'(["`$\\])', r"\\\1", arg)
    # Desktop files also unescape backslashes in string values, so each backslash is written twice.
    return '"' + escaped.replace("\\", "\\\\") + '"'


def desktop_entry(command: Sequence[str]) -> str:
    text = (files() / f"linux/{DESKTOP_ID}.desktop").read_text(encoding="utf-8")
    exec_line = " ".join(exec_quote(a) for a in command) + " %F"
    return re.sub(r"(?m)^Exec=.*$", lambda _: f"Exec={exec_line}", text, count=1)


def install(home: Path | None = None, command: Sequence[str] | None = None) -> list[Path]:
    """Write the desktop file, icon and MIME package under the data home; return the files written."""
    home = home or data_home()
    written = []
    for source, target in TARGETS.items():
        path = home / target
        path.parent.mkdir(parents=True, exist_ok=True)
        if source.endswith(".desktop"):
            path.write_text(desktop_entry(command or launcher()), encoding="utf-8")
        else:
            path.write_bytes((files() / source).read_bytes())
        written.append(path)
    refresh_databases(home)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what ``install`` writes; return the files removed.

    A database left indexing nothing (no desktop file, no MIME package) is generated data only, so it goes too,
    with the folders left empty: on a data home Variorum alone had used, nothing remains.
    """
    home = home or data_home()
    removed = []
    for target in TARGETS.values():
        path = home / target
        if path.is_file():
            path.unlink()
            removed.append(path)
    if not any((home / "applications").rglob("*.desktop")):
        (home / "applications" / "mimeinfo.cache").unlink(missing_ok=True)
    if (home / "mime").is_dir() and not any(p.is_file() for p in (home / "mime" / "packages").rglob("*")):
        shutil.rmtree(home / "mime")
    for target in TARGETS.values():
        folder = (home / target).parent
        while folder != home and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    refresh_databases(home)
    return removed


def refresh_databases(home: Path) -> None:
    """Re-index the folders so menus and "Open with" see the change at once; skipped when a tool is missing."""
    for tool, folder in DATABASES:
        found = shutil.which(tool)
        if found and (home / folder).is_dir() and (folder != "mime" or (home / folder / "packages").is_dir()):
            result = subprocess.run([found, str(home / folder)], capture_output=True, text=True, check=False)
            if result.returncode != 0:
                print(f"variorum: {tool} failed: {result.stderr.strip()}", file=sys.stderr)


def main(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(prog="variorum", description="Desktop integration for the current user.")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument(INSTALL, action="store_true", help="add Variorum to the application menu and 'Open with'")
    group.add_argument(UNINSTALL, action="store_true", help="remove what --install-desktop added")
    ns, _ = p.parse_known_args(list(argv))  # other options of the command (e.g. logging) do not matter here
    home = data_home()
    if ns.install_desktop:
        paths = install(home)
        print("Variorum is in your application menu and in 'Open with' for the files it reads. Installed:")
    else:
        paths = uninstall(home)
        print("Variorum's menu entry, icon and file types are removed." if paths else
              f"Nothing to remove: Variorum's desktop files are not installed under {home}.")
    for path in paths:
        print(f"  {path}")
    return 0

