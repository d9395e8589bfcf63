"""The main window: the case being compared, its panes, docks, menus and the background runner."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from variorum.core.load import EXTENSIONS
from variorum.core.model import SEVERITY_ORDER, Comparison, Finding, Options, Version
from variorum.ui import settings
from variorum.ui.case_notes import CaseNotes
from variorum.ui.docks import Docks
from variorum.ui.export import export_comparison
from variorum.ui.file_drop import FileDropFilter, local_paths
from variorum.ui.find_bar import FindBar
from variorum.ui.help_dialogs import show_about, show_shortcuts
from variorum.ui.menus import build_menus
from variorum.ui.navigation import Navigator
from variorum.ui.notes_links import NotesLinks
from variorum.ui.palette import version_colours
from variorum.ui.panes import PanesView
from variorum.ui.recent import describe, fill_recent_menu, forget_case, recent_cases, remember_case
from variorum.ui.status import ProgressIndicator, comparison_summary
from variorum.ui.welcome import WelcomeView
from variorum.ui.window_layout import WindowLayout
from variorum.ui.worker import ComparisonRunner, Job

FILE_FILTER = ("Articles (" + " ".join(f"*{e}" for e in sorted(EXTENSIONS)) + ");;All files (*)")


class MainWindow(QMainWindow):
    comparisonShown = Signal()  # a finished comparison is on screen, highlights and all

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Variorum")
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self.versions: list[Version] = []
        self.comparison: Comparison | None = None
        self.compared: str | None = None
        self._base_choice: str | None = None
        self._next_id = 1
        self._provisional = False
        self._details_for: Comparison | None = None
        self._resources = contextlib.ExitStack()
        self.keep_settings = True  # False for throwaway windows (screenshots) so they leave no trace

        self.runner = ComparisonRunner(self)
        self.welcome = WelcomeView(self)
        self.panes = PanesView(self)
        self.find_bar = FindBar(self.panes, self)
        self.find_bar.hide()
        self.navigator = Navigator(self.panes, self)
        compare_view = QWidget(self)
        column = QVBoxLayout(compare_view)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.panes, 1)
        column.addWidget(self.find_bar)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(compare_view)
        self.setCentralWidget(self.stack)

        self.actions_ = build_menus(self)
        self.docks = Docks(self, self.actions_.view_menu)
        self.case_notes = CaseNotes(self, self.actions_.view_menu)
        self.docks.arrange(self, [self.case_notes.dock])
        if self.case_notes.add_note_action is not None:
            for action in (self.case_notes.add_note_action, self.case_notes.panel.undo_action):
                self.actions_.edit_menu.insertAction(self.actions_.preferences, action)
            self.actions_.edit_menu.insertSeparator(self.actions_.preferences)
        self.progress = ProgressIndicator(self)
        self.statusBar().addPermanentWidget(self.progress)
        self._drop_filter = FileDropFilter(self.add_paths, self)
        for widget in self.docks.drop_targets() + self.case_notes.drop_targets() + [self.find_bar.edit]:
            widget.installEventFilter(self._drop_filter)
        self.layout_ = WindowLayout(self, self.stack, self.welcome, self.docks, self.actions_.hide_cosmetic)
        self._connect()
        self.layout_.restore()
        self._refresh_recent()

    # --- wiring ---------------------------------------------------------------------------------------------
    def _connect(self) -> None:
        a = self.actions_
        a.open.triggered.connect(self.open_dialog)
        a.new_case.triggered.connect(self.close_case)
        a.paste.triggered.connect(self.paste_version)
        a.export.triggered.connect(self.export_report)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self._find)
        a.hide_cosmetic.toggled.connect(self._on_hide_cosmetic)
        a.next_diff.triggered.connect(lambda: self.navigator.step(+1))
        a.prev_diff.triggered.connect(lambda: self.navigator.step(-1))
        a.next_version.triggered.connect(lambda: self.step_version(+1))
        a.prev_version.triggered.connect(lambda: self.step_version(-1))
        a.about.triggered.connect(lambda: show_about(self))
        a.shortcuts.triggered.connect(lambda: show_shortcuts(self))

        self.welcome.openRequested.connect(self.open_dialog)
        self.welcome.demoRequested.connect(self.open_demo)
        self.welcome.recentRequested.connect(self.open_case)

        self.runner.started.connect(lambda: self.progress.start("Reading files…"))
        self.runner.progress.connect(self.progress.set_progress)
        self.runner.loaded.connect(self._on_loaded)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.progress.cancelRequested.connect(self.runner.cancel)

        self.panes.shown.connect(self._on_panes_shown)
        self.navigator.moved.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.navigator.compareRequested.connect(self.set_compared)
        self.find_bar.message.connect(lambda m: self.statusBar().showMessage(m, 5000))

        vl = self.docks.versions
        vl.baseRequested.connect(self._on_base_requested)
        vl.removeRequested.connect(self.remove_version)
        vl.visibilityChanged.connect(self._on_visibility_changed)
        vl.orderChanged.connect(self._on_order_changed)
        vl.currentVersionChanged.connect(self._on_list_current)
        self.docks.findingActivated.connect(self.show_finding)
        self.notes_links = NotesLinks(self)

    # --- opening ----------------------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        start = settings.get(settings.LAST_FOLDER) or str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(self, "Add versions to compare", start, FILE_FILTER)
        if paths:
            settings.put(settings.LAST_FOLDER, str(Path(paths[0]).parent))
            self.add_paths(paths)

    def open_demo(self) -> None:
        from variorum.assets import demo_paths

        self.close_case()
        # The demo files may be extracted to a temporary folder: keep it until the case is closed.
        paths = self._resources.enter_context(demo_paths())
        self.add_paths(paths)

    def open_case(self, paths: list[str]) -> None:
        """Open a case from scratch (Open Recent, the command line)."""
        present = [p for p in paths if Path(p).exists()]
        if not present:
            forget_case(paths)
            self._refresh_recent()
            self.statusBar().showMessage(f"None of these files exist any more ({describe(paths)}); the case was "
                                         "removed from Open Recent.", 15000)
            return
        self.close_case()
        self.add_paths(present)
        if len(present) < len(paths):
            gone = [Path(p).name for p in paths if p not in present]
            self.statusBar().showMessage(f"Not found any more: {', '.join(gone)}", 15000)

    def add_paths(self, paths: list[str | Path]) -> None:
        """Add files and folders to the open case (a folder adds every supported file in it)."""
        paths = [Path(p) for p in paths]
        if not paths:
            return
        self._start(Job(versions=tuple(self.versions), paths=tuple(paths), options=self._options(),
                        next_id=self._next_id))

    def paste_version(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage("The clipboard holds no text to add.", 5000)
            return
        self._start(Job(versions=tuple(self.versions), pasted=(text,), options=self._options(),
                        next_id=self._next_id))

    def close_case(self) -> None:
        self.runner.invalidate()
        self._resources.close()
        self.progress.stop()
        self.versions, self.comparison, self.compared = [], None, None
        self._base_choice, self._next_id = None, 1
        self.navigator.reset()
        self.docks.set_comparison(None, {})
        self.case_notes.set_comparison(None)
        self.layout_.show_welcome()
        self.setWindowTitle("Variorum")

    def remove_version(self, version_id: str) -> None:
        self.versions = [v for v in self.versions if v.id != version_id]
        if self._base_choice == version_id:
            self._base_choice = None
        if not self.versions:
            self.close_case()
            return
        self._start(Job(versions=tuple(self.versions), options=self._options(), next_id=self._next_id))

    def _options(self) -> Options:
        return Options(base=self._base_choice, show_cosmetic=not self.actions_.hide_cosmetic.isChecked())

    def _start(self, job: Job) -> None:
        self.layout_.show_compare()
        self.runner.start(job)

    # --- results ----------------------------------------------------------------------------------------------
    def _colours(self, versions) -> dict:
        ids = sorted((v.id for v in versions), key=lambda i: int(i[1:]) if i[1:].isdigit() else 0)
        return version_colours(ids)

    def _on_loaded(self, versions: tuple[Version, ...]) -> None:
        """Show the texts at once; highlights follow when the comparison is done."""
        self.versions = list(versions)
        self._next_id = 1 + max((int(v.id[1:]) for v in versions if v.id[1:].isdigit()), default=0)
        self.progress.start("Comparing…")
        shown = self.comparison
        if (shown is not None and not self._provisional and len(shown.versions) == len(versions)
                and all(a is b for a, b in zip(shown.versions, versions, strict=True))):
            return  # the same texts compared again (another base): keep the current view until the result
        self.comparison = Comparison(base=None, versions=versions, relations={}, differences=(), findings=(),
                                     alignments={})
        self._provisional = True
        self._display()

    def _on_finished(self, comparison: Comparison) -> None:
        self.progress.stop()
        self.comparison = comparison
        self.versions = list(comparison.versions)
        self._provisional = False
        if self.compared not in self._comparable():
            comparable = self._comparable()
            same = [vid for vid in comparable if comparison.relations[vid].kind == "same-article"]
            self.compared = (same or comparable or [None])[0]
        self.navigator.reset()
        self._display()
        paths = [v.path for v in comparison.versions if v.path]
        if paths and comparison.base is not None:
            remember_case(paths)
            self._refresh_recent()
        self.setWindowTitle(f"{describe(paths) if paths else 'Pasted text'} — Variorum")
        self.statusBar().showMessage(self._summary(), 15000)

    def _on_failed(self, message: str) -> None:
        self.progress.stop()
        QMessageBox.critical(self, "Variorum", f"The comparison failed:\n{message}\n\nThe versions are kept.")

    def _on_cancelled(self) -> None:
        self.progress.stop()
        self.statusBar().showMessage("Comparison cancelled. The texts are shown without highlights.", 10000)

    def _display(self) -> None:
        c = self.comparison
        colours = self._colours(c.versions)
        self.docks.set_versions(c, colours)
        if self.compared:
            self.docks.versions.set_current(self.compared)
        self._show_panes()
        self.layout_.show_compare()
        if not self._provisional:
            QTimer.singleShot(0, lambda: self._show_details(c))

    def _show_details(self, comparison: Comparison) -> None:
        if comparison is self.comparison:
            self.docks.set_details(comparison, self._colours(comparison.versions))
            self.docks.set_visible_ids(self.docks.versions.visible_ids())
            QTimer.singleShot(0, self, lambda: self._show_notes_for(comparison))  # a disk write: its own turn

    def _show_notes_for(self, comparison: Comparison) -> None:
        if comparison is self.comparison:
            self.case_notes.set_comparison(comparison)
            self._details_for = comparison
            self._maybe_shown()

    def _maybe_shown(self) -> None:
        c = self.comparison
        if (c is not None and not self._provisional and self._details_for is c
                and not self.panes.is_filling() and self.panes.comparison is c):
            self.comparisonShown.emit()

    def _show_panes(self) -> None:
        c = self.comparison
        if c is None:
            return
        visible = self.docks.versions.visible_ids()
        order = [vid for vid in visible]
        hidden = {v.id for v in c.versions} - set(visible)
        self.panes.set_comparison(c, self._colours(c.versions), order, hidden, self.compared,
                                  not self.actions_.hide_cosmetic.isChecked())

    def _on_panes_shown(self) -> None:
        self.find_bar.refresh()
        if self.compared:
            self.panes.scroll_pane_into_view(self.compared)
        self._maybe_shown()

    def _comparable(self) -> list[str]:
        c = self.comparison
        if c is None or c.base is None:
            return []
        visible = self.docks.versions.visible_ids()
        return [vid for vid in visible if vid != c.base and vid in c.relations]

    def _summary(self) -> str:
        return comparison_summary(self.comparison, cosmetic_hidden=self.actions_.hide_cosmetic.isChecked())

    # --- user choices -------------------------------------------------------------------------------------------
    def set_compared(self, version_id: str) -> None:
        if version_id == self.compared or version_id not in self._comparable():
            return
        self.compared = version_id
        self.navigator.reset()
        self.panes.set_highlighting(version_id, self.panes.show_cosmetic)
        self.docks.versions.set_current(version_id)
        self.panes.scroll_pane_into_view(version_id)
        label = self.comparison.version(version_id).label
        self.statusBar().showMessage(f"Comparing {version_id} ({label}) with the base", 5000)

    def step_version(self, delta: int) -> None:
        comparable = self._comparable()
        if not comparable:
            return
        index = comparable.index(self.compared) if self.compared in comparable else -delta
        self.set_compared(comparable[(index + delta) % len(comparable)])

    def _on_list_current(self, version_id: str) -> None:
        if version_id in self._comparable():
            self.set_compared(version_id)

    def _on_base_requested(self, version_id: str) -> None:
        self._base_choice = version_id
        if self.compared == version_id:
            self.compared = None
        self._start(Job(versions=tuple(self.versions), options=self._options(), next_id=self._next_id))

    def _on_visibility_changed(self, _version_id: str, _visible: bool) -> None:
        comparable = self._comparable()
        if self.compared not in comparable:  # the compared version was hidden: compare the next one shown
            self.compared = comparable[0] if comparable else None
            self.navigator.reset()
        self._show_panes()
        self.docks.set_visible_ids(self.docks.versions.visible_ids())

    def _on_order_changed(self, ids: list[str]) -> None:
        rank = {vid: i for i, vid in enumerate(ids)}
        self.versions.sort(key=lambda v: rank.get(v.id, len(rank)))
        self._show_panes()

    def _on_hide_cosmetic(self, hide: bool) -> None:
        settings.put(settings.HIDE_COSMETIC, hide)
        self.navigator.reset()
        self.panes.set_highlighting(self.compared, not hide)
        if self.comparison is not None and not self._provisional:
            self.statusBar().showMessage(self._summary(), 8000)

    def show_finding(self, finding: Finding) -> None:
        """Jump to a finding and select its evidence in every pane it cites."""
        if self.comparison is None:
            return
        self.navigator.select_finding(finding)

    def show_top_finding(self) -> bool:
        """Select the most severe finding (as a user would click the top of the list); False if none."""
        c = self.comparison
        if c is None or not c.findings:
            return False
        finding = min(c.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 9))
        self.docks.findings.select_finding(finding.id)
        self.docks.findingActivated.emit(finding)
        return True

    def _find(self) -> None:
        if self.comparison is not None:
            self.find_bar.open_bar()

    # --- export and notes -----------------------------------------------------------------------------------
    def notes(self) -> list[dict]:
        """The notes of the open case, as reports want them."""
        return self.case_notes.notes_for_report()

    def export_report(self) -> None:
        if self.comparison is None or self._provisional:
            self.statusBar().showMessage("Nothing to export yet: open some versions first.", 5000)
            return
        path = export_comparison(self, self.comparison, self.notes(),
                                 show_cosmetic=not self.actions_.hide_cosmetic.isChecked())
        if path is not None:
            self.statusBar().showMessage(f"Report saved to {path}", 10000)

    # --- drag and drop, palette, settings --------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
            self.welcome.set_drag_active(True)

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self.welcome.set_drag_active(False)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        self.welcome.set_drag_active(False)
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def _refresh_recent(self) -> None:
        cases = recent_cases()
        self.welcome.set_recent(cases)
        fill_recent_menu(self.actions_.recent_menu, cases, self.open_case)

    def save_settings(self) -> None:
        self.layout_.save()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.keep_settings:
            self.save_settings()
        self.case_notes.close()
        self.runner.invalidate()
        super().closeEvent(event)
