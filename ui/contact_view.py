"""Right side of the main window: one contact's header, mood chart, notes and the open note."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QListView, QMessageBox,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

import models
from models import ContactSummary, NoteInfo
from ui.charts import MoodChart
from ui.contact_header import ContactHeader
from ui.note_detail import NoteDetail
from ui.notes_model import NOTE_ID_ROLE, NOTE_ROLE, NoteRowDelegate, NotesModel
from ui.operations import ContactBundle, load_contact, load_older_notes
from ui.theme import icon
from ui.worker import Worker


class ContactView(QWidget):
    loaded = Signal(int)  # contact id, after header, chart and notes are filled in
    notes_complete = Signal(int)  # contact id, once a long list's older notes are in too
    summary_changed = Signal(object)  # ContactSummary: the list updates its row
    new_note_requested = Signal()
    edit_note_requested = Signal(object)  # NoteInfo
    brief_requested = Signal()
    edit_contact_requested = Signal()
    undo_changed = Signal(bool, str)
    busy = Signal(str)  # status-bar message

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.contact_id: int | None = None
        self.bundle: ContactBundle | None = None
        self._request = 0
        self._select_after_load: int | None = None
        self._deleted: list[NoteInfo] = []  # for Ctrl+Z, newest last

        self.header = ContactHeader(self)
        self.new_note_button = QPushButton(icon("note-add", "#ffffff"), "New note", self)
        self.new_note_button.setObjectName("primaryButton")
        self.brief_button = QPushButton(icon("brief"), "Brief", self)
        self.brief_button.setToolTip("Pre-meeting brief for this contact")
        self.edit_button = QPushButton(icon("edit"), "Edit contact", self)
        self.chart = MoodChart(self)
        self.notes_model = NotesModel(self)
        self.notes_view = QListView(self)
        self.notes_view.setObjectName("notesList")
        self.notes_view.setModel(self.notes_model)
        self.notes_view.setItemDelegate(NoteRowDelegate(self.notes_view))
        self.notes_view.setUniformItemSizes(True)  # 5,000 notes lay out instantly
        # Re-lay out on resize: narrow rows put kind and duration on a line of their own.
        self.notes_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.notes_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notes_view.viewport().installEventFilter(self)
        self._two_line_rows: bool | None = None
        self.default_lower_split = False  # set by the window on first run: sized when first shown
        self.notes_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.notes_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.notes_view.setAccessibleName("Notes, newest first")
        self.detail = NoteDetail(self)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.new_note_button, self.brief_button, self.edit_button):
            buttons.addWidget(b)
        self.lower = QSplitter(Qt.Orientation.Horizontal, self)
        self.lower.addWidget(self.notes_view)
        self.lower.addWidget(self.detail)
        self.lower.setStretchFactor(0, 3)
        self.lower.setStretchFactor(1, 2)
        self.lower.setChildrenCollapsible(False)
        self.vertical = QSplitter(Qt.Orientation.Vertical, self)
        self.vertical.addWidget(self.chart)
        self.vertical.addWidget(self.lower)
        self.vertical.setStretchFactor(0, 2)
        self.vertical.setStretchFactor(1, 3)
        self.vertical.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(self.header)
        layout.addLayout(buttons)
        layout.addWidget(self.vertical, 1)
        self.setTabOrder(self.new_note_button, self.brief_button)
        self.setTabOrder(self.brief_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.notes_view)
        self.setTabOrder(self.notes_view, self.detail)

        self.new_note_button.clicked.connect(self.new_note_requested)
        self.brief_button.clicked.connect(self.brief_requested)
        self.edit_button.clicked.connect(self.edit_contact_requested)
        self.chart.note_clicked.connect(self.select_note)
        self.notes_view.selectionModel().currentChanged.connect(self._on_current_note)
        self.notes_view.doubleClicked.connect(self._on_note_double_clicked)
        self.detail.label_chosen.connect(self._on_label_chosen)
        self.detail.edit_requested.connect(self._on_edit_note)
        self.detail.delete_requested.connect(self.delete_note)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.notes_view.viewport() and event.type() == QEvent.Type.Resize:
            delegate = self.notes_view.itemDelegate()
            two = delegate.two_line_header(self.notes_view.font(), event.size().width())
            if two != self._two_line_rows:
                # Rows share one cached height: tell the view it changed (it re-lays out once).
                self._two_line_rows = two
                if self.notes_model.rowCount():
                    delegate.sizeHintChanged.emit(self.notes_model.index(0))
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_default_lower()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._apply_default_lower()

    def _apply_default_lower(self) -> None:
        # First run: notes list and open note share the width; settles once really shown.
        if self.default_lower_split and self.lower.width() > 100:
            w = self.lower.width() - self.lower.handleWidth()
            self.lower.setSizes([w * 45 // 100, w - w * 45 // 100])
            if self.isVisible():
                self.default_lower_split = False

    # --- loading -----------------------------------------------------------------------------
    def load(self, contact_id: int, select_note: int | None = None) -> None:
        """Load header, chart and notes in the worker; stale answers are dropped."""
        if contact_id != self.contact_id:
            self.detail.set_note(None)
        self.contact_id = contact_id
        self._select_after_load = select_note
        self._request += 1
        request = self._request
        self.worker.run(lambda: load_contact(contact_id),
                        lambda bundle: self._on_loaded(request, bundle),
                        self._on_load_error, label="Loading notes…")

    def reload(self, select_note: int | None = None) -> None:
        if self.contact_id is not None:
            current = self.detail.note()
            self.load(self.contact_id, select_note or (current.id if current else None))

    def _on_loaded(self, request: int, bundle: ContactBundle) -> None:
        if request != self._request:
            return  # the user moved on to another contact meanwhile
        self.bundle = bundle
        self.header.set_contact(bundle.contact, bundle.summary)
        self.chart.set_data(bundle.chart)
        self.notes_model.set_notes(list(bundle.notes))
        wanted = self._select_after_load
        if wanted is not None and self.notes_model.row_of(wanted) >= 0:
            self._select_after_load = None
            self.select_note(wanted)
        else:
            if bundle.complete:
                self._select_after_load = None
            self.detail.set_note(None)
        if not bundle.complete:
            contact_id, shown = bundle.contact.id, len(bundle.notes)
            self.worker.run(lambda: load_older_notes(contact_id, shown),
                            lambda older: self._on_older_loaded(request, older),
                            self._on_load_error)
        self.summary_changed.emit(bundle.summary)
        self.loaded.emit(bundle.contact.id)

    def _on_older_loaded(self, request: int, older: tuple) -> None:
        if request != self._request or self.bundle is None:
            return
        self.notes_model.append_notes(list(older))
        self.bundle = replace(self.bundle, notes=self.bundle.notes + older, complete=True)
        wanted, self._select_after_load = self._select_after_load, None
        if wanted is not None and self.notes_model.row_of(wanted) >= 0:
            self.select_note(wanted)
        self.notes_complete.emit(self.bundle.contact.id)

    def _on_load_error(self, exc: Exception) -> None:
        from ui.errors import show_error

        if isinstance(exc, models.NotFoundError):
            self.contact_id = None
            self.bundle = None
        show_error(self, exc)

    # --- notes -------------------------------------------------------------------------------
    @Slot(int)
    def select_note(self, note_id: int) -> None:
        row = self.notes_model.row_of(note_id)
        if row < 0:
            if self.bundle is not None and not self.bundle.complete:
                self._select_after_load = note_id  # an older note: selected once it arrives
            return
        index = self.notes_model.index(row)
        self.notes_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.notes_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def current_note(self) -> NoteInfo | None:
        return self.detail.note()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_note(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.set_note(current.data(NOTE_ROLE) if current.isValid() else None)

    @Slot(QModelIndex)
    def _on_note_double_clicked(self, index: QModelIndex) -> None:
        note = index.data(NOTE_ROLE)
        if note is not None:
            self.edit_note_requested.emit(note)

    @Slot(int)
    def _on_edit_note(self, note_id: int) -> None:
        note = self.detail.note()
        if note is not None and note.id == note_id:
            self.edit_note_requested.emit(note)

    @Slot(int, object)
    def _on_label_chosen(self, note_id: int, label: str | None) -> None:
        self.worker.run(lambda: models.set_label_override(note_id, label),
                        lambda note: self.reload(select_note=note.id))

    @Slot(int)
    def delete_note(self, note_id: int) -> None:
        note = next((n for n in self.notes_model.notes() if n.id == note_id), None)
        if note is None:
            return
        answer = QMessageBox.question(
            self, "Delete note",
            f"Delete the {note.kind} note of {note.occurred_at:%d %b %Y}?\n\n“{note.first_line}”\n\n"
            "You can undo this with Ctrl+Z.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self.notes_model.row_of(note_id)
        self.worker.run(lambda: models.delete_note(note_id),
                        lambda deleted: self._on_deleted(deleted, row))

    def _on_deleted(self, note: NoteInfo, row: int) -> None:
        self._deleted.append(note)
        self.undo_changed.emit(True, f"Undo delete note of {note.occurred_at:%d %b}")
        self.busy.emit("Note deleted. Press Ctrl+Z to undo.")
        if note.contact_id == self.contact_id:
            # Keep the user's place: select the note that took the deleted one's row.
            notes = [n for n in self.notes_model.notes() if n.id != note.id]
            nxt = notes[min(row, len(notes) - 1)].id if notes else None
            self.notes_model.remove_note(note.id)
            self.load(note.contact_id, nxt)

    def can_undo(self) -> bool:
        return bool(self._deleted)

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        note = self._deleted.pop()
        self.undo_changed.emit(bool(self._deleted), "Undo delete note" if self._deleted else "Undo")
        self.worker.run(lambda: models.restore_note(note), self._on_restored)

    def _on_restored(self, note: NoteInfo) -> None:
        self.busy.emit("Note restored.")
        if note.contact_id == self.contact_id:
            self.load(note.contact_id, note.id)
        else:
            self.worker.run(lambda: models.get_summary(note.contact_id), self.summary_changed.emit)

    def note_saved(self, note: NoteInfo) -> None:
        if note.contact_id == self.contact_id:
            self.load(note.contact_id, note.id)
        else:
            self.worker.run(lambda: models.get_summary(note.contact_id), self.summary_changed.emit)

    def clear(self) -> None:
        self.contact_id = None
        self.bundle = None
        self._request += 1
        self.detail.set_note(None)
        self.notes_model.set_notes([])

    def summary(self) -> ContactSummary | None:
        return self.bundle.summary if self.bundle else None
