"""Main-window commands that open a dialog or start background work.

Kept apart from main_window.py so that file stays about layout and wiring.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

import models
from models import ContactInfo, NoteInfo
from models.appinfo import APP_NAME, APP_TAGLINE, APP_VERSION
from ui.drafts import clear_draft, load_draft

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def import_csv(w: "MainWindow") -> None:
    path, _ = QFileDialog.getOpenFileName(w, "Import notes from CSV", "", "CSV files (*.csv);;All files (*)")
    if not path:
        return
    w.worker.run(lambda: models.import_notes_csv(path),
                 lambda r: (QMessageBox.information(
                     w, "Import finished",
                     f"Imported {r.notes_added} notes and added {r.contacts_added} new contacts."),
                     w.refresh()),
                 label="Importing notes…")


def load_sample(w: "MainWindow") -> None:
    from models.sample import load_sample as _load

    w.worker.run(_load, lambda n: (w.statusBar().showMessage(
        f"Added the sample clients with {n} notes.", 6000), w.refresh()),
        label="Adding sample clients…")


def open_search(w: "MainWindow") -> None:
    from ui.search_dialog import SearchDialog

    dialog = getattr(w, "search_dialog", None)
    if dialog is None:
        dialog = SearchDialog(w.worker, w)
        dialog.open_hit.connect(w.open_contact)
        w.search_dialog = dialog
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.query_edit.setFocus()
    dialog.query_edit.selectAll()


def about(w: "MainWindow") -> None:
    QMessageBox.about(
        w, f"About {APP_NAME}",
        f"<h2>{APP_NAME} {APP_VERSION}</h2><p>{APP_TAGLINE}.</p>"
        "<p>Your notes stay on this computer, in one file:<br>"
        f"<code>{w.db_path}</code></p>"
        "<p>Fonts: DejaVu Sans, Droid Sans Fallback (bundled).</p>")


def edit_contact(w: "MainWindow", contact: ContactInfo | None) -> None:
    from ui.contact_editor import ContactEditor

    tags = sorted({t for s in w.panel.model.summaries() for t in s.tags}, key=str.casefold)
    editor = ContactEditor(w.worker, contact, tags, w)
    editor.saved.connect(lambda c: (w.refresh(select=c.id),
                                    w.contact_view.load(c.id) if contact is not None else None))
    w.contact_editor = editor
    editor.open()


def open_note_editor(w: "MainWindow", contact: ContactInfo, note: NoteInfo | None, draft=None) -> None:
    from ui.note_editor import NoteEditor

    if w.note_editor is not None and w.note_editor.isVisible():
        w.note_editor.raise_()
        w.note_editor.activateWindow()
        return
    editor = NoteEditor(w.worker, w.db_path, contact, note, draft, w)
    editor.saved.connect(w.note_saved)
    editor.finished.connect(lambda _r: setattr(w, "note_editor", None))
    w.note_editor = editor
    editor.show()


def restore_draft(w: "MainWindow") -> None:
    """Reopen a note that was being typed when the app last closed."""
    draft = load_draft(w.db_path)
    if draft is None:
        return

    def opened(pair) -> None:
        contact, note = pair
        open_note_editor(w, contact, note, draft)

    def gone(_exc: Exception) -> None:
        clear_draft(w.db_path)  # its contact or note was deleted meanwhile

    w.worker.run(lambda: (models.get_contact(draft.contact_id),
                          models.get_note(draft.note_id) if draft.note_id else None), opened, gone)


def show_brief(w: "MainWindow", contact_id: int) -> None:
    from ui.brief_view import BriefDialog

    def ready(brief) -> None:
        dialog = BriefDialog(brief, w)
        dialog.export_requested.connect(w.export_pdf)
        w.brief_dialog = dialog
        dialog.show()

    w.worker.run(lambda: models.brief(contact_id), ready, label="Preparing the brief…")


def export_pdf(w: "MainWindow", contact_id: int | None) -> None:
    try:
        from ui.reports.dialog import open_export_dialog
    except ImportError:
        QMessageBox.information(w, "Export PDF", "PDF export is not available in this build.")
        return
    open_export_dialog(w, w.worker, contact_id)


def start_rescore(w: "MainWindow", left: int) -> None:
    """Notes scored by an older analyzer are re-scored in batches, in the background."""
    if getattr(w, "_rescoring", False):
        return
    w._rescoring = True
    from ui.operations import rescore_batch

    def step(result) -> None:
        done, remaining = result
        if remaining and done:
            w.statusBar().showMessage(f"Updating sentiment scores… {remaining} notes left")
            w.worker.run(rescore_batch, step, failed, label="Updating sentiment scores…")
        else:
            w._rescoring = False
            w.statusBar().showMessage("Sentiment scores are up to date.", 5000)
            w.refresh()

    def failed(exc: Exception) -> None:
        from ui.errors import show_error

        w._rescoring = False
        show_error(w, exc)

    w.statusBar().showMessage(f"Updating sentiment scores for {left} notes…")
    w.worker.run(rescore_batch, step, failed, label="Updating sentiment scores…")
