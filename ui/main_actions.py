"""Menus, toolbar and shortcuts of the main window, built in one place."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from ui.theme import icon


@dataclass
class Actions:
    new_contact: QAction
    new_note: QAction
    edit_contact: QAction
    archive_contact: QAction
    import_csv: QAction
    sample: QAction
    export_pdf: QAction
    quit: QAction
    undo: QAction
    search: QAction
    brief: QAction
    portfolio: QAction
    show_archived: QAction
    next_contact: QAction
    prev_contact: QAction
    about: QAction


def _action(window: QMainWindow, text: str, shortcut: str | QKeySequence.StandardKey | None = None,
            icon_name: str | None = None, tip: str = "") -> QAction:
    a = QAction(text, window)
    if icon_name:
        a.setIcon(icon(icon_name))
    if shortcut is not None:
        a.setShortcut(QKeySequence(shortcut))
    if tip:
        a.setToolTip(tip + (f" ({a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                            if shortcut else ""))
        a.setStatusTip(tip)
    a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.addAction(a)
    return a


def build_actions(w: QMainWindow) -> Actions:
    acts = Actions(
        new_contact=_action(w, "New &contact…", "Ctrl+Shift+N", "contact-add", "Add a contact"),
        new_note=_action(w, "New &note…", "Ctrl+N", "note-add", "Add a note for the selected contact"),
        edit_contact=_action(w, "&Edit contact…", "Ctrl+Shift+E", "edit", "Edit the selected contact"),
        archive_contact=_action(w, "&Archive contact", None, "archive", "Archive or unarchive the contact"),
        import_csv=_action(w, "&Import notes from CSV…", "Ctrl+I", "import", "Import notes from a CSV file"),
        sample=_action(w, "Open &sample data", None, "sample", "Add a dozen made-up sample clients"),
        export_pdf=_action(w, "&Export PDF…", "Ctrl+E", "export", "Export a PDF report"),
        quit=_action(w, "&Quit", QKeySequence.StandardKey.Quit),
        undo=_action(w, "&Undo", QKeySequence.StandardKey.Undo, "undo"),
        search=_action(w, "&Search notes…", QKeySequence.StandardKey.Find, "search", "Search all notes"),
        brief=_action(w, "Pre-meeting &brief", "Ctrl+B", "brief", "One-page brief for the selected contact"),
        portfolio=_action(w, "&Portfolio", "Ctrl+Shift+P", "portfolio", "All relationships on one chart"),
        show_archived=_action(w, "Show &archived contacts"),
        next_contact=_action(w, "Next contact", "Alt+Down"),
        prev_contact=_action(w, "Previous contact", "Alt+Up"),
        about=_action(w, f"&About {w.windowTitle() or 'Rapport'}"),
    )
    acts.portfolio.setCheckable(True)
    acts.show_archived.setCheckable(True)
    acts.undo.setEnabled(False)
    acts.quit.setMenuRole(QAction.MenuRole.QuitRole)
    acts.about.setMenuRole(QAction.MenuRole.AboutRole)

    bar = w.menuBar()
    m = bar.addMenu("&File")
    for a in (acts.new_contact, acts.new_note, None, acts.import_csv, acts.sample, None,
              acts.export_pdf, None, acts.quit):
        m.addSeparator() if a is None else m.addAction(a)
    m = bar.addMenu("&Edit")
    for a in (acts.undo, None, acts.edit_contact, acts.archive_contact):
        m.addSeparator() if a is None else m.addAction(a)
    m = bar.addMenu("&View")
    for a in (acts.search, acts.brief, acts.portfolio, None, acts.show_archived, None,
              acts.prev_contact, acts.next_contact):
        m.addSeparator() if a is None else m.addAction(a)
    bar.addMenu("&Help").addAction(acts.about)

    tb = QToolBar("Main", w)
    tb.setObjectName("mainToolbar")
    tb.setMovable(False)
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for a in (acts.new_contact, acts.new_note, None, acts.search, acts.brief, acts.portfolio,
              None, acts.export_pdf):
        tb.addSeparator() if a is None else tb.addAction(a)
    w.addToolBar(tb)
    return acts
