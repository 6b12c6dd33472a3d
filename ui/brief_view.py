"""The pre-meeting brief: one printable screen that answers "how are things with them?"."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QPushButton, QTextBrowser, QVBoxLayout,
                               QWidget)

from models import Brief, NoteInfo
from ui.theme import LABEL_TEXT, TREND_ARROW, TREND_HELP, TREND_TEXT, format_days, icon, label_color, trend_color


def _e(text: str) -> str:
    return html.escape(text)


def _note_line(note: NoteInfo) -> str:
    c = label_color(note.label).name()
    return (f"<tr><td style='white-space:nowrap; padding-right:10px'>{note.occurred_at:%d %b %Y}</td>"
            f"<td style='padding-right:10px'>{_e(note.kind.capitalize())}</td>"
            f"<td style='color:{c}; white-space:nowrap; padding-right:10px'>● {LABEL_TEXT[note.label]}</td>"
            f"<td>{_e(note.first_line)}</td></tr>")


def _mood(value: float | None) -> str:
    return "–" if value is None else f"{value:+.2f}"


def brief_html(b: Brief) -> str:
    """Escaped HTML of the whole brief (also what gets printed)."""
    s = b.summary
    color = trend_color(s.trend).name()
    who = ", ".join(x for x in (b.contact.role, b.contact.company) if x)
    delta = ""
    if b.mood_now is not None and b.mood_3m_ago is not None:
        delta = f" (was {_mood(b.mood_3m_ago)} three months ago, {b.mood_now - b.mood_3m_ago:+.2f})"
    last = (f"{b.last_contact:%d %b %Y} ({format_days(s.days_since_last(b.generated_at.date()))})"
            if b.last_contact else "never")
    parts = [
        f"<h1 style='margin-bottom:0'>{_e(b.contact.name)}</h1>",
        f"<p style='color:gray; margin-top:2px'>{_e(who)}"
        + (f" · tags: {_e(', '.join(b.contact.tags))}" if b.contact.tags else "") + "</p>",
        f"<p><span style='background:{color}; color:white; font-weight:bold'>&nbsp;"
        f"{TREND_ARROW.get(s.trend, '')} {TREND_TEXT.get(s.trend, s.trend)}&nbsp;</span>&nbsp; "
        f"{_e(TREND_HELP.get(s.trend, ''))}"
        + (f" Turned around {s.turned_at:%d %b %Y}." if s.turned_at else "") + "</p>",
        "<table cellspacing='0' cellpadding='3'>",
        f"<tr><td><b>Mood now</b></td><td>{_mood(b.mood_now)}{delta}</td></tr>",
        f"<tr><td><b>Last contact</b></td><td>{last}</td></tr>",
        f"<tr><td><b>Notes</b></td><td>{s.note_count} in total, {s.minutes_total} minutes together</td></tr>",
        "</table>",
    ]
    if b.drivers:
        parts.append("<h3>What drove the trend</h3><ul>")
        parts += [f"<li>{_e(d)}</li>" for d in b.drivers]
        parts.append("</ul>")
    parts.append("<h3>Last interactions</h3>")
    if b.recent:
        parts.append("<table cellspacing='0' cellpadding='2'>" + "".join(_note_line(n) for n in b.recent)
                     + "</table>")
    else:
        parts.append("<p>No notes yet.</p>")
    for title, note in (("Most positive recent note", b.most_positive),
                        ("Most negative recent note", b.most_negative)):
        if note is not None:
            parts.append(f"<h3>{title}</h3><p><i>{note.occurred_at:%d %b %Y}</i> "
                         f"({note.polarity:+.2f}): {_e(note.text[:400])}</p>")
    if b.follow_ups:
        parts.append("<h3>Open follow-ups</h3><ul>" + "".join(f"<li>{_e(f)}</li>" for f in b.follow_ups)
                     + "</ul>")
    parts.append(f"<p style='color:gray; font-size:small'>Brief generated {b.generated_at:%d %b %Y %H:%M}.</p>")
    return "".join(parts)


class BriefDialog(QDialog):
    export_requested = Signal(int)  # contact id

    def __init__(self, brief: Brief, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.brief = brief
        self.setWindowTitle(f"Brief · {brief.contact.name}")
        self.resize(720, 760)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(brief_html(brief))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(icon("print"), "Print…", self)
        self.export_button = QPushButton(icon("export"), "Export PDF…", self)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._on_print)
        self.export_button.clicked.connect(lambda: self.export_requested.emit(brief.contact.id))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    @Slot()
    def _on_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.browser.document().print_(printer)
