"""The main window: relationships on the left, the selected contact (or portfolio) on the right."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (QLabel, QMainWindow, QMessageBox, QProgressBar, QSplitter,
                               QStackedWidget, QWidget)

import models
from models import ContactSummary, NoteInfo
from models.appinfo import APP_NAME
from ui import dialogs
from ui.contact_view import ContactView
from ui.empty_state import EmptyState
from ui.main_actions import build_actions
from ui.operations import JournalState, load_journal_state
from ui.portfolio_view import PortfolioView
from ui.relationships_panel import RelationshipsPanel
from ui.settings import app_settings
from ui.worker import Worker

log = logging.getLogger("rapport")


class MainWindow(QMainWindow):
    contacts_loaded = Signal(int)  # how many contacts (archived included)
    analyzer_checked = Signal(bool)  # the word lists loaded (True) or failed (False)

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")
        self.worker = Worker(self)
        self.state: JournalState | None = None
        self.note_editor = None  # the open NoteEditor, if any
        self._pending_select: int | None = None
        self._draft_checked = False
        self._analyzer_state: bool | None = None  # None until the background check is done
        self.actions = build_actions(self)

        self.panel = RelationshipsPanel(self)
        self.contact_view = ContactView(self.worker, self)
        self.portfolio = PortfolioView(self)
        self.no_selection = QLabel("Select a contact on the left.", self)
        self.no_selection.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_selection.setObjectName("mutedLabel")
        self.right = QStackedWidget(self)
        for page in (self.no_selection, self.contact_view, self.portfolio):
            self.right.addWidget(page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self._fit_split_on_load = False
        self._contact_seen = False
        self.splitter.setChildrenCollapsible(False)
        self.empty = EmptyState(self)
        self.central = QStackedWidget(self)
        self.central.addWidget(self.splitter)
        self.central.addWidget(self.empty)
        self.setCentralWidget(self.central)

        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.busy_label = QLabel(self)
        self.counts_label = QLabel(self)
        self.statusBar().addWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.statusBar().addPermanentWidget(self.counts_label)

        self._connect()
        self._restore_layout()
        self._update_actions()
        self.refresh()

    # --- wiring ------------------------------------------------------------------------------
    def _connect(self) -> None:
        a = self.actions
        a.new_contact.triggered.connect(self.new_contact)
        a.new_note.triggered.connect(self.new_note)
        a.edit_contact.triggered.connect(self.edit_contact)
        a.archive_contact.triggered.connect(self.toggle_archived)
        a.import_csv.triggered.connect(lambda: dialogs.import_csv(self))
        a.sample.triggered.connect(lambda: dialogs.load_sample(self))
        a.export_pdf.triggered.connect(self.export_pdf)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(self.contact_view.undo_delete)
        a.search.triggered.connect(lambda: dialogs.open_search(self))
        a.brief.triggered.connect(self.show_brief)
        a.portfolio.toggled.connect(self._on_portfolio_toggled)
        a.show_archived.toggled.connect(self.panel.archived_check.setChecked)
        self.panel.archived_check.toggled.connect(a.show_archived.setChecked)
        a.next_contact.triggered.connect(lambda: self._step_contact(1))
        a.prev_contact.triggered.connect(lambda: self._step_contact(-1))
        a.about.triggered.connect(lambda: dialogs.about(self))
        self.panel.contact_selected.connect(self._on_contact_selected)
        self.panel.contact_activated.connect(lambda _cid: self.edit_contact())
        self.contact_view.summary_changed.connect(self._on_summary_changed)
        self.contact_view.new_note_requested.connect(self.new_note)
        self.contact_view.edit_note_requested.connect(self.edit_note)
        self.contact_view.brief_requested.connect(self.show_brief)
        self.contact_view.edit_contact_requested.connect(self.edit_contact)
        self.contact_view.undo_changed.connect(self._on_undo_changed)
        self.contact_view.busy.connect(lambda msg: self.statusBar().showMessage(msg, 6000))
        self.portfolio.contact_clicked.connect(self.open_contact)
        self.empty.add_contact.connect(self.new_contact)
        self.empty.import_csv.connect(lambda: dialogs.import_csv(self))
        self.empty.open_sample.connect(lambda: dialogs.load_sample(self))
        self.worker.busy_changed.connect(self._on_busy)

    # --- loading -----------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        """Reload the relationships list (and counts) in the worker."""
        self._pending_select = select if select is not None else self.panel.current_id()
        self.worker.run(load_journal_state, self._on_state, label="Loading journal…")

    def _on_state(self, state: JournalState) -> None:
        self.state = state
        keep = self._pending_select
        self.panel.set_contacts(list(state.contacts))
        if self._fit_split_on_load and state.contacts:
            self._fit_split_on_load = False
            self._apply_default_split()
        self.portfolio.set_contacts(list(state.contacts))
        empty = state.total_contacts == 0
        self.central.setCurrentWidget(self.empty if empty else self.splitter)
        if not empty:
            if keep is None or not self.panel.select_contact(keep):
                self.panel.select_first()
            if self.panel.current_id() is None:
                self._show_page(self.no_selection)
        self.counts_label.setText(f"{state.total_contacts} contacts · {state.total_notes} notes")
        self._update_actions()
        if state.needs_rescore:
            dialogs.start_rescore(self, state.needs_rescore)
        self.contacts_loaded.emit(len(state.contacts))
        if not self._draft_checked:
            self._draft_checked = True
            dialogs.restore_draft(self)
            self.check_analyzer()

    def check_analyzer(self) -> None:
        """Load the sentiment word lists in the background (0.4 s of imports and parsing that
        used to hold up the window) and tell the user loudly if they did not ship."""
        from ui.app import check_analyzer

        self.worker.run(check_analyzer, self._on_analyzer_ok, self._on_analyzer_failed,
                        cpu_only=True)

    def analyzer_state(self) -> bool | None:
        return self._analyzer_state

    def _on_analyzer_ok(self, _result) -> None:
        self._analyzer_state = True
        self.analyzer_checked.emit(True)

    def _on_analyzer_failed(self, exc: Exception) -> None:
        from ui.errors import show_error

        self._analyzer_state = False
        log.error("sentiment word lists failed to load: %s", exc)
        show_error(self, exc, f"{APP_NAME} cannot score notes")
        self.analyzer_checked.emit(False)

    @Slot(int)
    def _on_contact_selected(self, contact_id: int) -> None:
        self._update_actions()
        if contact_id < 0:
            self.contact_view.clear()
            if not self.actions.portfolio.isChecked():
                self._show_page(self.no_selection)
            return
        if not self.actions.portfolio.isChecked():
            self._show_page(self.contact_view)
        if contact_id != self.contact_view.contact_id:
            self.contact_view.load(contact_id)

    def _on_summary_changed(self, summary: ContactSummary) -> None:
        if self.panel.model.update_contact(summary):
            self.portfolio.set_contacts(self.panel.model.summaries())

    def open_contact(self, contact_id: int, note_id: int | None = None) -> None:
        """Show a contact (and optionally one of its notes), e.g. from search or the portfolio."""
        self.actions.portfolio.setChecked(False)
        self.panel.select_contact(contact_id)
        self._show_page(self.contact_view)
        if note_id is not None:
            if self.contact_view.contact_id == contact_id and self.contact_view.bundle is not None \
                    and self.contact_view.notes_model.row_of(note_id) >= 0:
                self.contact_view.select_note(note_id)
            else:
                self.contact_view.load(contact_id, note_id)

    def _show_page(self, page: QWidget) -> None:
        self.right.setCurrentWidget(page)
        self._contact_seen = self._contact_seen or page is self.contact_view

    @Slot(bool)
    def _on_portfolio_toggled(self, on: bool) -> None:
        if on:
            self._show_page(self.portfolio)
        else:
            self._show_page(self.contact_view if self.panel.current_id() is not None else self.no_selection)

    def _step_contact(self, step: int) -> None:
        table = self.panel.table
        row = table.currentIndex().row() + step
        if 0 <= row < self.panel.proxy.rowCount():
            table.setCurrentIndex(self.panel.proxy.index(row, 0))

    # --- actions -----------------------------------------------------------------------------
    def current_contact_id(self) -> int | None:
        return self.panel.current_id()

    def new_contact(self) -> None:
        dialogs.edit_contact(self, None)

    def edit_contact(self) -> None:
        bundle = self.contact_view.bundle
        if bundle is not None and bundle.contact.id == self.current_contact_id():
            dialogs.edit_contact(self, bundle.contact)

    def toggle_archived(self) -> None:
        cid = self.current_contact_id()
        bundle = self.contact_view.bundle
        if cid is None or bundle is None:
            return
        archived = not bundle.contact.archived
        self.worker.run(lambda: models.set_archived(cid, archived),
                        lambda c: (self.statusBar().showMessage(
                            f"{c.name} {'archived' if archived else 'restored'}.", 5000),
                            self.refresh(select=c.id), self.contact_view.load(c.id)))

    def new_note(self) -> None:
        bundle = self.contact_view.bundle
        if bundle is None or self.current_contact_id() is None:
            self.statusBar().showMessage("Select or add a contact first.", 5000)
            return
        dialogs.open_note_editor(self, bundle.contact, None)

    def edit_note(self, note: NoteInfo) -> None:
        if self.contact_view.bundle is not None:
            dialogs.open_note_editor(self, self.contact_view.bundle.contact, note)

    def note_saved(self, note: NoteInfo) -> None:
        self.statusBar().showMessage("Note saved.", 4000)
        self.contact_view.note_saved(note)

    def show_brief(self) -> None:
        cid = self.current_contact_id()
        if cid is not None:
            dialogs.show_brief(self, cid)

    def export_pdf(self, contact_id: int | None = None) -> None:
        dialogs.export_pdf(self, contact_id if contact_id is not None else self.current_contact_id())

    def _update_actions(self) -> None:
        has = self.current_contact_id() is not None
        for a in (self.actions.new_note, self.actions.edit_contact, self.actions.archive_contact,
                  self.actions.brief):
            a.setEnabled(has)

    @Slot(bool, str)
    def _on_undo_changed(self, available: bool, text: str) -> None:
        self.actions.undo.setEnabled(available)
        self.actions.undo.setText(text or "&Undo")

    @Slot(bool, str)
    def _on_busy(self, busy: bool, what: str) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setText(what if busy else "")

    # --- window state ------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        s = app_settings()
        if not self.restoreGeometry(s.value("window/geometry", b"")):
            self.resize(1280, 800)
        # First run: sizes are set once the window has its real width (see showEvent).
        self._default_split = not self.splitter.restoreState(s.value("window/splitter", b""))
        self.contact_view.vertical.restoreState(s.value("window/contact_split", b""))
        self._default_lower = not self.contact_view.lower.restoreState(s.value("window/notes_split", b""))
        # v2: the column layout changed (compact numbers, stretching company); old states squeezed it.
        self.panel.restore_header(s.value("window/table_header_v2", b""))
        days = s.value("chart/range_days", 365)
        self.contact_view.chart.set_range(int(days) if str(days).isdigit() else 365)

    def save_layout(self) -> None:
        s = app_settings()
        s.setValue("window/geometry", self.saveGeometry())
        # Only sizes the user has actually seen: a layout saved from the empty state (or before
        # a contact was ever shown) would squeeze the list and notes on the next start.
        if self.central.currentWidget() is self.splitter and self.splitter.isVisible():
            s.setValue("window/splitter", self.splitter.saveState())
            header = self.panel.header_state()
            if header is not None:
                s.setValue("window/table_header_v2", header)
        if self._contact_seen:
            s.setValue("window/contact_split", self.contact_view.vertical.saveState())
            s.setValue("window/notes_split", self.contact_view.lower.saveState())
        s.setValue("chart/range_days", self.contact_view.chart.current_range())
        s.sync()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._default_split:
            self._default_split = False
            self._fit_split_on_load = True  # refined once the names are known
            self._apply_default_split()
        if self._default_lower:
            self._default_lower = False
            self.contact_view.default_lower_split = True

    def _apply_default_split(self) -> None:
        """About 40 % for the list, more (up to 48 %) if its columns need it to stay readable."""
        w = self.splitter.width() or self.width()
        left = min(max(w * 40 // 100, self.panel.preferred_width()), w * 48 // 100)
        self.splitter.setSizes([left, w - left])

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.note_editor is not None and self.note_editor.isVisible():
            # Never lose a typed note: keep it as a draft that reopens next time.
            self.note_editor.close_keeping_draft()
        self.save_layout()
        self.worker.wait_for_done(10_000)
        event.accept()
