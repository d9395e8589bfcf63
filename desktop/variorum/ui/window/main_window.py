"""The main window: assembly of the panes, docks, menus and status bar around the open case's session.

The :class:`~variorum.ui.session.Session` owns the case (its versions, choices, comparison and notes) and says
when it changes; this window lays the panels out, wires them to the session, and stages what a finished
comparison shows (texts first, then findings and metadata, then notes) so a large case never freezes it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from variorum.core import collection
from variorum.core.load import EXTENSIONS
from variorum.core.load.archive_choice import PageChoice
from variorum.core.model import SEVERITY_ORDER, Comparison, Finding, Place
from variorum.core.sources import Source, page_choice
from variorum.ui import settings, warm_up
from variorum.ui.export.dialog import export_comparison
from variorum.ui.notes.case_notes import CaseNotes
from variorum.ui.notes.links import NotesLinks
from variorum.ui.panes.compared_label import ComparedLabel
from variorum.ui.panes.find_bar import FindBar
from variorum.ui.panes.navigation import Navigator
from variorum.ui.panes.view import PanesView
from variorum.ui.session import Session
from variorum.ui.source.dock import SourceDock
from variorum.ui.variants.select import select_place
from variorum.ui.window.case_view import CaseViewMemory
from variorum.ui.window.docks import Docks
from variorum.ui.window.file_drop import FileDropFilter, local_paths
from variorum.ui.window.help_dialogs import show_about, show_shortcuts
from variorum.ui.window.menus import build_menus
from variorum.ui.window.opening import FileOpening
from variorum.ui.window.panel_focus import Panel, PanelFocus
from variorum.ui.window.preferences import PreferencesDialog
from variorum.ui.window.recent import describe, fill_recent_menu, forget_case, recent_cases, remember_case
from variorum.ui.window.shown_watch import ShownWatch
from variorum.ui.window.status import ProgressIndicator, comparison_summary
from variorum.ui.window.welcome import WelcomeView
from variorum.ui.window.window_layout import WindowLayout

FILE_FILTER = ("Articles (" + " ".join(f"*{e}" for e in sorted(EXTENSIONS)) + ");;All files (*)")


class MainWindow(QMainWindow):
    comparisonShown = Signal()  # a finished comparison is on screen, highlights and all

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Variorum")
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self.session = Session(self)
        self.runner = self.session.runner
        self.opening = FileOpening(self, lambda: self.session.versions, self._add_chosen)
        self._resources = contextlib.ExitStack()
        self.keep_settings = True  # False for throwaway windows (screenshots) so they leave no trace

        self.welcome = WelcomeView(self)
        self.panes = PanesView(self.session, self)
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
        self.docks = Docks(self, self.actions_.view_menu, self.session)
        self.case_notes = CaseNotes(self, self.actions_.view_menu, self.session)
        self.docks.arrange(self, [self.case_notes.dock])
        if self.case_notes.context_add_note is not None:
            self.panes.context_actions.append(self.case_notes.context_add_note)
            self.docks.findings.context_actions.append(self.case_notes.context_add_note)
        for action in (self.docks.findings.act_cite, self.docks.findings.act_full):
            self.addAction(action)  # its shortcut works wherever the focus is
            self.actions_.edit_menu.insertAction(self.actions_.find, action)
        notes_panel = self.case_notes.panel
        if notes_panel is not None:
            for action in (notes_panel.add_note_action, notes_panel.undo_action):
                self.actions_.edit_menu.insertAction(self.actions_.preferences, action)
            self.actions_.edit_menu.insertSeparator(self.actions_.preferences)
        self.progress = ProgressIndicator(self)
        self.compared_label = ComparedLabel(self.session, self)  # what the highlights refer to, always current
        self.statusBar().addPermanentWidget(self.compared_label)
        self.statusBar().addPermanentWidget(self.progress)
        self._drop_filter = FileDropFilter(self.add_paths, self)
        for widget in self.docks.drop_targets() + self.case_notes.drop_targets() + [self.find_bar.edit]:
            widget.installEventFilter(self._drop_filter)
        self.layout_ = WindowLayout(self, self.stack, self.welcome, self.docks, self.actions_.hide_cosmetic)
        self.notes_links = NotesLinks(self, self.session, self.case_notes, self.panes, self.navigator, self.docks)
        self.source = SourceDock(self, self.actions_.view_menu)
        self.shown_watch = ShownWatch(self.session, self.panes, self.docks, self.case_notes)
        self.shown_watch.shown.connect(self.comparisonShown)
        self.actions_.view_menu.addSeparator()
        self.panel_focus = PanelFocus(self, self.actions_.view_menu, self._panels,
                                      lambda m: self.statusBar().showMessage(m, 3000))
        self._connect()
        self.layout_.restore()
        self.session.set_show_cosmetic(not self.actions_.hide_cosmetic.isChecked())
        self.actions_.fit_all.setChecked(settings.get(settings.FIT_ALL_VERSIONS))
        self.actions_.collapse_identical.setChecked(settings.get(settings.COLLAPSE_IDENTICAL))
        self._refresh_recent()
        warm_up.prepare_types()  # not in the first comparison's first paint
        collection.set_aside_started()  # the window and the modules it imported are not walked again

    # --- what the session holds -------------------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison | None:
        return self.session.comparison

    @property
    def compared(self) -> str | None:
        return self.session.compared

    def _panels(self) -> list[Panel]:
        """The panels F6 cycles through, in reading order: the texts, then the docks."""
        d = self.docks
        findings = d.findings
        panels: list[Panel] = [
            ("Texts", self.panes, self.panes.text_to_read),
            ("Versions", d.version_dock, lambda: d.versions.view),
            ("Findings", d.findings_dock,
             lambda: findings.view if not findings.empty_message() else findings.search),
            ("Metadata", d.metadata_dock, lambda: d.metadata.view),
        ]
        notes_panel = self.case_notes.panel
        if notes_panel is not None:
            panels.append(("Notes", self.case_notes.dock, lambda: notes_panel.note_list))
        panels.append(("Source", self.source.dock, lambda: self.source.view.graphics))
        return panels

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
        a.fit_all.toggled.connect(self._on_fit_all)
        a.collapse_identical.toggled.connect(self._on_collapse_identical)
        a.next_diff.triggered.connect(lambda: self.navigator.step(+1))
        a.prev_diff.triggered.connect(lambda: self.navigator.step(-1))
        a.next_version.triggered.connect(lambda: self.session.step_compared(+1))
        a.prev_version.triggered.connect(lambda: self.session.step_compared(-1))
        a.preferences.triggered.connect(self.edit_preferences)
        a.about.triggered.connect(lambda: show_about(self, settings.place()))
        a.shortcuts.triggered.connect(lambda: show_shortcuts(self))

        self.welcome.openRequested.connect(self.open_dialog)
        self.welcome.demoRequested.connect(self.open_demo)
        self.welcome.recentRequested.connect(self.open_case)

        s = self.session
        self.navigator.follow(s)
        self.docks.follow()
        s.comparisonChanged.connect(self._on_comparison)
        s.currentChanged.connect(self._on_current_changed)
        s.cosmeticChanged.connect(self._on_cosmetic_changed)
        s.closed.connect(self._on_closed)
        # after the window has shown its docks for the comparison
        self.source.follow(s, self.navigator.currentChanged, self.docks.findingActivated, self.comparisonShown)
        self.layout_.docksShown.connect(self.source.docks_shown)
        self.runner.started.connect(lambda: self.progress.start("Reading files…"))
        self.runner.progress.connect(self.progress.set_progress)
        self.runner.loaded.connect(lambda _case: self.progress.start("Comparing…"))
        self.runner.finished.connect(lambda _case: self.progress.stop())
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.progress.cancelRequested.connect(self.runner.cancel)

        self.panes.shown.connect(self._on_panes_shown)
        self.navigator.moved.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.navigator.compareRequested.connect(self.set_compared)
        self.find_bar.message.connect(lambda m: self.statusBar().showMessage(m, 5000))
        self.opening.message.connect(lambda m: self.statusBar().showMessage(m, 8000))

        vl = self.docks.versions
        vl.baseRequested.connect(s.choose_base)
        vl.removeRequested.connect(self.remove_version)
        vl.visibilityChanged.connect(s.set_visible)
        vl.orderChanged.connect(s.reorder)
        vl.currentVersionChanged.connect(self._on_list_current)
        self.docks.findingActivated.connect(self.show_finding)
        self.docks.placeActivated.connect(self.show_place)
        self.docks.variants.heatmap.stripChanged.connect(self.panes.overview.set_heat)
        self.case_view = CaseViewMemory(s, self)  # last: it may change the case the panels have just shown

    # --- opening ----------------------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        start = settings.get(settings.LAST_FOLDER) or str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(self, "Add versions to compare", start, FILE_FILTER)
        if paths:
            settings.put(settings.LAST_FOLDER, str(Path(paths[0]).parent))
            self.add_paths(paths)

    def open_demo(self) -> None:
        from variorum.demo import demo_paths

        self.close_case()
        # The demo files may be extracted to a temporary folder: keep it until the case is closed.
        paths = self._resources.enter_context(demo_paths())
        self.add_paths(paths)

    def open_case(self, sources: list[Source]) -> None:
        """Open a case from scratch (Open Recent): its files, with the pages already chosen in web archives."""
        present = [s for s in sources if Path(s.path).exists()]
        if not present:
            forget_case(sources)
            self._refresh_recent()
            self.statusBar().showMessage(f"None of these files exist any more ({describe([s.path for s in sources])}"
                                         "); the case was removed from Open Recent.", 15000)
            return
        self.close_case()
        self.opening.open([s.path for s in present], known=page_choice(present))
        if len(present) < len(sources):
            gone = [Path(s.path).name for s in sources if s not in present]
            self.statusBar().showMessage(f"Not found any more: {', '.join(gone)}", 15000)

    def add_paths(self, paths: Sequence[str | Path], url: str | None = None) -> None:
        """Add files and folders to the open case (a folder adds every supported file in it); a web archive of
        many pages asks first which of them to open, unless ``url`` says which."""
        if paths:
            self.opening.open(paths, url=url)

    def _add_chosen(self, paths: list[Path], pages: PageChoice) -> None:
        self.layout_.show_compare(docks_later=True)
        self.session.add_paths(paths, pages=pages)

    def paste_version(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage("The clipboard holds no text to add.", 5000)
            return
        self.layout_.show_compare()
        self.session.add_pasted(text)

    def close_case(self) -> None:
        self.session.close()

    def remove_version(self, version_id: str) -> None:
        self.session.remove(version_id)

    def set_compared(self, version_id: str) -> None:
        self.session.set_compared(version_id)

    # --- following the session --------------------------------------------------------------------------------
    def _on_closed(self) -> None:
        self._resources.close()
        self.progress.stop()
        self.layout_.show_welcome()
        self.setWindowTitle("Variorum")

    def _on_comparison(self) -> None:
        """The panels show the new comparison themselves; the window shows the compare view and says what it is."""
        self.layout_.show_compare()
        c = self.session.comparison
        if c is not None and self.session.is_final():
            sources = self.session.case.sources()  # each file once, with the pages chosen in web archives
            if sources and c.base is not None:  # in a turn of its own: it reads and writes the settings file
                QTimer.singleShot(0, self, lambda: self._remember_case(sources))
            names = describe([s.path for s in sources])
            self.setWindowTitle(f"{names if sources else 'Pasted text'} — Variorum")
            self.statusBar().showMessage(self._summary(), 15000)

    def _on_panes_shown(self) -> None:
        self.find_bar.refresh()
        if self.compared:
            self.panes.scroll_pane_into_view(self.compared)
        self.shown_watch.check()

    def _on_current_changed(self) -> None:
        compared, c = self.session.compared, self.comparison
        if compared is not None and c is not None:
            label = c.version(compared).label
            self.statusBar().showMessage(f"Comparing {compared} ({label}) with the base", 5000)
        else:
            self.statusBar().clearMessage()  # no message may name a version no longer compared

    def _on_failed(self, message: str) -> None:
        self.progress.stop()
        QMessageBox.critical(self, "Variorum", f"The comparison failed:\n{message}\n\nThe versions are kept.")

    def _on_cancelled(self) -> None:
        self.progress.stop()
        self.statusBar().showMessage("Comparison cancelled. The texts are shown without highlights.", 10000)

    def _summary(self) -> str:
        c = self.comparison
        if c is None:
            return ""
        return comparison_summary(c, cosmetic_hidden=not self.session.show_cosmetic)

    # --- user choices -------------------------------------------------------------------------------------------
    def _on_list_current(self, version_id: str) -> None:
        if version_id in self.session.comparable():
            self.session.set_compared(version_id)

    def _on_hide_cosmetic(self, hide: bool) -> None:
        settings.put(settings.HIDE_COSMETIC, hide)
        self.session.set_show_cosmetic(not hide)

    def _on_fit_all(self, fit: bool) -> None:
        if self.keep_settings:
            settings.put(settings.FIT_ALL_VERSIONS, fit)
        self.panes.set_fit_all(fit)
        if self.compared:
            self.panes.scroll_pane_into_view(self.compared)

    def _on_collapse_identical(self, on: bool) -> None:
        if self.keep_settings:
            settings.put(settings.COLLAPSE_IDENTICAL, on)
        self.session.set_collapse_identical(on)
        folded = sum(len(o) for o in self.session.case.identical().values())
        if on and self.session.comparison is not None:
            self.statusBar().showMessage(f"{folded} version(s) with the same text as another shown in its pane"
                                         if folded else "No two versions have the same text.", 8000)

    def _on_cosmetic_changed(self, show: bool) -> None:
        self.actions_.hide_cosmetic.setChecked(not show)
        if self.session.is_final():
            self.statusBar().showMessage(self._summary(), 8000)

    def show_finding(self, finding: Finding) -> None:
        """Jump to a finding and select its evidence in every pane it cites."""
        if self.comparison is None:
            return
        self.navigator.select_finding(finding)

    def show_place(self, place: Place) -> None:
        """Select a variation place (a row of the variant table) in every pane."""
        if self.comparison is not None:
            self.statusBar().showMessage(select_place(self.panes, place), 8000)

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

    def edit_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.authorChanged.connect(self.case_notes.set_author)
        dialog.open()
        return dialog

    # --- export and notes -----------------------------------------------------------------------------------
    def notes(self) -> list[dict]:
        """The notes of the open case, as reports want them."""
        return self.case_notes.notes_for_report()

    def export_report(self) -> None:
        c = self.comparison
        if c is None or not self.session.is_final():
            self.statusBar().showMessage("Nothing to export yet: open some versions first.", 5000)
            return
        path = export_comparison(self, c, self.notes(), show_cosmetic=self.session.show_cosmetic)
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

    def _remember_case(self, sources: list[Source]) -> None:
        remember_case(sources)
        self._refresh_recent()

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
        self.runner.close()  # stops a comparison still running, and its process
        self._resources.close()  # the demo's files, when they were extracted to a temporary folder
        super().closeEvent(event)
