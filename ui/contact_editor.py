"""Add or edit a contact: details, tags, archive."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout,
                               QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

import models
from models import ContactInfo
from ui.worker import Worker


class ContactEditor(QDialog):
    saved = Signal(object)  # ContactInfo

    def __init__(self, worker: Worker, contact: ContactInfo | None = None,
                 known_tags: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.contact = contact
        self.setWindowTitle("Edit contact" if contact else "New contact")
        self.setMinimumWidth(460)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("Required")
        self.company_edit = QLineEdit(self)
        self.role_edit = QLineEdit(self)
        self.email_edit = QLineEdit(self)
        self.phone_edit = QLineEdit(self)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText("Comma-separated, e.g. retainer, referral")
        if known_tags:
            completer = QCompleter(known_tags, self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.tags_edit.setCompleter(completer)
        self.about_edit = QPlainTextEdit(self)
        self.about_edit.setPlaceholderText("Background, how you met, what they care about…")
        self.about_edit.setTabChangesFocus(True)
        self.about_edit.setMaximumHeight(110)
        self.archived_check = QCheckBox("Archived (hidden from the list unless you ask)", self)
        self.archived_check.setVisible(contact is not None)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        form = QFormLayout()
        form.addRow("&Name", self.name_edit)
        form.addRow("&Company", self.company_edit)
        form.addRow("&Role", self.role_edit)
        form.addRow("&Email", self.email_edit)
        form.addRow("&Phone", self.phone_edit)
        form.addRow("&Tags", self.tags_edit)
        form.addRow("&About", self.about_edit)
        form.addRow("", self.archived_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if contact is not None:
            self.name_edit.setText(contact.name)
            self.company_edit.setText(contact.company)
            self.role_edit.setText(contact.role)
            self.email_edit.setText(contact.email)
            self.phone_edit.setText(contact.phone)
            self.tags_edit.setText(", ".join(contact.tags))
            self.about_edit.setPlainText(contact.about)
            self.archived_check.setChecked(contact.archived)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    @Slot()
    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            bool(self.name_edit.text().strip()))

    def values(self) -> dict:
        return dict(name=self.name_edit.text(), company=self.company_edit.text(),
                    role=self.role_edit.text(), email=self.email_edit.text(),
                    phone=self.phone_edit.text(), about=self.about_edit.toPlainText(),
                    tags=self.tags_edit.text())

    @Slot()
    def save(self) -> None:
        values = self.values()
        self.buttons.setEnabled(False)
        if self.contact is None:
            op = lambda: models.add_contact(**values)  # noqa: E731
        else:
            cid, archived = self.contact.id, self.archived_check.isChecked()
            op = lambda: models.update_contact(cid, archived=archived, **values)  # noqa: E731
        self.worker.run(op, self._on_saved, self._on_failed)

    def _on_saved(self, contact: ContactInfo) -> None:
        self.saved.emit(contact)
        self.accept()

    def _on_failed(self, exc: Exception) -> None:
        from ui.errors import show_error

        self.buttons.setEnabled(True)
        self._update_ok()
        show_error(self, exc)
