"""The built wheel carries the resources (demo case, templates, icons, word lists) and the entry points."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(out), str(ROOT)], check=True, capture_output=True, timeout=300)
    (found,) = out.glob("variorum-*.whl")
    return found


def test_wheel_contains_resources_and_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    demo = {n for n in names if n.startswith("variorum/resources/demo/")}
    assert len([n for n in demo if n.endswith(".txt")]) == 5
    assert "variorum/resources/templates/report.html.j2" in names
    assert "variorum/resources/icons/variorum.svg" in names
    # CLDR's country and nationality words, which the checks read, with CLDR's licence beside them
    assert {"variorum/resources/cldr/english-names.json", "variorum/resources/cldr/LICENSE.unicode"} <= names
    assert "variorum/core/diff.py" in names
    assert not any(n.startswith(("tests/", "bench/")) for n in names)


def test_wheel_declares_the_command(wheel):
    with zipfile.ZipFile(wheel) as z:
        entry = next(n for n in z.namelist() if n.endswith("entry_points.txt"))
        text = z.read(entry).decode()
    assert "variorum = variorum.cli:main" in text


def test_wheel_requires_what_opening_encrypted_pdfs_needs(wheel):
    with zipfile.ZipFile(wheel) as z:
        metadata = z.read(next(n for n in z.namelist() if n.endswith("METADATA"))).decode()
    assert any(line.startswith("Requires-Dist: cryptography") for line in metadata.splitlines())


def test_demo_files_are_read_through_importlib_resources():
    from variorum.demo import demo_files

    names = [f.name for f in demo_files()]
    assert names == sorted(names) and len(names) == 5
    assert all(n.endswith(".txt") for n in names)
