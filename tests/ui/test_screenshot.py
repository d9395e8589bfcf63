"""``variorum --demo --screenshot PATH`` writes a PNG of the window and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QColor, QImage


def test_screenshot_of_the_demo_case(tmp_path):
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "variorum", "--demo", "--screenshot", str(out)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "propagateSizeHints" not in proc.stderr  # the offscreen platform's harmless notice is not shown
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(out))
    assert image.width() > 800 and image.height() > 500


def test_screenshot_of_given_files_in_the_dark_palette(tmp_path, darwin_paths):
    out = tmp_path / "darwin.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "variorum", *map(str, darwin_paths), "--dark",
                           "--screenshot", str(out)], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(out))
    assert QColor(image.pixel(image.width() // 2, image.height() - 5)).lightness() < 100  # a dark window


def test_the_app_with_verbose_prints_its_log_and_a_screenshot_keeps_no_settings(tmp_path, seed_paths):
    damaged = tmp_path / "scan.pdf"
    damaged.write_bytes(b"not a PDF at all")
    out, data = tmp_path / "shot.png", tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VARIORUM_DATA_DIR=str(data))
    proc = subprocess.run([sys.executable, "-m", "variorum", "--verbose", *map(str, seed_paths[:2]), str(damaged),
                           "--screenshot", str(out)], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "INFO variorum.core.load: Could not read" in proc.stderr and "scan.pdf" in proc.stderr
    assert "scan.pdf" in (data / "variorum.log").read_text(encoding="utf-8")
    assert not (data / "settings.ini").exists()  # neither the layout nor the recent cases of a screenshot


def test_screenshot_of_a_missing_file_fails_clearly(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "variorum", str(tmp_path / "nope.txt"), "--screenshot",
                           str(tmp_path / "x.png")], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "no such file" in proc.stderr
    assert not (tmp_path / "x.png").exists()


def test_compare_subcommand_still_works_without_a_window(seed_paths):
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env["QT_QPA_PLATFORM"] = "none-such-platform"  # creating a QApplication would fail loudly
    proc = subprocess.run([sys.executable, "-m", "variorum", "compare", *map(str, seed_paths[:3]),
                           "--format", "json"], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert '"variorum.report/1"' in proc.stdout


def test_a_screenshot_leaves_no_temporary_folder_behind(tmp_path, seed_paths):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(scratch))
    proc = subprocess.run([sys.executable, "-m", "variorum", *map(str, seed_paths[:2]), "--screenshot", str(out)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert out.exists()
    assert [p.name for p in scratch.iterdir()] == []


def test_a_screenshot_waits_until_the_panes_fit_their_size(qtbot, tmp_path, monkeypatch):
    """The window was saved 50 ms after the comparison was on screen, even when its panes were still fitting
    their filler space to a size given a moment before: the picture showed panes out of level."""
    from app_helpers import WAIT_MS, make_window
    from PySide6.QtWidgets import QApplication

    from variorum.demo import demo_paths
    from variorum.ui import app as app_module

    window = make_window(qtbot, tmp_path)
    saved: list[bool] = []
    monkeypatch.setattr(app_module, "_save", lambda w, _path, _app, _code: saved.append(w.panes.settled()))
    app_module._arm_screenshot(QApplication.instance(), window, tmp_path / "shot.png", {"value": 0})
    window.comparisonShown.connect(lambda: window.resize(1100, 700))  # as --size does, late on a busy machine
    with demo_paths() as paths:
        window.add_paths(paths)
        qtbot.waitUntil(lambda: bool(saved), timeout=WAIT_MS)
    assert saved == [True]
    window.runner.invalidate()
    window.runner.wait()
