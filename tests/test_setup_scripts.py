"""What `make demo` / `make test` do on a new machine before Variorum runs: pick a supported Python, repair a venv
an unsupported one made, and make sure Qt's system libraries are there (installed with apt, or the one command
printed). The scripts run against stand-in tools (ldconfig, id, sudo, apt-get) so nothing on this machine changes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QT_LIBS = ROOT / "packaging" / "qt-system-libs.sh"
OCR_ENGINE = ROOT / "packaging" / "ocr-engine.sh"
VENV_SH = ROOT / "packaging" / "venv.sh"
REAL_TOOLS = ("sh", "grep", "sort", "head", "dirname", "printf", "cat", "rm", "env")


def listed_libraries() -> list[tuple[str, str]]:
    lines = (ROOT / "packaging" / "qt-system-libs.txt").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split()[:2]) for line in lines if line.strip() and not line.startswith("#")]


def gui_libraries() -> list[str]:
    """What Qt's GUI library itself links (not marked "window"): needed even offscreen."""
    lines = (ROOT / "packaging" / "qt-system-libs.txt").read_text(encoding="utf-8").splitlines()
    return [line.split()[1] for line in lines if line.strip() and not line.startswith("#") and "window" not in line]


def toolbox(folder: Path, fakes: dict[str, str]) -> str:
    """A PATH holding the few real tools the scripts use plus stand-ins given as shell script bodies."""
    folder.mkdir(parents=True)
    for name in REAL_TOOLS:
        found = shutil.which(name)
        if found:
            (folder / name).symlink_to(found)
    for name, body in fakes.items():
        (folder / name).write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    return str(folder)


def ldconfig_knowing(libraries: list[str]) -> str:
    lines = "".join(f"\t{lib} (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/{lib}\\n" for lib in libraries)
    return f'printf "{len(libraries)} libs found in cache\\n{lines}"'


def run_qt_check(tmp_path: Path, *args: str, present: list[str], uid: int, sudo: str | None = None,
                 apt: bool = True, platform: str = "xcb") -> subprocess.CompletedProcess:
    fakes = {"ldconfig": ldconfig_knowing(present), "id": f"echo {uid}", "uname": "echo Linux"}
    if apt:
        fakes["apt-get"] = f'echo "apt-get $*" >> "{tmp_path / "apt.log"}"'
    if sudo is not None:
        fakes["sudo"] = sudo
    env = {"PATH": toolbox(tmp_path / "bin", fakes), "QT_QPA_PLATFORM": platform, "HOME": str(tmp_path)}
    return subprocess.run(["sh", str(QT_LIBS), *args], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60, check=False)


ALL = [lib for _, lib in listed_libraries()]
BARE = [lib for lib in ALL if not lib.startswith(("libxcb-icccm", "libxcb-keysyms", "libxkbcommon-x11"))]
BARE_MISSING = "libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0"


def test_nothing_happens_when_every_library_is_there(tmp_path):
    result = run_qt_check(tmp_path, present=ALL, uid=1000)
    assert (result.returncode, result.stdout) == (0, "")


def test_the_missing_libraries_are_named_as_debian_packages(tmp_path):
    result = run_qt_check(tmp_path, "--missing", present=BARE, uid=1000)
    assert result.stdout.split() == BARE_MISSING.split()


def test_root_installs_the_missing_libraries_with_apt(tmp_path):
    result = run_qt_check(tmp_path, present=BARE, uid=0)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "apt.log").read_text().splitlines() == ["apt-get update", f"apt-get install -y {BARE_MISSING}"]


def test_dry_run_says_what_it_would_run_and_changes_nothing(tmp_path):
    result = run_qt_check(tmp_path, "--dry-run", present=BARE, uid=0)
    assert result.returncode == 0
    assert f"Would run: apt-get update && apt-get install -y {BARE_MISSING}" in result.stdout
    assert not (tmp_path / "apt.log").exists()


def test_a_user_with_sudo_installs_through_sudo(tmp_path):
    result = run_qt_check(tmp_path, "--dry-run", present=BARE, uid=1000, sudo='[ "$1" = -n ] && exit 0; "$@"')
    assert f"Would run: sudo apt-get update && sudo apt-get install -y {BARE_MISSING}" in result.stdout


def test_a_user_without_sudo_is_given_the_one_command(tmp_path):
    result = run_qt_check(tmp_path, present=BARE, uid=1000, sudo="exit 1")
    assert result.returncode == 1
    assert f"sudo apt-get update && sudo apt-get install -y {BARE_MISSING}" in result.stdout
    assert not (tmp_path / "apt.log").exists()


def test_without_apt_the_libraries_are_named_for_another_package_manager(tmp_path):
    result = run_qt_check(tmp_path, present=BARE, uid=0, apt=False)
    assert result.returncode == 1
    assert BARE_MISSING in result.stdout and "package manager" in result.stdout


def test_offscreen_needs_only_what_the_gui_library_links(tmp_path):
    result = run_qt_check(tmp_path, present=gui_libraries(), uid=1000, platform="offscreen")
    assert (result.returncode, result.stdout) == (0, "")
    result = run_qt_check(tmp_path / "bare", "--missing", present=[], uid=1000, platform="offscreen")
    packages = dict((lib, package) for package, lib in listed_libraries())
    assert result.stdout.split() == [packages[lib] for lib in gui_libraries()]


def test_the_list_covers_what_qt_gui_and_the_xcb_plugin_link():
    ldd = shutil.which("ldd")
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugin, gui = qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6Gui.so.6"
    if ldd is None or not plugin.is_file():
        pytest.skip("needs ldd and PySide6's xcb plugin (Linux)")

    def linked_by(binary: Path) -> set[str]:
        out = subprocess.run([ldd, str(binary)], capture_output=True, text=True, check=True).stdout
        return {line.split()[0] for line in out.splitlines() if "=>" in line}

    linked = linked_by(plugin)
    system = {lib for lib in linked if lib.startswith(("libxcb", "libxkb", "libX11", "libEGL", "libGL.",
                                                       "libfontconfig", "libfreetype", "libdbus"))}
    assert system - set(ALL) == set()
    readelf = shutil.which("readelf")
    direct = subprocess.run([readelf, "-d", str(gui)], capture_output=True, text=True, check=False).stdout \
        if readelf else ""
    if direct:  # what the GUI library itself needs must not be marked "window"
        needed = {lib for lib in gui_libraries() if f"[{lib}]" in direct}
        assert {lib for lib in ALL if f"[{lib}]" in direct} <= needed


def run_ocr_check(tmp_path: Path, *args: str, languages: str | None, uid: int,
                  sudo: str | None = None) -> subprocess.CompletedProcess:
    """packaging/ocr-engine.sh with a stand-in tesseract knowing ``languages`` (None: no tesseract at all)."""
    fakes = {"id": f"echo {uid}", "uname": "echo Linux", "apt-get": f'echo "apt-get $*" >> "{tmp_path / "apt.log"}"'}
    if languages is not None:
        fakes["tesseract"] = f'printf "List of available languages in \\"/usr/share/tessdata/\\" (2):\\n{languages}"'
    if sudo is not None:
        fakes["sudo"] = sudo
    env = {"PATH": toolbox(tmp_path / "bin", fakes), "HOME": str(tmp_path)}
    return subprocess.run(["sh", str(OCR_ENGINE), *args], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60, check=False)


OCR_PACKAGES = "tesseract-ocr tesseract-ocr-eng"


def test_the_ocr_engine_with_english_is_left_alone(tmp_path):
    result = run_ocr_check(tmp_path, languages="eng\\nosd\\n", uid=0)
    assert (result.returncode, result.stdout) == (0, "")
    assert not (tmp_path / "apt.log").exists()


@pytest.mark.parametrize("languages", [None, "osd\\n"], ids=["no tesseract", "no english data"])
def test_root_installs_the_ocr_engine_with_apt(tmp_path, languages):
    result = run_ocr_check(tmp_path, languages=languages, uid=0)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "apt.log").read_text().splitlines() == ["apt-get update", f"apt-get install -y {OCR_PACKAGES}"]
    assert "OCR" in result.stdout


def test_the_ocr_engine_dry_run_changes_nothing(tmp_path):
    result = run_ocr_check(tmp_path, "--dry-run", languages=None, uid=1000, sudo='[ "$1" = -n ] && exit 0; "$@"')
    assert f"Would run: sudo apt-get update && sudo apt-get install -y {OCR_PACKAGES}" in result.stdout
    assert not (tmp_path / "apt.log").exists()


def test_a_user_who_cannot_install_the_ocr_engine_is_told_how_and_carries_on(tmp_path):
    result = run_ocr_check(tmp_path, languages=None, uid=1000, sudo="exit 1")
    assert result.returncode == 0  # OCR is optional: `make demo` goes on
    assert f"sudo apt-get update && sudo apt-get install -y {OCR_PACKAGES}" in result.stdout
    assert "everything else works" in result.stdout
    assert not (tmp_path / "apt.log").exists()


def test_make_demo_and_make_test_check_the_ocr_engine():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test"):
        recipe = makefile.split(f"\n{target}: ", 1)[1].split("\n\n", 1)[0]
        assert "packaging/ocr-engine.sh" in recipe, target


def fake_python(path: Path, version: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho {version}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_an_unsupported_python_is_refused_before_any_venv_is_made(tmp_path):
    old = fake_python(tmp_path / "python3.10", "3.10")
    result = subprocess.run(["sh", str(VENV_SH), str(old), str(tmp_path / "venv")], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert "needs Python 3.11 or newer" in result.stderr and "make PYTHON=" in result.stderr
    assert not (tmp_path / "venv").exists()


def python_without_ensurepip(path: Path) -> Path:
    """Debian's python3 without python3.11-venv: it runs, but `import ensurepip` fails."""
    path.write_text('#!/bin/sh\ncase "$*" in *ensurepip*) exit 1 ;; esac\necho 3.11\n', encoding="utf-8")
    path.chmod(0o755)
    return path


def run_venv_script(tmp_path: Path, python: Path, uid: int) -> subprocess.CompletedProcess:
    fakes = {"id": f"echo {uid}", "apt-get": f'echo "apt-get $*" >> "{tmp_path / "apt.log"}"'}
    env = {"PATH": toolbox(tmp_path / "bin", fakes), "HOME": str(tmp_path)}
    return subprocess.run(["sh", str(VENV_SH), str(python), str(tmp_path / "venv")], env=env, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=60, check=False)


def test_debians_missing_venv_package_is_installed_as_root(tmp_path):
    result = run_venv_script(tmp_path, python_without_ensurepip(tmp_path / "python3"), uid=0)
    assert (tmp_path / "apt.log").read_text().splitlines() == ["apt-get update", "apt-get install -y python3.11-venv"]
    assert result.returncode == 1  # the stand-in apt-get installed nothing, and the script says so
    assert "still cannot make a venv" in result.stderr


def test_a_user_is_given_the_command_for_debians_venv_package(tmp_path):
    result = run_venv_script(tmp_path, python_without_ensurepip(tmp_path / "python3"), uid=1000)
    assert result.returncode == 1
    assert "sudo apt-get update && sudo apt-get install -y python3.11-venv" in result.stdout
    assert not (tmp_path / "venv").exists()


def test_a_venv_without_pip_is_replaced(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    result = subprocess.run(["sh", str(VENV_SH), sys.executable, str(venv)], capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "Replacing" in result.stdout
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "--version"], capture_output=True, check=True)


def test_a_venv_an_old_python_made_is_replaced(tmp_path):
    venv = tmp_path / "venv"
    fake_python(venv / "bin" / "python", "3.10")
    (venv / "lib" / "python3.10").mkdir(parents=True)
    result = subprocess.run(["sh", str(VENV_SH), sys.executable, str(venv)], capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "Replacing" in result.stdout
    assert not (venv / "lib" / "python3.10").exists()
    version = subprocess.run([str(venv / "bin" / "python"), "-c", "import sys; print(sys.version_info[:2])"],
                             capture_output=True, text=True, check=True).stdout
    assert version.strip() == str(tuple(sys.version_info[:2]))


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize(("venv_python", "sets_up_again"), [("3.10", True), ("ok", False)])
def test_make_sets_up_again_a_venv_a_wrong_python_made(tmp_path, venv_python, sets_up_again):
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    # The Makefile asks the venv's python whether it is 3.11+ with pip; these stand-ins answer yes or no.
    python.write_text(f"#!/bin/sh\nexit {0 if venv_python == 'ok' else 1}\n", encoding="utf-8")
    python.chmod(0o755)
    stamp = tmp_path / ".venv" / ".installed"
    stamp.touch()
    os.utime(stamp, (os.path.getmtime(tmp_path / "pyproject.toml") + 10,) * 2)
    plan = subprocess.run(["make", "-n", "test"], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          check=True).stdout
    assert ("packaging/venv.sh" in plan) == sets_up_again
