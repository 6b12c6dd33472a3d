"""File > Export PDF…: choose the report, the period and the paper, then export in the background."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialog,
                               QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QRadioButton, QVBoxLayout,
                               QWidget)

import models
from ui.reports.build import ReportOptions, ReportResult, build_report, default_page_size
from ui.reports.data import Period


def _documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def _safe(name: str) -> str:
    """A file name part without characters Windows or macOS refuse."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name).strip() or "Report"


class ExportDialog(QDialog):
    """The export form; the PDF itself is made by the worker, never in this dialog's thread."""

    exported = Signal(object)  # Path of the finished file
    progressed = Signal(str)  # emitted from the worker thread; shown in the status line (queued)

    PORTFOLIO_CONTENTS = [
        ("compact", "Overview + a short page per contact (trend, chart, stand-out notes)"),
        ("full", "Overview + each contact with all its notes (long)"),
        ("summary", "Overview only"),
    ]

    def __init__(self, parent: QWidget | None, worker, contact_id: int | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        self._worker = worker
        self._contact = models.get_contact(contact_id) if contact_id is not None else None
        self._busy = False

        self.contact_radio = QRadioButton("Contact report")
        self.brief_radio = QRadioButton("One-page brief")
        self.portfolio_radio = QRadioButton("Portfolio (every active relationship)")
        self._kinds = QButtonGroup(self)
        for button in (self.contact_radio, self.brief_radio, self.portfolio_radio):
            self._kinds.addButton(button)
        if self._contact is None:
            self.contact_radio.setEnabled(False)
            self.brief_radio.setEnabled(False)
            self.portfolio_radio.setChecked(True)
        else:
            self.contact_radio.setText(f"Contact report: {self._contact.display_name}")
            self.brief_radio.setText(f"One-page brief: {self._contact.name}")
            self.contact_radio.setChecked(True)

        self.limit_box = QCheckBox("Only notes between")
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addYears(-1))
        self.to_edit = QDateEdit(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.text_box = QCheckBox("Include the full note text (leave out to share with a subcontractor)")
        self.text_box.setChecked(True)
        self.content_combo = QComboBox()
        for key, label in self.PORTFOLIO_CONTENTS:
            self.content_combo.addItem(label, key)
        self.page_combo = QComboBox()
        self.page_combo.addItems(["A4", "Letter"])
        self.page_combo.setCurrentText(default_page_size())
        self.file_edit = QLineEdit()
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._on_browse)
        self.status = QLabel("")
        self.status.setWordWrap(True)

        kinds = QVBoxLayout()
        for button in (self.contact_radio, self.brief_radio, self.portfolio_radio):
            kinds.addWidget(button)
        period = QHBoxLayout()
        period.addWidget(self.limit_box)
        period.addWidget(self.from_edit)
        period.addWidget(QLabel("and"))
        period.addWidget(self.to_edit)
        period.addStretch(1)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Report:", kinds)
        form.addRow("Portfolio:", self.content_combo)
        form.addRow("Period:", period)
        form.addRow("", self.text_box)
        form.addRow("Paper:", self.page_combo)
        form.addRow("Save as:", file_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._on_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.progressed.connect(self._on_progress)
        self._kinds.buttonToggled.connect(self._on_kind_changed)
        self.limit_box.toggled.connect(self._on_kind_changed)
        self._on_kind_changed()

    # --- state ---------------------------------------------------------------------------

    def kind(self) -> str:
        if self.brief_radio.isChecked():
            return "brief"
        return "contact" if self.contact_radio.isChecked() else "portfolio"

    def default_file(self) -> Path:
        day = dt.date.today().isoformat()
        name = {"contact": f"{self._contact.name if self._contact else ''} report",
                "brief": f"{self._contact.name if self._contact else ''} brief",
                "portfolio": "Portfolio report"}[self.kind()]
        return _documents_dir() / f"{_safe(name)} {day}.pdf"

    def options(self) -> ReportOptions:
        """The form as report options; raises JournalError for what the user must fix."""
        text = self.file_edit.text().strip()
        if not text:
            raise models.JournalError("Choose where to save the PDF.")
        path = Path(text).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        period = Period(None, None)
        if self.limit_box.isChecked() and self.kind() != "brief":
            period = Period(self.from_edit.date().toPython(), self.to_edit.date().toPython())
            if period.start > period.end:
                raise models.JournalError("The first day of the period is after the last one.")
        return ReportOptions(kind=self.kind(), output=path,
                             contact_id=self._contact.id if self._contact else None, period=period,
                             include_text=self.text_box.isChecked(), page_size=self.page_combo.currentText(),
                             portfolio=self.content_combo.currentData() or "compact",
                             progress=self.progressed.emit)

    def reject(self) -> None:
        if self._busy:  # the job reports back to this dialog: keep it until the PDF is written
            return
        super().reject()

    # --- slots ---------------------------------------------------------------------------

    @Slot()
    def _on_kind_changed(self, *_args) -> None:
        brief = self.kind() == "brief"
        self.content_combo.setEnabled(self.kind() == "portfolio")
        self.limit_box.setEnabled(not brief)
        self.limit_box.setToolTip("The brief is always as of today." if brief else "")
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(self.limit_box.isChecked() and not brief)
        previous = Path(self.file_edit.text()) if self.file_edit.text() else None
        if previous is None or previous.parent == _documents_dir():
            self.file_edit.setText(str(self.default_file()))  # follow the kind until the user picks

    @Slot()
    def _on_browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Save the report as", self.file_edit.text(),
                                                "PDF files (*.pdf)")
        if chosen:
            self.file_edit.setText(chosen)

    @Slot()
    def _on_export(self) -> None:
        if self._busy:
            return
        try:
            options = self.options()
        except models.JournalError as exc:
            self.status.setText(str(exc))
            return
        self._busy = True
        self.buttons.setEnabled(False)
        self.status.setText("Exporting…")
        self._worker.run(lambda: build_report(options), self._on_done, self._on_error,
                         label="Exporting PDF…")

    @Slot(str)
    def _on_progress(self, text: str) -> None:
        if self._busy:
            self.status.setText(f"Exporting… {text}")

    def _on_done(self, result: ReportResult) -> None:
        self._busy = False
        self.exported.emit(result.path)
        self.accept()
        offer_to_open(self.parentWidget(), result)

    def _on_error(self, exc: Exception) -> None:
        from ui.errors import show_error

        self._busy = False
        self.buttons.setEnabled(True)
        self.status.setText("")
        show_error(self, exc, "The PDF could not be made")


def offer_to_open(parent: QWidget | None, result: ReportResult) -> None:
    """Non-modal "Open it now?" once the file is written."""
    box = QMessageBox(QMessageBox.Icon.Information, "PDF exported",
                      f"Saved {result.path.name} ({result.pages} page{'s' if result.pages != 1 else ''}).",
                      QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close, parent)
    box.setInformativeText(str(result.path.parent))
    box.setDefaultButton(QMessageBox.StandardButton.Open)
    box.button(QMessageBox.StandardButton.Open).clicked.connect(
        lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path))))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def open_export_dialog(parent: QWidget, worker, contact_id: int | None) -> None:
    """Show the export dialog for the current contact (None: portfolio only)."""
    dialog = ExportDialog(parent, worker, contact_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
