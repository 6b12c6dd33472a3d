"""The notes timeline: a list model (not thousands of widgets) and a painted row."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QAbstractListModel, QModelIndex, QPersistentModelIndex, QPointF,
                            QRectF, QSize, Qt)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from models import NoteInfo
from ui.theme import LABEL_TEXT, label_color, soft

NOTE_ROLE = Qt.ItemDataRole.UserRole + 10
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 11
TERMS_ROLE = Qt.ItemDataRole.UserRole + 12
PREVIEW_CHARS = 400
_Index = QModelIndex | QPersistentModelIndex


def note_terms(note: NoteInfo) -> list[tuple[int, int, float]]:
    """(start, end, weight) of the words that moved the score, from the stored breakdown."""
    out: list[tuple[int, int, float]] = []
    for sentence in note.sentences():
        for term in sentence.terms:
            if abs(term.weight) >= 0.02 and 0 <= term.start < term.end <= len(note.text):
                out.append((term.start, term.end, term.weight))
    return out


def header_text(note: NoteInfo) -> str:
    parts = [f"{note.occurred_at:%d %b %Y, %H:%M}", note.kind.capitalize()]
    if note.duration_min:
        parts.append(f"{note.duration_min} min")
    return "  ·  ".join(parts)


def kind_text(note: NoteInfo) -> str:
    """Kind and duration, for the second header line of narrow rows."""
    return note.kind.capitalize() + (f"  ·  {note.duration_min} min" if note.duration_min else "")


# The widest header a row may need; every row has the same layout, so rows stay uniform.
_WIDEST_HEADER = "28 Sep 2026, 10:30  ·  Meeting  ·  120 min"
_WIDEST_CHIP = "Negative ✎"


class NotesModel(QAbstractListModel):
    """A contact's notes, newest first."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._notes: list[NoteInfo] = []
        self._terms: dict[int, list[tuple[int, int, float]]] = {}

    def set_notes(self, notes: list[NoteInfo]) -> None:
        self.beginResetModel()
        self._notes = list(notes)
        self._terms.clear()
        self.endResetModel()

    def append_notes(self, notes: list[NoteInfo]) -> None:
        """Add older notes at the end (selection and scroll position stay)."""
        if not notes:
            return
        first = len(self._notes)
        self.beginInsertRows(QModelIndex(), first, first + len(notes) - 1)
        self._notes.extend(notes)
        self.endInsertRows()

    def notes(self) -> list[NoteInfo]:
        return list(self._notes)

    def row_of(self, note_id: int) -> int:
        return next((i for i, n in enumerate(self._notes) if n.id == note_id), -1)

    def replace_note(self, note: NoteInfo) -> None:
        """Put an edited note in place, moving it if its date changed."""
        old = self.row_of(note.id)
        if old >= 0:
            self.beginRemoveRows(QModelIndex(), old, old)
            del self._notes[old]
            self._terms.pop(note.id, None)
            self.endRemoveRows()
        key = (note.occurred_at, note.id)
        row = next((i for i, n in enumerate(self._notes) if (n.occurred_at, n.id) < key), len(self._notes))
        self.beginInsertRows(QModelIndex(), row, row)
        self._notes.insert(row, note)
        self.endInsertRows()

    def remove_note(self, note_id: int) -> None:
        row = self.row_of(note_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._notes[row]
            self.endRemoveRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._notes)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._notes)):
            return None
        note = self._notes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return note.first_line
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{header_text(note)}. {LABEL_TEXT.get(note.label, note.label)}. {note.first_line}"
        if role == NOTE_ROLE:
            return note
        if role == NOTE_ID_ROLE:
            return note.id
        if role == TERMS_ROLE:
            if note.id not in self._terms:  # parsed lazily: only rows that get painted
                self._terms[note.id] = note_terms(note)
            return self._terms[note.id]
        return None


class NoteRowDelegate(QStyledItemDelegate):
    """Header (date · kind · duration), a label chip, then two lines of text with the words
    that drove the score tinted. Every row has the same height, so 5,000 rows lay out fast."""

    PREVIEW_LINES = 2

    def _bold(self, font: QFont) -> QFont:
        bold = QFont(font)
        bold.setBold(True)
        return bold

    def two_line_header(self, font: QFont, width: float) -> bool:
        """True when date, kind and duration do not fit beside the label chip."""
        need = (QFontMetrics(self._bold(font)).horizontalAdvance(_WIDEST_HEADER)
                + QFontMetrics(font).horizontalAdvance(_WIDEST_CHIP) + 14 + 8 + 20)
        return need > width

    def _view_width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget if isinstance(option.widget, QAbstractItemView) else self.parent()
        return view.viewport().width() if isinstance(view, QAbstractItemView) else 400

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        h = option.fontMetrics.height()
        extra = h + 2 if self.two_line_header(option.font, self._view_width(option)) else 0
        # Narrow width hint: the row follows the view's width, never a horizontal scroll bar.
        return QSize(120, h * (1 + self.PREVIEW_LINES) + 22 + extra)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        note: NoteInfo | None = index.data(NOTE_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if note is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = option.palette.highlightedText().color() if selected else option.palette.text().color()
        muted = QColor(text_color)
        muted.setAlpha(170)
        fm = option.fontMetrics
        r = QRectF(option.rect).adjusted(10, 6, -10, -6)
        two_lines = self.two_line_header(option.font, option.rect.width())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Label chip on the right; a stripe on the left repeats the colour for scanning.
        color = label_color(note.label)
        chip_text = LABEL_TEXT.get(note.label, note.label) + (" ✎" if note.label_override else "")
        chip_w = fm.horizontalAdvance(chip_text) + 14
        chip = QRectF(r.right() - chip_w, r.top(), chip_w, fm.height() + 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(QRectF(option.rect.left() + 2, r.top(), 3, r.height()), 1.5, 1.5)
        if selected:  # an opaque chip on the highlight keeps its own readable colours
            painter.setBrush(option.palette.base().color())
            painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
        painter.setBrush(soft(color, 60))
        painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
        painter.setPen(option.palette.text().color())
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, chip_text)
        bold = self._bold(option.font)
        painter.setFont(bold)
        painter.setPen(muted if not selected else text_color)
        head = QRectF(r.left(), r.top(), r.width() - chip_w - 8, fm.height() + 2)
        first = f"{note.occurred_at:%d %b %Y, %H:%M}" if two_lines else header_text(note)
        painter.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(first, Qt.TextElideMode.ElideRight,
                                                       int(head.width())))
        top = r.top() + fm.height() + 6
        if two_lines:
            painter.setFont(option.font)
            painter.setPen(muted)
            painter.drawText(QRectF(r.left(), top - 2, r.width(), fm.height() + 2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(kind_text(note), Qt.TextElideMode.ElideRight, int(r.width())))
            top += fm.height() + 2
        painter.setFont(option.font)
        self._paint_preview(painter, note, index.data(TERMS_ROLE) or [], option.font, text_color,
                            QRectF(r.left(), top, r.width(),
                                   fm.height() * self.PREVIEW_LINES))
        painter.restore()

    def _paint_preview(self, painter: QPainter, note: NoteInfo, terms: list[tuple[int, int, float]],
                       font: QFont, color: QColor, rect: QRectF) -> None:
        # Same length as the original prefix, so the stored term offsets still line up.
        preview = note.text[:PREVIEW_CHARS].replace("\n", " ").replace("\r", " ")
        layout = QTextLayout(preview, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        formats = []
        for start, end, weight in terms:
            if start >= len(preview):
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(soft(label_color("positive" if weight > 0 else "negative"), 70))
            fmt.setForeground(color)
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = start, min(end, len(preview)) - start, fmt
            formats.append(r)
        layout.setFormats(formats)
        layout.beginLayout()
        y = 0.0
        lines = []
        while len(lines) < self.PREVIEW_LINES:
            line = layout.createLine()
            if not line.isValid():
                break
            last = len(lines) == self.PREVIEW_LINES - 1
            line.setLineWidth(rect.width() - (16 if last else 0))  # room for the ellipsis
            line.setPosition(QPointF(0, y))
            y += line.height()
            lines.append(line)
        layout.endLayout()
        painter.setPen(color)
        layout.draw(painter, rect.topLeft())
        if lines and lines[-1].textStart() + lines[-1].textLength() < len(note.text.rstrip()):
            # Longer than the preview: say so.
            last = lines[-1]
            painter.drawText(QPointF(rect.left() + last.naturalTextWidth() + 2,
                                     rect.top() + last.y() + last.ascent()), "…")
