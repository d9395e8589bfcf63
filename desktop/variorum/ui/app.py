"""Start the desktop app: ``variorum [FILE…] [--url URL] [--demo] [--screenshot PATH] [--dark]``."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMessageLogContext, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from variorum import logs
from variorum.app_args import parser
from variorum.ui import job_process
from variorum.ui.palette import dark_palette

ORGANIZATION = "Variorum"
APPLICATION = "variorum"
SCREENSHOT_TIMEOUT_MS = 120_000


def app_icon() -> QIcon:
    from variorum.assets import files

    pixmap = QPixmap()
    pixmap.loadFromData((files() / "icons" / "variorum.svg").read_bytes())
    return QIcon(pixmap)


def make_app(argv: list[str], *, dark: bool = False) -> QApplication:
    # The comparison runs in a process of its own, so that its Python code does not hold the window's
    # interpreter. Where it cannot, it runs on a worker thread: a short GIL switch interval then lets the UI thread
    # get the interpreter back quickly each time it returns from Qt.
    job_process.enable()
    sys.setswitchinterval(0.0001)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        [sys.argv[0] if sys.argv else "variorum", *argv])
    app.setApplicationDisplayName("Variorum")
    app.setDesktopFileName("org.variorum.Variorum")  # matches resources/linux/org.variorum.Variorum.desktop
    app.setWindowIcon(app_icon())
    if dark or os.environ.get("VARIORUM_THEME", "").lower() == "dark":
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    return app


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    ns, qt_args = parser().parse_known_args(args)
    stray = [a for a in qt_args if not a.startswith("-")]
    if stray:
        parser().error(f"unrecognized arguments: {' '.join(stray)}")
    logs.configure(verbose=ns.verbose)
    previous_hook, sys.excepthook = sys.excepthook, logs.report_uncaught  # a bug in a slot: logged, one line
    previous_handler = qInstallMessageHandler(None)
    qInstallMessageHandler(_quiet_handler(previous_handler))
    try:
        return _run(ns, qt_args)
    finally:
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)


# Qt messages that say nothing a user can act on: the offscreen platform (screenshots, tests) cannot pass size
# hints to a window manager it does not have, and says so once per window.
QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)


def _quiet_handler(previous):
    """A Qt message handler that drops the messages above and passes every other one on, as Qt would print it."""

    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message in QUIET_QT_MESSAGES:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    return handle


def _run(ns, qt_args: list[str]) -> int:
    app = make_app(qt_args, dark=ns.dark)

    from variorum.ui.window.main_window import MainWindow

    with contextlib.ExitStack() as cleanup:
        if ns.screenshot:  # a screenshot neither uses nor changes the user's layout, options and recent files
            from variorum.ui import settings

            folder = cleanup.enter_context(tempfile.TemporaryDirectory(prefix="variorum-screenshot-"))
            settings.keep_in(Path(folder))
            cleanup.callback(settings.keep_in, None)
        return _run_window(app, ns, MainWindow)


def _run_window(app: QApplication, ns, window_class) -> int:
    window = window_class()
    window.setWindowIcon(app.windowIcon())
    exit_code = {"value": 0}
    if ns.screenshot:
        _arm_screenshot(app, window, Path(ns.screenshot), exit_code)
    if ns.size:
        window.resize(*ns.size)
    window.show()
    if ns.demo:
        window.open_demo()
    elif ns.files:
        missing = [f for f in ns.files if not Path(f).exists()]
        for f in missing:
            print(f"variorum: no such file or folder: {f}", file=sys.stderr)
        if missing and ns.screenshot:
            return 2
        found = [f for f in ns.files if Path(f).exists()]
        if ns.screenshot and not ns.url:  # nobody is there to answer which page of an archive to open
            from variorum.core.load import many_pages_message

            unchosen = many_pages_message(found)
            if unchosen:
                print(f"variorum: {unchosen}", file=sys.stderr)
                return 2
        window.add_paths(found, url=ns.url)
    elif ns.screenshot:
        QTimer.singleShot(0, lambda: _save(window, Path(ns.screenshot), app, exit_code))
    result = app.exec()
    # stop a comparison still running, and the comparison's process and its reader, before Python and Qt end
    # (a screenshot quits without closing the window, whose close event does the same)
    window.runner.close()
    window.runner.wait(5000)
    return exit_code["value"] or result


def _arm_screenshot(app: QApplication, window, path: Path, exit_code: dict) -> None:
    """Save the window once the comparison is on screen, then quit; give up (exit 1) after a long wait."""
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
    window.resize(1560, 940)
    window.keep_settings = False
    window.opening.interactive = False  # a folder of too many files opens its first ones, as compare does

    def on_shown() -> None:
        window.comparisonShown.disconnect(on_shown)
        # Show what a user would look at first: the most severe finding, else the first difference.
        if not window.show_top_finding():
            window.navigator.step(+1)
        QTimer.singleShot(50, save_when_settled)

    def save_when_settled() -> None:
        """Once the panes' filler space fits their final size (a resize fits it again a moment later)."""
        if window.panes.settled():
            _save(window, path, app, exit_code)
        else:
            QTimer.singleShot(50, save_when_settled)

    def on_timeout() -> None:
        print(f"variorum: gave up waiting for the comparison; no screenshot written to {path}", file=sys.stderr)
        exit_code["value"] = 1
        app.exit(1)

    window.comparisonShown.connect(on_shown)
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.timeout.connect(on_timeout)
    timer.start(SCREENSHOT_TIMEOUT_MS)


def _save(window, path: Path, app: QApplication, exit_code: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path), "PNG"):
        print(f"variorum: could not write {path}", file=sys.stderr)
        exit_code["value"] = 1
    else:
        print(f"Screenshot saved to {path}")
    app.exit(exit_code["value"])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
