"""Application start-up: identity, fonts, style, high DPI, then the main window."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from models.appinfo import APP_ID, APP_NAME, APP_VERSION, ORG_NAME
from ui.resources import FONT_FAMILY, register_fonts

log = logging.getLogger("rapport")


def _has_system_fonts(registered: list[str]) -> bool:
    return any(f not in registered for f in QFontDatabase.families())


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, set up the same way for the app, selftest, tests and screenshots."""
    app = QApplication.instance()
    if app is None:
        # Fractional scaling (150 %) looks crisp only with pass-through rounding.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(APP_VERSION)
    app.setOrganizationName(ORG_NAME)
    app.setDesktopFileName(APP_ID)
    registered = register_fonts()
    if not _has_system_fonts(registered):
        # Without any system font Qt draws empty boxes: use the bundled one.
        app.setFont(QFont(FONT_FAMILY, 10))
    # Fusion looks the same everywhere and follows the system light/dark scheme (Qt >= 6.5).
    app.setStyle("Fusion")
    from ui.theme import icon

    app.setWindowIcon(icon("rapport"))
    _load_style_sheet(app)
    return app


def _load_style_sheet(app: QApplication) -> None:
    from ui.resources import resource_path

    path = resource_path("style.qss")
    if path.exists():
        app.setStyleSheet(path.read_text(encoding="utf-8"))


def check_analyzer() -> None:
    """Fail loudly if the sentiment word lists did not ship (scores would silently be 0)."""
    from sentiment import check_lexicons

    check_lexicons()


def run_gui(db_path: Path) -> int:
    """Open the journal at ``db_path`` in the main window; returns the exit code."""
    from models import JournalError, close_journal, open_journal
    from sentiment import LexiconError
    from ui.errors import install_gui_excepthook

    app = create_application()
    install_gui_excepthook()
    try:
        open_journal(db_path)  # the word lists are checked by the window, in the background
    except (JournalError, LexiconError) as exc:
        QMessageBox.critical(None, f"{APP_NAME} cannot start", str(exc))
        return 2
    from ui.main_window import MainWindow

    window = MainWindow(Path(db_path))
    window.show()
    code = app.exec()
    window.worker.wait_for_done(10_000)
    close_journal()
    return code


def ensure_platform() -> None:
    """Headless runs (selftest, screenshots) draw offscreen unless told otherwise."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
