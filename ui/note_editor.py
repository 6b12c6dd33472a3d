"""Add or edit a note, with a live sentiment preview computed off the UI thread."""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QMessageBox, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget)

from models import NOTE_KINDS, ContactInfo, NoteInfo
from ui.drafts import Draft, clear_draft, save_draft
from ui.operations import save_note
from ui.theme import LABEL_TEXT, label_color
from ui.worker import Worker

PREVIEW_DELAY_MS = 350  # wait for a pause in typing before scoring


def preview_html(result) -> str:
    """A short, escaped summary of a live score: label, polarity and the strongest words."""
    color = label_color(result.label).name()
    words = sorted((t for s in result.sentences for t in s.terms), key=lambda t: -abs(t.weight))[:5]
    chips = " ".join(
        f"<span style='color:{label_color('positive' if t.weight > 0 else 'negative').name()}'>"
        f"{html.escape(t.text)}</span>" for t in words)
    return (f"<span style='color:{color}; font-weight:bold'>● {LABEL_TEXT.get(result.label, result.label)}"
            f"</span> ({result.polarity:+.2f})" + (f"&nbsp;&nbsp; driven by: {chips}" if chips else ""))


class NoteEditor(QDialog):
    saved = Signal(object)  # NoteInfo
    preview_ready = Signal(str)  # label, for tests and accessibility

    def __init__(self, worker: Worker, db_path: Path, contact: ContactInfo, note: NoteInfo | None = None,
                 draft: Draft | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.db_path = db_path
        self.contact = contact
        self.note = note
        self._saving = False
        self._preview_request = 0
        self.setWindowTitle(f"{'Edit' if note else 'New'} note · {contact.name}")
        self.setMinimumSize(520, 420)
        self.when_edit = QDateTimeEdit(self)
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.kind_combo = QComboBox(self)
        for kind in NOTE_KINDS:
            self.kind_combo.addItem(kind.capitalize(), kind)
        self.duration_spin = QSpinBox(self)
        self.duration_spin.setRange(0, 24 * 60)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(" min")
        self.duration_spin.setSpecialValueText("–")
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlaceholderText("What happened? How did they sound? Next steps…")
        self.text_edit.setAccessibleName("Note text")
        self.preview = QLabel("Start typing to see how this note reads.", self)
        self.preview.setObjectName("previewLabel")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.restored_label = QLabel("Restored the note you were writing when Rapport closed.", self)
        self.restored_label.setObjectName("infoBanner")
        self.restored_label.setVisible(draft is not None)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip("Save (Ctrl+Enter)")

        form = QFormLayout()
        form.addRow("&When", self.when_edit)
        form.addRow("&Kind", self.kind_combo)
        form.addRow("&Duration", self.duration_spin)
        layout = QVBoxLayout(self)
        layout.addWidget(self.restored_label)
        layout.addLayout(form)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.text_edit, self.when_edit)
        self.setTabOrder(self.when_edit, self.kind_combo)
        self.setTabOrder(self.kind_combo, self.duration_spin)

        self._fill(note, draft)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._on_pause)
        self.text_edit.textChanged.connect(self._timer.start)
        for w in (self.when_edit.dateTimeChanged, self.kind_combo.currentIndexChanged,
                  self.duration_spin.valueChanged):
            w.connect(self._timer.start)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for seq in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(seq), self, self.save)
        self.text_edit.setFocus()
        if self.text_edit.toPlainText().strip():
            self._timer.start()

    def _fill(self, note: NoteInfo | None, draft: Draft | None) -> None:
        when = dt.datetime.now().replace(second=0, microsecond=0)
        kind, duration, text = "meeting", None, ""
        if note is not None:
            when, kind, duration, text = note.occurred_at, note.kind, note.duration_min, note.text
        if draft is not None:
            when = dt.datetime.fromisoformat(draft.occurred_at)
            kind, duration, text = draft.kind, draft.duration_min, draft.text
        self.when_edit.setDateTime(QDateTime(when))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.duration_spin.setValue(duration or 0)
        self.text_edit.setPlainText(text)
        self._original = self._values()

    def _values(self) -> tuple:
        return (self.text_edit.toPlainText().strip(), self.kind_combo.currentData(),
                self.duration_spin.value() or None,
                self.when_edit.dateTime().toPython().replace(second=0, microsecond=0))

    def is_dirty(self) -> bool:
        return self._values() != self._original

    def keep_draft(self) -> None:
        """Store what is typed so that it survives closing the app."""
        text, kind, duration, when = self._values()
        if self.is_dirty() and text:
            save_draft(self.db_path, Draft(self.contact.id, self.note.id if self.note else None,
                                           self.text_edit.toPlainText(), kind, duration,
                                           when.isoformat()))

    # --- live preview ------------------------------------------------------------------------
    @Slot()
    def _on_pause(self) -> None:
        self.keep_draft()
        text = self.text_edit.toPlainText()
        if not text.strip():
            self.preview.setText("Start typing to see how this note reads.")
            return
        self._preview_request += 1
        request = self._preview_request
        from sentiment import analyze

        self.worker.run(lambda: analyze(text), lambda r: self._on_preview(request, r),
                        lambda exc: self.preview.setText("No preview: " + html.escape(str(exc))),
                        cpu_only=True)

    def _on_preview(self, request: int, result) -> None:
        if request != self._preview_request:
            return  # an older score arriving late
        self.preview.setText(preview_html(result))
        self.preview_ready.emit(result.label)

    # --- save / cancel -----------------------------------------------------------------------
    @Slot()
    def save(self) -> None:
        if self._saving:
            return
        text, kind, duration, when = self._values()
        if not text:
            QMessageBox.information(self, "Empty note", "Write something before saving.")
            return
        self._saving = True
        self.buttons.setEnabled(False)
        contact_id, note_id = self.contact.id, self.note.id if self.note else None
        self.worker.run(lambda: save_note(contact_id, note_id, text, when, kind, duration),
                        self._on_saved, self._on_save_failed, label="Saving note…")

    def _on_saved(self, note: NoteInfo) -> None:
        self._saving = False
        clear_draft(self.db_path)
        self._original = self._values()
        self.saved.emit(note)
        self.accept()

    def _on_save_failed(self, exc: Exception) -> None:
        from ui.errors import show_error

        self._saving = False
        self.buttons.setEnabled(True)
        show_error(self, exc)

    def reject(self) -> None:
        if self.is_dirty() and self.text_edit.toPlainText().strip():
            answer = QMessageBox.question(
                self, "Discard note?", "Discard what you typed in this note?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        clear_draft(self.db_path)
        super().reject()

    def close_keeping_draft(self) -> None:
        """The app is closing: keep the draft and close without asking."""
        self.keep_draft()
        QDialog.done(self, QDialog.DialogCode.Rejected)
