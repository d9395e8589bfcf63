"""Settings: one typed list of keys, kept beside the data folder when VARIORUM_DATA_DIR is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from app_helpers import WAIT_MS
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from variorum.ui import settings
from variorum.ui.window.preferences import PreferencesDialog, note_author

SAMPLES = {
    settings.WINDOW_GEOMETRY: QByteArray(b"\x01\xd9\xd0\xcb\x00\x03geometry"),
    settings.WINDOW_STATE: QByteArray(b"\x00\x00\x00\xffstate"),
    settings.HIDE_COSMETIC: False,
    settings.AUTHOR: "M. Checker",
    settings.LAST_FOLDER: "/cases/dam",
    settings.RECENT_CASES: [["/cases/a.txt", "/cases/b.txt"], ["/cases/c.html"]],
    settings.LAST_EXPORT_FOLDER: "/reports",
    settings.FIT_ALL_VERSIONS: True,
    settings.COLLAPSE_IDENTICAL: True,
    settings.HEAT_ON_STRIP: True,
    settings.CASE_VIEWS: [{"files": ["/cases/a.txt", "/cases/b.txt"], "base": "/cases/b.txt", "hidden": [],
                           "compared": None}],
}


def test_every_setting_is_listed_with_a_default_and_reads_back_what_was_written():
    assert set(SAMPLES) == set(settings.ALL_SETTINGS)
    assert len({s.key for s in settings.ALL_SETTINGS}) == len(settings.ALL_SETTINGS)
    for setting in settings.ALL_SETTINGS:
        assert settings.get(setting) == setting.default
    for setting, value in SAMPLES.items():
        settings.put(setting, value)
    for setting, value in SAMPLES.items():
        got = settings.get(setting)
        assert got == value and type(got) is type(value), setting.key


def test_damaged_values_read_as_the_default():
    store = settings.store()
    store.setValue(settings.RECENT_CASES.key, "{not json")
    store.setValue(settings.WINDOW_STATE.key, "not bytes")
    store.sync()
    assert settings.get(settings.RECENT_CASES) == []
    assert settings.get(settings.WINDOW_STATE) is None


def test_with_a_data_folder_set_settings_live_there():
    assert settings.settings_file() == Path(os.environ["VARIORUM_DATA_DIR"]) / settings.SETTINGS_FILE
    settings.put(settings.AUTHOR, "M. Checker")
    assert "M. Checker" in settings.settings_file().read_text(encoding="utf-8")


def test_without_a_data_folder_settings_are_the_users_own(monkeypatch):
    monkeypatch.delenv("VARIORUM_DATA_DIR")
    assert settings.settings_file() is None
    assert settings.store().format() == QSettings.Format.NativeFormat


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A fresh HOME whose configuration folder is where Qt would put the user's settings."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    # Qt reads HOME and XDG_CONFIG_HOME once per process; point it where a program started now would look.
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(home / ".config"))
    return home


def open_window(qtbot):
    from variorum.ui.window.main_window import MainWindow

    QCoreApplication.setOrganizationName("VariorumTests")
    QCoreApplication.setApplicationName("variorum-tests")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def set_author(qtbot, window, name: str) -> None:
    window.actions_.preferences.trigger()
    dialog = next(d for d in QApplication.topLevelWidgets() if isinstance(d, PreferencesDialog) and d.isVisible())
    qtbot.waitExposed(dialog)
    dialog.author_edit.clear()
    qtbot.keyClicks(dialog.author_edit, name)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_using_the_app_writes_nothing_under_the_users_config_folder(qtbot, home, seed_paths):
    w = open_window(qtbot)
    with qtbot.waitSignal(w.comparisonShown, timeout=WAIT_MS):
        w.add_paths(seed_paths[:2])
    w.actions_.hide_cosmetic.trigger()
    set_author(qtbot, w, "M. Checker")
    w.close()
    w.runner.wait()

    assert not (home / ".config").exists()
    again = open_window(qtbot)
    assert not again.actions_.hide_cosmetic.isChecked()
    assert note_author() == "M. Checker"
    assert [str(p) for p in seed_paths[:2]] in settings.get(settings.RECENT_CASES)
    again.close()
    assert not (home / ".config").exists()
