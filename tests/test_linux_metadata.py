"""The Linux desktop file, AppStream metadata and MIME package: what the validators say, and that they agree with
the formats the loaders read and the package's version."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from variorum import __version__
from variorum.core.load import EXTENSIONS

LINUX = Path(__file__).resolve().parent.parent / "resources" / "linux"
DESKTOP = LINUX / "org.variorum.Variorum.desktop"
METAINFO = LINUX / "org.variorum.variorum.metainfo.xml"
MIME = LINUX / "org.variorum.Variorum.mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def mime_globs() -> dict[str, set[str]]:
    root = ET.parse(MIME).getroot()
    return {t.get("type"): {g.get("pattern") for g in t.iter(f"{MIME_NS}glob")} for t in root.iter(f"{MIME_NS}mime-type")}


def run_validator(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (apt-get install desktop-file-utils)")
def test_desktop_file_passes_desktop_file_validate_without_a_hint():
    result = run_validator("desktop-file-validate", str(DESKTOP))
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli is not installed (apt-get install appstream)")
def test_metainfo_passes_appstreamcli_pedantic_validation():
    result = run_validator("appstreamcli", "validate", "--pedantic", "--no-net", str(METAINFO))
    issues = [line for line in result.stdout.splitlines() if line[:2] in {"E:", "W:", "I:", "P:"}]
    assert result.returncode == 0 and issues == [], result.stdout


def test_every_file_ending_the_loaders_read_has_a_mime_type_the_desktop_file_offers():
    globs = mime_globs()
    assert set().union(*globs.values()) == {f"*{ext}" for ext in EXTENSIONS}
    offered = {t for t in desktop_entry()["MimeType"].split(";") if t}
    assert offered == set(globs)


def test_metainfo_names_the_desktop_file_and_its_latest_release_is_this_version():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == METAINFO.name.removesuffix(".metainfo.xml")
    assert root.findtext("launchable") == DESKTOP.name
    releases = [r.get("version") for r in root.iter("release")]
    assert releases and releases[0] == __version__


def test_desktop_file_has_one_main_category():
    main = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics", "Network", "Office",
            "Science", "Settings", "System", "Utility"}
    categories = {c for c in desktop_entry()["Categories"].split(";") if c}
    assert len(categories & main) == 1
