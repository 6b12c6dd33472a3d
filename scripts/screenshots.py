"""Take the README screenshots from the sample data, offscreen.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]

Writes main_window.png, contact_view.png, brief.png, portfolio.png, search.png,
empty_state.png (light palette, the default look) and main_window_dark.png (Fusion with a dark
palette, to check that everything stays readable there).
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _wait(app, done, timeout_s: float = 30.0) -> None:
    from ui.waiting import wait_until

    if not wait_until(done, timeout_s):
        raise RuntimeError("timed out waiting for the window")


def _settle(app) -> None:
    from ui.waiting import settle

    settle(250)


def dark_palette():
    """A plain dark Fusion palette, like a desktop in dark mode."""
    from PySide6.QtGui import QColor, QPalette

    p = QPalette()
    role = QPalette.ColorRole
    for r, c in ((role.Window, "#2b2d31"), (role.WindowText, "#e6e6e6"), (role.Base, "#1f2023"),
                 (role.AlternateBase, "#27292d"), (role.Text, "#e6e6e6"), (role.Button, "#33363b"),
                 (role.ButtonText, "#e6e6e6"), (role.Highlight, "#2f6fb3"),
                 (role.HighlightedText, "#ffffff"), (role.ToolTipBase, "#33363b"),
                 (role.ToolTipText, "#e6e6e6"), (role.PlaceholderText, "#9aa0a8"),
                 (role.Mid, "#55585e"), (role.Midlight, "#45484e"), (role.Dark, "#1a1b1e"),
                 (role.Light, "#4a4d53"), (role.Link, "#7fb0ea")):
        p.setColor(r, QColor(c))
    p.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#7a7f87"))
    p.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#7a7f87"))
    p.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor("#7a7f87"))
    return p


def main(out_dir: Path) -> int:
    import models
    from models.sample import load_sample
    from ui.app import create_application
    from ui.settings import use_settings_file

    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="rapport-shots-"))
    use_settings_file(tmp / "settings.ini")  # never the user's own window layout
    app = create_application()
    from ui.main_window import MainWindow

    # Empty state first, on an empty journal.
    models.open_journal(tmp / "empty.sqlite3")
    window = MainWindow(tmp / "empty.sqlite3")
    window.resize(1100, 720)
    window.show()
    _wait(app, lambda: window.state is not None)
    _settle(app)
    window.grab().save(str(out_dir / "empty_state.png"))
    window.close()
    models.close_journal()

    db = tmp / "sample.sqlite3"
    models.open_journal(db)
    load_sample()
    window = MainWindow(db)
    window.resize(1440, 900)
    window.show()
    _wait(app, lambda: window.state is not None)
    # A souring client makes the most telling picture.
    target = next(s for s in window.panel.model.summaries() if s.trend == "souring")
    window.panel.select_contact(target.id)
    _wait(app, lambda: window.contact_view.bundle is not None
          and window.contact_view.bundle.contact.id == target.id)
    window.contact_view.select_note(window.contact_view.bundle.notes[0].id)
    _settle(app)
    window.grab().save(str(out_dir / "main_window.png"))
    window.contact_view.grab().save(str(out_dir / "contact_view.png"))

    window.actions.portfolio.setChecked(True)
    _settle(app)
    window.grab().save(str(out_dir / "portfolio.png"))
    window.actions.portfolio.setChecked(False)

    window.show_brief()
    _wait(app, lambda: getattr(window, "brief_dialog", None) is not None)
    _settle(app)
    window.brief_dialog.grab().save(str(out_dir / "brief.png"))
    window.brief_dialog.close()

    from ui.search_dialog import SearchDialog

    search = SearchDialog(window.worker, window)
    search.resize(640, 420)
    search.show()
    search.query_edit.setText("estimate")
    _wait(app, lambda: search.model.rowCount() > 0)
    _settle(app)
    search.grab().save(str(out_dir / "search.png"))
    search.close()
    window.worker.wait_for_done(5000)
    window.close()

    app.setPalette(dark_palette())
    window = MainWindow(db)
    window.resize(1440, 900)
    window.show()
    _wait(app, lambda: window.state is not None)
    window.panel.select_contact(target.id)
    _wait(app, lambda: window.contact_view.bundle is not None
          and window.contact_view.bundle.contact.id == target.id)
    window.contact_view.select_note(window.contact_view.bundle.notes[0].id)
    _settle(app)
    window.grab().save(str(out_dir / "main_window_dark.png"))
    window.worker.wait_for_done(5000)
    window.close()
    models.close_journal()
    print(f"screenshots written to {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
