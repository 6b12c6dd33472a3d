"""Errors reach the user in plain words (after Anki's aqt/errors.py).

Expected errors (``JournalError`` and its kin) are shown as they are. Anything else is logged
to ``rapport.log`` in the data folder and shown with a "Copy details" button.
"""
from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models import JournalError
from sentiment import LexiconError

log = logging.getLogger("rapport")
_EXPECTED = (JournalError, LexiconError)


def is_expected(exc: BaseException) -> bool:
    return isinstance(exc, _EXPECTED)


def show_error(parent: QWidget | None, exc: BaseException, title: str = "Something went wrong") -> None:
    """Show ``exc`` in a dialog: plain message for expected errors, details for the rest."""
    if parent is None:
        parent = QApplication.activeWindow()
    if is_expected(exc):
        QMessageBox.warning(parent, "Rapport", str(exc))
        return
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("Unexpected error\n%s", details)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText("Something unexpected went wrong. Your notes are safe: every change is saved "
                "as one piece or not at all.")
    box.setInformativeText(f"{type(exc).__name__}: {exc}\n\nThe details are in the log file "
                           "in your data folder.")
    box.setDetailedText(details)
    copy = box.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.open()


def install_gui_excepthook() -> None:
    """Unexpected exceptions in slots end up in a dialog instead of a silent stderr line."""
    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        log.critical("Unhandled error", exc_info=(exc_type, exc, tb))
        if QApplication.instance() is not None:
            show_error(None, exc.with_traceback(tb) if exc is not None else exc_type())
        else:
            previous(exc_type, exc, tb)

    sys.excepthook = hook
