"""The selected note in full: highlighted drivers, one-click label correction, edit, delete."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (QButtonGroup, QHBoxLayout, QLabel, QPushButton, QTextBrowser,
                               QVBoxLayout, QWidget)

from models import NoteInfo
from ui.flow_layout import FlowLayout
from ui.notes_model import header_text, note_terms
from ui.theme import LABEL_TEXT, icon, label_color

_LABELS = ("positive", "neutral", "negative")


def highlighted_html(note: NoteInfo) -> str:
    """Note text as escaped HTML, with the words that moved the score tinted and the strongest
    sentence underlined. Escaping matters: a note may contain ``<img src=...>``."""
    text = note.text
    marks: list[tuple[int, int, str]] = []
    for start, end, weight in note_terms(note):
        c = label_color("positive" if weight > 0 else "negative")
        marks.append((start, end, f"background-color: rgba({c.red()},{c.green()},{c.blue()},0.28)"))
    marks.sort()
    strongest = max(note.sentences(), key=lambda s: abs(s.polarity), default=None)
    out: list[str] = []
    pos = 0
    for start, end, css in marks:
        if start < pos:
            continue  # overlapping phrases: the first one wins
        out.append(html.escape(text[pos:start]))
        out.append(f'<span style="{css}">{html.escape(text[start:end])}</span>')
        pos = end
    out.append(html.escape(text[pos:]))
    body = "".join(out).replace("\n", "<br>")
    if strongest is not None and abs(strongest.polarity) >= 0.2 and len(note.sentences()) > 1:
        quote = html.escape(" ".join(text[strongest.start:strongest.end].split()))
        lead = "Most positive" if strongest.polarity > 0 else "Most negative"
        body += (f'<p style="margin-top:10px; color:gray"><i>{lead} sentence '
                 f'({strongest.polarity:+.2f}):</i> “{quote}”</p>')
    return f'<div style="line-height:140%">{body}</div>'


class NoteDetail(QWidget):
    label_chosen = Signal(int, object)  # note id, label or None to go back to the computed one
    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._note: NoteInfo | None = None
        self.header = QLabel(self)
        self.header.setObjectName("noteHeader")
        self.score_label = QLabel(self)
        self.score_label.setObjectName("mutedLabel")
        self.score_label.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName("Note text")
        self.label_group = QButtonGroup(self)
        self.label_buttons: dict[str, QPushButton] = {}
        # The label buttons wrap when the pane is narrow, so the note pane never forces the
        # notes list narrower; edit and delete sit next to the note's date.
        row = FlowLayout(spacing=4)
        row.addWidget(QLabel("Label:", self))
        for i, label in enumerate(_LABELS):
            b = QPushButton(LABEL_TEXT[label], self)
            b.setCheckable(True)
            b.setObjectName(f"label_{label}")
            b.setToolTip(f"Mark this note as {label}; your correction is kept and counts in the trend.")
            c = label_color(label)
            b.setStyleSheet(f"QPushButton:checked {{ background: {c.name()}; color: white; "
                            f"border-color: {c.darker(120).name()}; }}")
            self.label_group.addButton(b, i)
            self.label_buttons[label] = b
            row.addWidget(b)
        self.reset_button = QPushButton("Use computed", self)
        self.reset_button.setToolTip("Forget your correction and use the analyzer's label again")
        row.addWidget(self.reset_button)
        self.edit_button = QPushButton(icon("edit"), "Edit…", self)
        self.delete_button = QPushButton(icon("delete"), "Delete", self)
        self.header.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        self.placeholder = QLabel("Select a note to read it in full.", self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("mutedLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.score_label)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        layout.addWidget(self.placeholder, 1)
        self.label_group.idClicked.connect(self._on_label_clicked)
        self.reset_button.clicked.connect(self._on_reset)
        self.edit_button.clicked.connect(lambda: self._note and self.edit_requested.emit(self._note.id))
        self.delete_button.clicked.connect(self._on_delete)
        self.set_note(None)

    def note(self) -> NoteInfo | None:
        return self._note

    def set_note(self, note: NoteInfo | None) -> None:
        self._note = note
        has = note is not None
        for w in (self.header, self.score_label, self.browser, self.edit_button, self.delete_button,
                  self.reset_button, *self.label_buttons.values()):
            w.setVisible(has)
        self.placeholder.setVisible(not has)
        if note is None:
            return
        self.header.setText(f"<b>{html.escape(header_text(note))}</b>")
        computed = LABEL_TEXT.get(note.computed_label, note.computed_label)
        if note.label_override:
            self.score_label.setText(f"You marked this {note.label_override}. The analyzer said "
                                     f"{computed.lower()} ({note.polarity:+.2f}).")
        else:
            self.score_label.setText(f"Scored {computed.lower()} ({note.polarity:+.2f}). "
                                     "Tinted words moved the score; click a label to correct it.")
        self.browser.setHtml(highlighted_html(note))
        self.label_buttons[note.label].setChecked(True)
        self.reset_button.setEnabled(note.label_override is not None)

    @Slot(int)
    def _on_label_clicked(self, button_id: int) -> None:
        if self._note is None:
            return
        label = _LABELS[button_id]
        # Choosing what the analyzer already said clears the correction instead of storing it.
        value = None if label == self._note.computed_label else label
        if value != self._note.label_override:
            self.label_chosen.emit(self._note.id, value)

    @Slot()
    def _on_reset(self) -> None:
        if self._note is not None and self._note.label_override is not None:
            self.label_chosen.emit(self._note.id, None)

    @Slot()
    def _on_delete(self) -> None:
        if self._note is not None:
            self.delete_requested.emit(self._note.id)
