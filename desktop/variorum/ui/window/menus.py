"""The window's actions and menus, with their shortcuts, in one place."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from variorum.core.quick_dataclass import dataclass


@dataclass
class Actions:
    open: QAction
    new_case: QAction
    paste: QAction
    export: QAction
    quit: QAction
    find: QAction
    hide_cosmetic: QAction
    fit_all: QAction
    collapse_identical: QAction
    next_diff: QAction
    prev_diff: QAction
    next_version: QAction
    prev_version: QAction
    about: QAction
    shortcuts: QAction
    preferences: QAction
    recent_menu: QMenu
    view_menu: QMenu
    edit_menu: QMenu


def _action(window: QMainWindow, text: str, shortcut=None, tip: str = "") -> QAction:
    a = QAction(text, window)
    if shortcut is not None:
        a.setShortcut(QKeySequence(shortcut))
    if tip:
        a.setStatusTip(tip)
        a.setToolTip(tip)
    window.addAction(a)  # shortcuts work wherever the focus is, even with the menu bar hidden
    return a


def build_menus(window: QMainWindow) -> Actions:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    open_ = _action(window, "&Open…", QKeySequence.StandardKey.Open, "Add files to the comparison")
    new_case = _action(window, "&New case", QKeySequence.StandardKey.New, "Close the current versions")
    paste = _action(window, "&Paste as new version", "Ctrl+Shift+V", "Add the text on the clipboard as a version")
    export = _action(window, "&Export report…", "Ctrl+E", "Save the comparison as an HTML, Markdown or JSON report")
    quit_ = _action(window, "&Quit", QKeySequence.StandardKey.Quit)
    file_menu.addAction(new_case)
    file_menu.addAction(open_)
    recent_menu = file_menu.addMenu("Open &Recent")
    file_menu.addAction(paste)
    file_menu.addSeparator()
    file_menu.addAction(export)
    file_menu.addSeparator()
    file_menu.addAction(quit_)

    edit_menu = bar.addMenu("&Edit")
    find = _action(window, "&Find…", QKeySequence.StandardKey.Find, "Find text in every version")
    edit_menu.addAction(find)
    edit_menu.addAction(paste)
    preferences = _action(window, "P&references…", QKeySequence.StandardKey.Preferences,
                          "The author name written on your notes")
    preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    edit_menu.addSeparator()
    edit_menu.addAction(preferences)

    view_menu = bar.addMenu("&View")
    hide_cosmetic = _action(window, "&Hide cosmetic differences", "Ctrl+H",
                            "Hide quotes, dashes, line wraps and markup that do not change the meaning")
    hide_cosmetic.setCheckable(True)
    hide_cosmetic.setChecked(True)
    view_menu.addAction(hide_cosmetic)
    fit_all = _action(window, "&Fit all versions in the window", "Ctrl+Shift+F",
                      "Narrow the panes until every version fits, instead of scrolling sideways")
    collapse = _action(window, "&Collapse identical versions", "Ctrl+Shift+I",
                       "Show versions with exactly the same text as one pane (its header names them all)")
    for a in (fit_all, collapse):
        a.setCheckable(True)
        view_menu.addAction(a)
    view_menu.addSeparator()

    go_menu = bar.addMenu("&Go")
    next_diff = _action(window, "&Next difference", "Alt+Down", "Go to the next difference in every pane")
    prev_diff = _action(window, "&Previous difference", "Alt+Up", "Go to the previous difference in every pane")
    next_version = _action(window, "Next &version", "Ctrl+PgDown", "Compare the next version with the base")
    prev_version = _action(window, "Previous v&ersion", "Ctrl+PgUp", "Compare the previous version with the base")
    for a in (next_diff, prev_diff, next_version, prev_version):
        go_menu.addAction(a)
    go_menu.insertSeparator(next_version)

    help_menu = bar.addMenu("&Help")
    shortcuts = _action(window, "&Keyboard shortcuts", QKeySequence.StandardKey.HelpContents)
    about = _action(window, "&About Variorum")
    help_menu.addAction(shortcuts)
    help_menu.addAction(about)
    return Actions(open_, new_case, paste, export, quit_, find, hide_cosmetic, fit_all, collapse, next_diff, prev_diff,
                   next_version, prev_version, about, shortcuts, preferences, recent_menu, view_menu, edit_menu)
