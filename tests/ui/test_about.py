"""Help → About: the version, where notes, settings and the log live, and every library's licence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from variorum import __version__
from variorum.core.notes.paths import store_path
from variorum.logs import log_path
from variorum.ui import settings
from variorum.ui.window.help_dialogs import AboutDialog


def _open_about(qtbot, window) -> AboutDialog:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help")
    entry = next(a for a in help_menu.actions() if a.text().replace("&", "").startswith("About"))
    entry.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, AboutDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible())


def test_about_names_the_version_the_data_places_and_the_licences(qtbot, window):
    dialog = _open_about(qtbot, window)
    text = dialog.text.toPlainText()
    assert f"Variorum {__version__}" in text
    assert str(store_path()) in text and str(log_path()) in text
    assert str(settings.settings_file()) in text  # tests keep settings in the data folder, as portable installs do
    assert "PySide6-Essentials" in text and "LGPL-3.0" in text
    assert "replace them with your own build" in text  # how to relink Qt, as the LGPL asks
    for name in ("diff-match-patch", "trafilatura", "pypdf", "jinja2"):
        assert name in text
    assert "never connects to the network" in text
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_library_that_is_not_installed_is_listed_as_such(monkeypatch):
    from variorum import about

    monkeypatch.setattr(about, "LIBRARIES", (("no-such-library-for-variorum", "nothing"), ("platformdirs", "dirs")))
    found = {lib.name: lib for lib in about.libraries()}
    assert found["no-such-library-for-variorum"].version is None
    assert found["platformdirs"].version and found["platformdirs"].licence
