"""`variorum --install-desktop` / `--uninstall-desktop`: user-level menu entry, icon and file types under
$XDG_DATA_HOME, and exactly those taken out again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from variorum.desktop_integration import DESKTOP_ID, exec_quote

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "resources" / "linux"
OURS = {
    f"applications/{DESKTOP_ID}.desktop",
    f"icons/hicolor/scalable/apps/{DESKTOP_ID}.svg",
    f"mime/packages/{DESKTOP_ID}.xml",
}


def run_variorum(*args: str, path: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"))
    if path is not None:
        env["PATH"] = path
    return subprocess.run([sys.executable, "-m", "variorum", *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def share() -> Path:
    """The data home the autouse fixture points XDG_DATA_HOME at."""
    return Path(os.environ["XDG_DATA_HOME"])


def test_install_writes_menu_entry_icon_and_file_types_under_xdg_data_home(share):
    result = run_variorum("--install-desktop")
    assert result.returncode == 0, result.stderr
    installed = tree(share)
    assert set(installed) >= OURS
    assert installed[f"icons/hicolor/scalable/apps/{DESKTOP_ID}.svg"] == \
        (ROOT / "resources/icons/variorum.svg").read_bytes()
    assert installed[f"mime/packages/{DESKTOP_ID}.xml"] == (LINUX / f"{DESKTOP_ID}.mime.xml").read_bytes()
    entry = installed[f"applications/{DESKTOP_ID}.desktop"].decode()
    # Exec starts the same Variorum that was installed (here: this interpreter with -m variorum), by full path,
    # since the session's PATH may lack a venv or ~/.local/bin.
    assert f"Exec={sys.executable} -m variorum %F\n" in entry
    assert f"Icon={DESKTOP_ID}\n" in entry
    for path in OURS:
        assert str(share / path) in result.stdout


def test_uninstall_after_install_leaves_an_empty_data_home_empty(share):
    share.mkdir(parents=True, exist_ok=True)
    assert run_variorum("--install-desktop").returncode == 0
    result = run_variorum("--uninstall-desktop")
    assert result.returncode == 0, result.stderr
    assert list(share.iterdir()) == []
    assert "removed" in result.stdout


def test_uninstall_keeps_what_other_applications_installed(share):
    others = {
        "applications/other.desktop": b"[Desktop Entry]\nType=Application\nName=Other\nExec=other\n",
        "icons/hicolor/scalable/apps/other.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>",
        "mime/packages/other.xml": (LINUX / f"{DESKTOP_ID}.mime.xml").read_bytes(),
    }
    for name, data in others.items():
        (share / name).parent.mkdir(parents=True, exist_ok=True)
        (share / name).write_bytes(data)
    assert run_variorum("--install-desktop").returncode == 0
    assert run_variorum("--uninstall-desktop").returncode == 0
    left = tree(share)
    assert not OURS & set(left)
    assert all(left[name] == data for name, data in others.items())


def test_uninstall_when_nothing_is_installed_says_so(share):
    result = run_variorum("--uninstall-desktop")
    assert result.returncode == 0
    assert "Nothing to remove" in result.stdout
    assert not share.exists() or tree(share) == {}


def _fake_tool(folder: Path, name: str, log: Path) -> None:
    tool = folder / name
    tool.write_text(f'#!/bin/sh\necho "{name} $*" >> "{log}"\n', encoding="utf-8")
    tool.chmod(0o755)


def test_desktop_and_mime_databases_are_refreshed_when_their_tools_exist(share, tmp_path):
    tools, log = tmp_path / "bin", tmp_path / "calls.log"
    tools.mkdir()
    for name in ("update-desktop-database", "update-mime-database"):
        _fake_tool(tools, name, log)
    assert run_variorum("--install-desktop", path=str(tools)).returncode == 0
    assert sorted(log.read_text().splitlines()) == [
        f"update-desktop-database {share / 'applications'}", f"update-mime-database {share / 'mime'}"]


def test_install_works_without_the_database_tools(share, tmp_path):
    empty = tmp_path / "empty-path"
    empty.mkdir()
    result = run_variorum("--install-desktop", path=str(empty))
    assert result.returncode == 0, result.stderr
    assert set(tree(share)) == OURS


def test_a_relative_xdg_data_home_is_ignored_as_the_spec_says(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert run_variorum("--install-desktop").returncode == 0
    assert (tmp_path / ".local/share/applications" / f"{DESKTOP_ID}.desktop").is_file()
    assert not (tmp_path / "relative").exists()


def test_help_offers_both_options():
    out = run_variorum("--help").stdout
    assert "--install-desktop" in out and "--uninstall-desktop" in out


@pytest.mark.parametrize(("arg", "written"), [
    ("/home/ana/.venv/bin/variorum", "/home/ana/.venv/bin/variorum"),
    ("/home/ana/My Tools/variorum", '"/home/ana/My Tools/variorum"'),
    ("/opt/100%/variorum", "/opt/100%%/variorum"),
    ('/opt/say "hi"/variorum', '"/opt/say \\\\"hi\\\\"/variorum"'),
    ("/opt/$HOME/variorum", '"/opt/\\\\$HOME/variorum"'),
])
def test_exec_arguments_are_quoted_as_the_desktop_entry_spec_requires(arg, written):
    assert exec_quote(arg) == written


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (apt-get install desktop-file-utils)")
def test_installed_entry_with_a_quoted_exec_validates(share, tmp_path, monkeypatch):
    from variorum import desktop_integration

    desktop_integration.install(share, command=[str(tmp_path / "My Tools" / "variorum")])
    entry = share / f"applications/{DESKTOP_ID}.desktop"
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout
